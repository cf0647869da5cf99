/*
 * webpack build for the SOIL Excel add-in (shared runtime: taskpane.html hosts the task pane and the
 * SOIL.* custom functions).
 *
 *   npm run build        production build into dist/
 *   npm run build:dev    development build into dist/
 *   npm run dev-server   https://localhost:3000/ (falls back to http if dev certificates cannot be made)
 *
 * Environment variables:
 *   SOIL_PROD_URL   Production base URL, e.g. https://soil.example.gov.cn/addin/ . In production builds every
 *                   https://localhost:3000/ in manifest*.xml is replaced by it when copying into dist/.
 *                   Unset: dist/manifest.xml keeps localhost (so an offline `npm run build` still works).
 *   SOIL_OFFICE_JS  Where the pages get Office.js from:
 *                   "local" (default for builds) copy only office.js + o15apptofilemappingtable.js into dist/ -
 *                           enough for a plain browser (tests, the pane outside Office) and fast to build, but
 *                           inside Office, office.js also loads host scripts (excel-web-16.00.js, ...) from
 *                           next to itself, which this mode does not ship;
 *                   "full"  (default for the dev server) copy every non-debug file of @microsoft/office-js/dist
 *                           (~29 MB; self-hosting, e.g. for a network without access to Microsoft's CDN);
 *                   "cdn"   copy nothing and point the pages at https://appsforoffice.microsoft.com/lib/1/hosted/office.js
 *                           (Microsoft's supported source; use this for a production deployment with internet).
 *   SOIL_DEV_HTTPS=0  dev-server: serve plain http without trying certificates.
 */

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json")) + "/dist";
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

const root = (...p) => path.resolve(__dirname, ...p);

/** Normalised production URL (always ends with "/"), or null when SOIL_PROD_URL is unset/empty. */
function productionUrl() {
  const raw = (process.env.SOIL_PROD_URL || "").trim();
  if (!raw) return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SOIL_PROD_URL is not a valid URL: ${raw}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`SOIL_PROD_URL must use https (Office add-ins require it): ${raw}`);
  }
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/** Replace the dev URL (and the bare dev origin, as in <AppDomain>) with the production one. */
function rewriteManifest(xml, urlProd) {
  const originDev = urlDev.replace(/\/$/, "");
  const originProd = new URL(urlProd).origin;
  return xml.split(urlDev).join(urlProd).split(originDev).join(originProd);
}

/** CopyWebpackPlugin patterns for Office.js. Copied scripts are marked minimized so Terser skips them. */
function officeJsPatterns(mode) {
  const info = { minimized: true };
  if (mode === "cdn") return [];
  if (mode === "full") {
    return [
      {
        from: "**/*",
        context: OFFICE_JS_DIR,
        to: "[path][name][ext]",
        info,
        globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/office-vsdoc.js"] },
      },
    ];
  }
  return ["office.js", "o15apptofilemappingtable.js"].map((file) => ({
    from: path.join(OFFICE_JS_DIR, file),
    to: file,
    info,
  }));
}

/** In "cdn" mode, point <script src="office.js"> (./office.js, /office.js) at the Office CDN. */
class OfficeJsCdnPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsCdnPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("OfficeJsCdnPlugin", (data) => {
        data.html = data.html.replace(
          /(<script\b[^>]*\bsrc=)(["']?)(?:\.?\/)?office\.js\2(?=[\s>])/g,
          `$1"${OFFICE_JS_CDN}"`
        );
        return data;
      });
    });
  }
}

