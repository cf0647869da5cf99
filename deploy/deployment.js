/*
 * Where a SOIL build is deployed and what its task pane may load: the one definition that webpack.config.js
 * (manifest URLs, Office.js <script>, the <meta> Content-Security-Policy of taskpane.html, dist/deploy.json)
 * and scripts/nginx-config.ts (the Content-Security-Policy header) both use. Plain CommonJS so webpack's
 * config can require it without a TypeScript loader.
 *
 *   npm run build -- --env host=https://intranet.example.gov.cn/soil/            Microsoft 365 (worldwide)
 *   npm run build -- --env host=https://intranet.example.gov.cn/soil/ --env cloud=china   21Vianet (世纪互联)
 *
 * Office.js sources (Microsoft's "Referencing the Office JavaScript API library", section "CDN references for
 * other Microsoft 365 environments"): the worldwide CDN, and for Office 365 operated by 21Vianet in China its own
 * CDN, which add-ins used in that cloud must reference instead.
 */

/** Office.js on Microsoft's worldwide CDN. */
const OFFICE_JS_WORLDWIDE = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Office.js on the CDN of Microsoft 365 operated by 21Vianet (世纪互联). */
const OFFICE_JS_CHINA = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";
/**
 * Office.js's host scripts load MicrosoftAjax.js from this origin when the host needs it (the URL is written into
 * excel-web-16.00.js, excel-win32-16.01.js, ... of @microsoft/office-js), wherever office.js itself came from.
 */
const MICROSOFT_AJAX_ORIGIN = "https://ajax.aspnetcdn.com";
/**
 * Office.js's logger (OSF.Logger, in o15apptofilemappingtable.js) opens a hidden frame on this origin
 * (telemetryservice/telemetryproxy.html) a few seconds after load, in every add-in. Refusing it breaks nothing but
 * leaves a CSP violation in the console of every pane, so the policy lets that one frame through.
 */
const OFFICE_TELEMETRY_FRAME_ORIGIN = "https://telemetryservice.firstpartyapps.oaspapps.com";

const fs = require("fs");
const path = require("path");

const CLOUDS = ["worldwide", "china"];
/** "dir" is written dir:<path>. */
const OFFICE_JS_MODES = ["local", "cdn", "dir"];

/** A deployment setting that cannot be used; the message says what to pass instead (Chinese, then English). */
class DeploySettingError extends Error {
  constructor(zh, en) {
    super(`${zh}\n${en}`);
    this.name = "DeploySettingError";
  }
}

/**
 * The host URL the add-in is published at, normalised to end with "/". It must be an absolute https URL with no
 * query, fragment or credentials: every URL of the manifest is this plus a file name.
 */
