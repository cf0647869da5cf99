/**
 * Task pane first render in headless Chromium: the built pane (dist/, from `npm run build`) served on
 * localhost with the Excel double injected, as the e2e test loads it. Measured from navigation start to
 * the first animation frame in which the preview of the bundled table (195 requirements) is on screen.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AddressInfo } from "net";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, excelDoubleScript, serve } from "../test/e2e/paneServer";
import type { BenchSection } from "./run";
import { median } from "./scales";

const DIST = path.join(__dirname, "../dist");
const RUNS = 7;

export async function run(): Promise<BenchSection> {
  const title = "Task pane first render (headless Chromium)";
  if (!fs.existsSync(path.join(DIST, "taskpane.html")) || !fs.existsSync(CHROMIUM)) {
    const why = fs.existsSync(CHROMIUM) ? "dist/ missing: run npm run build first" : `${CHROMIUM} missing`;
    return { title, rows: [{ measure: "first render", value: why, unit: "" }], summary: [{ measure: "task pane first render", unit: "", values: why }] };
  }
  const server = await serve(DIST);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "soil-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 380, height: 900 }, locale: "zh-CN" });
  try {
    await context.addInitScript({ content: await excelDoubleScript() });
    const { port } = server.address() as AddressInfo;
    const preview: number[] = [];
    // The first load fills the HTTP cache; later loads are what a reopened pane sees.
    for (let i = 0; i <= RUNS; i++) {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/taskpane.html`, { waitUntil: "commit" });
      const at = await (
        await page.waitForFunction(() => (document.querySelector('[aria-label="分工表预览"]')?.textContent?.includes("195") ? performance.now() : 0), undefined, { polling: "raf", timeout: 30_000 })
      ).jsonValue();
      if (i > 0) preview.push(at);
      await page.close();
    }
    return {
      title,
      rows: [
        { measure: `preview of the bundled table on screen, median of ${RUNS}`, value: Math.round(median(preview)), unit: "ms" },
        { measure: "slowest of the runs", value: Math.round(Math.max(...preview)), unit: "ms" },
      ],
      notes: ["From navigation start; the page loads office.js (which waits ~300 ms outside Office before Office.onReady) and the pane bundle from localhost, the bundled table is parsed, and React renders. Chromium's start-up is not included."],
      summary: [{ measure: "task pane first render (preview on screen, headless Chromium)", unit: "ms", values: median(preview) }],
    };
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
