import { columnIndex, dayFromIso, dueStatus, parseDeadline, parseTable, SHEETS, TASK_TABLE } from "../../src/core";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { FakeWorkbook } from "../doubles/fakeExcel";
import { seedText } from "../doubles/seedVariants";
import { soilEvaluator } from "../doubles/soilEvaluator";

const AS_OF = dayFromIso("2018-12-10")!;
const col = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key);

async function populated(withFunctions: boolean) {
  const book = new FakeWorkbook({ evaluator: withFunctions ? soilEvaluator : undefined });
  const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
  await actions.populate(parseTable(seedText()), AS_OF);
  return { book, actions };
}

describe("working in the workbook", () => {
  test("the status board reads what the computed columns show", async () => {
    const { book, actions } = await populated(true);
    const tasks = book.sheet(SHEETS.tasks)!;
    tasks.ensure(2, col("progress")).value = "已完成";
    const board = await actions.readStatusBoard();
    expect(board.asOf).toBe(AS_OF);
    expect(board.rows).toHaveLength(195);
    expect(board.rows.every((r) => r.source === "workbook")).toBe(true);
    expect(board.rows[0]).toMatchObject({ id: "1.1", dueStatus: "已完成", feedbackLate: false });
    expect(board.rows[1]).toMatchObject({ id: "1.2", dueStatus: "按期推进", daysLeft: 752, feedbackLate: true });
    const overdue = board.rows.filter((r) => r.dueStatus === "已逾期").length;
    expect(overdue).toBeGreaterThan(0);
    expect(board.departments[0]).toBe("市环境保护局");
    expect(board.departments).toContain("市农牧局");
  });

  test("责任单位 a clerk retyped with an alias or spaces is read as SOIL.SUMMARY reads it", async () => {
    const { book, actions } = await populated(true);
    book.sheet(SHEETS.tasks)!.ensure(2, col("responsible")).value = "市环保局、 市财政局";
    const board = await actions.readStatusBoard();
    expect(board.rows[0].responsible).toEqual(["市环境保护局", "市财政局"]);
    expect(board.departments).not.toContain("市环保局");
  });

  test("without the SOIL functions (#NAME?) the pane computes the same statuses from the row", async () => {
    const withFunctions = await (await populated(true)).actions.readStatusBoard();
    const without = await (await populated(false)).actions.readStatusBoard();
    expect(without.rows.every((r) => r.source === "pane")).toBe(true);
    expect(without.rows.map((r) => [r.id, r.dueStatus, r.daysLeft, r.feedbackLate])).toEqual(
      withFunctions.rows.map((r) => [r.id, r.dueStatus, r.daysLeft, r.feedbackLate]),
    );
    const r = parseTable(seedText()).tasks[0].requirements[0];
    expect(without.rows[0].dueStatus).toBe(dueStatus({ deadline: parseDeadline(r.deadline.raw), asOf: AS_OF }));
  });

  test("rows too long for one response (Excel on the web's 5 MB) are read in smaller blocks", async () => {
    const { book, actions } = await populated(true);
    const tasks = book.sheet(SHEETS.tasks)!;
    for (let r = 2; r <= 196; r++) tasks.ensure(r, col("notes")).value = `第${r}行进展：${"已召开专题会议，部署落实。".repeat(40)}`;
    const full = await actions.readStatusBoard();
    // Now a limit that one read of all 195 rows exceeds (the double measures responses as UTF-8 JSON).
    book.payloadLimit = 300_000;
    const before = book.syncCount;
    const board = await actions.readStatusBoard();
    expect(board.rows.map((r) => [r.id, r.dueStatus])).toEqual(full.rows.map((r) => [r.id, r.dueStatus]));
    expect(book.syncCount - before).toBeGreaterThan(3);
  });

  test("department filter on the desktop: the shared table filter only when asked (every co-author sees it)", async () => {
    const { book, actions } = await populated(true);
    const table = book.table(TASK_TABLE)!;
    table.filters.set("状态", "=推进中"); // a co-author's filter
    const before = book.syncCount;
    await expect(actions.filterByDepartment("市农牧局")).resolves.toBe("pane");
    expect(book.syncCount).toBe(before);
    expect([...table.filters]).toEqual([["状态", "=推进中"]]);
    await expect(actions.filterByDepartment("市农牧局", { shared: true })).resolves.toBe("shared");
    expect(table.filters.get("责任单位")).toBe("=*市农牧局*");
    expect(book.activeSheet).toBe(SHEETS.tasks);
    await actions.filterByDepartment(null, { shared: true });
    expect([...table.filters]).toEqual([["状态", "=推进中"]]);
  });

  test("department filter on Excel on the web: in a temporary sheet view (ExcelApiOnline 1.1), the shared filters untouched", async () => {
    const book = new FakeWorkbook({ evaluator: soilEvaluator, online: true });
    const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
    await actions.populate(parseTable(seedText()), AS_OF);
    const table = book.table(TASK_TABLE)!;
    table.filters.set("状态", "=推进中");
    await expect(actions.filterByDepartment("市农牧局")).resolves.toBe("view");
    expect([...table.filters]).toEqual([["状态", "=推进中"]]);
    expect(book.sheet(SHEETS.tasks)!.view?.filters.get("责任单位")).toBe("=*市农牧局*");
    await actions.filterByDepartment(null);
    expect(book.sheet(SHEETS.tasks)!.view?.filters.has("责任单位")).toBe(false);
    expect([...table.filters]).toEqual([["状态", "=推进中"]]);
  });

  test("selecting a requirement selects its row, found by 编号", async () => {
    const { book, actions } = await populated(true);
    await actions.selectRequirement("5.2");
    const row = [...Array(195).keys()].map((i) => i + 2).find((r) => book.sheet(SHEETS.tasks)!.cell(r, 0)?.value === "5.2");
    expect(book.selection).toBe(`'${SHEETS.tasks}'!A${row}:U${row}`);
    await expect(actions.selectRequirement("99.9")).rejects.toThrow(/找不到编号 99.9/);
  });

  test("as-of date and refresh: B2 gets a date value, refresh recalculates and reads again", async () => {
    const { book, actions } = await populated(true);
    const day = dayFromIso("2019-01-15")!;
    await actions.setAsOf(day);
    expect(book.sheet(SHEETS.guide)!.cell(2, 1)).toMatchObject({ value: 43480, formula: undefined, numberFormat: "yyyy-mm-dd" });
    const board = await actions.refresh();
    expect(book.calculations.slice(-1)).toEqual(["Full"]);
    expect(board.asOf).toBe(day);
  });
});
