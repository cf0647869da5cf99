/** Three-way merge of a department's returned file into the office's task table (pure core). */
import {
  ColumnKey,
  dayFromIso,
  departmentFileContent,
  departmentRowIndexes,
  ExistingTaskTable,
  mergeLogRows,
  planDepartmentMerge,
  ReturnedDepartmentFile,
  serialFromDay,
  SoilUserError,
  TASK_COLUMNS,
  TASK_HEADERS,
  applyUpdates,
  BASELINE_COLUMNS,
  COLUMNS_BEFORE_PARTNERS,
} from "../../src/core";

const serial = (iso: string) => serialFromDay(dayFromIso(iso)!);

function row(cells: Partial<Record<ColumnKey, unknown>>): unknown[] {
  const defaults: Partial<Record<ColumnKey, unknown>> = { taskNo: 1, title: "主要工作", text: "工作要求", deadlineRaw: "2018年底", dueDate: serial("2018-12-31"), progress: "未启动" };
  return TASK_COLUMNS.map((c) => cells[c.key] ?? defaults[c.key] ?? "");
}

function master(): ExistingTaskTable {
  return {
    headers: [...TASK_HEADERS],
    rows: [
      row({ id: "1.1", responsible: "市环境保护局" }),
      row({ id: "1.2", responsible: "市农牧局、市环境保护局" }),
      row({ id: "2.1", responsible: "市农牧局" }),
      row({ id: "2.2", responsible: "市环境保护局", notes: "办公室原有记录" }),
      row({ id: "3.1", responsible: "市环境保护局、市国土资源局" }),
    ],
  };
}

/** The file the department got: its rows and baseline, as departmentFileContent makes them. */
function exported(table: ExistingTaskTable, department: string): { rows: unknown[][]; baseline: ReturnedDepartmentFile["baseline"] } {
  const indexes = departmentRowIndexes(table, department);
  const rows = indexes.map((i) => [...table.rows[i]]);
  const baseline = new Map(rows.map((r) => [String(r[0]), Object.fromEntries(BASELINE_COLUMNS.map((spec) => [spec.key, r[TASK_COLUMNS.indexOf(spec)]]))]));
  return { rows, baseline };
}

const col = (key: ColumnKey) => TASK_COLUMNS.findIndex((c) => c.key === key);
function returned(department: string, rows: unknown[][], baseline: ReturnedDepartmentFile["baseline"]): ReturnedDepartmentFile {
  return { department, exportedOn: dayFromIso("2018-12-01"), baseline, table: { headers: [...TASK_HEADERS], rows } };
}
function edit(rows: unknown[][], id: string, key: ColumnKey, value: unknown): void {
  rows.find((r) => r[0] === id)![col(key)] = value;
}

describe("departmentRowIndexes", () => {
  test("rows whose 责任单位 names the department, aliases and stray spaces accepted", () => {
    const table = master();
    (table.rows as unknown[][]).push(row({ id: "4.1", responsible: "市环保局、市林业局" }), row({ id: "4.2", responsible: "市环 境保护局" }));
    expect(departmentRowIndexes(table, "市环境保护局")).toEqual([0, 1, 3, 4, 5, 6]);
    expect(departmentRowIndexes(table, " 市环保局 ")).toEqual([0, 1, 3, 4, 5, 6]);
    expect(departmentRowIndexes(table, "市农业局")).toEqual([1, 2]);
    expect(departmentRowIndexes(table, "市财政局")).toEqual([]);
  });

  test("a department without rows cannot be exported", () => {
    expect(() => departmentFileContent(master(), "市财政局")).toThrow(SoilUserError);
  });
});

