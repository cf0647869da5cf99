/** Time and size of the portable workbook: the bundled table and a synthetic 20,000-requirement one. */
import { mkdtempSync, rmSync, statSync } from "fs";
import os from "os";
import path from "path";
import { allRequirements, ParsedTable } from "../src/core/model";
import { buildWorkbook } from "../src/xlsx/buildWorkbook";
import { writeWorkbookFile } from "../src/xlsx/writeWorkbookFile";
import { seedTable, syntheticTable } from "../test/doubles/tables";
import { computedSheets, recalculatingProfile, sofficeBinary } from "../test/xlsx/soffice";
import type { BenchRow, BenchSection } from "./run";

async function measure(name: string, table: ParsedTable, dir: string): Promise<BenchRow[]> {
  const rows = allRequirements(table).length;
  let t = process.hrtime.bigint();
  const workbook = buildWorkbook(table, { asOf: null });
  const buildMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  const bytes = await workbook.xlsx.writeBuffer();
  const compressMs = Number(process.hrtime.bigint() - t) / 1e6;
  const file = path.join(dir, `${name}.xlsx`);
  t = process.hrtime.bigint();
  await writeWorkbookFile(table, file);
  const totalMs = Number(process.hrtime.bigint() - t) / 1e6;
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  const recalc = libreOfficeMs(file, dir);
  return [
    { measure: `${name} (${rows} requirements): build sheets`, value: Math.round(buildMs), unit: "ms" },
    { measure: `${name}: compress to .xlsx`, value: Math.round(compressMs), unit: "ms" },
    { measure: `${name}: writeWorkbookFile end to end`, value: Math.round(totalMs), unit: "ms" },
    { measure: `${name}: file size`, value: (statSync(file).size / 1024).toFixed(1), unit: "KB" },
    { measure: `${name}: bytes per requirement`, value: Math.round(bytes.byteLength / rows), unit: "B" },
    { measure: `${name}: heap used after`, value: Math.round(heapMb), unit: "MB" },
    { measure: `${name}: LibreOffice headless opens, recalculates, exports CSV`, value: recalc ?? "soffice missing", unit: recalc === null ? "" : "ms" },
  ];
}

/** Wall time of one soffice run over the file (start-up included, profile already made). */
function libreOfficeMs(file: string, dir: string): number | null {
  try {
    sofficeBinary();
  } catch {
    return null;
  }
  const t = process.hrtime.bigint();
  computedSheets([file], ["部门汇总"], path.join(dir, "csv"), profile());
  return Math.round(Number(process.hrtime.bigint() - t) / 1e6);
}

let loProfile: string | null = null;
function profile(): string {
  return (loProfile ??= recalculatingProfile());
}

export async function run(): Promise<BenchSection> {
  const seed = seedTable();
  const dir = mkdtempSync(path.join(os.tmpdir(), "soil-bench-xlsx-"));
  try {
    // Warm-up: the first exceljs run pays for loading and JIT, the first soffice run for making its profile.
    await writeWorkbookFile(seed, path.join(dir, "warm-up.xlsx"));
    libreOfficeMs(path.join(dir, "warm-up.xlsx"), dir);
    const rows = [...(await measure("seed table", seed, dir)), ...(await measure("synthetic", syntheticTable(20_000), dir))];
    return {
      title: "Portable workbook (exceljs)",
      rows,
      notes: [
        "writeWorkbookFile = build + compress + write to a temporary file + rename. The 部门汇总 formulas are SUMPRODUCT over the whole task column per department and status, so recalculation time in the spreadsheet grows with departments × rows.",
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (loProfile) rmSync(loProfile, { recursive: true, force: true });
    loProfile = null;
  }
}
