/*
 * webpack plugin: after custom-functions-metadata-plugin has generated functions.json, rewrites it with
 * allowErrorForDataTypeAny and the Chinese parameter names (src/functions/metadata). The one metadata file:
 * function names stay ASCII in every language. The metadata code is TypeScript, loaded with tsx (build-time only).
 */
/* global __filename */
const { require: tsxRequire } = require("tsx/cjs/api");
const { sources, WebpackError, Compilation } = require("webpack");

const NAME = "FunctionsMetadataPlugin";

class FunctionsMetadataPlugin {
  /** @param {{ source?: string }} [options] name of the generated metadata asset (default functions.json) */
  constructor(options = {}) {
    this.source = options.source || "functions.json";
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const generated = compilation.getAsset(this.source);
        // No generated metadata: the metadata plugin has already reported why.
        if (!generated) return;
        const { finishedMetadata } = tsxRequire("./metadata/metadata.ts", __filename);
        const { PARAMETER_NAMES } = tsxRequire("./metadata/parameterNames.ts", __filename);
        const { json, problems } = finishedMetadata(generated.source.source().toString(), PARAMETER_NAMES);
        for (const problem of problems) compilation.errors.push(new WebpackError(`${NAME}: ${problem}`));
        compilation.updateAsset(this.source, new sources.RawSource(json));
      });
    });
  }
}

module.exports = FunctionsMetadataPlugin;
