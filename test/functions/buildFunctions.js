/*
 * Builds only the custom-functions part of the real webpack config (functions entry, metadata plugins)
 * into a given directory: what the built-script test loads the way Excel does. Run as a child process
 * (`node test/functions/buildFunctions.js <outDir> [mode]`) so webpack runs outside Jest's module system.
 */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const configFactory = require("../../webpack.config.js");

async function main() {
  const [outDir, mode = "production"] = process.argv.slice(2);
  if (!outDir) throw new Error("usage: buildFunctions.js <outDir> [production|development]");
  const config = await configFactory({}, { mode });
  config.entry = { functions: config.entry.functions };
  // Pages and copied files are not what Excel loads for the functions; skipping them keeps this fast.
  config.plugins = config.plugins.filter((p) => !(p instanceof HtmlWebpackPlugin) && !(p instanceof CopyWebpackPlugin));
  config.output = { ...config.output, path: path.resolve(outDir), clean: true };
  config.devtool = false;
  const stats = await new Promise((resolve, reject) => webpack(config, (err, s) => (err ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
