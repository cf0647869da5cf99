/**
 * The office's quarterly work through the Excel double: the feedback round, the quarterly report sheet,
 * protection of the task sheet, extension requests and the change log.
 */
import {
  buildQuarterlyReport,
  CHANGE_LOG_HEADERS,
  CHANGE_LOG_SHEET,
  columnIndex,
  columnLetter,
  ColumnKey,
  dayFromIso,
  GUIDE_CELLS,
  isoFromSerial,
  parseTable,
  resolveDepartments,
  serialFromDay,
  SHEETS,
  summarizeByDepartment,
  summaryRow,
  TASK_COLUMNS,
} from "../../src/core";
import { createExcelActions, PaneClock } from "../../src/taskpane/excel/actions";
import { startChangeLog } from "../../src/taskpane/excel/changeLog";
import { evaluateRows } from "../../src/functions/evaluateRows";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { FakeOptions, FakeWorkbook, SheetModel } from "../doubles/fakeExcel";
import { seedText } from "../doubles/seedVariants";
import { soilEvaluator } from "../doubles/soilEvaluator";

const day = (iso: string) => dayFromIso(iso)!;
const serial = (iso: string) => serialFromDay(day(iso));
const col = (key: ColumnKey) => columnIndex(key);
const NOW = new Date(2019, 0, 15, 9, 30, 0);
const clock: PaneClock = { today: () => day("2019-01-15"), now: () => NOW };

async function populated(asOf: string, options: FakeOptions = {}) {
  const book = new FakeWorkbook({ evaluator: soilEvaluator, ...options });
  const features = detectFeatures(book.isSetSupported);
  const actions = createExcelActions(book.run, features, { clock });
  await actions.populate(parseTable(seedText()), day(asOf));
  const tasks = book.sheet(SHEETS.tasks)!;
  return { book, features, actions, tasks };
}

/** Sheet row of a requirement by 编号. */
function rowOf(tasks: SheetModel, id: string): number {
  for (let r = 2; r <= 400; r++) if (tasks.cell(r, 0)?.value === id) return r;
  throw new Error(id);
}

function idsOf(tasks: SheetModel, department: string): string[] {
  const ids: string[] = [];
  for (let r = 2; tasks.cell(r, 0)?.value; r++) {
    if (resolveDepartments(String(tasks.cell(r, col("responsible"))?.value)).names.includes(department)) ids.push(String(tasks.cell(r, 0)!.value));
  }
  return ids;
}

describe("feedback round under the workbook's 督办规则", () => {
  test("a monthly cadence by the 28th typed into 说明: the round is the month's, and the rows flagged are the portable rule's", async () => {
    const { book, actions, tasks } = await populated("2019-03-20");
    const guide = book.sheet(SHEETS.guide)!;
    // The office edits 说明: 反馈周期 每月, 反馈截止日 28.
    guide.ensure(Number(GUIDE_CELLS.cadence.address.slice(1)), 1).value = "每月";
    guide.ensure(Number(GUIDE_CELLS.reportDay.address.slice(1)), 1).value = 28;
    const agriculture = idsOf(tasks, "市农牧局");
    // Reported on 1 March for every row: in March's window (after 28 February), not in the quarter's before it.
    for (const id of agriculture) tasks.ensure(rowOf(tasks, id), col("lastFeedback")).value = serial("2019-03-01");
    const progress = await actions.readFeedbackRound();
    expect(progress.round).toMatchObject({ label: "2019年3月", deadline: day("2019-03-28"), windowAfter: day("2019-02-28"), daysLeft: 8, open: true });
    expect(progress.departments.find((d) => d.department === "市农牧局")).toMatchObject({ state: "已全部反馈", missing: [] });
    // A report of 27 February misses March's round under the monthly rule, though it counts for the quarter.
    tasks.ensure(rowOf(tasks, agriculture[0]), col("lastFeedback")).value = serial("2019-02-27");
    const again = await actions.readFeedbackRound();
    expect(again.departments.find((d) => d.department === "市农牧局")!.missing).toEqual([agriculture[0]]);
    guide.ensure(Number(GUIDE_CELLS.cadence.address.slice(1)), 1).value = "每季度";
    guide.ensure(Number(GUIDE_CELLS.reportDay.address.slice(1)), 1).value = 10;
    const quarterly = await actions.readFeedbackRound();
    expect(quarterly.round).toMatchObject({ label: "2019年第1季度", deadline: day("2019-01-10") });
  });
});

