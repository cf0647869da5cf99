/**
 * A plan 100 times the seed (19,500 requirements) through every stage: parse its text, populate the
 * workbook over the Excel double (syncs, request sizes, SOIL.SUMMARY computed by the real functions),
 * write the portable .xlsx and have LibreOffice recalculate it. Each stage's result is checked against
 * the domain core. Timings of the same stages at 1x / 10x / 100x are in bench/ (npm run bench).
 */
import { mkdtempSync, rmSync, statSync } from "fs";
import os from "os";
import path from "path";
import { allRequirements, dayFromIso, importProblem, parseTable, ParsedTable, SHEETS, SUMMARY_HEADERS, TASK_TABLE } from "../../src/core";
import { DepartmentSummary, SUMMARY_STATUSES } from "../../src/core/summary";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { writeWorkbookFile } from "../../src/xlsx/writeWorkbookFile";
import { FakeWorkbook } from "../doubles/fakeExcel";
import { soilEvaluator } from "../doubles/soilEvaluator";
import { SEED_REQUIREMENTS, syntheticTable, tableText } from "../doubles/tables";
import { expectedByCore } from "../xlsx/departmentInput";
import { computedSheets, recalculatingProfile } from "../xlsx/soffice";

const TIMES = Number(process.env.SOIL_SCALE_TIMES ?? 100);
const N = TIMES * SEED_REQUIREMENTS;
const AS_OF = dayFromIso("2018-12-20")!;
const FIVE_MB = 5 * 1024 * 1024;

jest.setTimeout(240_000);

const essentials = (t: ParsedTable) => allRequirements(t).map((r) => [r.id, r.text, r.responsible.join("、"), r.deadline.kind, r.deadline.date]);
const counts = (s: DepartmentSummary) => [s.department, s.total, ...SUMMARY_STATUSES.map((k) => s.byStatus[k]), s.feedbackLate];

let table: ParsedTable;
const expected = () => expectedByCore(table, new Map(), AS_OF).summary;

test(`parse: ${N} requirements from ${TIMES}x the plan's text, none lost, no error`, () => {
  const source = syntheticTable(N);
  const text = tableText(source);
  expect(Buffer.byteLength(text)).toBeGreaterThan(TIMES * 50_000); // 4.8 MB at 100x, under the 16 MiB input limit
  table = parseTable(text);
  expect(allRequirements(table)).toHaveLength(N);
  expect(essentials(table)).toEqual(essentials(source));
  expect(table.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(importProblem(table)).toBeNull();
});

test("populate: a few syncs, every request under Excel on the web's 5 MB, SOIL.SUMMARY equal to the core", async () => {
  const book = new FakeWorkbook({ evaluator: soilEvaluator, apiVersion: "1.17" });
  const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
  await expect(actions.populate(table, AS_OF)).resolves.toMatchObject({ kind: "created", rows: N });
  expect(book.table(TASK_TABLE)!.box.r2).toBe(N + 1);
  // 4 fixed syncs (the last: font and page layout) + one per block of at most 4 MB estimated: 7 for the 21 task columns
  // (参与部门, issue #13, made it one more), 5 for 打印清单's mirror formulas (9 a row, each naming 任务清单 twice), 16 in all.
  expect(book.syncCount).toBeLessThanOrEqual(16);
  expect(Math.max(...book.requestBytes)).toBeLessThan(FIVE_MB);
  const summary = book.sheet(SHEETS.summary)!;
  const { departments, total } = expected();
  const spill = book.valuesOf(summary, { r1: 1, r2: departments.length + 2, c1: 0, c2: SUMMARY_HEADERS.length - 1 });
  expect(spill[0]).toEqual([...SUMMARY_HEADERS]);
  expect(spill.slice(1).map((r) => r.slice(0, SUMMARY_HEADERS.length - 1))).toEqual([...departments, total].map(counts));
  expect(total.total).toBe(N);
  // What SOIL.SUMMARY is handed (three columns, not the 5.5 MB table): under 1 MB, Excel's limit being 5 MB (office-js #4654).
  expect(Math.max(...book.customFunctionArguments)).toBeLessThan(1024 * 1024);
});

test("the portable .xlsx: written, and LibreOffice's recalculated 部门汇总 equals the core", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "soil-100x-"));
  const profile = recalculatingProfile();
  try {
    const file = path.join(dir, "plan100x.xlsx");
    await writeWorkbookFile(table, file, { asOf: AS_OF });
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024);
    const sheets = computedSheets([file], [SHEETS.summary], path.join(dir, "csv"), profile).get(file)!;
    const [header, ...rows] = sheets.get(SHEETS.summary)!;
    expect(header).toEqual([...SUMMARY_HEADERS]);
    const { departments, total } = expected();
    expect(rows.map((r) => [r[0], ...r.slice(1, SUMMARY_HEADERS.length - 1).map(Number)])).toEqual([...departments, total].map(counts));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
});
