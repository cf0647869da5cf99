/**
 * The portable workbook computes in LibreOffice Calc exactly what the domain core computes: every
 * 到期状态, 剩余天数 and 反馈逾期 cell and every per-department count, at several as-of dates and with
 * departments' entries typed into the input columns.
 */
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { Day, dayFromIso, isoFromDay, today } from "../../src/core/dates";
import { departmentListText, extraColumns, GUIDE_CELLS, SHEETS, SUMMARY_HEADERS, TASK_HEADERS, columnIndex } from "../../src/core";
import { allRequirements, ParsedTable } from "../../src/core/model";
import { lastReportDeadline, nextReportDeadline, previousReportDeadline } from "../../src/core/status";
import { DepartmentSummary, SUMMARY_STATUSES } from "../../src/core/summary";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { DepartmentInput, expectedByCore, sampleInputs, typeInputs } from "./departmentInput";
import { FORMULA_TEXT_FILE, readTable, SEED_FILE } from "./seedTable";
import { computedSheets, recalculatingProfile } from "./soffice";

interface Case {
  name: string;
  table: ParsedTable;
  /** null: the file's own =TODAY(). */
  asOf: Day | null;
  inputs: Map<string, DepartmentInput>;
}

const seed = readTable(SEED_FILE);
const seedInputs = sampleInputs(seed);
// 2018-04-10 is a report deadline itself; 2018-12-01 is exactly 30 days (the 临期 window) before 2018年底.
const AS_OF_DATES = ["2018-03-15", "2018-04-10", "2018-12-01", "2018-12-20", "2021-01-05"];
const CASES: Case[] = [
  ...AS_OF_DATES.map((iso) => ({ name: `seed-${iso}`, table: seed, asOf: dayFromIso(iso)!, inputs: seedInputs })),
  { name: "seed-untouched", table: seed, asOf: dayFromIso("2019-07-01")!, inputs: new Map() },
  { name: "seed-today", table: seed, asOf: null, inputs: seedInputs },
  { name: "formula-text", table: readTable(FORMULA_TEXT_FILE), asOf: dayFromIso("2018-11-20")!, inputs: new Map() },
  // Other offices' layouts (issue #12): their 类别 and kept columns sit after SOIL's, and the formulas still compute.
  ...["year-columns", "sections"].map((name) => ({ name, table: readTable(path.resolve(__dirname, `../fixtures/tables/${name}.txt`)), asOf: dayFromIso("2019-06-20")!, inputs: new Map() })),
];

const SHEET_NAMES = [SHEETS.tasks, SHEETS.summary, SHEETS.guide];
let work: string;
let profile: string;
const computed = new Map<string, Map<string, string[][]>>();

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "soil-lo-"));
  profile = recalculatingProfile();
  const files: string[] = [];
  for (const c of CASES) {
    const workbook = buildWorkbook(c.table, { asOf: c.asOf });
    typeInputs(workbook, c.inputs);
    const file = path.join(work, `${c.name}.xlsx`);
    await workbook.xlsx.writeFile(file);
    files.push(file);
  }
  const sheets = computedSheets(files, SHEET_NAMES, path.join(work, "csv"), profile);
  CASES.forEach((c, i) => computed.set(c.name, sheets.get(files[i])!));
}, 180_000);