describe("planDepartmentMerge", () => {
  test("rows reordered: matched by 编号, each value applied to its own row", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    edit(rows, "1.1", "progress", "推进中");
    edit(rows, "3.1", "notes", "已完成详查方案");
    edit(rows, "2.2", "lastFeedback", serial("2018-10-09"));
    rows.reverse();
    const plan = planDepartmentMerge(table, returned("市环境保护局", rows, baseline));
    expect(plan.updates).toEqual([
      { rowIndex: 4, id: "3.1", key: "notes", value: "已完成详查方案" },
      { rowIndex: 3, id: "2.2", key: "lastFeedback", value: { date: dayFromIso("2018-10-09") } },
      { rowIndex: 0, id: "1.1", key: "progress", value: "推进中" },
    ]);
    expect(plan.report).toMatchObject({ rowsInFile: 4, rowsMatched: 4, rowsChanged: 3, applied: 3, conflicts: 0, rejected: 0, ignored: 0, missingIds: [] });
  });

  test("a row it had no right to change: every change rejected, recorded, nothing written", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    // 2.1 belongs to 市农牧局 only: the department copied it into its file and typed into it.
    const foreign = [...table.rows[2]];
    foreign[col("progress")] = "已完成";
    foreign[col("notes")] = "我们做的";
    rows.push(foreign);
    const plan = planDepartmentMerge(table, returned("市环境保护局", rows, baseline));
    expect(plan.updates).toEqual([]);
    expect(plan.rejected.map((i) => [i.id, i.column, i.office, i.departmentValue])).toEqual([
      ["2.1", "状态", "未启动", "已完成"],
      ["2.1", "进展情况", "", "我们做的"],
    ]);
    expect(plan.rejected[0].reason).toContain("无权修改");
  });

  test("a row reassigned by the office since the export: changes rejected", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    (table.rows[1] as unknown[])[col("responsible")] = "市农牧局";
    edit(rows, "1.2", "notes", "已开展");
    const plan = planDepartmentMerge(table, returned("市环境保护局", rows, baseline));
    expect(plan.updates).toEqual([]);
    expect(plan.rejected).toHaveLength(1);
    expect(plan.rejected[0]).toMatchObject({ id: "1.2", column: "进展情况", departmentValue: "已开展", reason: expect.stringContaining("不包括市环境保护局") });
  });

  test("structure, computed and office columns edited: ignored and reported", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    edit(rows, "1.1", "text", "改过的工作要求");
    edit(rows, "1.1", "deadlineRaw", "2019年底");
    edit(rows, "1.1", "extensionDecision", "同意");
    edit(rows, "1.1", "notes", "正常填写");
    const file = returned("市环境保护局", rows, baseline);
    const plan = planDepartmentMerge(table, { ...file, overwrittenFormulas: [{ id: "1.1", key: "dueStatus", value: "已完成" }] });
    expect(plan.updates).toEqual([{ rowIndex: 0, id: "1.1", key: "notes", value: "正常填写" }]);
    expect(plan.ignored.map((i) => [i.column, i.departmentValue])).toEqual([
      ["工作要求", "改过的工作要求"],
      ["完成时限", "2019年底"],
      ["延期审批", "同意"],
      ["到期状态", "已完成"],
    ]);
    expect(plan.ignored[2].reason).toContain("督办办公室");
  });

  test("conflict: the office keeps its value, the department's is recorded; the same value on both sides is no conflict", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    (table.rows[3] as unknown[])[col("notes")] = "办公室改过";
    (table.rows[0] as unknown[])[col("progress")] = "推进中";
    edit(rows, "2.2", "notes", "部门改过");
    edit(rows, "1.1", "progress", "推进中");
    const plan = planDepartmentMerge(table, returned("市环境保护局", rows, baseline));
    expect(plan.updates).toEqual([]);
    expect(plan.conflicts).toEqual([
      { kind: "conflict", department: "市环境保护局", id: "2.2", column: "进展情况", office: "办公室改过", departmentValue: "部门改过", baseline: "办公室原有记录", reason: expect.any(String) },
    ]);
    expect(plan.report.sameValue).toBe(1);
    expect(mergeLogRows([plan])).toEqual([["市环境保护局", "2.2", "进展情况", "办公室改过", "部门改过", "办公室原有记录", expect.any(String)]]);
  });

  test("alias department name in the file", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环保局");
    edit(rows, "1.2", "notes", "联合推进");
    const plan = planDepartmentMerge(table, returned("市环保局", rows, baseline));
    expect(plan.department).toBe("市环境保护局");
    expect(plan.updates).toEqual([{ rowIndex: 1, id: "1.2", key: "notes", value: "联合推进" }]);
  });

  test("dates compare as days: a serial, date text and a Date are the same day; text that is no date is rejected", () => {
    const table = master();
    (table.rows[0] as unknown[])[col("lastFeedback")] = serial("2018-07-09");
    const { rows, baseline } = exported(table, "市环境保护局");
    // Re-typed as text / as a Date read by exceljs: same day, nothing to merge.
    edit(rows, "1.1", "lastFeedback", "2018年7月9日");
    edit(rows, "1.2", "completedOn", "2018-11-30");
    edit(rows, "2.2", "lastFeedback", new Date(Date.UTC(2018, 9, 8)));
    edit(rows, "3.1", "extensionTo", "明年");
    const plan = planDepartmentMerge(table, returned("市环境保护局", rows, baseline));
    expect(plan.updates).toEqual([
      { rowIndex: 1, id: "1.2", key: "completedOn", value: { date: dayFromIso("2018-11-30") } },
      { rowIndex: 3, id: "2.2", key: "lastFeedback", value: { date: dayFromIso("2018-10-08") } },
    ]);
    expect(plan.rejected.map((i) => [i.id, i.column, i.reason])).toEqual([["3.1", "申请延期至", "“明年”不是有效日期"]]);
    // Applied, the next file's plan sees the merged values.
    const after = applyUpdates(table, plan.updates);
    expect(after.rows[1][col("completedOn")]).toBe(serial("2018-11-30"));
  });

  test("unknown 编号, a row without 编号, a duplicate and a missing row are reported, nothing lost", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    const missing = rows.splice(rows.findIndex((r) => r[0] === "3.1"), 1);
    expect(missing).toHaveLength(1);
    rows.push(row({ id: "9.9", responsible: "市环境保护局", notes: "新增一条" }), row({ id: "", responsible: "市环境保护局", notes: "手工行" }));
    const dup = [...rows[0]];
    dup[col("notes")] = "重复行的内容";
    rows.push(dup);
    const plan = planDepartmentMerge(table, returned("市环境保护局", rows, baseline));
    expect(plan.updates).toEqual([]);
    // The structure cells of the added rows are listed as well (issue 14: nothing dropped without a word).
    expect(plan.rejected.filter((i) => i.id === "9.9").map((i) => i.column)).toEqual(["序号", "主要工作", "工作要求", "责任单位", "完成时限", "截止日期", "状态", "进展情况"]);
    expect(plan.rejected.filter((i) => i.column === "状态" || i.column === "进展情况").map((i) => [i.id, i.departmentValue])).toEqual([
      ["9.9", "未启动"],
      ["9.9", "新增一条"],
      ["", "未启动"],
      ["", "手工行"],
      ["1.1", "重复行的内容"],
    ]);
    expect(plan.report.missingIds).toEqual(["3.1"]);
    expect(plan.ignored.map((i) => [i.id, i.column])).toEqual([["3.1", ""]]);
  });

  test("a status outside the drop-down list is rejected, a header out of place is a user error", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    edit(rows, "1.1", "progress", "快完成了");
    expect(planDepartmentMerge(table, returned("市环境保护局", rows, baseline)).rejected[0]).toMatchObject({ id: "1.1", column: "状态" });
    const bad = returned("市环境保护局", rows, baseline);
    expect(() => planDepartmentMerge(table, { ...bad, table: { ...bad.table, headers: ["编号", "序号", "工作要求"] } })).toThrow(/第 3 列应为“主要工作”/);
  });
});

