/**
 * The quarter's work through the Excel test double at 1x / 10x / 100x the plan: reading the feedback
 * round, writing the quarterly report sheet, protecting the task sheet, exporting one department's
 * file and merging it back. Syncs and time of the pane's code (and exceljs for the files), not Excel's.
 */
import { columnIndex, dayFromIso, SHEETS } from "../src/core";
import { createExcelActions } from "../src/taskpane/excel/actions";
import { detectFeatures } from "../src/taskpane/excel/requirements";
import { FakeWorkbook } from "../test/doubles/fakeExcel";
import { syntheticTable } from "../test/doubles/tables";
import type { BenchRow, BenchSection, SummaryRow } from "./run";
import { requirementsAt, SCALES } from "./scales";

const AS_OF = dayFromIso("2019-01-20")!;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

export async function run(): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  const roundMs: number[] = [];
  const reportMs: number[] = [];
  const reportSyncs: number[] = [];
  const mergeMs: number[] = [];
  for (const scale of SCALES) {
    const n = requirementsAt(scale);
    const book = new FakeWorkbook();
    let created = "";
    const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported), { createWorkbook: async (b) => void (created = b) });
    await actions.populate(syntheticTable(n), AS_OF);
    const tasks = book.sheet(SHEETS.tasks)!;
    // Every third row reported in the round of 2019-01-10.
    for (let r = 2; r <= n + 1; r += 3) tasks.ensure(r, columnIndex("lastFeedback")).value = 43470;

    let syncs = book.syncCount;
    const round = await timed(() => actions.readFeedbackRound());
    roundMs.push(round.ms);
    rows.push({ measure: `${n} rows: feedback round (${round.value.departments.length} departments): syncs / ms`, value: `${book.syncCount - syncs} / ${Math.round(round.ms)}`, unit: "" });

    syncs = book.syncCount;
    const report = await timed(() => actions.writeQuarterlyReport({ year: 2018, quarter: 4 }));
    reportMs.push(report.ms);
    reportSyncs.push(book.syncCount - syncs);
    rows.push({ measure: `${n} rows: quarterly report sheet (${report.value.overdue} overdue): syncs / ms`, value: `${book.syncCount - syncs} / ${Math.round(report.ms)}`, unit: "" });

    syncs = book.syncCount;
    const protect = await timed(() => actions.protectTaskSheet({ password: "pw" }));
    rows.push({ measure: `${n} rows: protect the task sheet: syncs / ms`, value: `${book.syncCount - syncs} / ${Math.round(protect.ms)}`, unit: "" });

    syncs = book.syncCount;
    const exported = await timed(() => actions.exportDepartmentFile("市农牧局", AS_OF));
    const bytes = Buffer.from(created, "base64");
    rows.push({ measure: `${n} rows: export 市农牧局's file (${(bytes.length / 1024).toFixed(0)} KB): syncs / ms`, value: `${book.syncCount - syncs} / ${Math.round(exported.ms)}`, unit: "" });
    syncs = book.syncCount;
    const merged = await timed(() => actions.mergeDepartmentFile(new Uint8Array(bytes), "市农牧局.xlsx"));
    mergeMs.push(merged.ms);
    rows.push({ measure: `${n} rows: merge it back unchanged (${merged.value.plan.updates.length} updates): syncs / ms`, value: `${book.syncCount - syncs} / ${Math.round(merged.ms)}`, unit: "" });
  }
  const summary: SummaryRow[] = [
    { measure: "feedback round: read and evaluate every row (Excel double)", unit: "ms", values: roundMs },
    { measure: "quarterly report sheet: read, evaluate, write (Excel double)", unit: "ms", values: reportMs },
    { measure: "quarterly report sheet: context.sync() calls", unit: "syncs", values: reportSyncs },
    { measure: "merge one department's file back (exceljs read + plan + writes)", unit: "ms", values: mergeMs },
  ];
  return {
    title: "The quarter's work (Excel double)",
    rows,
    notes: ["Report syncs: sheet names, the table (check, size, one read per 1,500 rows), the writes, the chart and its series.", "The department file is 市农牧局's (44 rows of the seed, repeated with the plan)."],
    summary,
  };
}
