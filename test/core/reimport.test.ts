import {
  CellValue,
  checkTaskHeaders,
  columnIndex,
  parseTable,
  planReimport,
  ROW_INPUT_WIDTH,
  serialFromDay,
  SoilUserError,
  TASK_COLUMNS,
  TASK_HEADERS,
  taskColumnCount,
  taskRows,
} from "../../src/core";
import { CHANGED, nextVersionText, seedText } from "../doubles/seedVariants";

/** Cells as Excel hands them back: dates as serials, formulas as some computed text, empty as "". */
function asRead(rows: CellValue[][]): unknown[][] {
  return rows.map((row) =>
    row.map((cell) => {
      if (cell === null) return "";
      if (typeof cell === "object" && "date" in cell) return serialFromDay(cell.date);
      if (typeof cell === "object" && "formula" in cell) return "按期推进";
      return cell;
    }),
  );
}

const col = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key);
const seed = parseTable(seedText());
const next = parseTable(nextVersionText());

function filledSheet(): { headers: string[]; rows: unknown[][] } {
  const rows = asRead(taskRows(seed, { flavor: "addin" }));
  rows.forEach((row, i) => {
    if (i % 3 === 0) {
      row[col("progress")] = "推进中";
      row[col("notes")] = `第${i}行进展：已完成阶段性工作`;
      row[col("lastFeedback")] = 45000 + i;
    }
    if (i % 7 === 0) {
      row[col("progress")] = "已完成";
      row[col("completedOn")] = 44900 + i;
    }
  });
  return { headers: [...TASK_HEADERS], rows };
}

describe("planReimport", () => {
  test("the same table again changes nothing", () => {
    const sheet = filledSheet();
    const plan = planReimport(sheet, seed);
    expect(plan.updates).toEqual([]);
    expect(plan.archive).toEqual([]);
    expect(plan.additions).toEqual([]);
    expect(plan.report.unchanged).toBe(195);
    expect(plan.finalRowCount).toBe(195);
  });

  test("a newer table: updates, additions at the end, removed rows archived with their typed cells", () => {
    const sheet = filledSheet();
    const plan = planReimport(sheet, next);
    const { report } = plan;

    expect(report.textChanged).toEqual([{ id: CHANGED.textId, before: CHANGED.oldText, after: CHANGED.newText }]);
    expect(report.deadlineChanged).toEqual([{ id: CHANGED.deadlineId, before: CHANGED.oldDeadline, after: CHANGED.newDeadline }]);
    expect(report.archived.map((a) => a.id)).toEqual(["30.1", "30.2", "30.3", "30.4", "30.5"]);
    expect(report.added.map((a) => a.id)).toEqual(["56.3", "57.1", "57.2"]);
    expect(report.updated).toBe(2);
    expect(report.unchanged).toBe(195 - 5 - 2);

    // Updates carry source cells only: never a typed column.
    const inputKeys = TASK_COLUMNS.filter((c) => c.role === "input").map((c) => c.key);
    for (const u of plan.updates) for (const k of inputKeys) expect(u.cells).not.toHaveProperty(k);
    const u11 = plan.updates.find((u) => u.id === "1.1")!;
    expect(u11.rowIndex).toBe(0);
    expect(u11.cells.text).toBe(CHANGED.newText);

    // Archived rows keep their cells up to 完成日期 exactly as read, typed cells included.
    for (const a of plan.archive) {
      expect(a.cells).toEqual(sheet.rows[a.rowIndex].slice(0, ROW_INPUT_WIDTH));
      expect(sheet.rows[a.rowIndex][col("id")]).toBe(a.id);
    }
    const typed = report.archived.filter((a) => a.typedCells > 0);
    expect(typed.length).toBeGreaterThan(0);

    // Additions come after the kept rows, with formulas pointing at their own sheet rows.
    expect(plan.finalRowCount).toBe(193);
    const firstAdded = 2 + 195 - 5;
    expect(plan.additions[0][col("id")]).toBe("56.3");
    expect(plan.additions[0][col("dueStatus")]).toEqual({ formula: expect.stringContaining(`$A${firstAdded}:$O${firstAdded}`) });
    expect(plan.additions[2][col("text")]).toBe(CHANGED.formulaText);
    expect(plan.additions[2][col("progress")]).toBe("未启动");
  });

  test("rows without 编号 are left alone and duplicates are reported", () => {
    const sheet = filledSheet();
    const handAdded = TASK_COLUMNS.map(() => "");
    handAdded[col("text")] = "单位自行补充的一行";
    sheet.rows.push(handAdded);
    sheet.rows.push([...sheet.rows[3]]);
    const plan = planReimport(sheet, seed);
    expect(plan.report.rowsWithoutId).toBe(1);
    expect(plan.archive).toEqual([]);
    expect(plan.report.warnings.some((w) => w.includes(String(sheet.rows[3][col("id")])))).toBe(true);
    expect(plan.finalRowCount).toBe(197);
  });

  test("ids that moved: a changed text equal to another id's old text is flagged", () => {
    const text = seedText().replace("组织开展全市农用地土壤污染状况详查。\t市环境保护局牵头\t2018年底\n", "");
    const plan = planReimport(filledSheet(), parseTable(text));
    expect(plan.report.textChanged.map((c) => c.id)).toEqual(["1.1", "1.2"]);
    expect(plan.report.archived.map((a) => a.id)).toEqual(["1.3"]);
    expect(plan.report.warnings.join("\n")).toContain("编号顺延");
  });

  test("cells read back with another type still match (序号 as text, an id as a number)", () => {
    const sheet = filledSheet();
    sheet.rows.forEach((row) => (row[col("taskNo")] = String(row[col("taskNo")])));
    const row21 = sheet.rows.find((row) => row[col("id")] === "2.1")!;
    row21[col("id")] = 2.1;
    expect(planReimport(sheet, seed).report.unchanged).toBe(195);
  });

  test("a sheet whose columns were moved is refused with a Chinese message", () => {
    const sheet = filledSheet();
    const headers = [...sheet.headers];
    [headers[2], headers[3]] = [headers[3], headers[2]];
    expect(() => planReimport({ ...sheet, headers }, seed)).toThrow(SoilUserError);
    expect(() => planReimport({ ...sheet, headers }, seed)).toThrow(/第 3 列应为“主要工作”/);
  });
});