describe("nothing dropped, nothing stale (issue 14)", () => {
  test("a row the department added without 编号 is listed cell by cell, whatever columns it filled", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    // Only structure columns: 工作要求, 责任单位, 完成时限 (the department's own new requirement).
    const added = TASK_COLUMNS.map(() => "" as unknown);
    added[col("text")] = "新增：开展土壤污染状况普查";
    added[col("responsible")] = "市环境保护局";
    added[col("deadlineRaw")] = "2019年底";
    rows.push(added);
    const plan = planDepartmentMerge(table, returned("市环境保护局", rows, baseline));
    expect(plan.rejected.map((i) => [i.id, i.column, i.departmentValue])).toEqual([
      ["", "工作要求", "新增：开展土壤污染状况普查"],
      ["", "责任单位", "市环境保护局"],
      ["", "完成时限", "2019年底"],
    ]);
    expect(plan.rejected[0].reason).toContain("没有编号");
    expect(mergeLogRows([plan])).toHaveLength(3);
  });

  test("a row with an 编号 the master lacks keeps its structure cells in the log too", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    rows.push(TASK_COLUMNS.map((c) => (c.key === "id" ? "9.1" : c.key === "text" ? "部门自拟的要求" : "")));
    const plan = planDepartmentMerge(table, returned("市环境保护局", rows, baseline));
    expect(plan.rejected.map((i) => [i.id, i.column, i.departmentValue])).toEqual([["9.1", "工作要求", "部门自拟的要求"]]);
  });

  test("a row the department deleted from its file is listed", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    rows.splice(rows.findIndex((r) => r[0] === "2.2"), 1);
    const plan = planDepartmentMerge(table, returned("市环境保护局", rows, baseline));
    expect(mergeLogRows([plan]).map((r) => [r[1], r[2]])).toEqual([["2.2", ""]]);
    expect(mergeLogRows([plan])[0][6]).toContain("不在交回的文件中");
  });

  test("a stale file: the master's requirement under that 编号 changed since the export (re-import renumbered) → conflict, not merged", () => {
    const table = master();
    const { rows, baseline } = exported(table, "市环境保护局");
    // Re-import: 1.1 now holds another requirement of the same department; 3.1's deadline was corrected.
    (table.rows[0] as unknown[])[col("text")] = "另一条工作要求";
    (table.rows[4] as unknown[])[col("deadlineRaw")] = "2020年底";
    edit(rows, "1.1", "notes", "针对原要求的进展");
    edit(rows, "3.1", "progress", "推进中");
    edit(rows, "2.2", "notes", "正常合并");
    const plan = planDepartmentMerge(table, returned("市环境保护局", rows, baseline));
    expect(plan.updates).toEqual([{ rowIndex: 3, id: "2.2", key: "notes", value: "正常合并" }]);
    expect(plan.conflicts.map((i) => [i.id, i.column, i.departmentValue])).toEqual([
      ["1.1", "进展情况", "针对原要求的进展"],
      ["3.1", "状态", "推进中"],
    ]);
    expect(plan.conflicts[0].reason).toContain("工作要求");
    expect(plan.conflicts[1].reason).toContain("完成时限");
  });
});

