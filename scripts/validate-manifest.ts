/*
 * Offline manifest validation: `npm run validate:offline` (= tsx scripts/validate-manifest.ts manifest.xml).
 *
 *   tsx scripts/validate-manifest.ts [options] [manifest.xml ...]
 *     --schema-dir DIR   XSD folder (default: ../shared/manifest-schema beside the repository)
 *     --no-schema        skip the xmllint XSD validation
 *     --require-schema   fail (instead of warn) when xmllint or the schema folder is missing
 *     --assets DIR       folder the manifest's .../assets/ URLs map to (default: assets/)
 *
 * With no file arguments it checks manifest.xml, plus dist/manifest.xml when a build has produced one.
 * Exit code 0 when every file passes, 1 otherwise. The online check is `npm run validate`.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_SCHEMA_DIR, REPO_ROOT, checkManifestFile, missingBuiltFiles, runXmllint } from "./manifestCheck";

function main(argv: string[]): number {
  const files: string[] = [];
  let schemaDir = DEFAULT_SCHEMA_DIR;
  let schema = true;
  let requireSchema = false;
  let assetsDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--schema-dir") schemaDir = path.resolve(argv[++i] ?? "");
    else if (a === "--no-schema") schema = false;
    else if (a === "--require-schema") requireSchema = true;
    else if (a === "--assets") assetsDir = path.resolve(argv[++i] ?? "");
    else if (a === "-h" || a === "--help") {
      console.log("usage: validate-manifest [--schema-dir DIR] [--no-schema] [--require-schema] [--assets DIR] [manifest.xml ...]");
      return 0;
    } else if (a.startsWith("-")) {
      console.error(`unknown option ${a}`);
      return 2;
    } else files.push(path.resolve(a));
  }
  if (files.length === 0) {
    files.push(path.join(REPO_ROOT, "manifest.xml"));
    const dist = path.join(REPO_ROOT, "dist", "manifest.xml");
    if (fs.existsSync(dist)) files.push(dist);
  }

  let failed = 0;
  for (const file of files) {
    const rel = path.relative(process.cwd(), file) || file;
    if (!fs.existsSync(file)) {
      console.error(`✗ ${rel}: file not found`);
      failed++;
      continue;
    }
    const result = checkManifestFile(file, { assetsDir });
    // A built manifest (dist/manifest.xml): everything it points at must be in the same folder.
    if (path.basename(path.dirname(file)) === "dist") {
      for (const url of missingBuiltFiles(result, path.dirname(file))) result.errors.push(`not in the build output: ${url}`);
    }
    for (const w of result.warnings) console.warn(`  warning: ${w}`);
    for (const e of result.errors) console.error(`  error: ${e}`);
    let ok = result.errors.length === 0;
    console.log(`${ok ? "✓" : "✗"} ${rel}: offline checks ${ok ? "passed" : `failed (${result.errors.length} error(s))`}` +
      (result.baseUrl ? `, base URL ${result.baseUrl}` : ""));
    if (schema) {
      const xsd = runXmllint(file, schemaDir);
      if (xsd.status === "valid") console.log(`✓ ${rel}: valid against ${path.relative(process.cwd(), schemaDir) || schemaDir}`);
      else if (xsd.status === "invalid") {
        console.error(`✗ ${rel}: XSD validation failed\n${xsd.message}`);
        ok = false;
      } else {
        console.warn(`${requireSchema ? "✗" : "!"} ${rel}: XSD validation skipped: ${xsd.message}`);
        if (requireSchema) ok = false;
      }
    }
    if (!ok) failed++;
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
