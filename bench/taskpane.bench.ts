/**
 * Task pane writes through the Excel test double (test/doubles/fakeExcel.ts): context.sync() count,
 * largest request and time for populate and re-import at 1x / 10x / 100x the plan, and the pane's
 * bundle sizes (dist/ from `npm run build`; bundles found by name pattern, hashed names included), and the first
 * screen's size: what taskpane.html loads before the pane shows.
 */
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { dayFromIso } from "../src/core";
import { createExcelActions } from "../src/taskpane/excel/actions";
import { detectFeatures } from "../src/taskpane/excel/requirements";
import { FakeWorkbook } from "../test/doubles/fakeExcel";
import { syntheticTable } from "../test/doubles/tables";
import type { BenchRow, BenchSection, SummaryRow } from "./run";
import { requirementsAt, SCALES } from "./scales";

const AS_OF = dayFromIso("2018-06-20")!;
const DIST = path.join(__dirname, "../dist");

interface Bundle {
  name: string;
  raw: number;
  gzip: number;
}

function measure(name: string): Bundle {
  const data = fs.readFileSync(path.join(DIST, name));
  return { name, raw: data.length / 1024, gzip: gzipSync(data).length / 1024 };
}

/** The pane's JavaScript in dist/: the entries (maybe content-hashed) and their lazy chunks (tabs, Excel actions, jszip, exceljs). */
function bundles(): Bundle[] {
  if (!fs.existsSync(DIST)) return [];
  return fs
    .readdirSync(DIST)
    .filter((f) => /^(taskpane|functions|jszip|xlsx|excel|tab-[\w-]+|reimport-report|\d+)[\w.-]*\.js$/.test(f))
    .sort()
    .map(measure);
}

/**
 * The first screen: the scripts taskpane.html itself loads (the functions and the pane's entry), Office.js
 * excluded (Office's own, from its CDN). Chunks loaded when a tab is opened or an action runs are not in it.
 */
function firstScreen(): Bundle[] {
  const page = path.join(DIST, "taskpane.html");
  if (!fs.existsSync(page)) return [];
  const sources = [...fs.readFileSync(page, "utf8").matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
  return sources.filter((src) => !/^(https?:)?\/\//.test(src) && !/(^|\/)office\.js$/.test(src)).map((src) => measure(src.replace(/^\.?\//, "")));
}

export async function run(): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  const syncs: number[] = [];
  const largest: number[] = [];
  const times: number[] = [];
  for (const scale of SCALES) {
    const n = requirementsAt(scale);
    const book = new FakeWorkbook();
    const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
    const table = syntheticTable(n);
    let start = performance.now();
    await actions.populate(table, AS_OF);
    const populateMs = performance.now() - start;
    const biggest = Math.max(...book.requestBytes) / 2 ** 20;
    syncs.push(book.syncCount);
    largest.push(biggest);
    times.push(populateMs);
    rows.push({ measure: `populate ${n} rows: context.sync() calls`, value: book.syncCount, unit: "syncs" });
    rows.push({ measure: `populate ${n} rows: largest request`, value: biggest.toFixed(2), unit: "MiB" });
    rows.push({ measure: `populate ${n} rows: time in the pane's code + double`, value: Math.round(populateMs), unit: "ms" });
    const before = book.syncCount;
    start = performance.now();
    await actions.reimport(syntheticTable(n + 10), AS_OF);
    rows.push({ measure: `re-import ${n} rows (+10 new): context.sync() calls`, value: book.syncCount - before, unit: "syncs" });
    rows.push({ measure: `re-import ${n} rows (+10 new): time`, value: Math.round(performance.now() - start), unit: "ms" });
  }
  const files = bundles();
  for (const b of files) rows.push({ measure: `dist/${b.name} (raw / gzip)`, value: `${Math.round(b.raw)} / ${Math.round(b.gzip)}`, unit: "KiB" });
  const first = firstScreen();
  const firstRaw = first.reduce((sum, b) => sum + b.raw, 0);
  const firstGzip = first.reduce((sum, b) => sum + b.gzip, 0);
  if (first.length > 0) rows.push({ measure: `first screen: ${first.map((b) => b.name).join(" + ")} (raw / gzip)`, value: `${Math.round(firstRaw)} / ${Math.round(firstGzip)}`, unit: "KiB" });
  const summary: SummaryRow[] = [
    { measure: "populate: context.sync() calls", unit: "syncs", values: syncs },
    { measure: "populate: largest request (Excel on the web allows 5 MB)", unit: "MiB", values: largest },
    { measure: "populate: time in the pane's code + Excel double", unit: "ms", values: times },
    first.length > 0
      ? { measure: "task pane first screen (scripts taskpane.html loads, Office.js excluded; budget 200 KiB gzip), raw / gzip", unit: "KiB", values: `${Math.round(firstRaw)} / ${Math.round(firstGzip)}` }
      : { measure: "task pane first screen", unit: "", values: "dist/ missing: run npm run build" },
  ];
  return {
    title: "Task pane: Excel writes (test double) and bundle",
    rows,
    notes: [
      "Syncs = 3 fixed (sheet names; recalculation after suspended calculation + the summary chart; the chart's series) + one per batch of at most 4 MB estimated JSON (non-ASCII counted as 6 bytes). Re-import adds reads: table check, size, one per 1,500 rows, sheet lookups.",
      "Times are of the pane's code and the in-memory double, not of Excel.",
      "The first screen is 导入 (choose and preview a table). The bundled table's text (seed.js, data, ~19 KiB gzip) loads right after the first screen shows, its preview following; the other tabs (tab-*.js), the Office.js renderers (excel.js: populate, re-import, the board, the quarter's work), the re-import report, jszip (.docx) and exceljs (department files) are chunks loaded when first needed.",
    ],
    summary,
  };
}
