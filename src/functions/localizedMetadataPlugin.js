/*
 * webpack plugin: after custom-functions-metadata-plugin has generated functions.json, rewrites it with
 * allowErrorForDataTypeAny and emits one localized copy per locale (functions.zh-CN.json) from
 * src/functions/locale. The locale code is TypeScript, loaded with tsx (build-time only).
 */
/* global __filename */
const { require: tsxRequire } = require("tsx/cjs/api");
const { sources, WebpackError, Compilation } = require("webpack");

const NAME = "LocalizedMetadataPlugin";

class LocalizedMetadataPlugin {
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
        const { metadataFiles } = tsxRequire("./locale/index.ts", __filename);
        const { files, problems } = metadataFiles(generated.source.source().toString(), this.source);
        for (const problem of problems) compilation.errors.push(new WebpackError(`${NAME}: ${problem}`));
        for (const [file, json] of Object.entries(files)) {
          const source = new sources.RawSource(json);
          if (compilation.getAsset(file)) compilation.updateAsset(file, source);
          else compilation.emitAsset(file, source);
        }
      });
    });
  }
}

module.exports = LocalizedMetadataPlugin;
