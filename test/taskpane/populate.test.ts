import {
  addinSummaryFormula,
  ARCHIVE_COLUMNS,
  CELL_FONT,
  columnIndex,
  computedFormulas,
  DATE_FORMAT,
  dayFromIso,
  DEFAULT_DUE_SOON_DAYS,
  GUIDE_TEXT,
  guideFormulas,
  ParsedTable,
  letterOf,
  parseTable,
  portableSummaryRows,
  PRINT_FOOTER_TEXT,
  PRINT_SHEET,
  responsibleDepartments,
  REGISTRY_TABLE,
  serialFromDay,
  SHEETS,
  STATUS_LIST,
  STATUS_STYLES,
  SUMMARY_HEADERS,
  SUMMARY_STATUSES,
  summaryColumnWidth,
  TASK_COLUMNS,
  TASK_HEADERS,
  TASK_SHEET_PRINT_THROUGH,
  TASK_TABLE,
  workbookRegistry,
  BUNDLED_REGISTRY,
  taskRows,
} from "../../src/core";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { columnWidthPoints, officeValue } from "../../src/taskpane/excel/cells";
import { describeError } from "../../src/taskpane/excel/errors";
import { PAYLOAD_BUDGET } from "../../src/taskpane/excel/payload";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { FakeOfficeError, FakeOptions, FakeWorkbook, SheetModel } from "../doubles/fakeExcel";
import { seedText } from "../doubles/seedVariants";
import { soilEvaluator } from "../doubles/soilEvaluator";
import { seedTable, syntheticTable } from "../doubles/tables";

const AS_OF = dayFromIso("2018-06-20")!;
const col = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key);
/** The sheets populate writes, in order. */
const SOIL_SHEETS = [SHEETS.tasks, SHEETS.summary, SHEETS.guide, PRINT_SHEET, SHEETS.archive, SHEETS.registry];

function setup(apiVersion = "1.17", options: Omit<FakeOptions, "apiVersion" | "evaluator"> = {}) {
  const book = new FakeWorkbook({ evaluator: soilEvaluator, apiVersion, ...options });
  const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
  return { book, actions };
}

function cellOf(sheet: SheetModel, row: number, column: number) {
  return sheet.cell(row, column);
}