/** The 参与部门 cell of task `no` in the bundled source text (its row starts with the 序号), 等 dropped. */
function sourcePartners(no: number): string {
  const line = seedText()
    .split("\n")
    .find((l) => l.startsWith(`${no}\t`))!;
  return line.split("\t")[2].replace(/等$/, "");
}

describe("参与部门 in the task sheet (issue #13)", () => {
  const at = col("partners");
  const rows = taskRows(seed, { flavor: "addin" });

  test("after 起始日期, the last of SOIL's columns, a text column: no column before it moved", () => {
    expect(at).toBe(TASK_COLUMNS.length - 1);
    expect(TASK_HEADERS.slice(at - 1)).toEqual(["起始日期", "参与部门"]);
    expect(TASK_COLUMNS[at]).toMatchObject({ role: "source", format: "text" });
    expect(ROW_INPUT_WIDTH).toBe(15);
  });

  test("every requirement row carries its task's 参与部门 as the source text names them", () => {
    for (const no of [1, 2, 7, 8]) {
      const task = seed.tasks.find((t) => t.no === no)!;
      const ids = new Set(task.requirements.map((r) => r.id));
      const mine = rows.filter((r) => ids.has(r[col("id")] as string));
      expect(mine).toHaveLength(task.requirements.length);
      for (const row of mine) expect(row[at]).toBe(sourcePartners(no));
    }
    // Task 9 names no 参与部门.
    expect(rows.find((r) => r[col("id")] === "9.1")![at]).toBe("");
  });

  test("an older workbook (header up to 起始日期, then 类别) is re-imported without the column, and told so", () => {
    const filled = filledSheet();
    const headers = [...TASK_HEADERS.slice(0, at), "类别"];
    const sheetRows = filled.rows.map((r) => [...r.slice(0, at), "一、源头预防"]);
    const plan = planReimport({ headers, rows: sheetRows }, next);
    expect(plan.width).toBe(at);
    for (const u of plan.updates) expect(u.cells).not.toHaveProperty("partners");
    for (const row of plan.additions) expect(row).toHaveLength(at);
    expect(plan.report.warnings.join("\n")).toMatch(/参与部门.*重新生成/);
    // The same table again: nothing to write (no 参与部门 to compare in this sheet).
    expect(planReimport({ headers, rows: sheetRows }, seed).updates).toEqual([]);
  });

  test("a current workbook has its 参与部门 refreshed like the other source columns, typed cells untouched", () => {
    const filled = filledSheet();
    const changed = parseTable(seedText().replace("市国土资源局、市农牧局、市林业局等\t（二）", "市国土资源局、市农牧局等\t（二）"));
    const plan = planReimport(filled, changed);
    expect(plan.width).toBe(TASK_COLUMNS.length);
    expect(plan.report.warnings).toEqual([]);
    expect(plan.updates.map((u) => u.id)).toEqual(["2.1", "2.2"]);
    for (const u of plan.updates) {
      expect(u.cells.partners).toBe("市国土资源局、市农牧局");
      for (const k of TASK_COLUMNS.filter((c) => c.role === "input").map((c) => c.key)) expect(u.cells).not.toHaveProperty(k);
    }
  });

  test("a header with 参与部门 in another place is refused; one without it is accepted", () => {
    const filled = filledSheet();
    expect(() => checkTaskHeaders(TASK_HEADERS.slice(0, at), "工作簿中")).not.toThrow();
    expect(() => checkTaskHeaders([...TASK_HEADERS.slice(0, at), "类别", "备注"], "工作簿中")).not.toThrow();
    const moved = [...TASK_HEADERS.slice(0, at - 1), "参与部门", "起始日期"];
    expect(() => planReimport({ headers: moved, rows: filled.rows }, seed)).toThrow(/第 20 列应为“起始日期”/);
    expect(taskColumnCount(TASK_HEADERS)).toBe(TASK_COLUMNS.length);
    expect(taskColumnCount([...TASK_HEADERS.slice(0, at), "类别"])).toBe(at);
  });
});