describe("feedback round", () => {
  test("before the 10th: the round is open; a department that reported on every row it owes is done, the others wait", async () => {
    const { actions, tasks } = await populated("2019-01-05");
    const agriculture = idsOf(tasks, "市农牧局");
    expect(agriculture.length).toBe(44);
    // 市农牧局 reports on all its rows but one that it completed; 市林业局 on one row only.
    for (const id of agriculture) tasks.ensure(rowOf(tasks, id), col("lastFeedback")).value = serial("2019-01-03");
    tasks.ensure(rowOf(tasks, agriculture[0]), col("progress")).value = "已完成";
    tasks.ensure(rowOf(tasks, agriculture[1]), col("lastFeedback")).value = serial("2018-10-08");
    tasks.ensure(rowOf(tasks, agriculture[1]), col("completedOn")).value = serial("2018-12-20");
    // A department with rows of its own (not shared with 市农牧局) reports on one of them.
    const other = ["市林业局", "市水务局", "市国土资源局", "市住房和城乡建设局"].find((d) => idsOf(tasks, d).filter((id) => !agriculture.includes(id)).length >= 2)!;
    const forestry = idsOf(tasks, other).filter((id) => !agriculture.includes(id));
    tasks.ensure(rowOf(tasks, forestry[0]), col("lastFeedback")).value = serial("2019-01-04");

    const progress = await actions.readFeedbackRound();
    expect(progress.round).toMatchObject({ quarter: { year: 2019, quarter: 1 }, deadline: day("2019-01-10"), windowAfter: day("2018-10-10"), daysLeft: 5, open: true });
    const agri = progress.departments.find((d) => d.department === "市农牧局")!;
    // Rows shared with other departments count for each of them.
    expect(agri).toMatchObject({ rows: 44, owing: 42, updated: 42, missing: [], state: "已全部反馈" });
    const forest = progress.departments.find((d) => d.department === other)!;
    expect(forest.state).toBe("待反馈");
    expect(forest.updated + forest.missing.length).toBe(forest.owing);
    expect(forest.updated).toBeGreaterThanOrEqual(1);
    expect(forest.missing).not.toContain(forestry[0]);
    expect(progress.missingRows.map((r) => r.id)).toEqual(expect.arrayContaining(forest.missing));
    expect(progress.missingRows.some((r) => agriculture.includes(r.id))).toBe(false);
  });

  test("after the 10th: departments with rows still missing are late, a report after the deadline counts as 逾期补报", async () => {
    const { book, actions, tasks } = await populated("2019-01-05");
    const agriculture = idsOf(tasks, "市农牧局");
    for (const id of agriculture) tasks.ensure(rowOf(tasks, id), col("lastFeedback")).value = serial("2019-01-12");
    await actions.setAsOf(day("2019-01-20"));
    const progress = await actions.readFeedbackRound();
    expect(progress.round).toMatchObject({ daysLeft: -10, open: false });
    const agri = progress.departments.find((d) => d.department === "市农牧局")!;
    expect(agri).toMatchObject({ state: "已全部反馈", updated: 44, updatedLate: 44 });
    const late = progress.departments.filter((d) => d.state === "逾期未反馈");
    expect(late.length).toBeGreaterThan(20);
    expect(progress.departments.every((d) => d.state !== "待反馈")).toBe(true);
    // The rows listed are exactly those the workbook's own 反馈逾期 column flags (same rule, same day).
    const flagged: string[] = [];
    for (let r = 2; r <= 196; r++) if (book.valueAt(tasks, r, col("feedbackLate")) === true) flagged.push(String(tasks.cell(r, 0)!.value));
    expect(progress.missingRows.map((r) => r.id)).toEqual(flagged);
  });
});

