/**
 * The static-hosting recipe for real: a production build for a host on this machine
 * (`--env host=https://127.0.0.1:<port>/soil/`), the nginx configuration `npm run nginx-config` renders from
 * deploy/nginx/soil.conf.template, nginx (the Debian package) on loopback with a self-signed certificate made by
 * openssl, then every URL of the built manifest fetched over verified TLS, the headers checked, and the task pane
 * loaded through nginx in headless Chromium under its Content-Security-Policy (header + <meta>), with no violation.
 * Skipped, with the reason, only where nginx, openssl or Chromium is missing (CI installs them: .ci/run).
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as https from "https";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { BrowserContext, chromium } from "playwright-core";
import { contentSecurityPolicy, parseCsp, resolveDeployment } from "../../deploy/deployment";
import { checkManifestText, parseXml, runXmllint, XmlElement } from "../../scripts/manifestCheck";
import { readDeployInfo, renderNginxConfig } from "../../scripts/nginx-config";
import { excelDoubleScript } from "../doubles/browserExcelScript";

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "test-artifacts", "deploy");

jest.setTimeout(300_000);

/** nginx from PATH, or where Debian puts it (/usr/sbin is not on every user's PATH). */
const NGINX = ["nginx", "/usr/sbin/nginx"].find((cmd) => !spawnSync(cmd, ["-v"]).error) ?? "nginx";

