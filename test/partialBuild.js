/*
 * Shared by the partial builds the tests run as child processes (test/functions/buildFunctions.js,
 * test/deploy/buildPage.js): the project's real webpack config, adjusted by the caller, built into outDir.
 * Child processes, so that webpack runs outside Jest's module system.
 */
const path = require("path");
const webpack = require("webpack");
const configFactory = require("../webpack.config.js");

/** Builds `configFactory(env, { mode })` after `adjust(config)` into outDir; exits 1 with webpack's errors. */
function partialBuild({ outDir, env = {}, mode = "production", adjust }) {
  const run = async () => {
    const config = await configFactory(env, { mode });
    adjust(config);
    config.output = { ...config.output, path: path.resolve(outDir), clean: true };
    config.devtool = false;
    const stats = await new Promise((resolve, reject) => webpack(config, (err, s) => (err ? reject(err) : resolve(s))));
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  };
  run().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

module.exports = { partialBuild };