describe("quarterly report", () => {
  test("the report follows 说明's 督办规则: monthly by the 28th names that round and counts late feedback by it", async () => {
    const { book, actions, tasks } = await populated("2019-01-20");
    const guide = book.sheet(SHEETS.guide)!;
    guide.ensure(Number(GUIDE_CELLS.cadence.address.slice(1)), 1).value = "每月";
    guide.ensure(Number(GUIDE_CELLS.reportDay.address.slice(1)), 1).value = 28;
    for (const id of idsOf(tasks, "市农牧局")) tasks.ensure(rowOf(tasks, id), col("lastFeedback")).value = serial("2018-11-20");
    const outcome = await actions.writeQuarterlyReport({ year: 2018, quarter: 4 });
    const sheet = book.sheet(outcome.sheetName)!;
    const definition = buildQuarterlyReport([], { year: 2018, quarter: 4 }, day("2018-12-31"), "", []);
    expect(sheet.cell(2, definition.metaColumns[3])?.value).toBe("每月28日前反馈：本季度截止 2018-10-28、2018-11-28、2018-12-28");
    // Late feedback by the monthly rule at the quarter's last day (a report of 20 November is late for 28 December's round, in time for the quarter's of 10 October).
    const rows = book.valuesOf(tasks, { r1: 2, r2: 196, c1: 0, c2: TASK_COLUMNS.length - 1 });
    const monthly = evaluateRows(rows, day("2018-12-31"), 30, { cadence: "monthly", day: 28 }).filter((r) => r.feedbackLate).length;
    expect(evaluateRows(rows, day("2018-12-31"), 30).filter((r) => r.feedbackLate).length).not.toBe(monthly);
    expect(outcome.feedbackLate).toBe(monthly);
    const titles: unknown[] = [];
    for (let r = 1; r <= sheet.lastRow(); r++) titles.push(sheet.cell(r, 0)?.value);
    expect(titles).toContain(`三、反馈逾期（${monthly} 条）`);
  });

  test("a snapshot in values of the summary, the overdue rows and the late feedback at the quarter's last day, A4 landscape, with a chart", async () => {
    const { book, actions, tasks } = await populated("2019-01-20");
    tasks.ensure(rowOf(tasks, "1.1"), col("progress")).value = "已完成";
    const syncsBefore = book.syncCount;
    const outcome = await actions.writeQuarterlyReport({ year: 2018, quarter: 4 });
    expect(book.syncCount - syncsBefore).toBeLessThanOrEqual(8);
    expect(outcome.sheetName).toBe("季报2018Q4");
    expect(outcome.asOf).toBe(day("2018-12-31"));
    const sheet = book.sheet("季报2018Q4")!;
    expect(book.activeSheet).toBe("季报2018Q4");

    // No formula anywhere: a frozen snapshot.
    for (const row of sheet.cells.values()) for (const cell of row.values()) expect(cell.formula).toBeUndefined();
    expect(sheet.cell(1, 0)?.value).toBe("土壤污染防治重点任务督办季度报告（2018年第4季度）");
    const definition = buildQuarterlyReport([], { year: 2018, quarter: 4 }, day("2018-12-31"), "", []);
    expect(sheet.cell(2, definition.metaColumns[1])).toMatchObject({ value: serial("2018-12-31"), numberFormat: "yyyy-mm-dd" });
    // The round the report checks, in words (core roundLabel), not a bare deadline.
    expect(sheet.cell(2, definition.metaColumns[3])?.value).toBe("2018年第三季度进展反馈（截止 2018-10-10）");

    // The summary block equals the domain core's summary of the same rows at 2018-12-31.
    const rows = evaluateRows(book.valuesOf(tasks, { r1: 2, r2: 196, c1: 0, c2: TASK_COLUMNS.length - 1 }), day("2018-12-31"), 30);
    const expected = summarizeByDepartment(rows);
    const summaryRows = [...expected.departments, expected.total].map((d) => summaryRow(d));
    // Each block on the sheet's grid of columns (core/report.ts): a block column starts at its grid column and spans merged cells.
    const [summaryBlock, overdueBlock] = buildQuarterlyReport(rows, { year: 2018, quarter: 4 }, day("2018-12-31"), "", []).blocks;
    const lastColumn = summaryBlock.columns[8] + summaryBlock.spans[8] - 1;
    const read = book.valuesOf(sheet, { r1: 6, r2: 5 + summaryRows.length, c1: 0, c2: lastColumn }).map((r) => summaryBlock.columns.map((c) => r[c]));
    expect(read).toEqual(summaryRows);
    expect(sheet.merges).toContain(`A6:${columnLetter(summaryBlock.spans[0] - 1)}6`);
    expect(sheet.cell(5 + summaryRows.length, 0)?.value).toBe("合计");

    // Overdue block: one row per overdue requirement with its days overdue.
    const overdue = rows.filter((r) => r.status === "已逾期");
    expect(outcome.overdue).toBe(overdue.length);
    const titleRow = [...sheet.cells.keys()].find((r) => String(sheet.cell(r, 0)?.value ?? "").startsWith("二、已逾期"))!;
    expect(sheet.cell(titleRow, 0)?.value).toBe(`二、已逾期的工作要求（${overdue.length} 条）`);
    expect(sheet.cell(titleRow + 2, 0)?.value).toBe(overdue[0].id);
    expect(sheet.cell(titleRow + 2, overdueBlock.columns[5])?.value).toBe(-overdue[0].daysLeft!);
    expect(sheet.cell(titleRow + 2, 1)?.numberFormat).toBe("@");
    const lateTitle = [...sheet.cells.keys()].find((r) => String(sheet.cell(r, 0)?.value ?? "").startsWith("三、季度反馈逾期"))!;
    expect(sheet.cell(lateTitle, 0)?.value).toBe(`三、季度反馈逾期（${rows.filter((r) => r.feedbackLate).length} 条）`);

    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      setPrintTitleRows: "$1:$2",
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      "headersFooters.defaultForAllPages.centerFooter": "&A　第 &P 页，共 &N 页",
    });
    expect(sheet.pageLayout.setPrintArea).toBe(`A:${columnLetter(definition.lastColumn)}`);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].type).toBe("BarStacked");
    expect(sheet.charts[0].series.map((s) => s.name)).toEqual(["已完成", "已逾期", "临期", "按期推进", "持续推进"]);
    const overdueColumn = columnLetter(summaryBlock.columns[3]);
    expect(sheet.charts[0].series[1].values).toBe(`${overdueColumn}6:${overdueColumn}${5 + expected.departments.length}`);
    expect(sheet.charts[0].series[1].xValues).toBe(`A6:A${5 + expected.departments.length}`);

    // A second report of the same quarter keeps the first.
    const again = await actions.writeQuarterlyReport({ year: 2018, quarter: 4 });
    expect(again.sheetName).toBe("季报2018Q4(2)");
    expect(book.sheet("季报2018Q4")).toBeDefined();
  });

  test("the running quarter uses the workbook's as-of date; a quarter not yet begun is refused in Chinese", async () => {
    const { actions } = await populated("2019-02-15");
    expect((await actions.writeQuarterlyReport({ year: 2019, quarter: 1 })).asOf).toBe(day("2019-02-15"));
    await expect(actions.writeQuarterlyReport({ year: 2019, quarter: 2 })).rejects.toThrow("2019年第2季度尚未开始");
  });

  test("a page setting Excel refuses leaves the report's data and chart written, and says what to set by hand", async () => {
    const { book, actions } = await populated("2019-01-20", { refuse: (c) => (c.member === "zoom" ? "InvalidArgument" : undefined) });
    const outcome = await actions.writeQuarterlyReport({ year: 2018, quarter: 4 });
    expect(outcome.notices.join()).toContain("Excel 未接受工作表的字体或页面设置");
    const sheet = book.sheet("季报2018Q4")!;
    expect(sheet.cell(1, 0)?.value).toContain("季度报告");
    expect(sheet.charts).toHaveLength(1);
  });

  test("Office 2019 (ExcelApi 1.7): the report is written without page layout, and says so", async () => {
    const { book, actions } = await populated("2019-01-20", { apiVersion: "1.7" });
    const outcome = await actions.writeQuarterlyReport({ year: 2018, quarter: 4 });
    expect(outcome.notices.join()).toContain("需 ExcelApi 1.9");
    expect(book.sheet("季报2018Q4")!.charts).toHaveLength(1);
  });
});

