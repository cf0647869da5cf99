/**
 * 打印清单 written by the add-in from the same core definition as the portable workbook's (core/printSetup.ts):
 * header, widths, wrapping, font, mirror formulas for every row of 任务清单 and the page layout. The double does not
 * evaluate built-in formulas, so the formulas and ranges written are what is checked (the portable workbook's are
 * recalculated and printed by LibreOffice in test/xlsx/print.test.ts).
 */
import {
  CELL_FONT,
  columnIndex,
  dayFromIso,
  NUMBER_FORMATS,
  parseTable,
  PRINT_COLUMNS,
  PRINT_FOOTER_TEXT,
  PRINT_SETUPS,
  PRINT_SHEET,
  printColumnHeader,
  printMirrorFormula,
  SHEETS,
  TASK_COLUMNS,
  TASK_TABLE,
} from "../../src/core";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { columnWidthPoints } from "../../src/taskpane/excel/cells";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { FakeWorkbook, SheetModel } from "../doubles/fakeExcel";
import { nextVersionText, seedText } from "../doubles/seedVariants";
import { soilEvaluator } from "../doubles/soilEvaluator";

const AS_OF = dayFromIso("2018-06-20")!;
const TODAY = dayFromIso("2019-03-01")!;
const LAST = PRINT_COLUMNS.length - 1;
const SETUP = PRINT_SETUPS[PRINT_SHEET];

function setup(apiVersion = "1.17") {
  const book = new FakeWorkbook({ evaluator: soilEvaluator, apiVersion });
  const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
  return { book, actions };
}

/** The mirror formulas 打印清单 holds, row by row from row 2, until its first empty row. */
function mirrorRows(sheet: SheetModel): string[][] {
  const rows: string[][] = [];
  for (let r = 2; sheet.cell(r, 0)?.formula; r++) rows.push(PRINT_COLUMNS.map((_, c) => sheet.cell(r, c)?.formula ?? ""));
  return rows;
}

function expectedRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => PRINT_COLUMNS.map((c) => printMirrorFormula(c.key, 2 + i)));
}

/** Nothing at all in 打印清单's columns from `row` down to `through`. */
function expectEmptyFrom(sheet: SheetModel, row: number, through: number) {
  for (let r = row; r <= through; r++) for (let c = 0; c <= LAST; c++) expect([r, c, sheet.cell(r, c)?.formula ?? sheet.cell(r, c)?.value ?? null]).toEqual([r, c, null]);
}

