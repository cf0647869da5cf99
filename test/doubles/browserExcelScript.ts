/** The Excel double (browserExcel.ts) bundled for a browser page: injected with Playwright's addInitScript. */
import * as path from "path";
import { build } from "esbuild";

export async function excelDoubleScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, "browserExcel.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}
