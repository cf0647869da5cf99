/**
 * SOIL.* custom functions: how many SOIL.STATUS cells recalculate per second, and how long SOIL.SUMMARY
 * takes over the seed table and over 20,000 synthetic requirements (the seed's rows repeated with
 * their own deterministic inputs), called the way Excel calls them (ranges of serials and text).
 */
import { ROW_INPUT_WIDTH } from "../src/core";
import { deptSummary, status, summary } from "../src/functions/functions";
import { seedSheet, serial, SheetRow, syntheticSheet, tableRange } from "../test/functions/fixtures";
import type { BenchSection } from "./run";

const AS_OF = serial("2018-12-31");
const SYNTHETIC_ROWS = 20_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds of each of `runs` calls. */
function time(runs: number, call: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    call();
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}

/** SOIL.STATUS over the rows, round after round, for about `ms` milliseconds: calls per second. */
function statusCallsPerSecond(rows: readonly SheetRow[], ms: number): number {
  const ranges = rows.map((r) => [r.cells.slice(0, ROW_INPUT_WIDTH)]);
  let calls = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() - start < limit) {
    for (const range of ranges) status(range, AS_OF, 30);
    calls += ranges.length;
  }
  return calls / (Number(process.hrtime.bigint() - start) / 1e9);
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

export async function run(): Promise<BenchSection> {
  const seed = seedSheet();
  const synthetic = syntheticSheet(SYNTHETIC_ROWS, seed);
  const seedTable = tableRange(seed);
  const bigTable = tableRange(synthetic);

  const coldBig = time(1, () => summary(bigTable, AS_OF, 30))[0];
  return {
    title: "SOIL custom functions",
    rows: [
      { measure: `SOIL.STATUS, seed rows (${seed.length})`, value: Math.round(statusCallsPerSecond(seed, 1000)), unit: "calls/s" },
      { measure: `SOIL.STATUS, synthetic rows (${SYNTHETIC_ROWS})`, value: Math.round(statusCallsPerSecond(synthetic, 1000)), unit: "calls/s" },
      { measure: `SOIL.SUMMARY, seed table (${seed.length} rows), median of 50`, value: round(median(time(50, () => summary(seedTable, AS_OF, 30))), 2), unit: "ms" },
      { measure: `SOIL.SUMMARY, synthetic table (${SYNTHETIC_ROWS} rows), first call`, value: round(coldBig), unit: "ms" },
      { measure: `SOIL.SUMMARY, synthetic table (${SYNTHETIC_ROWS} rows), median of 10`, value: round(median(time(10, () => summary(bigTable, AS_OF, 30)))), unit: "ms" },
      {
        measure: `SOIL.DEPTSUMMARY 市环保局, synthetic table (${SYNTHETIC_ROWS} rows), median of 10`,
        value: round(median(time(10, () => deptSummary(bigTable, "市环保局", AS_OF, 30)))),
        unit: "ms",
      },
    ],
    notes: [
      "Functions called in-process with the arguments Excel passes (rows A:K and the table with its header, dates as serials); Excel's own marshalling and recalculation are not included.",
      "“First call” includes parsing each distinct 完成时限 / 责任单位 text once; later calls reuse those results.",
    ],
  };
}