describe("protection", () => {
  test("structure and computed columns locked, department columns editable, 延期审批 and the header locked; the password is Excel's", async () => {
    const { book, actions, tasks } = await populated("2019-01-05");
    const outcome = await actions.protectTaskSheet({ password: "soil2019" });
    expect(outcome.editableColumns).toBe("H:N");
    expect(tasks.protected).toBe(true);
    expect(tasks.protectionOptions).toMatchObject({ allowAutoFilter: true, allowInsertRows: false, allowDeleteRows: false });
    for (const c of TASK_COLUMNS) {
      const editable = c.editedBy === "department";
      expect([c.header, tasks.isLocked(5, col(c.key))]).toEqual([c.header, !editable]);
    }
    expect(tasks.isLocked(1, col("notes"))).toBe(true);
    // What Excel would allow: a department's progress text, not its 工作要求 or the office's 延期审批.
    await book.run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.tasks).getRange("I5").values = [["已部署"]];
      await context.sync();
    });
    expect(tasks.cell(5, col("notes"))?.value).toBe("已部署");
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem(SHEETS.tasks).getRange("D5").values = [["改写"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    // The pane still reads the board and the round on the protected sheet.
    expect((await actions.readStatusBoard()).rows).toHaveLength(195);
    await expect(actions.protectTaskSheet({ password: "" })).rejects.toThrow("已处于保护状态");
    await expect(actions.unprotectTaskSheet("wrong")).rejects.toThrow("保护密码不正确");
    await actions.unprotectTaskSheet("soil2019");
    expect(tasks.protected).toBe(false);
  });

  test("Excel on the web: one editable range per department over exactly its rows, each with its own password", async () => {
    const { actions, tasks } = await populated("2019-01-05", { online: true });
    const outcome = await actions.protectTaskSheet({ password: "office", departmentPasswords: { 市农牧局: "nm-1", 市林业局: "ly-2" } });
    expect(outcome.editableColumns).toBeNull();
    expect(tasks.allowEditRanges.map((r) => [r.title, r.password])).toEqual([
      ["市农牧局", "nm-1"],
      ["市林业局", "ly-2"],
    ]);
    const rowsIn = (address: string) =>
      address.split(",").flatMap((part) => {
        const [, a, b] = /^H(\d+):N(\d+)$/.exec(part)!;
        return Array.from({ length: Number(b) - Number(a) + 1 }, (_, i) => Number(a) + i);
      });
    const agricultureRows = idsOf(tasks, "市农牧局").map((id) => rowOf(tasks, id));
    expect(rowsIn(tasks.allowEditRanges[0].address)).toEqual(agricultureRows);
    expect(outcome.departmentRanges[0]).toMatchObject({ department: "市农牧局", rows: 44 });
    // Department columns are locked for everyone else.
    expect(tasks.isLocked(agricultureRows[0], col("notes"))).toBe(true);
  });

  test("ExcelApiOnline reported but the Office.js in use has no AllowEditRange (the npm package): refused in Chinese, plain protection still works", async () => {
    const { actions, tasks } = await populated("2019-01-05", { online: true, officeJsWithout: ["allowEditRanges", "namedSheetViews"] });
    await expect(actions.protectTaskSheet({ password: "", departmentPasswords: { 市农牧局: "x" } })).rejects.toThrow("AllowEditRange");
    expect(tasks.protected).toBe(false);
    await actions.protectTaskSheet({ password: "" });
    expect(tasks.protected).toBe(true);
    // No sheet view object either: the department filter stays in the pane.
    await expect(actions.filterByDepartment("市农牧局")).resolves.toBe("pane");
  });

  test("Excel desktop: per-department ranges are refused with the desktop alternative named", async () => {
    const { actions } = await populated("2019-01-05");
    await expect(actions.protectTaskSheet({ password: "", departmentPasswords: { 市农牧局: "x" } })).rejects.toThrow("按单位导出文件");
  });
});

