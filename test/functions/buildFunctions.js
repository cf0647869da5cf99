/*
 * Builds only the custom-functions part of the real webpack config (functions entry, metadata plugins)
 * into a given directory: what the built-script test loads the way Excel does. Run as a child process
 * (`node test/functions/buildFunctions.js <outDir> [mode]`) so webpack runs outside Jest's module system.
 */
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { partialBuild } = require("../partialBuild");

const [outDir, mode = "production"] = process.argv.slice(2);
if (!outDir) throw new Error("usage: buildFunctions.js <outDir> [production|development]");
partialBuild({
  outDir,
  mode,
  adjust: (config) => {
    config.entry = { functions: config.entry.functions };
    // Pages and copied files are not what Excel loads for the functions; skipping them keeps this fast.
    config.plugins = config.plugins.filter((p) => !(p instanceof HtmlWebpackPlugin) && !(p instanceof CopyWebpackPlugin));
  },
});
