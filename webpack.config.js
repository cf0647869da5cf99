/*
 * webpack build for the SOIL Excel add-in (shared runtime: taskpane.html hosts the task pane and the
 * SOIL.* custom functions).
 *
 *   npm run build        production build into dist/
 *   npm run build:dev    development build into dist/
 *   npm run dev-server   https://localhost:3000/ (falls back to http if dev certificates cannot be made)
 *
 * Deployment switches (deploy/deployment.js resolves them; webpack's --env wins over the environment):
 *   --env host=https://intranet.example.gov.cn/soil/     (alias: SOIL_PROD_URL=...)
 *       Production base URL. Every https://localhost:3000/ of manifest*.xml is replaced by it in dist/ (the
 *       manifest.xml of the repository is never changed). Unset: dist/manifest.xml keeps localhost.
 *   --env cloud=worldwide|china                          (alias: SOIL_CLOUD=...)
 *       china: Microsoft 365 operated by 21Vianet (世纪互联) - Office.js from that cloud's own CDN.
 *   --env officejs=local|cdn|dir:<path>                  (alias: SOIL_OFFICE_JS=...)
 *       "cdn"   (default with a host or a cloud, and for the dev server) the pages load Office.js from Microsoft's CDN
 *               (the China CDN for cloud=china), as Office loads every add-in; nothing of Office.js is copied;
 *       "local" (default for builds without a host) copy only office.js + o15apptofilemappingtable.js of the npm
 *               package into dist/ - enough for a plain browser (tests, the pane outside Office), not for Office:
 *               inside Office, office.js also loads host scripts (excel-web-16.00.js, ...) from next to itself;
 *       "dir:<path>" for a network without Microsoft's CDN: copy every file of <path>, the Office.js files saved from
 *               the CDN (office.js and its host scripts), into dist/. "full" (the whole npm package) is refused: that
 *               package is no longer supported and lags the CDN (no AllowEditRange); deploy/deployment.js says so.
 *   SOIL_DEV_HTTPS=0  dev-server: serve plain http without trying certificates.
 *
 * Production builds name the pane's bundles by content ([name].[contenthash:8].js, safe to cache for a year) and
 * put the Content-Security-Policy of deploy/deployment.js into taskpane.html; functions.js keeps its name because
 * the manifest (Functions.Script.Url) names it. dist/deploy.json records the settings for scripts/nginx-config.ts.
 */

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { contentSecurityPolicy, resolveDeployment } = require("./deploy/deployment");

const urlDev = "https://localhost:3000/";
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json")) + "/dist";
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

const root = (...p) => path.resolve(__dirname, ...p);

/** Replace the dev URL (and the bare dev origin, as in <AppDomain>) with the production one. */
function rewriteManifest(xml, urlProd) {
  const originDev = urlDev.replace(/\/$/, "");
  const originProd = new URL(urlProd).origin;
  return xml.split(urlDev).join(urlProd).split(originDev).join(originProd);
}

/** CopyWebpackPlugin patterns for Office.js. Copied scripts are marked minimized so Terser skips them. */
function officeJsPatterns(deployment) {
  const info = { minimized: true };
  if (deployment.officeJs === "cdn") return [];
  if (deployment.officeJs === "dir") {
    return [{ from: "**/*", context: deployment.officeJsDir, to: "[path][name][ext]", info, globOptions: { ignore: ["**/*.debug.js"] } }];
  }
  return ["office.js", "o15apptofilemappingtable.js"].map((file) => ({
    from: path.join(OFFICE_JS_DIR, file),
    to: file,
    info,
  }));
}

/** Emits deploy.json: the settings this build was made with (read by scripts/nginx-config.ts). */
class DeployInfoPlugin {
  constructor(info) {
    this.info = info;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("DeployInfoPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "DeployInfoPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("deploy.json", new sources.RawSource(JSON.stringify(this.info, null, 2) + "\n"));
      });
    });
  }
}

/**
 * Origins Office hosts the add-in from and fetches its files from (functions.json, the pages): Excel on the web
 * (*.officeapps.live.com, *.office.com, *.cloud.microsoft, *.sharepoint.com) and the 21Vianet cloud
 * (*.partner.office365.cn, *.officeapps.partner.office365.cn). The dev server answers cross-origin requests from
 * these only, never "*": any web page open in the developer's browser could otherwise read what it serves.
 */