describe("extension requests", () => {
  async function withRequest(asked: string, to: string, reason: string) {
    const setup = await populated("2018-11-20");
    const row = rowOf(setup.tasks, "1.1");
    setup.tasks.ensure(row, col("extensionTo")).value = serial(to);
    setup.tasks.ensure(row, col("extensionReason")).value = reason;
    setup.tasks.ensure(row, col("extensionAsked")).value = serial(asked);
    setup.tasks.ensure(row, col("extensionDecision")).value = "待审批";
    return { ...setup, row };
  }

  test("approved: 延期审批 written under protection, the new deadline drives 到期状态 and 剩余天数, the original stays", async () => {
    const { book, actions, tasks, row } = await withRequest("2018-11-15", "2019-06-30", "需等待省级技术规范发布");
    await actions.setAsOf(day("2019-01-20"));
    expect(book.valueAt(tasks, row, col("dueStatus"))).toBe("已逾期");
    const requests = await actions.readExtensionRequests();
    expect(requests[0]).toMatchObject({ id: "1.1", pending: true, problems: [], originalDue: day("2018-12-31"), extensionTo: day("2019-06-30") });

    await actions.protectTaskSheet({ password: "pw" });
    await expect(actions.decideExtension("1.1", "同意", "nope")).rejects.toThrow("保护密码不正确");
    expect(tasks.protected).toBe(true);
    const before = book.calls.length;
    const after = await actions.decideExtension("1.1", "同意", "pw");
    // While departments edit, the sheet is unprotected for one request only: unprotect, write and protect are sent together.
    const batchOf = (member: string) => book.calls.slice(before).filter((c) => c.member === member).map((c) => c.batch);
    const [lifted] = batchOf("protection.unprotect");
    expect(batchOf("protection.protect")).toEqual([lifted]);
    expect(book.calls.slice(before).filter((c) => c.member === "values" && JSON.stringify(c.args).includes("同意")).map((c) => c.batch)).toEqual([lifted]);
    expect(after[0]).toMatchObject({ id: "1.1", pending: false, approved: true });
    expect(tasks.protected).toBe(true);
    expect(tasks.password).toBe("pw");
    expect(tasks.cell(row, col("extensionDecision"))?.value).toBe("同意");
    // The approved request is fixed under protection; other rows' requests stay open to their departments.
    expect([col("extensionTo"), col("extensionReason"), col("extensionAsked")].map((c) => tasks.isLocked(row, c))).toEqual([true, true, true]);
    expect(tasks.isLocked(row + 1, col("extensionTo"))).toBe(false);
    expect(tasks.cell(row, col("dueDate"))?.value).toBe(serial("2018-12-31"));
    expect(book.valueAt(tasks, row, col("dueStatus"))).toBe("按期推进");
    expect(book.valueAt(tasks, row, col("daysLeft"))).toBe(day("2019-06-30") - day("2019-01-20"));
  });

  test("a request made after the deadline, or without a reason, cannot be approved; refusing it is possible", async () => {
    const { actions, tasks, row } = await withRequest("2019-01-02", "2019-06-30", "");
    const [request] = await actions.readExtensionRequests();
    expect(request.problems).toEqual(["未填写延期理由", "申请于 2019-01-02 提出，已过原截止日期 2018-12-31（应在截止日期前申请）"]);
    await expect(actions.decideExtension("1.1", "同意", "")).rejects.toThrow("不能批准");
    expect(tasks.cell(row, col("extensionDecision"))?.value).toBe("待审批");
    await actions.decideExtension("1.1", "不同意", "");
    expect(tasks.cell(row, col("extensionDecision"))?.value).toBe("不同意");
  });
});

