import {
  ARCHIVE_COLUMNS,
  columnIndex,
  computedFormulas,
  dayFromIso,
  guideFormulas,
  parseTable,
  PRINT_SHEET,
  responsibleDepartments,
  serialFromDay,
  SHEETS,
  TASK_COLUMNS,
  TASK_TABLE,
  ROW_INPUT_WIDTH,
} from "../../src/core";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { Cell, FakeOptions, FakeWorkbook, parseAddress, SheetModel } from "../doubles/fakeExcel";
import { CHANGED, nextVersionText, seedText } from "../doubles/seedVariants";
import { soilEvaluator } from "../doubles/soilEvaluator";

const AS_OF = dayFromIso("2018-06-20")!;
const TODAY = dayFromIso("2019-03-01")!;
const col = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key);
const INPUT_COLUMNS = TASK_COLUMNS.map((c, i) => (c.role === "input" ? i : -1)).filter((i) => i >= 0);

async function filledWorkbook(options: FakeOptions = {}) {
  const book = new FakeWorkbook({ evaluator: soilEvaluator, ...options });
  const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
  await actions.populate(parseTable(seedText()), AS_OF);
  const tasks = book.sheet(SHEETS.tasks)!;
  // Departments fill in many rows the way Excel stores typed cells.
  for (let r = 2; r <= 196; r++) {
    if (r % 2 === 0) tasks.ensure(r, col("progress")).value = "推进中";
    if (r % 3 === 0) tasks.ensure(r, col("notes")).value = `第${r}行：已召开专题会议，=不是公式`;
    if (r % 4 === 0) tasks.ensure(r, col("lastFeedback")).value = 43100 + r;
    if (r % 9 === 0) {
      tasks.ensure(r, col("progress")).value = "已完成";
      tasks.ensure(r, col("completedOn")).value = 43200 + r;
    }
  }
  return { book, actions, tasks };
}

/** Typed cells by requirement id. */
function typedCells(book: FakeWorkbook, sheet: SheetModel): Map<string, (Cell | undefined)[]> {
  const out = new Map<string, (Cell | undefined)[]>();
  const last = book.table(TASK_TABLE)!.box.r2;
  for (let r = 2; r <= last; r++) {
    const id = sheet.cell(r, col("id"))?.value;
    out.set(String(id), INPUT_COLUMNS.map((c) => (sheet.cell(r, c) ? { ...sheet.cell(r, c)! } : undefined)));
  }
  return out;
}

