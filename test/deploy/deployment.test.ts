/**
 * deploy/deployment.js (host, cloud, Office.js source, Content-Security-Policy) and the nginx configuration that
 * scripts/nginx-config.ts renders from it.
 */
import * as fs from "fs";
import {
  contentSecurityPolicy,
  cspDirectives,
  DeploySettingError,
  OFFICE_JS_CHINA,
  OFFICE_JS_WORLDWIDE,
  parseCsp,
  parseHost,
  resolveDeployment,
} from "../../deploy/deployment";
import * as os from "os";
import * as path from "path";
import { SoilUserError } from "../../src/core/errors";
import { DeployInfo, NGINX_TEMPLATE, renderNginxConfig } from "../../scripts/nginx-config";

describe("parseHost", () => {
  it.each([
    ["https://intranet.example.gov.cn/soil", "https://intranet.example.gov.cn/soil/"],
    [" https://intranet.example.gov.cn/soil/ ", "https://intranet.example.gov.cn/soil/"],
    ["https://soil.example.gov.cn", "https://soil.example.gov.cn/"],
    ["https://10.1.2.3:8443/addins/soil/", "https://10.1.2.3:8443/addins/soil/"],
  ])("%s → %s", (raw, expected) => expect(parseHost(raw)).toBe(expected));

  it.each([
    ["http://intranet.example.gov.cn/soil/", /必须以 https:\/\/ 开头/],
    ["intranet.example.gov.cn/soil", /不是有效的网址/],
    ["https://intranet.example.gov.cn/soil/?v=2", /不能带查询参数/],
    ["https://user:pw@intranet.example.gov.cn/soil/", /用户名密码/],
  ])("refuses %s", (raw, message) => {
    expect(() => parseHost(raw)).toThrow(DeploySettingError);
    expect(() => parseHost(raw)).toThrow(message);
  });
});

/** A directory standing in for Office.js files saved from the CDN (office.js and its host scripts). */
const CDN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "soil-officejs-"));
fs.writeFileSync(path.join(CDN_DIR, "office.js"), "/* office.js from the CDN */");
afterAll(() => fs.rmSync(CDN_DIR, { recursive: true, force: true }));

describe("resolveDeployment", () => {
  const host = "https://intranet.example.gov.cn/soil/";
  it.each([
    ["a plain build", {}, {}, false, { host: null, cloud: "worldwide", officeJs: "local", officeJsSrc: "office.js" }],
    // Office loads the dev server's pane from Microsoft's CDN, as it does every add-in's.
    ["the dev server", {}, {}, true, { host: null, officeJs: "cdn", officeJsSrc: OFFICE_JS_WORLDWIDE }],
    ["--env host", { host }, {}, false, { host, cloud: "worldwide", officeJs: "cdn", officeJsSrc: OFFICE_JS_WORLDWIDE }],
    ["SOIL_PROD_URL", {}, { SOIL_PROD_URL: host }, false, { host, officeJs: "cdn", officeJsSrc: OFFICE_JS_WORLDWIDE }],
    ["--env cloud=china", { host, cloud: "china" }, {}, false, { host, cloud: "china", officeJs: "cdn", officeJsSrc: OFFICE_JS_CHINA }],
    ["SOIL_CLOUD=china", {}, { SOIL_CLOUD: "China" }, false, { host: null, cloud: "china", officeJs: "cdn", officeJsSrc: OFFICE_JS_CHINA }],
    ["china, self-hosted Office.js from CDN files", { host, cloud: "china", officejs: `dir:${CDN_DIR}` }, {}, false, { cloud: "china", officeJs: "dir", officeJsDir: CDN_DIR, officeJsSrc: "office.js" }],
    ["SOIL_OFFICE_JS=cdn", {}, { SOIL_OFFICE_JS: "cdn" }, false, { host: null, officeJs: "cdn", officeJsSrc: OFFICE_JS_WORLDWIDE }],
    ["--env officejs over SOIL_OFFICE_JS", { officejs: "local" }, { SOIL_OFFICE_JS: "cdn" }, false, { officeJs: "local" }],
    ["SOIL_OFFICE_JS=dir:…", {}, { SOIL_OFFICE_JS: `dir:${CDN_DIR}` }, false, { officeJs: "dir", officeJsDir: CDN_DIR }],
  ])("%s", (_label, env, processEnv, serving, expected) => {
    expect(resolveDeployment({ env, processEnv, serving })).toMatchObject(expected);
  });

  it("accepts the same host both ways, refuses two different ones", () => {
    expect(resolveDeployment({ env: { host }, processEnv: { SOIL_PROD_URL: host.slice(0, -1) } }).host).toBe(host);
    expect(() => resolveDeployment({ env: { host }, processEnv: { SOIL_PROD_URL: "https://other.example/" } })).toThrow(/不一致/);
  });

  it.each([
    [{ cloud: "usgov" }, /cloud 只能是 worldwide、china/],
    [{ officejs: "remote" }, /只能是 local、cdn 或 dir:/],
    // The npm package @microsoft/office-js is no longer supported (its README) and lags the CDN (1.1.110 has no
    // AllowEditRange): a network without the CDN gets the CDN's own files, from a directory.
    [{ officejs: "full" }, /不再受支持[\s\S]*officejs=dir:/],
    [{ officejs: "dir:" }, /dir: 后应写目录/],
    [{ officejs: "dir:/nonexistent/office-js-cdn" }, /找不到[\s\S]*office\.js/],
  ])("refuses %j", (env, message) => expect(() => resolveDeployment({ env })).toThrow(message));
});

