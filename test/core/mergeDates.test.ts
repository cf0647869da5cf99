/** Dates a department types into its returned file: a date-time is its day, a date outside the sheet's range is not merged. */
import { BASELINE_COLUMNS, ColumnKey, dayFromIso, ExistingTaskTable, planDepartmentMerge, ReturnedDepartmentFile, serialFromDay, TASK_COLUMNS, TASK_HEADERS } from "../../src/core";

const serial = (iso: string) => serialFromDay(dayFromIso(iso)!);
const col = (key: ColumnKey) => TASK_COLUMNS.findIndex((c) => c.key === key);

function row(cells: Partial<Record<ColumnKey, unknown>>): unknown[] {
  const defaults: Partial<Record<ColumnKey, unknown>> = { taskNo: 1, title: "主要工作", text: "工作要求", deadlineRaw: "2018年底", dueDate: serial("2018-12-31"), progress: "未启动" };
  return TASK_COLUMNS.map((c) => cells[c.key] ?? defaults[c.key] ?? "");
}

const master: ExistingTaskTable = { headers: [...TASK_HEADERS], rows: [row({ id: "1.1", responsible: "市环境保护局" }), row({ id: "1.2", responsible: "市环境保护局" })] };

function mergeTyped(completedOn: unknown) {
  const rows = master.rows.map((r) => [...r]);
  rows[0][col("completedOn")] = completedOn;
  const baseline: ReturnedDepartmentFile["baseline"] = new Map(master.rows.map((r) => [String(r[0]), Object.fromEntries(BASELINE_COLUMNS.map((spec) => [spec.key, r[TASK_COLUMNS.indexOf(spec)]]))]));
  return planDepartmentMerge(master, { department: "市环境保护局", exportedOn: dayFromIso("2018-12-01"), baseline, table: { headers: [...TASK_HEADERS], rows } });
}

test.each([
  ["0018-12-01", "“完成日期”的日期 0018-12-01 超出了表格允许的范围（2000-01-01 至 9999-12-31）"],
  ["1899-12-31", "“完成日期”的日期 1899-12-31 超出了表格允许的范围"],
  [serial("1999-12-31"), "“完成日期”的日期 1999-12-31 超出了表格允许的范围"],
])("完成日期 %j is not merged but listed with the reason", (typed, reason) => {
  const plan = mergeTyped(typed);
  expect(plan.updates).toEqual([]);
  expect([...plan.conflicts, ...plan.rejected, ...plan.ignored].map((i) => i.reason)).toContainEqual(expect.stringContaining(reason));
});

test("完成日期 typed as 2019-01-10 18:00 (text or a Date) merges as 2019-01-10", () => {
  for (const typed of ["2019-01-10 18:00", new Date(Date.UTC(2019, 0, 10, 18))]) {
    const plan = mergeTyped(typed);
    expect(plan.updates).toEqual([{ rowIndex: 0, id: "1.1", key: "completedOn", value: { date: dayFromIso("2019-01-10") } }]);
  }
});