describe("re-import into a filled-in workbook", () => {
  test("typed cells untouched, source updated, new rows at the end, removed rows archived, report right", async () => {
    const { book, actions, tasks } = await filledWorkbook();
    const before = typedCells(book, tasks);
    const archivedBefore = ["30.1", "30.2", "30.3", "30.4", "30.5"].map((id) => {
      for (let r = 2; r <= 196; r++) if (tasks.cell(r, 0)?.value === id) return book.valuesOf(tasks, { r1: r, r2: r, c1: 0, c2: ROW_INPUT_WIDTH - 1 })[0];
      throw new Error(id);
    });
    await book.run(async (context) => {
      context.workbook.tables.getItem(TASK_TABLE).columns.getItem("责任单位").filter.applyCustomFilter("=*市农牧局*");
      await context.sync();
    });
    const callsBefore = book.calls.length;
    const syncsBefore = book.syncCount;

    const outcome = await actions.reimport(parseTable(nextVersionText()), TODAY);
    const { report } = outcome;

    // The report.
    expect(report.added.map((a) => a.id)).toEqual(["56.3", "57.1", "57.2"]);
    expect(report.archived.map((a) => a.id)).toEqual(["30.1", "30.2", "30.3", "30.4", "30.5"]);
    expect(report.textChanged).toEqual([{ id: "1.1", before: CHANGED.oldText, after: CHANGED.newText }]);
    expect(report.deadlineChanged).toEqual([{ id: "1.2", before: CHANGED.oldDeadline, after: CHANGED.newDeadline }]);

    // Every typed cell of every kept requirement is exactly as it was.
    const after = typedCells(book, tasks);
    for (const [id, cells] of before) {
      if (id.startsWith("30.")) continue;
      expect({ id, cells: after.get(id) }).toEqual({ id, cells });
    }
    expect(after.size).toBe(193);

    // No write touched a typed column of a row that existed (only rows appended below the kept ones).
    const kept = 190;
    for (const call of book.calls.slice(callsBefore)) {
      const m = /^worksheets\.getItem\(任务清单\)\.getRange\((.*)\)$/.exec(call.target);
      if (!m || !["values", "formulas", "numberFormat"].includes(call.member)) continue;
      const box = parseAddress(m[1]).box;
      const touchesInput = INPUT_COLUMNS.some((c) => c >= box.c1 && c <= box.c2);
      if (touchesInput) expect(box.r1).toBeGreaterThan(kept + 1);
    }

    // Source cells updated in place; the table ends with the new requirements.
    const rowOf = (id: string) => [...Array(200).keys()].map((i) => i + 2).find((r) => tasks.cell(r, 0)?.value === id)!;
    expect(tasks.cell(rowOf("1.1"), col("text"))?.value).toBe(CHANGED.newText);
    expect(tasks.cell(rowOf("1.2"), col("deadlineRaw"))?.value).toBe(CHANGED.newDeadline);
    expect(tasks.cell(rowOf("1.2"), col("dueDate"))?.value).toBe(serialFromDay(dayFromIso("2021-06-30")!));
    expect(book.table(TASK_TABLE)!.box).toEqual({ r1: 1, c1: 0, r2: 194, c2: 20 });
    expect([192, 193, 194].map((r) => tasks.cell(r, 0)?.value)).toEqual(["56.3", "57.1", "57.2"]);
    expect(tasks.cell(194, col("text"))).toMatchObject({ value: CHANGED.formulaText, formula: undefined, numberFormat: "@" });
    expect(tasks.cell(194, col("progress"))?.value).toBe("未启动");
    expect(tasks.cell(195, 0)?.value ?? null).toBeNull();

    // Computed cells point at their own rows after rows moved up.
    for (let r = 2; r <= 194; r++) {
      const f = computedFormulas(r, "addin");
      expect([tasks.cell(r, col("dueStatus"))?.formula, tasks.cell(r, col("daysLeft"))?.formula, tasks.cell(r, col("feedbackLate"))?.formula]).toEqual([
        f.dueStatus,
        f.daysLeft,
        f.feedbackLate,
      ]);
    }

    // 归档: the removed rows with their typed cells and the day they were archived.
    const archive = book.sheet(SHEETS.archive)!;
    const archived = book.valuesOf(archive, { r1: 2, r2: 6, c1: 0, c2: ARCHIVE_COLUMNS.length - 1 });
    expect(archived.map((r) => r.slice(0, ROW_INPUT_WIDTH))).toEqual(archivedBefore);
    expect(archived.map((r) => r[ROW_INPUT_WIDTH])).toEqual(Array(5).fill(serialFromDay(TODAY)));
    expect(archivedBefore.some((r) => r[col("notes")] !== "")).toBe(true);

    // The filter cleared for the writes and put back (co-authors share it), styles and the summary chart over the new extent.
    expect([...book.table(TASK_TABLE)!.filters]).toEqual([["责任单位", "=*市农牧局*"]]);
    expect(tasks.validations.map((v) => v.address)).toEqual(["H2:H194", "O2:O194", "J2:J194", "K2:K194", "L2:L194", "N2:N194"]);
    expect(new Set(tasks.conditionalFormats.map((c) => c.address))).toEqual(new Set(["A2:U194"]));
    expect(tasks.conditionalFormats).toHaveLength(4);
    const summary = book.sheet(SHEETS.summary)!;
    const departments = responsibleDepartments(parseTable(nextVersionText())).length;
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0].source).toBe(`C2:G${departments + 1}`);

    // A fixed number of syncs: table check (with the function probe), header/size, one read block, 归档/部门汇总
    // lookups (with the filters), one write batch, whether the table grew over the new rows, recalculation + chart,
    // chart series.
    expect(book.syncCount - syncsBefore).toBe(8);
    expect(outcome.notices).toEqual([expect.stringContaining("已按原样恢复")]);
  });

  test("importing the same table again changes no cell", async () => {
    const { book, actions, tasks } = await filledWorkbook();
    const snapshot = JSON.stringify([...tasks.cells].map(([r, m]) => [r, [...m]]));
    const { report } = await actions.reimport(parseTable(seedText()), TODAY);
    expect(report).toMatchObject({ updated: 0, unchanged: 195, added: [], archived: [] });
    expect(JSON.stringify([...tasks.cells].map(([r, m]) => [r, [...m]]))).toBe(snapshot);
    expect(book.valuesOf(book.sheet(SHEETS.archive)!, { r1: 2, r2: 2, c1: 0, c2: 0 })[0][0]).toBe("");
  });

  test("new rows are written just below the table and Excel expands it over them (the coauthoring page's pattern): no rows.add, no resize", async () => {
    const { book, actions } = await filledWorkbook();
    await actions.reimport(parseTable(nextVersionText()), TODAY);
    expect(book.calls.some((c) => c.member === "rows.add")).toBe(false);
    expect(book.calls.some((c) => c.member === "resize")).toBe(false);
    // Read back whether it grew.
    expect(book.calls.some((c) => c.member === "load" && String(c.args[0]).includes("rowCount") && c.target.includes("getallRange"))).toBe(true);
    expect(book.table(TASK_TABLE)!.box.r2).toBe(1 + 195 - 5 + 3);
  });

  test("where the table did not grow over them (AutoCorrect's table expansion off), it is resized", async () => {
    const { book, actions } = await filledWorkbook({ tableAutoExpand: false });
    await actions.reimport(parseTable(nextVersionText()), TODAY);
    expect(book.calls.some((c) => c.member === "rows.add")).toBe(false);
    const resize = book.calls.filter((c) => c.member === "resize");
    expect(resize.map((c) => c.args[0])).toEqual([`A1:U${1 + 195 - 5 + 3}`]);
    expect(book.table(TASK_TABLE)!.box.r2).toBe(1 + 195 - 5 + 3);
  });

  test("a co-author's table filter survives a re-import (desktop: put back as it was; rows of a filtered table cannot be deleted, office-js #994)", async () => {
    const { book, actions } = await filledWorkbook();
    book.table(TASK_TABLE)!.filters.set("状态", "=推进中");
    const { report, notices } = await actions.reimport(parseTable(nextVersionText()), TODAY);
    expect(report.archived).toHaveLength(5);
    expect([...book.table(TASK_TABLE)!.filters]).toEqual([["状态", "=推进中"]]);
    expect(notices).toEqual([expect.stringContaining("筛选")]);
  });

  test("Excel on the web: the re-import writes in a temporary sheet view, so the shared filter is never cleared", async () => {
    const { book, actions } = await filledWorkbook({ online: true });
    const table = book.table(TASK_TABLE)!;
    table.filters.set("状态", "=推进中");
    const { report, notices } = await actions.reimport(parseTable(nextVersionText()), TODAY);
    expect(report.archived).toHaveLength(5);
    expect([...table.filters]).toEqual([["状态", "=推进中"]]);
    expect(book.calls.some((c) => c.member === "filter.apply")).toBe(false);
    expect(book.sheet(SHEETS.tasks)!.view).toBeNull();
    expect(notices).toEqual([]);
  });

  test("something a user keeps below the table is not overwritten: rows are inserted (TableRowCollection.add) instead", async () => {
    const { book, actions, tasks } = await filledWorkbook();
    tasks.ensure(198, 0).value = "备注：本表由市土壤办维护";
    await actions.reimport(parseTable(nextVersionText()), TODAY);
    expect(book.calls.some((c) => c.member === "rows.add")).toBe(true);
    expect(book.calls.some((c) => c.member === "resize")).toBe(false);
    const end = book.table(TASK_TABLE)!.box.r2;
    const notes = [];
    for (let r = end + 1; r <= tasks.lastRow(); r++) if (tasks.cell(r, 0)?.value) notes.push(tasks.cell(r, 0)?.value);
    expect(notes).toEqual(["备注：本表由市土壤办维护"]);
  });

  test("Excel before ExcelApi 1.13 (no Table.resize): written below too; only where the table did not grow, rows added through the table", async () => {
    const grown = await filledWorkbook({ apiVersion: "1.12" });
    await grown.actions.reimport(parseTable(nextVersionText()), TODAY);
    expect(grown.book.calls.some((c) => c.member === "rows.add")).toBe(false);
    expect(grown.book.table(TASK_TABLE)!.box.r2).toBe(1 + 195 - 5 + 3);
    const { book, actions, tasks } = await filledWorkbook({ apiVersion: "1.12", tableAutoExpand: false });
    await actions.reimport(parseTable(nextVersionText()), TODAY);
    expect(book.calls.some((c) => c.member === "rows.add")).toBe(true);
    const end = book.table(TASK_TABLE)!.box.r2;
    expect(end).toBe(1 + 195 - 5 + 3);
    // Nothing left behind below the table.
    expect(tasks.lastRow()).toBe(end);
  });

  test("a protected 任务清单 is refused with what to do, nothing written", async () => {
    const { actions, tasks } = await filledWorkbook();
    tasks.protected = true;
    const snapshot = JSON.stringify([...tasks.cells].map(([r, m]) => [r, [...m]]));
    await expect(actions.reimport(parseTable(nextVersionText()), TODAY)).rejects.toMatchObject({
      message: expect.stringContaining("受保护"),
      hint: expect.stringContaining("撤销工作表保护"),
    });
    expect(JSON.stringify([...tasks.cells].map(([r, m]) => [r, [...m]]))).toBe(snapshot);
  });

  test("归档 and 部门汇总 deleted by a user: 归档 made again, nothing asked of the missing sheets", async () => {
    const { book, actions, tasks } = await filledWorkbook();
    book.sheets.splice(book.sheets.findIndex((s) => s.name === SHEETS.archive), 1);
    book.sheets.splice(book.sheets.findIndex((s) => s.name === SHEETS.summary), 1);
    const row301 = [...Array(195).keys()].map((i) => i + 2).find((r) => tasks.cell(r, 0)?.value === "30.1")!;
    // A word typed into a date column (no drop-down or validation stops a paste).
    tasks.ensure(row301, col("lastFeedback")).value = "-";
    const { report, notices } = await actions.reimport(parseTable(nextVersionText()), TODAY);
    expect(report.archived).toHaveLength(5);
    expect(notices).toEqual([]);
    const archive = book.sheet(SHEETS.archive)!;
    expect(book.valuesOf(archive, { r1: 1, r2: 1, c1: 0, c2: ARCHIVE_COLUMNS.length - 1 })[0]).toEqual(ARCHIVE_COLUMNS.map((c) => c.header));
    expect(archive.cell(2, 0)?.value).toBe("30.1");
    // Still the text typed, not a formula "-": written into "@".
    expect(archive.cell(2, col("lastFeedback"))).toMatchObject({ value: "-", formula: undefined, numberFormat: "@" });
    expect(book.sheet(SHEETS.summary)).toBeUndefined();
  });

  test("only SOIL's chart on 部门汇总 is replaced; a chart a user added stays", async () => {
    const { book, actions } = await filledWorkbook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEETS.summary);
      sheet.charts.add("Pie", sheet.getRange("B2:B5"), "Columns").name = "我的图表";
      await context.sync();
    });
    await actions.reimport(parseTable(nextVersionText()), TODAY);
    expect(book.sheet(SHEETS.summary)!.charts.map((c) => c.name).sort()).toEqual(["SoilSummaryChart", "我的图表"].sort());
  });

  test("made with the SOIL functions, re-imported on Excel 2019: formulas, 说明 and 部门汇总 switch to built-in ones", async () => {
    const { book, tasks } = await filledWorkbook();
    book.apiVersion = "1.7";
    book.customFunctions = false;
    const office2019 = createExcelActions(book.run, detectFeatures(book.isSetSupported));
    const { notices } = await office2019.reimport(parseTable(nextVersionText()), TODAY);
    expect(notices).toEqual([expect.stringContaining("内置公式")]);
    const last = book.table(TASK_TABLE)!.box.r2;
    for (const r of [2, last]) expect(tasks.cell(r, col("dueStatus"))?.formula).toBe(computedFormulas(r, "portable").dueStatus);
    expect(book.sheet(SHEETS.guide)!.cell(3, 1)?.formula).toBe(guideFormulas("portable").nextReport);
    const summary = book.sheet(SHEETS.summary)!;
    const departments = responsibleDepartments(parseTable(nextVersionText()));
    // The SOIL.SUMMARY anchor is gone (no #SPILL! over the rows), one row per department, then the total.
    expect(summary.cell(1, 0)).toMatchObject({ value: "责任单位", formula: undefined });
    expect(summary.cell(departments.length + 2, 0)?.value).toBe("合计");
    expect(summary.cell(departments.length + 3, 0)?.value ?? null).toBeNull();
    expect(summary.charts.map((c) => c.source)).toEqual([`C2:G${departments.length + 1}`]);
  });

  test("the SOIL functions stop running (metadata not loaded): the probe sees #NAME?, built-in formulas, a notice says why, no scratch sheet left", async () => {
    const { book, tasks, actions } = await filledWorkbook();
    book.soilFunctionsRegistered = false;
    const { notices } = await actions.reimport(parseTable(nextVersionText()), TODAY);
    expect(notices).toEqual([expect.stringMatching(/#NAME\?.*内置公式/)]);
    expect(tasks.cell(2, col("dueStatus"))?.formula).toBe(computedFormulas(2, "portable").dueStatus);
    expect(book.sheets.map((s) => s.name)).toEqual([SHEETS.tasks, SHEETS.summary, SHEETS.guide, PRINT_SHEET, SHEETS.archive, SHEETS.registry]);
  });

  test("SoilTasks moved off A1 of 任务清单: refused with what to do", async () => {
    const { book, actions } = await filledWorkbook();
    book.table(TASK_TABLE)!.sheet = book.sheet(SHEETS.guide)!;
    await expect(actions.reimport(parseTable(nextVersionText()), TODAY)).rejects.toMatchObject({ message: expect.stringContaining("A1"), hint: expect.stringContaining("移回") });
  });

  test("a workbook without the task table: a Chinese message", async () => {
    const book = new FakeWorkbook();
    const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
    await expect(actions.reimport(parseTable(seedText()), TODAY)).rejects.toThrow(/没有 SOIL 任务表/);
  });
});

describe("方案年份 (说明!B10): what a re-import reads year-less deadlines with", () => {
  const YEARLESS = (text: string) => text.replace("市检察院牵头\t2019年底", "市检察院牵头\t年底前");
  const dueOf = (book: FakeWorkbook, id: string) => {
    const tasks = book.sheet(SHEETS.tasks)!;
    for (let r = 2; r <= book.table(TASK_TABLE)!.box.r2; r++) if (tasks.cell(r, col("id"))?.value === id) return tasks.cell(r, col("dueDate"))?.value;
    return undefined;
  };

  test("the workbook's year is read back; a table read with another year writes it, so the next re-import reads alike", async () => {
    const { book, actions } = await filledWorkbook();
    const guide = book.sheet(SHEETS.guide)!;
    expect(guide.cell(10, 0)?.value).toBe("方案年份");
    // The bundled table has no year-less deadline: populate left the year blank.
    await expect(actions.readPlanYear()).resolves.toBeNull();
    guide.ensure(10, 1).value = "2019年"; // as a clerk types it
    await expect(actions.readPlanYear()).resolves.toBe(2019);

    await actions.reimport(parseTable(YEARLESS(nextVersionText()), { planYear: 2020 }), TODAY);
    expect(dueOf(book, "56.3")).toBe(serialFromDay(dayFromIso("2020-12-31")!));
    expect(guide.cell(10, 1)?.value).toBe(2020);
    await expect(actions.readPlanYear()).resolves.toBe(2020);

    // Read with the workbook's year (what the pane does): nothing in 说明 changes.
    await actions.reimport(parseTable(YEARLESS(nextVersionText()), { planYear: 2020 }), TODAY);
    expect(guide.cell(10, 1)?.value).toBe(2020);
  });

  test("a workbook older than 督办规则 (a line of text in row 10): no year read, nothing written beside the text", async () => {
    const { book, actions } = await filledWorkbook();
    const guide = book.sheet(SHEETS.guide)!;
    guide.ensure(10, 0).value = "使用方法";
    guide.ensure(10, 1).value = null;
    await expect(actions.readPlanYear()).resolves.toBeNull();
    await actions.reimport(parseTable(YEARLESS(nextVersionText()), { planYear: 2021 }), TODAY);
    expect(dueOf(book, "56.3")).toBe(serialFromDay(dayFromIso("2021-12-31")!));
    expect(guide.cell(10, 1)?.value ?? null).toBeNull();
  });

  test("a workbook without 说明: no year read, nothing asked of the missing sheet", async () => {
    const { book, actions } = await filledWorkbook();
    book.sheets.splice(book.sheets.indexOf(book.sheet(SHEETS.guide)!), 1);
    await expect(actions.readPlanYear()).resolves.toBeNull();
  });
});