describe("populate writes 打印清单", () => {
  let book: FakeWorkbook;
  let sheet: SheetModel;

  beforeAll(async () => {
    const s = setup();
    book = s.book;
    const outcome = await s.actions.populate(parseTable(seedText()), AS_OF);
    expect(outcome).toEqual({ kind: "created", rows: 195, notices: [] });
    // No request of its own: the rows ride in the batch of writes, the row heights in the recalculation's request,
    // the page layout in the font and page layout request (as before 打印清单: 5 syncs).
    expect(book.syncCount).toBe(5);
    sheet = book.sheet(PRINT_SHEET)!;
  });

  test("195 rows, each cell the core's mirror formula of its own row of 任务清单, through range.formulas", () => {
    expect(book.table(TASK_TABLE)!.box.r2).toBe(196);
    expect(mirrorRows(sheet)).toEqual(expectedRows(195));
    expectEmptyFrom(sheet, 197, 200);
    expect(book.calls.some((c) => c.target.includes(`getItem(${PRINT_SHEET})`) && c.member === "formulasLocal")).toBe(false);
    // A formula under "@" would stay text: only the header is text; dates keep the task sheet's format.
    PRINT_COLUMNS.forEach((c, i) => {
      const format = TASK_COLUMNS[columnIndex(c.key)].format;
      expect([c.key, sheet.cell(2, i)?.numberFormat]).toEqual([c.key, format === "text" ? "General" : NUMBER_FORMATS[format]]);
      expect(sheet.cell(1, i)).toMatchObject({ value: printColumnHeader(c.key), numberFormat: "@" });
    });
  });

  test("header, widths, wrapping and top alignment, the named font, frozen header, status colours over the rows", () => {
    expect(PRINT_COLUMNS.map((c) => printColumnHeader(c.key))).toEqual(["编号", "工作要求", "责任单位", "完成时限", "截止日期", "状态", "进展情况", "到期状态", "剩余天数"]);
    PRINT_COLUMNS.forEach((c, i) => {
      const column = sheet.columns.get(i)!;
      expect([c.key, column.columnWidth]).toEqual([c.key, columnWidthPoints(c.width)]);
      expect([c.key, column.wrapText === true]).toEqual([c.key, c.wrap === true]);
      expect([c.key, column.verticalAlignment, column["font.name"]]).toEqual([c.key, "Top", CELL_FONT.name]);
    });
    expect(sheet.columns.get(PRINT_COLUMNS.length)).toBeUndefined();
    expect(sheet.frozenRows).toBe(1);
    expect(new Set(sheet.conditionalFormats.map((f) => f.address))).toEqual(new Set(["A2:I196"]));
    expect(sheet.conditionalFormats.map((f) => f.formula)).toEqual(expect.arrayContaining(['=$H2="已逾期"']));
  });

  test("page layout as core's PRINT_SETUPS[打印清单]: A4 landscape, one page wide, header row on every page, footer", () => {
    const inches = (n: number) => n * 72;
    expect(sheet.pageLayout).toEqual({
      paperSize: "A4",
      orientation: SETUP.orientation === "landscape" ? "Landscape" : "Portrait",
      centerHorizontally: SETUP.centerHorizontally,
      leftMargin: inches(SETUP.margins.left),
      rightMargin: inches(SETUP.margins.right),
      topMargin: inches(SETUP.margins.top),
      bottomMargin: inches(SETUP.margins.bottom),
      headerMargin: inches(SETUP.margins.header),
      footerMargin: inches(SETUP.margins.footer),
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      setPrintArea: "A:I",
      setPrintTitleRows: "$1:$1",
      "headersFooters.defaultForAllPages.centerFooter": PRINT_FOOTER_TEXT,
    });
    expect(SETUP.fit).toBe("width");
  });

  test("row heights fitted after the recalculation, in its request", () => {
    const calculation = book.calls.find((c) => c.member === "calculate")!;
    const fit = book.calls.find((c) => c.target.includes(`getItem(${PRINT_SHEET})`) && c.member.includes("autofitRows"))!;
    expect(fit.target).toContain("getRange(A2:I196)");
    expect(fit.batch).toBe(calculation.batch);
    expect(book.calls.indexOf(fit)).toBeGreaterThan(book.calls.indexOf(calculation));
  });
});

test("ExcelApi 1.7 (Office 2019): 打印清单 written with its font, no page layout (as the other sheets)", async () => {
  const { book, actions } = setup("1.7");
  await actions.populate(parseTable(seedText()), AS_OF);
  const sheet = book.sheet(PRINT_SHEET)!;
  expect(mirrorRows(sheet)).toEqual(expectedRows(195));
  expect(sheet.columns.get(0)?.["font.name"]).toBe(CELL_FONT.name);
  expect(sheet.pageLayout).toEqual({});
});

test("ExcelApi 1.5 (no suspended calculation): the row heights ride in the last batch of writes, no request of their own", async () => {
  const { book, actions } = setup("1.5");
  await actions.populate(parseTable(seedText()), AS_OF);
  const fit = book.calls.find((c) => c.target.includes(`getItem(${PRINT_SHEET})`) && c.member.includes("autofitRows"))!;
  const lastFormula = book.calls.filter((c) => c.target.includes(`getItem(${PRINT_SHEET})`) && c.member === "formulas").pop()!;
  expect(fit.batch).toBe(lastFormula.batch);
  expect(mirrorRows(book.sheet(PRINT_SHEET)!)).toEqual(expectedRows(195));
});