afterAll(() => {
  for (const dir of [work, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The as-of day LibreOffice used: the fixed one, or its TODAY() (read back from 说明!B2). */
function effectiveAsOf(c: Case): Day {
  if (c.asOf !== null) return c.asOf;
  return dayFromIso(guideValue(c, "asOf"))!;
}

function guideValue(c: Case, key: keyof typeof GUIDE_CELLS): string {
  const [, col, row] = /^([A-Z])(\d+)$/.exec(GUIDE_CELLS[key].address)!;
  return computed.get(c.name)!.get(SHEETS.guide)![Number(row) - 1][col.charCodeAt(0) - 65];
}

const col = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key);

describe.each(CASES.map((c) => [c.name, c] as const))("LibreOffice recalculates %s", (_name, c) => {
  test("说明: as-of date and report deadlines", () => {
    const asOf = effectiveAsOf(c);
    if (c.asOf === null) {
      // =TODAY() in LibreOffice is the machine's local date, as core today() is (unless the test straddles midnight).
      expect(asOf).toBe(today());
    } else {
      expect(guideValue(c, "asOf")).toBe(isoFromDay(c.asOf));
    }
    const last = lastReportDeadline(asOf);
    expect(guideValue(c, "nextReport")).toBe(isoFromDay(nextReportDeadline(asOf)));
    expect(guideValue(c, "lastReport")).toBe(isoFromDay(last));
    expect(guideValue(c, "previousReport")).toBe(isoFromDay(previousReportDeadline(last)));
    expect(guideValue(c, "dueSoonDays")).toBe("30");
  });

  test("任务清单: every 到期状态, 剩余天数 and 反馈逾期 equals the domain core", () => {
    const [header, ...rows] = computed.get(c.name)!.get(SHEETS.tasks)!;
    const expected = expectedByCore(c.table, c.inputs, effectiveAsOf(c));
    // The source table's own columns (类别, 备注) come after SOIL's.
    expect(header).toEqual([...TASK_HEADERS, ...extraColumns(c.table).headers]);
    expect(rows).toHaveLength(expected.rows.length);
    const actual = rows.map((r) => ({ id: r[col("id")], status: r[col("dueStatus")], daysLeft: r[col("daysLeft")], feedbackLate: r[col("feedbackLate")] }));
    const wanted = expected.rows.map((e) => ({
      id: e.requirement.id,
      status: e.status,
      daysLeft: e.daysLeft === null ? "" : String(e.daysLeft),
      // BOOLEAN_FORMAT shows LibreOffice's boolean results as 是 / 否.
      feedbackLate: e.feedbackLate ? "是" : "否",
    }));
    expect(actual).toEqual(wanted);
    // 参与部门 (issue #13), after 起始日期 and before 类别: each requirement's task's bodies, as text.
    const partners = new Map(c.table.tasks.flatMap((t) => t.requirements.map((r) => [r.id, departmentListText(t.partners)])));
    expect(rows.map((r) => [r[col("id")], r[col("partners")]])).toEqual(rows.map((r) => [r[col("id")], partners.get(r[col("id")])]));
    if (c.table === seed) expect(rows.find((r) => r[col("id")] === "8.1")![col("partners")]).toBe("市发展改革委、市财政局、市国土资源局、市环境保护局、市水利局");
  });

  test("部门汇总: every count per department and the total equal summarizeByDepartment", () => {
    const [header, ...rows] = computed.get(c.name)!.get(SHEETS.summary)!;
    const { summary } = expectedByCore(c.table, c.inputs, effectiveAsOf(c));
    expect(header).toEqual([...SUMMARY_HEADERS]);
    const expectedRows = [...summary.departments, summary.total];
    expect(rows.map((r) => r[0])).toEqual(expectedRows.map((s) => s.department));
    rows.forEach((row, i) => {
      expect(countsOf(row)).toEqual(expectedCounts(expectedRows[i]));
      const percent = Number(row[SUMMARY_HEADERS.length - 1].replace("%", ""));
      expect(Math.abs(percent - expectedRows[i].completionRate * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(row[SUMMARY_HEADERS.length - 1]).toMatch(/^\d+\.\d%$/);
    });
  });
});

function countsOf(row: string[]): number[] {
  return row.slice(1, SUMMARY_HEADERS.length - 1).map(Number);
}

function expectedCounts(s: DepartmentSummary): number[] {
  return [s.total, ...SUMMARY_STATUSES.map((status) => s.byStatus[status]), s.feedbackLate];
}

test("the cases exercise every due status, both feedback outcomes and joint responsibility", () => {
  const statuses = new Set<string>();
  const late = new Set<string>();
  for (const c of CASES) {
    for (const row of computed.get(c.name)!.get(SHEETS.tasks)!.slice(1)) {
      statuses.add(row[col("dueStatus")]);
      late.add(row[col("feedbackLate")]);
    }
  }
  expect([...statuses].sort()).toEqual(["临期", "按期推进", "已完成", "已逾期", "持续推进", "时限待定", "未到期"].sort());
  expect([...late].sort()).toEqual(["否", "是"]);
  expect(allRequirements(seed).some((r) => r.responsible.length > 1)).toBe(true);
});

test("text that looks like a formula stays text in LibreOffice", () => {
  const rows = computed.get("formula-text")!.get(SHEETS.tasks)!.slice(1);
  expect(rows.map((r) => r[col("text")])).toEqual(allRequirements(readTable(FORMULA_TEXT_FILE)).map((r) => r.text));
  expect(rows[0][col("text")]).toBe("=1+1");
});
