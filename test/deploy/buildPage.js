/*
 * Builds the page side of the project's real webpack config - taskpane.html (Office.js <script>, CSP <meta>),
 * manifest.xml, deploy.json, the copied Office.js files and icons - with both bundles replaced by an empty module,
 * so that the deployment switches can be checked in seconds. Run as a child process, like a build:
 *   node test/deploy/buildPage.js <outDir> [key=value ...]     (key=value as webpack's --env; SOIL_* from the environment)
 */
const { partialBuild } = require("../partialBuild");

const [outDir, ...pairs] = process.argv.slice(2);
if (!outDir) throw new Error("usage: buildPage.js <outDir> [key=value ...]");
partialBuild({
  outDir,
  env: Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)])),
  adjust: (config) => {
    const empty = "data:text/javascript,export {}";
    config.entry = { functions: empty, taskpane: empty };
    // The custom-functions metadata comes from functions.ts, which is not built here.
    config.plugins = config.plugins.filter((p) => !/Metadata/.test(p.constructor.name));
  },
});
