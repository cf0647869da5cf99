/**
 * Task pane writes through the Excel test double (test/doubles/fakeExcel.ts): context.sync() count,
 * largest request and time for populate and re-import at several sizes, and the pane's bundle size.
 */
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { dayFromIso } from "../src/core";
import { createExcelActions } from "../src/taskpane/excel/actions";
import { detectFeatures } from "../src/taskpane/excel/requirements";
import { FakeWorkbook } from "../test/doubles/fakeExcel";
import { syntheticTable } from "../test/doubles/tables";
import type { BenchRow, BenchSection } from "./run";

const AS_OF = dayFromIso("2018-06-20")!;

export async function run(): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  for (const n of [200, 2_000, 10_000]) {
    const book = new FakeWorkbook();
    const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
    const table = syntheticTable(n);
    let start = performance.now();
    await actions.populate(table, AS_OF);
    const populateMs = performance.now() - start;
    rows.push({ measure: `populate ${n} rows: context.sync() calls`, value: book.syncCount, unit: "syncs" });
    rows.push({ measure: `populate ${n} rows: largest request`, value: (Math.max(...book.requestBytes) / 2 ** 20).toFixed(2), unit: "MiB" });
    rows.push({ measure: `populate ${n} rows: time in the pane's code + double`, value: Math.round(populateMs), unit: "ms" });
    const before = book.syncCount;
    start = performance.now();
    await actions.reimport(syntheticTable(n + 10), AS_OF);
    rows.push({ measure: `re-import ${n} rows (+10 new): context.sync() calls`, value: book.syncCount - before, unit: "syncs" });
    rows.push({ measure: `re-import ${n} rows (+10 new): time`, value: Math.round(performance.now() - start), unit: "ms" });
  }
  // Production bundles are named by content: dist/taskpane.<hash>.js.
  const dist = path.join(__dirname, "../dist");
  const name = fs.existsSync(dist) ? fs.readdirSync(dist).find((f) => /^taskpane(\.[0-9a-f]{8})?\.js$/.test(f)) : undefined;
  if (name) {
    const data = fs.readFileSync(path.join(dist, name));
    rows.push({ measure: "dist/taskpane.js", value: Math.round(data.length / 1024), unit: "KiB" });
    rows.push({ measure: "dist/taskpane.js gzip", value: Math.round(gzipSync(data).length / 1024), unit: "KiB" });
  }
  return {
    title: "Task pane: Excel writes (test double) and bundle",
    rows,
    notes: [
      "Syncs = 3 fixed (sheet names; recalculation after suspended calculation + the summary chart; the chart's series) + one per batch of at most 4 MB estimated JSON (non-ASCII counted as 6 bytes). Re-import adds reads: table check, size, one per 1,500 rows, sheet lookups.",
      "Times are of the pane's code and the in-memory double, not of Excel.",
    ],
  };
}
