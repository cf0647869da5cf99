/**
 * The deployment switches of the real webpack config, checked on its page-side output (test/deploy/buildPage.js:
 * taskpane.html, manifest.xml, deploy.json, copied Office.js; the bundles themselves are built for real in
 * test/deploy/nginx.test.ts): the China cloud, the SOIL_PROD_URL alias, the default, and a refused host.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { OFFICE_JS_CHINA, OFFICE_JS_WORLDWIDE, parseCsp } from "../../deploy/deployment";
import { checkManifestText } from "../../scripts/manifestCheck";

const ROOT = path.resolve(__dirname, "../..");
const run = promisify(execFile);
const HOST = "https://intranet.example.gov.cn/soil/";

jest.setTimeout(180_000);

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "soil-page-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Built {
  dir: string;
  html: string;
  manifest: string;
  deploy: { host: string | null; cloud: string; officeJs: string; officeJsSrc: string; csp: string };
  officeJsSrc: string;
  csp: Record<string, string[]>;
}

async function buildPage(name: string, env: string[], vars: Record<string, string> = {}): Promise<Built> {
  const dir = path.join(tmp, name);
  const processEnv = { ...process.env, SOIL_PROD_URL: "", SOIL_CLOUD: "", SOIL_OFFICE_JS: "", ...vars };
  await run(process.execPath, [path.join(__dirname, "buildPage.js"), dir, ...env], { cwd: ROOT, env: processEnv, timeout: 120_000 });
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html);
  const officeJsSrc = /<script src="?([^"\s>]*office\.js)/.exec(html)?.[1] ?? "";
  return {
    dir,
    html,
    manifest: fs.readFileSync(path.join(dir, "manifest.xml"), "utf8"),
    deploy: JSON.parse(fs.readFileSync(path.join(dir, "deploy.json"), "utf8")),
    officeJsSrc,
    csp: parseCsp(meta?.[1] ?? ""),
  };
}

/** The URL-valued attributes of the manifest (DefaultValue / Value) that are not the AppDomain origin. */
function manifestUrls(xml: string): string[] {
  return [...xml.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
}

test("cloud=china: Office.js and the policy point at 21Vianet's CDN, the manifest at the host, the repository manifest untouched", async () => {
  const before = fs.readFileSync(path.join(ROOT, "manifest.xml"));
  const b = await buildPage("china", [`host=${HOST}`, "cloud=china"]);
  expect(b.officeJsSrc).toBe(OFFICE_JS_CHINA);
  expect(OFFICE_JS_CHINA).toBe("https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js");
  expect(b.csp["script-src"]).toEqual(["'self'", "https://appsforoffice.cdn.partner.office365.cn", "https://ajax.aspnetcdn.com"]);
  expect(b.html).not.toContain("appsforoffice.microsoft.com");
  expect(fs.existsSync(path.join(b.dir, "office.js"))).toBe(false);
  expect(b.deploy).toMatchObject({ host: HOST, cloud: "china", officeJs: "cdn", officeJsSrc: OFFICE_JS_CHINA });
  const urls = manifestUrls(b.manifest);
  expect(urls.length).toBeGreaterThanOrEqual(11);
  expect(urls.filter((u) => !u.startsWith(HOST))).toEqual([]);
  expect(b.manifest).toContain("<AppDomain>https://intranet.example.gov.cn</AppDomain>");
  expect(checkManifestText(b.manifest).errors).toEqual([]);
  expect(fs.readFileSync(path.join(ROOT, "manifest.xml")).equals(before)).toBe(true);
});

test("SOIL_PROD_URL is an alias of --env host (worldwide CDN by default once a host is given)", async () => {
  const [viaEnv, viaVar] = await Promise.all([buildPage("env", [`host=${HOST}`]), buildPage("var", [], { SOIL_PROD_URL: HOST.replace(/\/$/, "") })]);
  expect(viaVar.manifest).toBe(viaEnv.manifest);
  expect(viaVar.html).toBe(viaEnv.html);
  expect(viaEnv.officeJsSrc).toBe(OFFICE_JS_WORLDWIDE);
  expect(viaEnv.csp["script-src"]).toContain("https://appsforoffice.microsoft.com");
});

test("without a host: localhost manifest, office.js copied and loaded from the build, no CDN in the policy", async () => {
  const b = await buildPage("default", []);
  expect(b.officeJsSrc).toBe("office.js");
  expect(fs.existsSync(path.join(b.dir, "office.js"))).toBe(true);
  expect(b.manifest).toBe(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  expect(b.csp["script-src"]).toEqual(["'self'", "https://ajax.aspnetcdn.com"]);
  expect(b.deploy).toMatchObject({ host: null, cloud: "worldwide", officeJs: "local" });
});

test("an http host stops the build with a message saying why", async () => {
  await expect(buildPage("http", ["host=http://intranet.example.gov.cn/soil/"])).rejects.toMatchObject({
    stderr: expect.stringContaining("部署地址必须以 https:// 开头"),
  });
});

test("officejs=full stops the build: the npm package is unsupported; the message names dir:<path>", async () => {
  await expect(buildPage("full", ["host=" + HOST, "officejs=full"])).rejects.toMatchObject({
    stderr: expect.stringContaining("--env officejs=dir:<目录>"),
  });
});

test("officejs=dir:<path> (a network without the CDN): the CDN's files copied into the build, office.js loaded from there", async () => {
  const cdn = path.join(tmp, "cdn-files");
  fs.mkdirSync(path.join(cdn, "zh-cn"), { recursive: true });
  fs.writeFileSync(path.join(cdn, "office.js"), "/* office.js saved from the CDN */");
  fs.writeFileSync(path.join(cdn, "excel-web-16.00.js"), "/* host script */");
  fs.writeFileSync(path.join(cdn, "zh-cn", "office_strings.js"), "/* strings */");
  const b = await buildPage("dir", ["host=" + HOST, `officejs=dir:${cdn}`]);
  expect(b.officeJsSrc).toBe("office.js");
  for (const file of ["office.js", "excel-web-16.00.js", "zh-cn/office_strings.js"]) {
    expect(fs.readFileSync(path.join(b.dir, file), "utf8")).toBe(fs.readFileSync(path.join(cdn, file), "utf8"));
  }
  expect(b.deploy).toMatchObject({ host: HOST, officeJs: "dir", officeJsSrc: "office.js" });
  expect(b.csp["script-src"]).toEqual(["'self'", "https://ajax.aspnetcdn.com"]);
});