function parseHost(raw) {
  const text = String(raw ?? "").trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new DeploySettingError(
      `部署地址不是有效的网址：“${text}”。请写成 https://服务器/路径/ 的形式。`,
      `The host is not a valid URL: "${text}". Use the form https://server/path/.`,
    );
  }
  if (url.protocol !== "https:") {
    throw new DeploySettingError(
      `部署地址必须以 https:// 开头（Office 只加载 HTTPS 上的加载项）：${text}`,
      `The host must use https (Office loads add-ins over HTTPS only): ${text}`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new DeploySettingError(
      `部署地址不能带查询参数、#片段或用户名密码：${text}`,
      `The host must not carry a query, a fragment or credentials: ${text}`,
    );
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function pick(name, value, allowed) {
  const v = String(value).trim().toLowerCase();
  if (!allowed.includes(v)) {
    throw new DeploySettingError(`${name} 只能是 ${allowed.join("、")}（收到“${value}”）。`, `${name} must be ${allowed.join(", ")} (got "${value}").`);
  }
  return v;
}

const given = (v) => v !== undefined && v !== null && String(v).trim() !== "";

/**
 * The Office.js mode and, for dir:<path>, the directory. "full" (every file of the npm package @microsoft/office-js)
 * is refused: that package is no longer supported by Microsoft (its own README) and lags the CDN (1.1.110 has no
 * AllowEditRange, so per-department protection would fail on Excel on the web). A network without Microsoft's CDN
 * serves the CDN's own files instead: saved from it into a directory and given as dir:<path>.
 */
function officeJsMode(raw) {
  const text = String(raw).trim();
  if (/^dir:/i.test(text)) {
    const dir = text.slice(4).trim();
    if (dir === "") {
      throw new DeploySettingError("officejs=dir: 后应写目录，如 --env officejs=dir:/srv/office-js。", "officejs=dir: needs a directory, e.g. --env officejs=dir:/srv/office-js.");
    }
    const absolute = path.resolve(dir);
    if (!fs.existsSync(path.join(absolute, "office.js"))) {
      throw new DeploySettingError(
        `在 ${absolute} 中找不到 office.js。请把 Office.js 的 CDN 文件（office.js 及其同目录的宿主脚本）保存到该目录后重试。`,
        `No office.js in ${absolute}. Save the Office.js files of the CDN (office.js and the host scripts beside it) there and retry.`,
      );
    }
    return { officeJs: "dir", officeJsDir: absolute };
  }
  if (text.toLowerCase() === "full") {
    throw new DeploySettingError(
      "officejs=full 已停用：它复制 npm 包 @microsoft/office-js，该包已不再受支持，且落后于 CDN（缺少 AllowEditRange 等接口）。" +
        "无法访问 Microsoft CDN 的网络，请把 CDN 上的 Office.js 文件保存到一个目录，用 --env officejs=dir:<目录> 构建；能访问 CDN 时用 officejs=cdn。",
      "officejs=full is no longer offered: it copied the npm package @microsoft/office-js, which Microsoft no longer supports and which " +
        "lags the CDN (no AllowEditRange). For a network without Microsoft's CDN, save the CDN's Office.js files into a directory and build " +
        "with --env officejs=dir:<path>; with the CDN reachable, use officejs=cdn.",
    );
  }
  const mode = text.toLowerCase();
  if (mode !== "local" && mode !== "cdn") {
    throw new DeploySettingError(`officejs (SOIL_OFFICE_JS) 只能是 local、cdn 或 dir:<目录>（收到“${raw}”）。`, `officejs (SOIL_OFFICE_JS) must be local, cdn or dir:<path> (got "${raw}").`);
  }
  return { officeJs: mode, officeJsDir: null };
}

/**
 * The settings of one build from webpack's --env and the environment (SOIL_PROD_URL, SOIL_CLOUD, SOIL_OFFICE_JS;
 * --env wins, and a host given both ways must agree).
 *   host      null: the manifest keeps https://localhost:3000/ (development, tests);
 *   cloud     "worldwide" (default) or "china" (21Vianet): which Microsoft CDN serves Office.js;
 *   officeJs  "cdn" (default when a host or cloud is given, and for the dev server: Office loads every add-in's
 *             pane with Office.js from the CDN), "local" (default otherwise: office.js only, from the npm package,
 *             what the browser tests load outside Office), "dir" (dir:<path>: the Office.js files saved from the CDN,
 *             copied into dist/, for a network without the CDN; officeJsDir is that directory);
 *   officeJsSrc  the src of taskpane.html's Office.js <script>.
 */
function resolveDeployment({ env = {}, processEnv = {}, serving = false } = {}) {
  const envHost = env.host;
  const varHost = processEnv.SOIL_PROD_URL;
  if (given(envHost) && given(varHost) && parseHost(envHost) !== parseHost(varHost)) {
    throw new DeploySettingError(
      `--env host=${envHost} 与 SOIL_PROD_URL=${varHost} 不一致，请只给一个。`,
      `--env host=${envHost} and SOIL_PROD_URL=${varHost} disagree; give one of them.`,
    );
  }
  const host = given(envHost) ? parseHost(envHost) : given(varHost) ? parseHost(varHost) : null;
  const cloudRaw = given(env.cloud) ? env.cloud : processEnv.SOIL_CLOUD;
  const cloud = given(cloudRaw) ? pick("cloud", cloudRaw, CLOUDS) : "worldwide";
  const modeRaw = given(env.officejs) ? env.officejs : processEnv.SOIL_OFFICE_JS;
  const { officeJs, officeJsDir } = given(modeRaw)
    ? officeJsMode(modeRaw)
    : { officeJs: serving || host || given(cloudRaw) ? "cdn" : "local", officeJsDir: null };
  const cdn = cloud === "china" ? OFFICE_JS_CHINA : OFFICE_JS_WORLDWIDE;
  return { host, cloud, officeJs, officeJsDir, officeJsSrc: officeJs === "cdn" ? cdn : "office.js" };
}

/**
 * The task pane's Content-Security-Policy directives for a deployment. What each allows and why:
 *   script-src  the add-in's own bundles ('self'), Office.js's CDN when it comes from there, and the MicrosoftAjax
 *               origin Office.js's host scripts load from. No 'unsafe-inline', no 'unsafe-eval': the pane has no
 *               inline script and nothing evaluates strings (checked in headless Chromium, test/deploy).
 *   style-src   'unsafe-inline', needed twice over: Fluent UI's Griffel puts its rules in <style> elements it
 *               creates at run time (without it Chromium refuses all 14 of them and the pane renders unstyled), and
 *               Office.js's host script for Excel on the web (excel-web-16.00.js) sets inline styles
 *               (office-js#1687). A nonce would need a server that writes each page; this one is static.
 *   img-src, font-src  'self' only (default-src): Fluent UI icons are inline SVG, fonts are the system's.
 *   connect-src 'self' and Office.js's CDN.
 *   frame-src   only Office.js's own logging frame (OFFICE_TELEMETRY_FRAME_ORIGIN); the pane opens no frames.
 *   no frame-ancestors: Office frames the pane from origins that differ by client and cloud (Excel on the web,
 *               SharePoint, 21Vianet); a wrong list leaves a blank pane. (It has no effect in <meta> anyway.)
 */
function cspDirectives(deployment) {
  const officeOrigin = deployment.officeJs === "cdn" ? new URL(deployment.officeJsSrc).origin : null;
  const withOffice = (...sources) => (officeOrigin ? [...sources, officeOrigin] : sources);
  return {
    "default-src": ["'self'"],
    "script-src": [...withOffice("'self'"), MICROSOFT_AJAX_ORIGIN],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": withOffice("'self'"),
    "frame-src": [OFFICE_TELEMETRY_FRAME_ORIGIN],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
  };
}

/** The policy as one header / <meta> value. */
function contentSecurityPolicy(deployment) {
  return Object.entries(cspDirectives(deployment))
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** Parses a policy string back into directives (for the tests and the nginx config check). */
function parseCsp(text) {
  const out = {};
  for (const part of String(text).split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

module.exports = {
  OFFICE_JS_WORLDWIDE,
  OFFICE_JS_CHINA,
  MICROSOFT_AJAX_ORIGIN,
  OFFICE_TELEMETRY_FRAME_ORIGIN,
  CLOUDS,
  OFFICE_JS_MODES,
  DeploySettingError,
  parseHost,
  resolveDeployment,
  cspDirectives,
  contentSecurityPolicy,
  parseCsp,
};
