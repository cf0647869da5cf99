/** The built pane (dist/) served on localhost and the Excel double as a browser script: shared by the e2e test and the first-render bench. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { BrowserContext, chromium, Page } from "playwright-core";
import { excelDoubleScript } from "../doubles/browserExcelScript";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png", ".css": "text/css" };

export function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = path.join(root, path.normalize(url).replace(/^([/\\])+/, ""));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The Excel double bundled for the page (one definition, shared with the nginx test). */
export { excelDoubleScript };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the add-in (in `root`) when dist/ is missing or older than its sources. */
export function ensureBuild(root: string): void {
  // Production bundles are named by content (taskpane.<hash>.js); taskpane.html is rewritten by every build.
  const page = path.join(root, "dist", "taskpane.html");
  const sources = Math.max(
    newestMtime(path.join(root, "src")),
    newestMtime(path.join(root, "seeds")),
    newestMtime(path.join(root, "deploy")),
    fs.statSync(path.join(root, "webpack.config.js")).mtimeMs,
  );
  if (fs.existsSync(page) && fs.statSync(page).mtimeMs >= sources) return;
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "pipe", timeout: 280_000 });
}

/** The built pane open in headless Chromium with the Excel double, as both e2e files use it. */
export interface OpenPane {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors of the page. */
  errors: string[];
  close(): Promise<void>;
}

/** Builds if needed, serves dist/, starts Chromium (fresh profile, zh-CN) with the double and opens taskpane.html. */
export async function openPane(root: string, viewport: { width: number; height: number }, deviceScaleFactor = 1): Promise<OpenPane> {
  ensureBuild(root);
  const server = await serve(path.join(root, "dist"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "soil-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, deviceScaleFactor, locale: "zh-CN" });
  await context.addInitScript({ content: await excelDoubleScript() });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const { port } = server.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
  return {
    page,
    context,
    errors,
    close: async () => {
      await context.close();
      server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