function missingTool(): string | null {
  if (spawnSync(NGINX, ["-v"]).error) return "nginx is not installed (apt-get install nginx; .ci/run installs it)";
  if (spawnSync("openssl", ["version"]).error) return "openssl is not installed";
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} is not installed`;
  return null;
}

const skip = missingTool();
if (skip) console.warn(`Skipping the nginx hosting test: ${skip}`);
const describeNginx = skip ? describe.skip : describe;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** An HTTPS request that verifies nginx's certificate against the test's own CA (the self-signed certificate). */
function request(url: string, ca: Buffer, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, ca, agent: false, headers: { Origin: "https://excel.officeapps.live.com" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function waitForPort(port: number, nginx: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nginx did not listen on ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every URL written in the manifest (attribute values and texts), xmlns declarations aside. */
function manifestUrls(el: XmlElement, out: { where: string; url: string }[] = []): { where: string; url: string }[] {
  for (const [name, value] of Object.entries(el.attrs)) {
    if (!name.startsWith("xmlns") && /^[a-z]+:\/\//i.test(value)) out.push({ where: `${el.local}@${name}`, url: value });
  }
  if (/^[a-z]+:\/\//i.test(el.text.trim())) out.push({ where: el.local, url: el.text.trim() });
  for (const c of el.children) manifestUrls(c, out);
  return out;
}

const header = (r: Reply, name: string) => String(r.headers[name] ?? "");
const YEAR = "public, max-age=31536000, immutable";

describeNginx("dist/ served by nginx over HTTPS (deploy/nginx)", () => {
  let tmp: string;
  let build: string;
  let host: string;
  let ca: Buffer;
  let nginx: ChildProcess | undefined;
  let manifestXml: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "soil-nginx-"));
    // nginx's workers run as nobody when the test runs as root: they must be able to read the build.
    fs.chmodSync(tmp, 0o755);
    build = path.join(tmp, "dist");
    const port = await freePort();
    host = `https://127.0.0.1:${port}/soil/`;

    // A production build for that host. officejs=local: the CDN is not reachable from the test machine.
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `host=${host}`, "--env", "officejs=local", "--output-path", build],
      { cwd: ROOT, stdio: "pipe", timeout: 240_000 },
    );

    const cert = path.join(tmp, "cert.pem");
    const key = path.join(tmp, "key.pem");
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert,
    ], { stdio: "pipe" });
    ca = fs.readFileSync(cert);

    fs.writeFileSync(
      path.join(tmp, "soil.conf"),
      renderNginxConfig(readDeployInfo(build), { root: build, certificate: cert, certificateKey: key, listen: `127.0.0.1:${port}`, serverName: "127.0.0.1" }),
    );
    const temp = (name: string) => `${name}_temp_path ${path.join(tmp, name)};`;
    fs.writeFileSync(
      path.join(tmp, "nginx.conf"),
      [
        "daemon off;",
        "worker_processes 1;",
        `pid ${path.join(tmp, "nginx.pid")};`,
        `error_log ${path.join(tmp, "error.log")} info;`,
        "events { worker_connections 64; }",
        "http {",
        // What Debian's /etc/nginx/nginx.conf gives the sites it includes.
        "  include /etc/nginx/mime.types;",
        "  default_type application/octet-stream;",
        `  access_log ${path.join(tmp, "access.log")};`,
        `  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join(" ")}`,
        `  include ${path.join(tmp, "soil.conf")};`,
        "}",
        "",
      ].join("\n"),
    );
    const args = ["-p", tmp, "-c", path.join(tmp, "nginx.conf"), "-e", path.join(tmp, "error.log")];
    const check = spawnSync(NGINX, ["-t", ...args], { encoding: "utf8" });
    if (check.status !== 0) throw new Error(`nginx -t rejected the configuration:\n${check.stderr}`);
    nginx = spawn(NGINX, args, { stdio: "ignore" });
    await waitForPort(port, nginx, () => (fs.existsSync(path.join(tmp, "error.log")) ? fs.readFileSync(path.join(tmp, "error.log"), "utf8") : ""));
    manifestXml = (await request(`${host}manifest.xml`, ca)).body.toString("utf8");
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const server = nginx;
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise<void>((resolve) => {
        server.once("exit", () => resolve());
        timer = setTimeout(() => {
          server.kill("SIGKILL");
          resolve();
        }, 5000);
      });
      server.kill("SIGQUIT");
      await exited;
      clearTimeout(timer);
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("the built manifest passes the offline checks and every URL in it starts with the host", () => {
    const result = checkManifestText(manifestXml, "served manifest.xml");
    expect(result.errors).toEqual([]);
    expect(result.baseUrl).toBe(host);
    const urls = manifestUrls(parseXml(manifestXml));
    expect(urls.length).toBeGreaterThanOrEqual(12);
    const appDomains = urls.filter((u) => u.where === "AppDomain");
    expect(appDomains.map((u) => u.url)).toEqual([new URL(host).origin]);
    const elsewhere = urls.filter((u) => u.where !== "AppDomain" && !u.url.startsWith(host));
    expect(elsewhere).toEqual([]);
    expect(manifestXml).not.toMatch(/https?:\/\/localhost/);
  });

  test("the built manifest is valid against the XSD (when ../shared/manifest-schema and xmllint are there)", () => {
    const file = path.join(tmp, "served-manifest.xml");
    fs.writeFileSync(file, manifestXml);
    const r = runXmllint(file);
    if (r.status === "skipped") {
      console.warn(`Skipping the XSD check of the built manifest: ${r.message}`);
      return;
    }
    expect(r.message).toMatch(/validates/);
    expect(r.status).toBe("valid");
  });

  test("the manifest, the pages and the metadata are served fresh; functions.json with CORS for Excel on the web", async () => {
    const cases: [string, RegExp][] = [
      ["manifest.xml", /^text\/xml; charset=utf-8$/],
      ["taskpane.html", /^text\/html; charset=utf-8$/],
      ["functions.json", /^application\/json; charset=utf-8$/],
      ["functions.js", /^application\/javascript; charset=utf-8$/],
      ["office.js", /^application\/javascript; charset=utf-8$/],
    ];
    for (const [file, type] of cases) {
      const r = await request(`${host}${file}`, ca);
      expect([file, r.status, header(r, "content-type"), header(r, "cache-control")]).toEqual([file, 200, expect.stringMatching(type), "no-cache"]);
      expect(header(r, "x-content-type-options")).toBe("nosniff");
      expect(r.headers.etag).toBeTruthy();
    }
    const json = await request(`${host}functions.json`, ca);
    expect(header(json, "access-control-allow-origin")).toBe("*");
    expect(JSON.parse(json.body.toString("utf8")).functions.length).toBeGreaterThan(5);
  });

  test("every URL the manifest names answers over verified TLS; the icons are PNGs of their declared size", async () => {
    const urls = [...new Set(manifestUrls(parseXml(manifestXml)).filter((u) => u.where !== "AppDomain").map((u) => u.url))];
    const icons = checkManifestText(manifestXml).resources.filter((r) => r.kind === "Image");
    expect(icons.length).toBe(3);
    for (const url of urls) {
      const r = await request(url, ca);
      expect([url, r.status]).toEqual([url, 200]);
      if (url.endsWith(".png")) {
        expect(header(r, "content-type")).toBe("image/png");
        expect(r.body.subarray(1, 4).toString("latin1")).toBe("PNG");
        const icon = icons.find((i) => i.value === url);
        if (icon) {
          const size = Number(/(\d+)x\1/.exec(icon.id)![1]);
          expect([url, r.body.readUInt32BE(16), r.body.readUInt32BE(20)]).toEqual([url, size, size]);
        }
      }
    }
  });

  test("hashed bundles are cached for a year, a missing one is not, nothing but GET is allowed", async () => {
    const hashed = fs.readdirSync(build).filter((f) => /\.[0-9a-f]{8}\.js$/.test(f));
    expect(hashed.length).toBeGreaterThanOrEqual(2); // taskpane.<hash>.js, jszip.<hash>.js
    const html = fs.readFileSync(path.join(build, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["office.js", "functions.js", expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
    for (const file of [...hashed, ...hashed.map((f) => `${f}.map`)]) {
      const r = await request(`${host}${file}`, ca);
      expect([file, r.status, header(r, "cache-control")]).toEqual([file, 200, YEAR]);
      if (file.endsWith(".js")) expect(header(r, "content-type")).toMatch(/^application\/javascript/);
    }
    const missing = await request(`${host}taskpane.00000000.js`, ca);
    expect([missing.status, header(missing, "cache-control")]).toEqual([404, ""]);
    const post = await request(`${host}functions.json`, ca, "POST");
    expect(post.status).toBe(403);
    const bare = await request(host.replace(/\/$/, ""), ca);
    expect([bare.status, header(bare, "location")]).toEqual([301, host]);
    const index = await request(host, ca);
    expect(index.body.toString("utf8")).toBe(html);
  });

  test("the Content-Security-Policy header is the build's policy, the same as the <meta> in taskpane.html", async () => {
    const r = await request(`${host}taskpane.html`, ca);
    const expected = contentSecurityPolicy(resolveDeployment({ env: { host, officejs: "local" } }));
    expect(header(r, "content-security-policy")).toBe(expected);
    const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(r.body.toString("utf8"));
    expect(meta?.[1]).toBe(expected);
    const directives = parseCsp(expected);
    expect(directives["script-src"]).not.toContain("'unsafe-eval'");
    expect(directives["script-src"]).not.toContain("'unsafe-inline'");
    expect(directives["object-src"]).toEqual(["'none'"]);
  });

  describe("the task pane through nginx in headless Chromium", () => {
    let context: BrowserContext;
    const violations: string[] = [];
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];

    beforeAll(async () => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const profile = path.join(tmp, "chromium");
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        // The test's self-signed certificate is not in Chromium's store (the TLS itself is verified by the requests above).
        ignoreHTTPSErrors: true,
        viewport: { width: 380, height: 900 },
        deviceScaleFactor: 2,
        locale: "zh-CN",
      });
      await context.addInitScript({ content: await excelDoubleScript() });
      await context.exposeBinding("__soilCspViolation", (_source, text: string) => void violations.push(text));
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          (window as unknown as { __soilCspViolation: (t: string) => void }).__soilCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
        });
      });
    });

    afterAll(async () => {
      await context?.close();
    });

    test("renders, previews and populates the workbook with no CSP violation", async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on("console", (m) => {
        if (m.type() === "error" || /Content Security Policy/i.test(m.text())) consoleErrors.push(`${m.text()} ${m.location().url}`);
      });
      page.on("pageerror", (e) => pageErrors.push(e.message));
      page.on("response", (r) => {
        if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()} ${r.url()}`);
      });
      const response = await page.goto(`${host}taskpane.html`);
      expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
      const preview = page.getByRole("region", { name: "分工表预览" });
      await preview.waitFor();
      await expect(preview.innerText()).resolves.toMatch(/56\s*任务\s*195\s*工作要求/);
      await page.getByRole("button", { name: "生成工作簿" }).click();
      await page.getByText("已生成工作簿").waitFor();
      await page.getByRole("tab", { name: "督办" }).click();
      await page.getByRole("list", { name: "工作要求" }).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, "pane-through-nginx.png") });
      // Fluent UI's styles really apply under the policy (Griffel's rules): a tab is a pointer, not a bare button.
      const cursor = await page.getByRole("tab", { name: "督办" }).evaluate((el) => getComputedStyle(el).cursor);
      expect(cursor).toBe("pointer");
      expect({ violations, consoleErrors, pageErrors }).toEqual({ violations: [], consoleErrors: [], pageErrors: [] });
    });

    test("the policy is in force: inline script, inline handlers and string timers are refused", async () => {
      const page = context.pages()[0];
      const before = violations.length;
      // (Code run by page.evaluate itself is exempt from the page's policy; what it adds to the page is not.)
      const outcome = await page.evaluate(async () => {
        const w = window as unknown as Record<string, number | undefined>;
        const s = document.createElement("script");
        s.textContent = "window.__soilInline = 1;";
        document.head.appendChild(s);
        const button = document.createElement("button");
        button.setAttribute("onclick", "window.__soilHandler = 1;");
        document.body.appendChild(button);
        button.click();
        button.remove();
        // A string timer is evaluated by the page later, under its policy.
        (setTimeout as unknown as (code: string, ms: number) => void)("window.__soilTimer = 1;", 0);
        await new Promise((r) => setTimeout(r, 200));
        return { inline: w.__soilInline ?? null, handler: w.__soilHandler ?? null, timer: w.__soilTimer ?? null };
      });
      expect(outcome).toEqual({ inline: null, handler: null, timer: null });
      for (let i = 0; i < 50 && violations.length - before < 3; i++) await new Promise((r) => setTimeout(r, 100));
      expect(violations.length - before).toBeGreaterThanOrEqual(3);
      expect(violations.slice(before).join("\n")).toMatch(/script-src/);
      violations.length = before;
    });
  });
});