describe("reading the table for the quarter's work", () => {
  test("one unreadable cell does not hide the row: still overdue, still reported, its request listed with the problem", async () => {
    const { actions, tasks } = await populated("2019-01-20");
    const row = rowOf(tasks, "1.1");
    tasks.ensure(row, col("lastFeedback")).value = serial("2019-01-08");
    tasks.ensure(row, col("extensionTo")).value = "明年6月";
    const requests = await actions.readExtensionRequests();
    expect(requests.find((r) => r.id === "1.1")).toMatchObject({ pending: true, extensionTo: null, extensionReason: "（申请延期至“明年6月”不是日期）" });
    const progress = await actions.readFeedbackRound();
    expect(progress.missingRows.map((r) => r.id)).not.toContain("1.1");
    const outcome = await actions.writeQuarterlyReport({ year: 2019, quarter: 1 });
    expect(outcome.notices.join()).toContain("1 行有无法识别的单元格（如 1.1");
  });

  test("a workbook of another layout (an older SOIL) is neither read nor written by the quarter's work", async () => {
    const { actions, tasks } = await populated("2019-01-20");
    tasks.ensure(1, col("extensionTo")).value = "到期状态";
    await expect(actions.readFeedbackRound()).rejects.toThrow("表头与 SOIL 版式不一致（第 12 列应为“申请延期至”");
    await expect(actions.decideExtension("1.1", "不同意", "")).rejects.toThrow("表头与 SOIL 版式不一致");
    await expect(actions.protectTaskSheet({ password: "" })).rejects.toThrow("表头与 SOIL 版式不一致");
    expect(tasks.protected).toBe(false);
  });
});

