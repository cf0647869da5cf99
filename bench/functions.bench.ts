/**
 * SOIL.* custom functions: how many SOIL.STATUS cells recalculate per second, and how long SOIL.SUMMARY
 * takes, over the plan at 1x / 10x / 100x (the seed's rows repeated with their own deterministic
 * inputs), called the way Excel calls them (ranges of serials and text).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { columnIndex, ROW_INPUT_WIDTH } from "../src/core";
import { deptSummary, feedbackLate, status, summary } from "../src/functions/functions";
import { seedSheet, serial, SheetRow, syntheticSheet, tableRange } from "../test/functions/fixtures";
import type { BenchRow, BenchSection } from "./run";
import { median, requirementsAt, SCALES, timeRuns } from "./scales";

const AS_OF = serial("2018-12-31");

type StatusFunction = (row: unknown[][], asOf: unknown, dueSoonDays: unknown) => unknown;

/**
 * SOIL.STATUS as Excel loads it: functions.js built by the project's webpack config (test/functions/buildFunctions.js)
 * and run in this realm with a CustomFunctions global, registered through CustomFunctions.associate.
 */
function builtStatus(): StatusFunction {
  const dir = mkdtempSync(path.join(os.tmpdir(), "soil-bench-functions-"));
  try {
    execFileSync(process.execPath, [path.join(__dirname, "../test/functions/buildFunctions.js"), dir], { stdio: "pipe", timeout: 180_000 });
    const registered = new Map<string, StatusFunction>();
    const runtime = { associate: (id: string, f: StatusFunction) => registered.set(id, f), Error: class extends Error {}, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
    const global = globalThis as { CustomFunctions?: unknown };
    const before = global.CustomFunctions;
    global.CustomFunctions = runtime;
    new Function(readFileSync(path.join(dir, "functions.js"), "utf8"))();
    global.CustomFunctions = before ?? runtime;
    return registered.get("STATUS")!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SOIL.STATUS over the rows, round after round, for about `ms` milliseconds: calls per second. */
function statusCallsPerSecond(rows: readonly SheetRow[], ms: number, call: StatusFunction = status): number {
  const ranges = rows.map((r) => [r.cells.slice(0, ROW_INPUT_WIDTH)]);
  for (const range of ranges) call(range, AS_OF, 30);
  let calls = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() - start < limit) {
    for (const range of ranges) call(range, AS_OF, 30);
    calls += ranges.length;
  }
  return calls / (Number(process.hrtime.bigint() - start) / 1e9);
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** UTF-8 bytes of the JSON of an argument: how the Excel double measures what a call is handed (limit 5 MB, office-js #4654). */
const argumentBytes = (values: unknown) => Buffer.byteLength(JSON.stringify(values), "utf8");

/**
 * What SOIL.SUMMARY is handed, in KB: the pane's column form (责任单位 + the computed 到期状态 / 反馈逾期 columns,
 * with their header cells) and, for comparison, the whole table (SoilTasks[#All], workbooks written before).
 */
function summaryArgumentKb(table: (string | number | boolean)[][]): { columns: number; whole: number } {
  const column = (key: Parameters<typeof columnIndex>[0], value: (row: (string | number | boolean)[]) => unknown) =>
    table.map((row, i) => [i === 0 ? row[columnIndex(key)] : value(row)]);
  const statusColumn = column("dueStatus", (row) => status([row.slice(0, ROW_INPUT_WIDTH)], AS_OF, 30));
  const lateColumn = column("feedbackLate", (row) => feedbackLate([row.slice(0, ROW_INPUT_WIDTH)], AS_OF));
  const columns = argumentBytes(column("responsible", (row) => row[columnIndex("responsible")])) + argumentBytes(statusColumn) + argumentBytes(lateColumn);
  return { columns: columns / 1024, whole: argumentBytes(table) / 1024 };
}

export async function run(): Promise<BenchSection> {
  const seed = seedSheet();
  const rows: BenchRow[] = [];
  const statusRate: number[] = [];
  const summaryMs: number[] = [];
  const argumentKb: number[] = [];
  const builtRate: number[] = [];
  const built = builtStatus();
  for (const times of SCALES) {
    const n = requirementsAt(times);
    const sheet = syntheticSheet(n, seed);
    const table = tableRange(sheet);
    const cold = timeRuns(1, () => summary(table, AS_OF, 30))[0];
    const warm = median(timeRuns(times === 100 ? 10 : 30, () => summary(table, AS_OF, 30)));
    const rate = statusCallsPerSecond(sheet, 500);
    const shipped = statusCallsPerSecond(sheet, 500, built);
    builtRate.push(shipped);
    const kb = summaryArgumentKb(table);
    argumentKb.push(round(kb.columns));
    statusRate.push(rate);
    summaryMs.push(warm);
    rows.push(
      { measure: `${times}x (${n} rows): SOIL.STATUS`, value: Math.round(rate), unit: "calls/s" },
      { measure: `${times}x: SOIL.STATUS, the built functions.js`, value: Math.round(shipped), unit: "calls/s" },
      { measure: `${times}x: SOIL.SUMMARY, first call`, value: round(cold, 2), unit: "ms" },
      { measure: `${times}x: SOIL.SUMMARY, median`, value: round(warm, 2), unit: "ms" },
      { measure: `${times}x: SOIL.SUMMARY argument, column form (the pane's)`, value: round(kb.columns), unit: "KB" },
      { measure: `${times}x: SOIL.SUMMARY argument, whole table (older workbooks)`, value: round(kb.whole), unit: "KB" },
    );
    if (times === 100) rows.push({ measure: `${times}x: SOIL.DEPTSUMMARY 市环保局, median of 10`, value: round(median(timeRuns(10, () => deptSummary(table, "市环保局", AS_OF, 30)))), unit: "ms" });
  }
  return {
    title: "SOIL custom functions",
    rows,
    notes: [
      "Functions called in-process with the arguments Excel passes (rows A:K and the table with its header, dates as serials); Excel's own marshalling and recalculation are not included.",
      "“First call” includes parsing each distinct 完成时限 / 责任单位 text once; later calls reuse those results.",
      "SOIL.STATUS is measured twice: the source run in-process by tsx, and the functions.js webpack builds (what Excel loads). " +
        "Under tsx every imported binding is read through a CommonJS getter and every closure created gets a defineProperty for its name; " +
        "the bundle has neither, so it runs about 2–3 times faster. Since the extension columns came in a row is 7 cells read " +
        "(申请延期至 and 延期审批 added, each checked for error values and dates), which is what the cost buys: an approved extension " +
        "moves the deadline. Reading them without a closure per cell (cells.ts readCell, guard taking the arguments) doubled the tsx figure.",
    ],
    summary: [
      { measure: "custom functions: SOIL.STATUS throughput", unit: "calls/s", values: statusRate },
      { measure: "SOIL.STATUS throughput, built functions.js (what Excel loads)", unit: "calls/s", values: builtRate },
      { measure: "SOIL.SUMMARY over the whole table (median)", unit: "ms", values: summaryMs },
      { measure: "SOIL.SUMMARY argument (责任单位 + 到期状态 + 反馈逾期 columns; Excel's limit 5 MB)", unit: "KB", values: argumentKb },
    ],
  };
}