describe("the Content-Security-Policy", () => {
  const worldwide = resolveDeployment({ env: { host: "https://a.example/soil/" } });
  const china = resolveDeployment({ env: { host: "https://a.example/soil/", cloud: "china" } });
  const local = resolveDeployment({});

  it("never allows eval or inline script, plugins or a foreign base", () => {
    for (const d of [worldwide, china, local]) {
      const p = cspDirectives(d);
      expect(Object.values(p).flat()).not.toContain("'unsafe-eval'");
      expect(p["script-src"]).not.toContain("'unsafe-inline'");
      expect(p["object-src"]).toEqual(["'none'"]);
      expect(p["base-uri"]).toEqual(["'self'"]);
      expect(p["default-src"]).toEqual(["'self'"]);
      expect(Object.values(p).flat().filter((s) => s === "*" || s === "https:" || s === "http:")).toEqual([]);
    }
  });

  it("allows Office.js from where that build loads it, and only from there", () => {
    expect(cspDirectives(worldwide)["script-src"]).toContain("https://appsforoffice.microsoft.com");
    expect(cspDirectives(china)["script-src"]).toContain("https://appsforoffice.cdn.partner.office365.cn");
    expect(cspDirectives(china)["script-src"]).not.toContain("https://appsforoffice.microsoft.com");
    expect(cspDirectives(local)["script-src"]).toEqual(["'self'", "https://ajax.aspnetcdn.com"]);
  });

  it("reads back as it was written", () => {
    expect(parseCsp(contentSecurityPolicy(china))).toEqual(cspDirectives(china));
  });
});

describe("the nginx configuration (scripts/nginx-config.ts)", () => {
  const info: DeployInfo = {
    host: "https://intranet.example.gov.cn/soil/",
    cloud: "worldwide",
    officeJs: "cdn",
    officeJsSrc: OFFICE_JS_WORLDWIDE,
    csp: contentSecurityPolicy(resolveDeployment({ env: { host: "https://intranet.example.gov.cn/soil/" } })),
  };
  const options = { root: "/var/www/soil", certificate: "/etc/ssl/certs/soil.pem", certificateKey: "/etc/ssl/private/soil.key" };

  it("fills every placeholder: path, root, certificate, server name, the build's policy", () => {
    const conf = renderNginxConfig(info, options);
    expect(conf).not.toMatch(/@[A-Z_]+@/);
    expect(conf).toContain("location /soil/ {");
    expect(conf).toContain("alias /var/www/soil/;");
    expect(conf).toContain("location = /soil { return 301 /soil/; }");
    expect(conf).toContain("server_name intranet.example.gov.cn;");
    expect(conf).toContain("listen 443 ssl;");
    expect(conf).toContain(`add_header Content-Security-Policy "${info.csp}" always;`);
    expect(conf).toContain('"~^/soil/.*\\.[0-9a-f]{8}\\.js(\\.map|\\.LICENSE\\.txt)?$"');
  });

  it("serves from the root when the host has no path", () => {
    const conf = renderNginxConfig({ ...info, host: "https://soil.example.gov.cn/" }, options);
    expect(conf).toContain("location / {");
    expect(conf).not.toMatch(/return 301/);
  });

  it.each([
    ["a build without a host", { ...info, host: null }, options, /没有部署地址/],
    ["a development build", { ...info, csp: null }, options, /没有内容安全策略/],
    ["a path nginx would misread", { ...info, host: "https://a.example/so%20il/" }, options, /部署地址的路径/],
    ["a root with a space", info, { ...options, root: "/var/www/my soil" }, /文件目录/],
    ["a server name with a semicolon", info, { ...options, serverName: "a;b" }, /服务器名/],
  ])("refuses %s", (_label, i, o, message) => {
    expect(() => renderNginxConfig(i as DeployInfo, o)).toThrow(SoilUserError);
    expect(() => renderNginxConfig(i as DeployInfo, o)).toThrow(message);
  });

  it("the template names no other placeholder than those it fills", () => {
    const names = new Set([...fs.readFileSync(NGINX_TEMPLATE, "utf8").matchAll(/@([A-Z_]+)@/g)].map((m) => m[1]));
    expect([...names].sort()).toEqual(["CERTIFICATE", "CERTIFICATE_KEY", "CSP", "DIST", "LISTEN", "PATH", "PATH_REDIRECT", "PATH_REGEX", "SERVER_NAME"]);
  });
});