const OFFICE_ORIGIN = /^https:\/\/([a-z0-9-]+\.)*(officeapps\.live\.com|office\.com|office365\.com|cloud\.microsoft|sharepoint\.com|partner\.office365\.cn)$/i;

function isOfficeOrigin(origin) {
  return typeof origin === "string" && OFFICE_ORIGIN.test(origin);
}

/** CORS headers for one request: the Office origin echoed back (and Vary: Origin), nothing for any other. */
function corsHeaders(req) {
  const origin = req.headers && req.headers.origin;
  return isOfficeOrigin(origin) ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : { Vary: "Origin" };
}

async function devServerOptions() {
  const base = {
    port: DEV_PORT,
    // localhost only (127.0.0.1 / ::1), not every interface: the dev build is for this machine's Excel.
    host: "localhost",
    headers: corsHeaders,
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
    // Never a failed sudo on Linux: see scripts/devCertificates.js.
    return https(await require("./scripts/devCertificates").devHttpsOptions());
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
  const deployment = resolveDeployment({ env, processEnv: process.env, serving });
  const officeJsMode = deployment.officeJs;
  // Development pages get no CSP: the dev server's reload client and eval source maps need what it forbids.
  const csp = dev ? null : contentSecurityPolicy(deployment);
  const urlProd = dev ? null : deployment.host;
  if (!dev) {
    console.log(
      urlProd
        ? `[soil] production build: manifest URLs ${urlDev} -> ${urlProd}`
        : `[soil] production build: no host (--env host=... or SOIL_PROD_URL), dist/manifest.xml keeps ${urlDev}`
    );
    if (urlProd && officeJsMode === "local") {
      console.warn("[soil] officejs=local ships only office.js: inside Office the pane also needs its host scripts (use cdn, or dir:<path> with the CDN's files).");
    }
  }
  console.log(`[soil] Office.js source: ${officeJsMode} (${deployment.officeJsSrc}), cloud ${deployment.cloud}`);

  const functionsEntry = root("src/functions/functions.ts");
  const functionsHtml = root("src/functions/functions.html");

  const plugins = [
    new CustomFunctionsMetadataPlugin({ input: functionsEntry, output: "functions.json" }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: root("src/taskpane/taskpane.html"),
      // Read by the template: the Office.js <script> src and the Content-Security-Policy <meta> (production).
      soil: { officeJsSrc: deployment.officeJsSrc, csp },
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
        ...officeJsPatterns(deployment),
      ],
    }),
  ];
  // The one functions.json (ASCII function names in every language): error inputs allowed and Chinese parameter
  // names added by the functions module's own plugin (src/functions/metadata).
  const metadataPlugin = root("src/functions/metadataPlugin.js");
  if (fs.existsSync(metadataPlugin)) {
    const FunctionsMetadataPlugin = require(metadataPlugin);
    plugins.splice(1, 0, new FunctionsMetadataPlugin({ source: "functions.json" }));
  }
  if (fs.existsSync(functionsHtml)) {
    plugins.push(new HtmlWebpackPlugin({ filename: "functions.html", template: functionsHtml, chunks: ["functions"] }));
  }
  if (!dev) {
    plugins.push(
      new DeployInfoPlugin({ host: urlProd, cloud: deployment.cloud, officeJs: officeJsMode, officeJsSrc: deployment.officeJsSrc, csp })
    );
  }

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    entry: {
      functions: functionsEntry,
      taskpane: root("src/taskpane/index.tsx"),
    },
    output: {
      path: root("dist"),
      // Production: bundles named by content, so a server may cache them for a year (deploy/nginx). functions.js
      // keeps its name: the manifest's Functions.Script.Url points at it (it is served with no-cache).
      filename: dev ? "[name].js" : (pathData) => (pathData.chunk && pathData.chunk.name === "functions" ? "[name].js" : "[name].[contenthash:8].js"),
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
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
      assetFilter: (name) => /^(taskpane|functions)(\.[0-9a-f]{8})?\.js$/.test(name),
    },
    stats: dev ? "minimal" : "normal",
    devServer: serving ? await devServerOptions() : undefined,
  };
};

module.exports = config;
// Exposed for test/manifest.test.ts (webpack-cli only calls the exported function).
module.exports.rewriteManifest = rewriteManifest;
module.exports.urlDev = urlDev;
// Exposed for test/deploy/devServer.test.ts.
module.exports.devServerOptions = devServerOptions;
module.exports.isOfficeOrigin = isOfficeOrigin;