test("a sheet named 打印清单 already there: populate refuses before writing anything", async () => {
  const { book, actions } = setup();
  await book.run(async (context) => {
    context.workbook.worksheets.add(PRINT_SHEET).getRange("A1").values = [["我的打印"]];
    await context.sync();
  });
  await expect(actions.populate(parseTable(seedText()), AS_OF)).rejects.toMatchObject({ message: expect.stringContaining(PRINT_SHEET) });
  expect(book.sheet(SHEETS.tasks)).toBeUndefined();
  expect(book.sheet(PRINT_SHEET)!.cell(1, 0)?.value).toBe("我的打印");
});

describe("re-import keeps 打印清单 covering exactly the task table", () => {
  test("3 rows added, 5 archived: 193 mirror rows, the two below cleared, the office's own cells left alone, no extra sync", async () => {
    const { book, actions } = setup();
    await actions.populate(parseTable(seedText()), AS_OF);
    const sheet = book.sheet(PRINT_SHEET)!;
    // The office's own notes beside and far below the list.
    sheet.ensure(3, PRINT_COLUMNS.length + 1).value = "打印时注意";
    sheet.ensure(400, 0).value = "备注：本表由任务清单生成";
    const syncsBefore = book.syncCount;

    await actions.reimport(parseTable(nextVersionText()), TODAY);

    expect(book.table(TASK_TABLE)!.box.r2).toBe(194);
    expect(mirrorRows(sheet)).toEqual(expectedRows(193));
    expectEmptyFrom(sheet, 195, 196);
    expect(sheet.cell(3, PRINT_COLUMNS.length + 1)?.value).toBe("打印时注意");
    expect(sheet.cell(400, 0)?.value).toBe("备注：本表由任务清单生成");
    expect(new Set(sheet.conditionalFormats.map((f) => f.address))).toEqual(new Set(["A2:I194"]));
    // Heights refitted over every row it covered, the cleared ones too.
    const fits = book.calls.filter((c) => c.target.includes(`getItem(${PRINT_SHEET})`) && c.member.includes("autofitRows"));
    expect(fits[fits.length - 1].target).toContain("getRange(A2:I196)");
    // The same 8 syncs as a re-import made before 打印清单 (reimport.test.ts).
    expect(book.syncCount - syncsBefore).toBe(8);
  });

  test("the table grows: the mirror grows with it", async () => {
    const { book, actions } = setup();
    const seed = seedText();
    // The plan without its last requirement first, then the full plan: one row added, none removed.
    const lines = seed.trimEnd().split("\n");
    const shorter = parseTable(lines.slice(0, -1).join("\n"));
    await actions.populate(shorter, AS_OF);
    const before = book.table(TASK_TABLE)!.box.r2 - 1;
    await actions.reimport(parseTable(seed), TODAY);
    const after = book.table(TASK_TABLE)!.box.r2 - 1;
    expect(after).toBeGreaterThan(before);
    expect(mirrorRows(book.sheet(PRINT_SHEET)!)).toEqual(expectedRows(after));
  });

  test("a workbook made before 打印清单: re-import adds it, with its page layout in one more request", async () => {
    const { book, actions } = setup();
    await actions.populate(parseTable(seedText()), AS_OF);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem(PRINT_SHEET).delete();
      await context.sync();
    });
    const syncsBefore = book.syncCount;
    await actions.reimport(parseTable(nextVersionText()), TODAY);
    const sheet = book.sheet(PRINT_SHEET)!;
    expect(mirrorRows(sheet)).toEqual(expectedRows(193));
    expect(sheet.cell(1, 1)?.value).toBe("工作要求");
    expect(sheet.pageLayout).toMatchObject({ setPrintArea: "A:I", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(book.syncCount - syncsBefore).toBe(9);
  });
});