describe("change log", () => {
  test.each(["1.17", "1.9"])("a department's edits are logged with old and new values; 最近反馈日期 follows the progress text; remote edits are not logged twice (ExcelApi %s)", async (apiVersion) => {
    // Before ExcelApi 1.14 events carry no triggerSource: the cells SOIL fills are recognised by address.
    const { book, features, tasks } = await populated("2019-01-05", { apiVersion });
    const problems: string[] = [];
    const log = (await startChangeLog(book.run, features, clock, (m) => problems.push(m)))!;
    const row = rowOf(tasks, "2.1");

    await book.typeInto(SHEETS.tasks, `I${row}`, [["已完成排查，形成清单"]]);
    await log.idle();
    await book.settleEvents();
    await log.idle();
    await book.typeInto(SHEETS.tasks, `H${row}`, [["推进中"]]);
    await book.typeInto(SHEETS.tasks, `I${row + 1}`, [["同事在网页版中的修改"]], "Remote");
    // Edits outside the logged columns (a note typed into 工作要求 by the office) are not logged.
    await book.typeInto(SHEETS.tasks, `D${row}`, [["改写"]]);
    await log.idle();
    await book.settleEvents();
    await log.idle();

    expect(problems).toEqual([]);
    const sheet = book.sheet(CHANGE_LOG_SHEET)!;
    const lines = book.valuesOf(sheet, { r1: 1, r2: sheet.lastRow(), c1: 0, c2: 5 });
    expect(lines[0]).toEqual([...CHANGE_LOG_HEADERS]);
    // Set up for printing once, when SOIL created it (page layout: ExcelApi 1.9).
    expect(sheet.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Landscape", setPrintTitleRows: "$1:$1", setPrintArea: "A:F" });
    const time = serialFromDay(day("2019-01-15")) + (9 * 3600 + 30 * 60) / 86400;
    expect(lines.slice(1)).toEqual([
      [time, "2.1", "进展情况", "", "已完成排查，形成清单", ""],
      [time, "2.1", "最近反馈日期", "", serial("2019-01-15"), "进展情况已更新，SOIL 自动填写"],
      [time, "2.1", "状态", "未启动", "推进中", ""],
    ]);
    expect(isoFromSerial(tasks.cell(row, col("lastFeedback"))!.value as number)).toBe("2019-01-15");
    expect(sheet.cell(3, 4)?.numberFormat).toBe("yyyy-mm-dd");
    expect(sheet.cell(2, 4)?.numberFormat).toBe("@");
    await log.stop();
    expect(tasks.changeHandlers).toHaveLength(0);
  });

  test.each(["1.17", "1.9"])("on a protected sheet, asking for an extension fills 申请日期 (延期审批 blank = pending, locked); a paste logs each cell (ExcelApi %s)", async (apiVersion) => {
    const { book, features, actions, tasks } = await populated("2019-01-05", { apiVersion });
    const problems: string[] = [];
    const log = (await startChangeLog(book.run, features, clock, (m) => problems.push(m)))!;
    await actions.protectTaskSheet({ password: "" });
    const row = rowOf(tasks, "3.1");
    await book.typeInto(SHEETS.tasks, `L${row}`, [[serial("2019-09-30")]]);
    await log.idle();
    await book.settleEvents();
    await log.idle();
    expect(problems).toEqual([]);
    expect(tasks.cell(row, col("extensionAsked"))?.value).toBe(serial("2019-01-15"));
    expect(tasks.cell(row, col("extensionDecision"))?.value ?? null).toBeNull();
    const requests = await actions.readExtensionRequests();
    expect(requests.find((r) => r.id === "3.1")).toMatchObject({ pending: true, extensionTo: day("2019-09-30") });
    const sheet = book.sheet(CHANGE_LOG_SHEET)!;
    expect(book.valuesOf(sheet, { r1: 2, r2: sheet.lastRow(), c1: 1, c2: 5 })).toEqual([
      ["3.1", "申请延期至", "", serial("2019-09-30"), ""],
      ["3.1", "申请日期", "", serial("2019-01-15"), "提出延期申请，SOIL 自动填写"],
    ]);

    await book.typeInto(SHEETS.tasks, `H2:H4`, [["推进中"], ["推进中"], ["已完成"]]);
    await log.idle();
    const lines = book.valuesOf(sheet, { r1: 2, r2: sheet.lastRow(), c1: 1, c2: 4 });
    expect(lines.slice(-3)).toEqual([
      ["1.1", "状态", "（未提供）", "推进中"],
      ["1.2", "状态", "（未提供）", "推进中"],
      ["1.3", "状态", "（未提供）", "已完成"],
    ]);
    await log.stop();
  });

  test("a fill Excel refuses is neither written nor claimed in the log, and the pane hears why", async () => {
    const { book, features, actions, tasks } = await populated("2019-01-05", { online: true });
    // Per-department protection: department columns locked outside each department's range.
    await actions.protectTaskSheet({ password: "", departmentPasswords: { 市农牧局: "" } });
    const problems: string[] = [];
    const log = (await startChangeLog(book.run, features, clock, (m) => problems.push(m)))!;
    const row = rowOf(tasks, "1.1");
    await book.typeInto(SHEETS.tasks, `I${row}`, [["已部署"]]);
    await log.idle();
    expect(problems).toEqual([expect.stringContaining(`SOIL 未能自动填写 J${row}`)]);
    expect(tasks.cell(row, col("lastFeedback"))?.value ?? null).toBeNull();
    const sheet = book.sheet(CHANGE_LOG_SHEET)!;
    expect(book.valuesOf(sheet, { r1: 2, r2: sheet.lastRow(), c1: 1, c2: 2 })).toEqual([["1.1", "进展情况"]]);
    await log.stop();
  });

  test("no change events before ExcelApi 1.7: no log, nothing registered", async () => {
    const { book } = await populated("2019-01-05", { apiVersion: "1.6" });
    expect(await startChangeLog(book.run, detectFeatures(book.isSetSupported), clock, () => undefined)).toBeNull();
  });
});