describe("参与部门 (issue #13): masters and files written before it", () => {
  const at = COLUMNS_BEFORE_PARTNERS;
  /** A table as SOIL wrote it before 参与部门: 类别 in that column's place. */
  const older = (table: ExistingTaskTable): ExistingTaskTable => ({
    headers: [...TASK_HEADERS.slice(0, at), "类别"],
    rows: table.rows.map((r) => [...r.slice(0, at), "一、源头预防"]),
  });

  test("the baseline of 导出信息 keeps its columns: 参与部门 is not in it", () => {
    expect(BASELINE_COLUMNS.map((c) => c.key)).not.toContain("partners");
    expect(BASELINE_COLUMNS.at(-1)?.key).toBe("extensionDecision");
  });

  test("an older master and a current file, a current master and an older file: the same cells merged", () => {
    const current = master();
    const { rows, baseline } = exported(current, "市环境保护局");
    edit(rows, "1.1", "progress", "推进中");
    edit(rows, "3.1", "notes", "已完成详查方案");
    const wanted = planDepartmentMerge(current, returned("市环境保护局", rows, baseline)).updates;
    expect(wanted).toHaveLength(2);
    // A master without 参与部门, 类别 in its place.
    expect(planDepartmentMerge(older(current), returned("市环境保护局", rows, baseline)).updates).toEqual(wanted);
    // A file exported before 参与部门.
    const olderFile = { ...returned("市环境保护局", rows.map((r) => r.slice(0, at)), baseline), table: { headers: TASK_HEADERS.slice(0, at), rows: rows.map((r) => r.slice(0, at)) } };
    expect(planDepartmentMerge(current, olderFile).updates).toEqual(wanted);
  });

  test("a department's file exported from an older master has the current layout, 参与部门 blank", () => {
    const content = departmentFileContent({ headers: TASK_HEADERS.slice(0, at), rows: master().rows.map((r) => r.slice(0, at)) }, "市环境保护局");
    expect(content.rows.every((r) => r.length === TASK_COLUMNS.length && r[at] === null)).toBe(true);
  });
});
