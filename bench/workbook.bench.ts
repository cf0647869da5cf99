/** Time and size of the portable workbook and its LibreOffice recalculation: the bundled table and the plan at 1x / 10x / 100x. */
import { mkdtempSync, rmSync, statSync } from "fs";
import os from "os";
import path from "path";
import { allRequirements, ParsedTable } from "../src/core/model";
import { buildWorkbook } from "../src/xlsx/buildWorkbook";
import { writeWorkbookFile } from "../src/xlsx/writeWorkbookFile";
import { seedTable, syntheticTable } from "../test/doubles/tables";
import { computedSheets, recalculatingProfile, sofficeBinary } from "../test/xlsx/soffice";
import type { BenchRow, BenchSection } from "./run";
import { requirementsAt, SCALES } from "./scales";

interface Measured {
  rows: BenchRow[];
  writeMs: number;
  recalcMs: number | null;
  kb: number;
}

async function measure(name: string, table: ParsedTable, dir: string): Promise<Measured> {
  const count = allRequirements(table).length;
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
  const kb = statSync(file).size / 1024;
  const rows: BenchRow[] = [
    { measure: `${name} (${count} requirements): build sheets`, value: Math.round(buildMs), unit: "ms" },
    { measure: `${name}: compress to .xlsx`, value: Math.round(compressMs), unit: "ms" },
    { measure: `${name}: writeWorkbookFile end to end`, value: Math.round(totalMs), unit: "ms" },
    { measure: `${name}: file size`, value: kb.toFixed(1), unit: "KB" },
    { measure: `${name}: bytes per requirement`, value: Math.round(bytes.byteLength / count), unit: "B" },
    { measure: `${name}: heap used after`, value: Math.round(heapMb), unit: "MB" },
    { measure: `${name}: LibreOffice headless opens, recalculates, exports CSV`, value: recalc ?? "soffice missing", unit: recalc === null ? "" : "ms" },
  ];
  return { rows, writeMs: totalMs, recalcMs: recalc, kb };
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
    const seedRun = await measure("seed table", seed, dir);
    const scaled: Measured[] = [];
    for (const times of SCALES) scaled.push(await measure(`${times}x plan`, syntheticTable(requirementsAt(times)), dir));
    const rows = [...seedRun.rows, ...scaled.flatMap((m) => m.rows)];
    const recalc = scaled.map((m) => m.recalcMs);
    return {
      title: "Portable workbook (exceljs)",
      rows,
      notes: [
        "writeWorkbookFile = build + compress + write to a temporary file + rename. The 部门汇总 formulas are SUMPRODUCT over the whole task column per department and status, each looking for the department's 规范名称, 简称 and 别称 slots as 单位名录 holds them (rows × slots FIND calls), so recalculation time in the spreadsheet grows with departments × rows × slots.",
      ],
      summary: [
        { measure: ".xlsx write (writeWorkbookFile, end to end)", unit: "ms", values: scaled.map((m) => m.writeMs) },
        { measure: ".xlsx file size", unit: "KB", values: scaled.map((m) => m.kb) },
        recalc.every((v): v is number => v !== null)
          ? { measure: "LibreOffice opens, recalculates, exports (incl. ~4 s start-up)", unit: "ms", values: recalc }
          : { measure: "LibreOffice recalculation", unit: "", values: "soffice missing" },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (loProfile) rmSync(loProfile, { recursive: true, force: true });
    loProfile = null;
  }
}
