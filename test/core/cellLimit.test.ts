/**
 * Excel's 32,767 characters per cell (Excel specifications and limits): nothing SOIL writes is longer.
 * Data cells are refused or set aside whole; cells that only show a copy are shortened with a marker.
 */
import {
  buildQuarterlyReport,
  cellLengthProblem,
  dayFromIso,
  DepartmentMergePlan,
  fitMergePlan,
  MAX_CELL_CHARACTERS,
  ReportRow,
  shownInCell,
} from "../../src/core";

const LONG = "进".repeat(40_000);

test("the limit and its message name the place and both lengths", () => {
  expect(MAX_CELL_CHARACTERS).toBe(32_767);
  expect(cellLengthProblem("字".repeat(32_767), "x")).toBeNull();
  expect(cellLengthProblem("字".repeat(32_768), "第 12 行的“工作要求”")).toBe("第 12 行的“工作要求”有 32,768 个字符，超过 Excel 单元格的上限 32,767 个字符");
});

test("a shown copy fits exactly, keeps its start, says how long the original is and where it is whole", () => {
  const shown = shownInCell(LONG, "主表");
  expect(shown.length).toBe(MAX_CELL_CHARACTERS);
  expect(shown).toMatch(/^进+……【已截断：原文 40,000 个字符，超过 Excel 单元格上限，全文见主表】$/);
  expect(shownInCell("短", "主表")).toBe("短");
  // A surrogate pair at the cut is not split.
  const emoji = shownInCell("𠀀".repeat(20_000), "主表");
  expect(emoji.length).toBeLessThanOrEqual(MAX_CELL_CHARACTERS);
  expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
});

test("a merge plan: an overlong department value is not an update but a conflict, every 合并冲突 text fits", () => {
  const plan: DepartmentMergePlan = {
    department: "市农牧局",
    updates: [
      { rowIndex: 3, id: "5.2", key: "notes", value: LONG },
      { rowIndex: 3, id: "5.2", key: "progress", value: "推进中" },
    ],
    conflicts: [{ kind: "conflict", department: "市农牧局", id: "5.3", column: "进展情况", office: "办公室", departmentValue: LONG, baseline: "", reason: "双方都修改了" }],
    rejected: [],
    ignored: [],
    report: { department: "市农牧局", rowsInFile: 3, rowsMatched: 3, rowsChanged: 1, applied: 2, sameValue: 0, conflicts: 1, rejected: 0, ignored: 0, missingIds: [] },
  };
  const fitted = fitMergePlan(plan);
  expect(fitted.updates.map((u) => u.key)).toEqual(["progress"]);
  expect(fitted.report).toMatchObject({ applied: 1, conflicts: 2 });
  expect(fitted.conflicts.map((c) => [c.id, c.column])).toEqual([
    ["5.3", "进展情况"],
    ["5.2", "进展情况"],
  ]);
  for (const c of fitted.conflicts) for (const v of Object.values(c)) expect(String(v).length).toBeLessThanOrEqual(MAX_CELL_CHARACTERS);
  expect(fitted.conflicts[1].reason).toBe("部门填写的内容有 40,000 个字符，超过 Excel 单元格的上限 32,767 个字符，未写入；请部门精简后重新交回");
});

test("the quarterly report shows a 40,000-character 进展情况 shortened with the marker", () => {
  const row: ReportRow = {
    id: "1.1",
    text: "工作要求",
    responsible: ["市环境保护局"],
    deadlineRaw: "2018年底",
    effectiveDue: dayFromIso("2018-12-31"),
    extended: false,
    status: "已逾期",
    daysLeft: -10,
    feedbackLate: false,
    lastFeedback: null,
    progress: "推进中",
    notes: LONG,
  };
  const report = buildQuarterlyReport([row], { year: 2019, quarter: 1 }, dayFromIso("2019-01-10")!, "", [], false);
  const cells = report.blocks.flatMap((b) => b.rows.flat());
  expect(cells.every((c) => typeof c !== "string" || c.length <= MAX_CELL_CHARACTERS)).toBe(true);
  expect(cells).toContainEqual(expect.stringMatching(/全文见主表】$/));
});