async function devServerOptions() {
  const base = {
    port: DEV_PORT,
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false,
    client: { overlay: { warnings: false, errors: true } },
  };
  if (process.env.SOIL_DEV_HTTPS === "0") {
    console.warn("[soil] SOIL_DEV_HTTPS=0: dev server uses plain http.");
    return { ...base, server: "http" };
  }
  const https = (o) => ({ ...base, server: { type: "https", options: { ca: o.ca, key: o.key, cert: o.cert } } });
  let reason;
  try {
    const devCerts = require("office-addin-dev-certs");
    return https(await devCerts.getHttpsServerOptions());
  } catch (err) {
    reason = String(err && err.message ? err.message : err).trim();
  }
  // Certificates may have been generated even though trusting the CA failed (e.g. no sudo on Linux):
  // serve https with them anyway (Office on this machine would not trust them, browsers in tests can ignore it).
  try {
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const o = {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
    console.warn(`[soil] Dev CA not installed as trusted (${reason}); serving https with the generated certificates.`);
    return https(o);
  } catch {
    console.warn(
      `[soil] Could not create or read Office dev certificates (${reason}); the dev server falls back to plain http. ` +
        "Excel needs https: run `node node_modules/office-addin-dev-certs/cli.js install` and restart."
    );
    return { ...base, server: "http" };
  }
}

const config = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  // Default: "local" for builds (fast; what the tests load), "full" for the dev server so a pane sideloaded into
  // a real Excel finds the host scripts office.js loads next to itself.
  const officeJsMode = (process.env.SOIL_OFFICE_JS || (serving ? "full" : "local")).trim().toLowerCase();
  if (!["local", "full", "cdn"].includes(officeJsMode)) {
    throw new Error(`SOIL_OFFICE_JS must be local, full or cdn (got "${process.env.SOIL_OFFICE_JS}")`);
  }

  const urlProd = dev ? null : productionUrl();
  if (!dev) {
    console.log(
      urlProd
        ? `[soil] production build: manifest URLs ${urlDev} -> ${urlProd}`
        : `[soil] production build: SOIL_PROD_URL not set, dist/manifest.xml keeps ${urlDev}`
    );
  }
  console.log(`[soil] Office.js source: ${officeJsMode}`);

  const functionsEntry = root("src/functions/functions.ts");
  const functionsHtml = root("src/functions/functions.html");

  const plugins = [
    new CustomFunctionsMetadataPlugin({ input: functionsEntry, output: "functions.json" }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: root("src/taskpane/taskpane.html"),
      // Shared runtime: the task pane page also loads the custom functions.
      chunks: ["functions", "taskpane"],
      chunksSortMode: "manual",
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*", context: __dirname, to: "assets/[name][ext]", globOptions: { ignore: ["**/.*"] } },
        {
          from: "manifest*.xml",
          context: __dirname,
          to: "[name][ext]",
          transform: (content) => (urlProd ? rewriteManifest(content.toString("utf8"), urlProd) : content),
        },
        ...officeJsPatterns(officeJsMode),
      ],
    }),
  ];
  // Localized custom-function metadata (functions.zh-CN.json, referenced by the manifest's zh-CN Override),
  // generated from functions.json by the functions module's own plugin when it is present.
  const localizedMetadataPlugin = root("src/functions/localizedMetadataPlugin.js");
  if (fs.existsSync(localizedMetadataPlugin)) {
    const LocalizedMetadataPlugin = require(localizedMetadataPlugin);
    plugins.splice(1, 0, new LocalizedMetadataPlugin({ source: "functions.json" }));
  }
  if (fs.existsSync(functionsHtml)) {
    plugins.push(new HtmlWebpackPlugin({ filename: "functions.html", template: functionsHtml, chunks: ["functions"] }));
  }
  if (officeJsMode === "cdn") plugins.push(new OfficeJsCdnPlugin());

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    entry: {
      functions: functionsEntry,
      taskpane: root("src/taskpane/index.tsx"),
    },
    output: {
      path: root("dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`. ES modules let webpack tree-shake Fluent UI (icons!);
            // with tsconfig's commonjs output the pane bundle is ~17 MB instead of ~0.3 MB.
            options: { transpileOnly: true, compilerOptions: { module: "esnext" } },
          },
        },
        // The bundled key-task table (src/taskpane/source/seedTable.ts) imported as a string.
        { test: /\.txt$/, type: "asset/source" },
        {
          test: /\.(png|jpe?g|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins,
    performance: {
      // React + Fluent UI in one pane bundle is ~300 KB raw; office.js files are copied, not bundled.
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 600 * 1024,
      assetFilter: (name) => /^(taskpane|functions)\.js$/.test(name),
    },
    stats: dev ? "minimal" : "normal",
    devServer: serving ? await devServerOptions() : undefined,
  };
};

module.exports = config;
// Exposed for test/manifest.test.ts (webpack-cli only calls the exported function).
module.exports.rewriteManifest = rewriteManifest;
module.exports.urlDev = urlDev;