describe("populate: what is written where", () => {
  const table = seedTable();
  const rows = taskRows(table, { flavor: "addin" });
  let book: FakeWorkbook;
  let tasks: SheetModel;

  beforeAll(async () => {
    const s = setup();
    book = s.book;
    const outcome = await s.actions.populate(table, AS_OF);
    expect(outcome).toEqual({ kind: "created", rows: 195, notices: [] });
    // Sheet names; all writes; recalculation + the chart; the chart's series; the font and page layout (a request of its own).
    expect(book.syncCount).toBe(5);
    tasks = book.sheet(SHEETS.tasks)!;
  });

  test("the five sheets, in order, and the task table over A1:U196", () => {
    expect(book.sheets.map((s) => s.name)).toEqual(SOIL_SHEETS);
    const t = book.table(TASK_TABLE)!;
    expect(t.sheet).toBe(tasks);
    expect(t.box).toEqual({ r1: 1, c1: 0, r2: 196, c2: 20 });
    expect(book.valuesOf(tasks, { r1: 1, r2: 1, c1: 0, c2: 20 })[0]).toEqual(TASK_HEADERS);
    expect(book.activeSheet).toBe(SHEETS.tasks);
  });

  test("参与部门 (column U, after 起始日期): each requirement's task's 参与部门 as the source names them, as text, shown", () => {
    expect(TASK_HEADERS[20]).toBe("参与部门");
    // Task 1's row of the bundled table: 序号, 牵头部门, 参与部门 (…等), …
    const line = seedText().split("\n").find((l) => l.startsWith("1\t市环境保护局\t"))!;
    const partners = line.split("\t")[2].replace(/等$/, "");
    expect(partners).toBe("市财政局、市国土资源局、市工业和信息化局、市农牧局、市林业局、市卫生计生委");
    for (const r of [2, 3, 4]) expect(cellOf(tasks, r, 20)).toMatchObject({ value: partners, formula: undefined, numberFormat: "@" });
    expect(cellOf(tasks, 5, 20)?.value).toBe("市国土资源局、市农牧局、市林业局");
    expect(tasks.columns.get(20)).toMatchObject({ wrapText: true });
    expect(tasks.columns.get(20)?.columnHidden).toBeUndefined();
    // Every body named in 参与部门 is in 单位名录, which lists every body the table names (the preview's count).
    const registry = book.sheet(SHEETS.registry)!;
    const listed = new Set(book.valuesOf(registry, { r1: 2, r2: registry.lastRow(), c1: 0, c2: 0 }).map((r) => r[0]).filter((v) => v !== ""));
    expect(listed.size).toBe(table.departments.length);
    const named = new Set(Array.from({ length: 195 }, (_, i) => String(cellOf(tasks, i + 2, 20)?.value ?? "")).flatMap((v) => (v === "" ? [] : v.split("、"))));
    expect(named.size).toBeGreaterThan(10);
    for (const name of named) expect([name, listed.has(name)]).toEqual([name, true]);
  });

  test("every row holds the layout's cells: values, dates as serials, SOIL formulas for its own row", () => {
    rows.forEach((row, i) => {
      const r = i + 2;
      TASK_COLUMNS.forEach((c, j) => {
        const cell = cellOf(tasks, r, j);
        const wanted = row[j];
        if (c.role === "computed") {
          expect(cell?.formula).toBe((wanted as { formula: string }).formula);
        } else {
          expect(cell?.formula).toBeUndefined();
          expect(cell?.value ?? "").toEqual(officeValue(wanted));
        }
      });
    });
    const f = computedFormulas(196, "addin");
    expect(cellOf(tasks, 196, col("dueStatus"))?.formula).toBe(f.dueStatus);
    expect(f.dueStatus).toContain("$A196:$O196");
    expect(cellOf(tasks, 2, col("dueDate"))?.value).toBe(serialFromDay(dayFromIso("2018-12-31")!));
  });

  test("number formats per column on every data row: text columns are @, dates yyyy-mm-dd", () => {
    for (const r of [2, 100, 196]) {
      TASK_COLUMNS.forEach((c, j) => {
        const expected = { text: "@", integer: "0", date: DATE_FORMAT, boolean: "\"是\";\"是\";\"否\"", general: "General" }[c.format];
        expect(cellOf(tasks, r, j)?.numberFormat).toBe(expected);
      });
    }
  });

  test("widths, wrapping, hidden helper columns, frozen header", () => {
    TASK_COLUMNS.forEach((c, j) => {
      const column = tasks.columns.get(j)!;
      expect(column.columnWidth).toBeCloseTo((c.width * 7 + 5) * 0.75);
      expect(column.wrapText === true).toBe(c.wrap === true);
      expect(column.columnHidden === true).toBe(c.hidden === true);
    });
    expect(tasks.frozenRows).toBe(1);
  });

  test("状态 and 延期审批 drop-downs, date-only 最近反馈日期 / 完成日期 / 申请延期至 / 申请日期, status colours keyed on the 到期状态 column (no SOIL call inside a rule)", () => {
    expect(tasks.validations).toEqual([
      expect.objectContaining({ address: "H2:H196", rule: { list: { inCellDropDown: true, source: STATUS_LIST.join(",") } } }),
      expect.objectContaining({ address: "O2:O196", rule: { list: { inCellDropDown: true, source: "待审批,同意,不同意" } } }),
      expect.objectContaining({ address: "J2:J196", rule: { date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" } } }),
      expect.objectContaining({ address: "K2:K196", rule: { date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" } } }),
      expect.objectContaining({ address: "L2:L196", rule: { date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" } } }),
      expect.objectContaining({ address: "N2:N196", rule: { date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" } } }),
    ]);
    expect(tasks.conditionalFormats).toEqual(
      Object.entries(STATUS_STYLES).map(([status, style]) => ({
        address: "A2:U196",
        type: "Custom",
        formula: `=$P2="${status}"`,
        fill: style.fill,
        font: style.font,
      })),
    );
    for (const cf of tasks.conditionalFormats) expect(cf.formula).not.toMatch(/SOIL\./);
  });

  test("说明: a fixed as-of date in B2 (not =TODAY()), report dates B3..B5, due-soon days B6, then the how-to", () => {
    const guide = book.sheet(SHEETS.guide)!;
    expect(guide.cell(2, 1)).toEqual({ value: serialFromDay(AS_OF), numberFormat: DATE_FORMAT, formula: undefined });
    const f = guideFormulas("addin");
    expect([3, 4, 5].map((r) => guide.cell(r, 1)?.formula)).toEqual([f.nextReport, f.lastReport, f.previousReport]);
    expect(guide.cell(6, 1)?.value).toBe(DEFAULT_DUE_SOON_DAYS);
    // 督办规则 B7..B10 (the bundled plan's: quarterly by the 10th), then the how-to two rows below.
    expect([7, 8, 9, 10].map((r) => guide.cell(r, 1)?.value ?? "")).toEqual(["每季度", 10, "土壤污染防治工作实施方案", ""]);
    expect(GUIDE_TEXT.map((_, i) => guide.cell(12 + i, 0)?.value)).toEqual([...GUIDE_TEXT]);
    // Each line merged across A:C and wrapped, so it prints whole.
    expect(guide.merges).toEqual(GUIDE_TEXT.map((_, i) => `A${12 + i}:C${12 + i}`));
  });

  test("部门汇总: one SOIL.SUMMARY whose spill is departments + header + total, and a stacked bar chart over it", () => {
    const summary = book.sheet(SHEETS.summary)!;
    expect(summary.cell(1, 0)?.formula).toBe(addinSummaryFormula());
    // Same widths as the portable file's 部门汇总: both come from the layout.
    SUMMARY_HEADERS.forEach((_, j) => expect(summary.columns.get(j)?.columnWidth).toBeCloseTo(columnWidthPoints(summaryColumnWidth(j))));
    const departments = responsibleDepartments(table);
    const spill = book.valuesOf(summary, { r1: 1, r2: departments.length + 3, c1: 0, c2: 8 });
    expect(spill[departments.length + 1][0]).toBe("合计");
    expect(spill[departments.length + 2][0]).toBe("");
    expect(spill.slice(1, departments.length + 1).map((r) => r[0])).toEqual(departments);
    const last = departments.length + 1;
    // The double's charts.add makes no series (as Excel may over a summary not computed yet): each status gets one.
    expect(summary.charts).toEqual([
      expect.objectContaining({
        type: "BarStacked",
        name: "SoilSummaryChart",
        source: `C2:G${last}`,
        seriesBy: "Columns",
        series: SUMMARY_STATUSES.map((s, i) => ({ name: s, values: `${"CDEFG"[i]}2:${"CDEFG"[i]}${last}`, xValues: `A2:A${last}`, fill: STATUS_STYLES[s]?.font })),
      }),
    ]);
    expect(book.valuesOf(summary, { r1: 1, r2: 1, c1: 2, c2: 6 })[0]).toEqual([...SUMMARY_STATUSES]);
  });

  test("单位名录: the SoilRegistry table lists every body the table names (the preview's 39), aliases 、-separated, as text", () => {
    const sheet = book.sheet(SHEETS.registry)!;
    const registry = book.table(REGISTRY_TABLE)!;
    expect(registry.sheet).toBe(sheet);
    expect(registry.box).toEqual({ r1: 1, c1: 0, r2: 1 + table.departments.length, c2: 4 });
    expect([0, 1, 2, 3, 4].map((c) => sheet.cell(1, c)?.value)).toEqual(["规范名称", "别称", "简称", "类别", "备注"]);
    const names = Array.from({ length: table.departments.length }, (_, i) => sheet.cell(2 + i, 0)?.value);
    expect(new Set(names)).toEqual(new Set(table.departments));
    expect(sheet.cell(2, 1)?.value).toBe("市环保局、邯郸市环境保护局");
    expect(sheet.cell(2, 0)?.numberFormat).toBe("@");
  });

  test("printing: A4, each sheet's orientation and zoom, print areas over whole columns, title rows, footer; one named font on every column", () => {
    const sheetOf = (name: string) => book.sheet(name)!;
    const common = { paperSize: "A4", orientation: "Landscape", "headersFooters.defaultForAllPages.centerFooter": PRINT_FOOTER_TEXT, topMargin: 0.9 * 72 };
    // 任务清单: 编号 to 剩余天数 at 75 %, two pages across, 编号 and the header on every page; whole columns, so rows added later print too.
    expect(sheetOf(SHEETS.tasks).pageLayout).toEqual({
      ...common,
      centerHorizontally: false,
      leftMargin: 36,
      rightMargin: 36,
      bottomMargin: 0.6 * 72,
      headerMargin: 0.4 * 72,
      footerMargin: 0.3 * 72,
      zoom: { scale: 75 },
      printOrder: "OverThenDown",
      setPrintArea: `A:${letterOf(TASK_SHEET_PRINT_THROUGH)}`,
      setPrintTitleRows: "$1:$1",
      setPrintTitleColumns: "$A:$A",
    });
    expect(sheetOf(SHEETS.summary).pageLayout).toMatchObject({ ...common, zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 }, setPrintArea: "A:I", setPrintTitleRows: "$1:$1" });
    expect(sheetOf(SHEETS.guide).pageLayout).toMatchObject({ ...common, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, setPrintArea: "A:C" });
    expect(sheetOf(SHEETS.archive).pageLayout).toMatchObject({ ...common, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, setPrintTitleRows: "$1:$1" });
    for (const [name, width] of [[SHEETS.tasks, columnIndex(TASK_SHEET_PRINT_THROUGH) + 1], [SHEETS.summary, SUMMARY_HEADERS.length], [SHEETS.guide, 3]] as const) {
      for (let c = 0; c < width; c++) expect([name, c, sheetOf(name).columns.get(c)?.["font.name"]]).toEqual([name, c, CELL_FONT.name]);
    }
  });

  test("归档 is ready with its header", () => {
    const archive = book.sheet(SHEETS.archive)!;
    expect(book.valuesOf(archive, { r1: 1, r2: 1, c1: 0, c2: ARCHIVE_COLUMNS.length - 1 })[0]).toEqual(ARCHIVE_COLUMNS.map((c) => c.header));
  });

  test("calculation is suspended while writing and the workbook recalculated once at the end", () => {
    expect(book.suspendedSyncs).toBe(1);
    expect(book.calculations).toEqual(["Full"]);
    expect(book.calls.filter((c) => c.member === "calculate").map((c) => c.batch)).toEqual([3]);
  });
});

describe("populate: syncs stay fixed and requests stay under 5 MB", () => {
  async function populate(table: ParsedTable) {
    const { book, actions } = setup();
    const outcome = await actions.populate(table, AS_OF);
    return { book, outcome };
  }

  test("200 rows: 5 syncs (sheet names, one batch of writes, recalculation + chart, chart series, font and page layout)", async () => {
    const { book, outcome } = await populate(syntheticTable(200));
    expect(outcome).toMatchObject({ kind: "created", rows: 200 });
    expect(book.syncCount).toBe(5);
    expect(book.table(TASK_TABLE)!.box.r2).toBe(201);
  });

  test("10,000 rows: the writes are chunked by estimated size, each request under the limit", async () => {
    const table = syntheticTable(10_000);
    const { book, outcome } = await populate(table);
    expect(outcome).toMatchObject({ kind: "created", rows: 10_000 });
    const writes = book.requestBytes.slice(1, -3);
    // Syncs grow with data size only: 4 fixed + one per batch of at most PAYLOAD_BUDGET estimated bytes.
    expect(book.syncCount).toBe(4 + writes.length);
    // Three batches of 任务清单's rows, three of 打印清单's mirror formulas (about 560 bytes a row, 任务清单 named twice in each of 9 cells).
    expect(writes.length).toBe(6);
    expect(Math.max(...book.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    expect(Math.max(...book.requestBytes)).toBeLessThan(PAYLOAD_BUDGET);
    const tasks = book.sheet(SHEETS.tasks)!;
    expect(tasks.cell(10_001, col("id"))?.value).toBe("1000.10");
    expect(tasks.cell(10_001, col("dueStatus"))?.formula).toBe(computedFormulas(10_001, "addin").dueStatus);
    expect(book.suspendedSyncs).toBe(writes.length);
  });

  test("the double enforces the limit: 20,000 rows in one request are refused", async () => {
    const book = new FakeWorkbook();
    const rows = taskRows(syntheticTable(20_000), { flavor: "addin" });
    await expect(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.add("x");
        // What a naive populate would send: every cell's format and content in one request.
        const block = sheet.getRange(`A2:P${rows.length + 1}`);
        block.numberFormat = rows.map((r) => r.map(() => "@"));
        block.formulas = rows.map((r) => r.map(officeValue));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
});

describe("populate: text from the document stays text", () => {
  test("a requirement starting with = or + is stored as text, and 1.10 stays the id 1.10", async () => {
    const text = seedText()
      .replace("组织开展全市农用地土壤污染状况详查。", "=1+1 组织开展详查")
      .replace("组织开展全市重点行业企业用地土壤污染状况详查。", "+86 重点行业企业用地详查");
    const table = parseTable(text);
    const { book, actions } = setup();
    await actions.populate(table, AS_OF);
    const tasks = book.sheet(SHEETS.tasks)!;
    expect(tasks.cell(2, col("text"))).toMatchObject({ value: "=1+1 组织开展详查", formula: undefined, numberFormat: "@" });
    expect(tasks.cell(3, col("text"))).toMatchObject({ value: "+86 重点行业企业用地详查", formula: undefined });
    expect(book.valuesOf(tasks, { r1: 2, r2: 2, c1: 3, c2: 3 })[0][0]).toBe("=1+1 组织开展详查");

    const withTen = table.tasks.find((t) => t.requirements.length >= 10);
    const ids = book.valuesOf(tasks, { r1: 2, r2: 196, c1: 0, c2: 0 }).map((r) => r[0]);
    if (withTen) expect(ids).toContain(`${withTen.no}.10`);
    expect(ids.every((id) => typeof id === "string")).toBe(true);
  });

  test("the double is not lenient: the same text in a General cell becomes a formula", async () => {
    const book = new FakeWorkbook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.add("x");
      sheet.getRange("A1:B1").values = [["=1+1 组织开展详查", "1.10"]];
      await context.sync();
    });
    expect(book.sheet("x")!.cell(1, 0)).toMatchObject({ formula: "=1+1 组织开展详查", value: null });
    expect(book.sheet("x")!.cell(1, 1)).toMatchObject({ value: 1.1 });
  });
});

describe("populate: existing workbooks and older Excel", () => {
  test("when 任务清单 exists it offers a re-import and writes nothing", async () => {
    const { book, actions } = setup();
    await actions.populate(seedTable(), AS_OF);
    const before = book.calls.length;
    const sheetsBefore = book.sheets.map((s) => s.name);
    expect(await actions.populate(seedTable(), AS_OF)).toEqual({ kind: "exists" });
    // Loads only, besides the function probe's scratch sheet (added, written, read, deleted in that one request).
    const probe = (c: { target: string; args: unknown[] }) => c.target.includes("SOIL_probe") || c.args[0] === "SOIL_probe";
    const written = book.calls.slice(before).filter((c) => c.member !== "load" && !probe(c));
    expect(written).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  test("another SOIL sheet name taken: a Chinese message, nothing written", async () => {
    const { book, actions } = setup();
    await book.run(async (context) => {
      context.workbook.worksheets.add(SHEETS.guide);
      await context.sync();
    });
    await expect(actions.populate(seedTable(), AS_OF)).rejects.toThrow(/已有名为“说明”的工作表/);
    expect(book.sheets.map((s) => s.name)).toEqual([SHEETS.guide]);
  });

  test("a table named SoilTasks elsewhere: Excel's ItemAlreadyExists, explained in Chinese", async () => {
    const { book, actions } = setup();
    await book.run(async (context) => {
      const other = context.workbook.worksheets.add("旧表");
      other.getRange("A1:B2").values = [["a", "b"], [1, 2]];
      other.tables.add("A1:B2", true).name = TASK_TABLE;
      await context.sync();
    });
    const error = await actions.populate(seedTable(), AS_OF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeOfficeError);
    expect(describeError(error)).toMatchObject({ code: "ItemAlreadyExists", message: expect.stringContaining("同名") });
  });

  test("Excel 2019 (ExcelApi 1.7, no custom functions): built-in formulas everywhere, no drop-down, notices say so", async () => {
    const { book, actions } = setup("1.7");
    const table = seedTable();
    const outcome = await actions.populate(table, AS_OF);
    expect(outcome).toMatchObject({
      kind: "created",
      notices: [expect.stringContaining("内置公式"), expect.stringContaining("页面布局"), expect.stringContaining("下拉列表")],
    });
    // No page layout on ExcelApi 1.7, the font all the same.
    expect(book.calls.some((c) => c.target.endsWith(".pageLayout"))).toBe(false);
    expect(book.sheet(SHEETS.tasks)!.columns.get(0)?.["font.name"]).toBe(CELL_FONT.name);
    const tasks = book.sheet(SHEETS.tasks)!;
    expect(tasks.validations).toEqual([]);
    expect(tasks.conditionalFormats).toHaveLength(4);
    expect(tasks.frozenRows).toBe(1);
    expect(book.calls.some((c) => c.member.startsWith("dataValidation"))).toBe(false);
    // What Office 2019 cannot compute is nowhere: the layout's portable formulas instead of SOIL.*.
    const portable = taskRows(table, { flavor: "portable" });
    for (const r of [2, 100, 196]) {
      for (const key of ["dueStatus", "daysLeft", "feedbackLate"] as const) {
        expect(tasks.cell(r, col(key))?.formula).toBe((portable[r - 2][col(key)] as { formula: string }).formula);
      }
    }
    const everyFormula = book.sheets.flatMap((s) => [...s.cells.values()].flatMap((row) => [...row.values()].map((c) => c.formula ?? "")));
    expect(everyFormula.filter((f) => f.includes("SOIL."))).toEqual([]);
    const guide = book.sheet(SHEETS.guide)!;
    expect(guide.cell(3, 1)?.formula).toBe(guideFormulas("portable").nextReport);
    // 部门汇总: header, one row of built-in formulas per department, the total; the chart over it.
    const summary = book.sheet(SHEETS.summary)!;
    const departments = responsibleDepartments(table);
    // Each department named from 单位名录 (a formula in a General cell), 合计 as text.
    const expected = portableSummaryRows(departments, 195, workbookRegistry(table, BUNDLED_REGISTRY));
    expect(book.valuesOf(summary, { r1: 1, r2: 1, c1: 0, c2: 8 })[0]).toEqual([...SUMMARY_HEADERS]);
    expected.forEach((row, i) => {
      const name = row[0];
      if (i < departments.length) expect(summary.cell(i + 2, 0)).toMatchObject({ formula: (name as { formula: string }).formula, numberFormat: "General" });
      else expect(summary.cell(i + 2, 0)).toMatchObject({ value: "合计", numberFormat: "@" });
      expect(summary.cell(i + 2, 1)?.formula).toBe((row[1] as { formula: string }).formula);
      expect(summary.cell(i + 2, 8)?.formula).toBe((row[8] as { formula: string }).formula);
    });
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0].series.map((x) => x.name)).toEqual([...SUMMARY_STATUSES]);
    // 单位名录 says what those formulas ask of the office: how many 别称 they read, clear rather than delete or sort.
    const note = String(book.sheet(SHEETS.registry)!.cell(1, 6)?.value);
    expect(note).toContain("前 8 个别称");
    expect(note).toContain("请勿删除整行或排序");
    expect(note).toContain("重新导入");
  });

  test("a page setting Excel refuses: the workbook is populated all the same, and the pane says what to set by hand", async () => {
    const { book, actions } = setup("1.17", { refuse: (c) => (c.member === "zoom" ? "InvalidArgument" : undefined) });
    const outcome = await actions.populate(seedTable(), AS_OF);
    expect(outcome).toMatchObject({ kind: "created", rows: 195, notices: [expect.stringContaining("页面设置")] });
    expect(book.sheet(SHEETS.tasks)!.cell(196, 0)?.value).toBeTruthy();
  });

  test("the double refuses page settings Excel refuses: a scale with pages to fit, a scale under 10, rows that are not whole rows", async () => {
    for (const bad of [
      (p: Excel.PageLayout) => (p.zoom = { scale: 80, horizontalFitToPages: 1 }),
      (p: Excel.PageLayout) => (p.zoom = { scale: 5 }),
      (p: Excel.PageLayout) => p.setPrintTitleRows("A1:B1"),
      (p: Excel.PageLayout) => (p.paperSize = "A4 " as Excel.PaperType),
    ]) {
      const book = new FakeWorkbook({ apiVersion: "1.9" });
      await expect(
        book.run(async (context) => {
          bad(context.workbook.worksheets.add("x").pageLayout);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  test("ExcelApi 1.5: no colours, freeze, chart or drop-down, no calculation suspended; still populated", async () => {
    const { book, actions } = setup("1.5");
    const outcome = await actions.populate(seedTable(), AS_OF);
    expect(outcome).toMatchObject({ kind: "created", rows: 195 });
    expect(book.syncCount).toBe(3);
    if (outcome.kind === "created") expect(outcome.notices).toHaveLength(6);
    expect(book.sheet(SHEETS.summary)!.charts).toEqual([]);
    expect(book.sheet(SHEETS.tasks)!.frozenRows).toBe(0);
    expect(book.suspendedSyncs).toBe(0);
  });

  test("the chart when Excel makes its series from the source: one per status, none added or left over", async () => {
    const { book, actions } = setup("1.17", { chartAutoSeries: "perColumn" });
    await actions.populate(seedTable(), AS_OF);
    const last = responsibleDepartments(seedTable()).length + 1;
    const [chart] = book.sheet(SHEETS.summary)!.charts;
    expect(chart.series.map((x) => [x.name, x.values, x.xValues])).toEqual(SUMMARY_STATUSES.map((s, i) => [s, `${"CDEFG"[i]}2:${"CDEFG"[i]}${last}`, `A2:A${last}`]));
    expect(book.calls.some((c) => c.target.includes(".series") && c.member === "add")).toBe(false);
  });

  test("a chart Excel refuses: removed, a notice, everything else written and recalculated", async () => {
    const { book, actions } = setup("1.17", { refuse: (c) => (c.member === "setXAxisValues" ? "InvalidArgument" : undefined) });
    const outcome = await actions.populate(seedTable(), AS_OF);
    expect(outcome).toMatchObject({ kind: "created", rows: 195, notices: [expect.stringContaining("图表")] });
    expect(book.sheet(SHEETS.summary)!.charts).toEqual([]);
    expect(book.calculations).toEqual(["Full"]);
    expect(book.table(TASK_TABLE)!.box.r2).toBe(196);
  });

  test("older than ExcelApi 1.4: refused before anything is sent", async () => {
    const { book, actions } = setup("1.3");
    await expect(actions.populate(seedTable(), AS_OF)).rejects.toThrow(/过旧/);
    expect(book.syncCount).toBe(0);
  });

  test("an empty table: refused with a Chinese message", async () => {
    const { actions } = setup();
    await expect(actions.populate(parseTable("没有表格的文字"), AS_OF)).rejects.toThrow(/没有找到任务分工表/);
  });

});

describe("populate: whether SOIL functions run is probed, not taken from the requirement set", () => {
  const table = seedTable();
  const statusCol = col("dueStatus");
  const everyFormula = (book: FakeWorkbook) => book.sheets.flatMap((s) => [...s.cells.values()].flatMap((row) => [...row.values()].map((c) => c.formula ?? "")));

  test("CustomFunctionsRuntime reported but the functions absent (office-js #884/#1031/#3504, a SharePoint catalog): built-in formulas, a notice says why", async () => {
    const { book, actions } = setup("1.17", { soilFunctionsRegistered: false });
    expect(book.isSetSupported("CustomFunctionsRuntime", "1.2")).toBe(true);
    const outcome = await actions.populate(table, AS_OF);
    expect(outcome).toMatchObject({ kind: "created", notices: [expect.stringMatching(/SOIL\.NEXTREPORT\(1\).*#NAME\?.*内置公式/)] });
    expect(everyFormula(book).filter((f) => f.includes("SOIL."))).toEqual([]);
    expect(book.sheet(SHEETS.tasks)!.cell(2, statusCol)?.formula).toBe(computedFormulas(2, "portable").dueStatus);
    // The probe's scratch sheet is gone, and it cost no request of its own (the fifth: font and page layout).
    expect(book.sheets.map((s) => s.name)).toEqual(SOIL_SHEETS);
    expect(book.syncCount).toBe(5);
  });

  test("CustomFunctionsRuntime 1.1 only: SOIL's functions throw CustomFunctions.Error (1.2), so built-in formulas", async () => {
    const { book, actions } = setup("1.17", { customFunctionsRuntime: "1.1" });
    const outcome = await actions.populate(table, AS_OF);
    expect(outcome).toMatchObject({ kind: "created", notices: [expect.stringContaining("CustomFunctionsRuntime 1.2")] });
    expect(everyFormula(book).filter((f) => f.includes("SOIL."))).toEqual([]);
    expect(book.calls.some((c) => c.member === "add" && String(c.args[0]).startsWith("SOIL_"))).toBe(false);
  });

  test("where they run, the probe reads a number: SOIL formulas, no notice, no scratch sheet left", async () => {
    const { book, actions } = setup();
    const outcome = await actions.populate(table, AS_OF);
    expect(outcome).toMatchObject({ kind: "created", notices: [] });
    expect(book.sheet(SHEETS.tasks)!.cell(2, statusCol)?.formula).toBe(computedFormulas(2, "addin").dueStatus);
    expect(book.calls.filter((c) => c.member === "formulas" && JSON.stringify(c.args).includes("SOIL.NEXTREPORT(1)"))).toHaveLength(1);
    expect(book.sheets.map((s) => s.name)).toEqual(SOIL_SHEETS);
  });
});

describe("populate: Excel in Chinese (one set of ASCII SOIL names in every language)", () => {
  const table = seedTable();
  const statusCol = col("dueStatus");
  const expectedStatuses = taskRows(table, { flavor: "addin" }).map((_, i) => i + 2);

  async function populate(options: FakeOptions) {
    const book = new FakeWorkbook({ evaluator: soilEvaluator, ...options });
    await createExcelActions(book.run, detectFeatures(book.isSetSupported)).populate(table, AS_OF);
    return book;
  }

  test("formulas go through range.formulas with the ASCII names and [#All], never formulasLocal, and every computed cell computes", async () => {
    const book = await populate({ displayLanguage: "zh-CN" });
    const tasks = book.sheet(SHEETS.tasks)!;
    expect(tasks.cell(2, statusCol)?.formula).toBe(computedFormulas(2, "addin").dueStatus);
    expect(book.calls.some((c) => c.member === "formulasLocal")).toBe(false);
    const statuses = book.valuesOf(tasks, { r1: 2, r2: 196, c1: statusCol, c2: statusCol }).map((r) => r[0]);
    expect(statuses).toHaveLength(expectedStatuses.length);
    for (const s of statuses) expect(["已完成", "已逾期", "临期", "按期推进", "持续推进", "未到期", "时限待定"]).toContain(s);
    expect(book.valuesOf(book.sheet(SHEETS.summary)!, { r1: 1, r2: 1, c1: 0, c2: 0 })[0][0]).toBe(SUMMARY_HEADERS[0]);
  });

  test("a regional format with ';' as list separator changes nothing either (range.formulas is invariant)", async () => {
    const book = await populate({ displayLanguage: "de-DE", listSeparator: ";" });
    expect(book.valuesOf(book.sheet(SHEETS.tasks)!, { r1: 2, r2: 2, c1: statusCol, c2: statusCol })[0][0]).not.toMatch(/^#/);
  });
});

describe("the double's range.formulasLocal takes the formula in Excel's language and regional format only", () => {
  async function writeLocal(options: FakeOptions, formula: string) {
    const book = new FakeWorkbook({ evaluator: soilEvaluator, ...options });
    await book.run(async (context) => {
      context.workbook.worksheets.add("S").getRange("A1").formulasLocal = [[formula]];
      await context.sync();
    });
    return book.sheet("S")!.cell(1, 0)?.formula;
  }

  test("[#All] is refused in Chinese Excel, [#全部] is taken and stored as [#All]", async () => {
    await expect(writeLocal({ displayLanguage: "zh-CN" }, `=ROWS(${TASK_TABLE}[#All])`)).rejects.toThrow(/InvalidArgument|table item/);
    await expect(writeLocal({ displayLanguage: "zh-CN" }, `=ROWS(${TASK_TABLE}[#全部])`)).resolves.toBe(`=ROWS(${TASK_TABLE}[#All])`);
    await expect(writeLocal({ displayLanguage: "en-US" }, `=ROWS(${TASK_TABLE}[#全部])`)).rejects.toThrow(/table item/);
  });

  test("arguments separated by the regional list separator only", async () => {
    await expect(writeLocal({ listSeparator: ";" }, `=IFERROR(1,"a,b")`)).rejects.toThrow(/separator/);
    await expect(writeLocal({ listSeparator: ";" }, `=IFERROR(1;"a;b")`)).resolves.toBe(`=IFERROR(1,"a;b")`);
  });
});
