/**
 * Another office's table through the pane's Excel actions (the Excel double): 类别 and the kept columns
 * go into SoilTasks after SOIL's own 21 columns as text; a re-import keeps the table that wide.
 */
import { readFileSync } from "fs";
import path from "path";
import { dayFromIso, parseTable, SHEETS, TASK_COLUMNS, TASK_HEADERS, TASK_TABLE } from "../../src/core";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { FakeWorkbook, SheetModel } from "../doubles/fakeExcel";
import { asWrittenBeforePartners } from "../doubles/olderLayout";
import { soilEvaluator } from "../doubles/soilEvaluator";

const AS_OF = dayFromIso("2019-06-20")!;
const SECTIONS = readFileSync(path.resolve(__dirname, "../fixtures/tables/sections.txt"), "utf8");
const WITH_NOTE = SECTIONS.replace("完成时间\n", "完成时间\t备注\n").replace("2018年底前完成\n", "2018年底前完成\t=HYPERLINK(\"x\")\n");

describe("pane: the source table's own columns after SOIL's", () => {
  test("populate writes 类别 and 备注 inside SoilTasks, as text; re-import keeps the width", async () => {
    const book = new FakeWorkbook({ evaluator: soilEvaluator, apiVersion: "1.17" });
    const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
    const table = parseTable(WITH_NOTE);
    expect(table.extraColumns).toEqual(["备注"]);
    await actions.populate(table, AS_OF);
    const tasks = book.sheet(SHEETS.tasks)!;
    const width = TASK_COLUMNS.length;
    expect(book.table(TASK_TABLE)!.box).toEqual({ r1: 1, c1: 0, r2: 5, c2: width + 1 });
    expect(book.valuesOf(tasks, { r1: 1, r2: 1, c1: 0, c2: width + 1 })[0]).toEqual([...TASK_HEADERS, "类别", "备注"]);
    expect(book.valuesOf(tasks, { r1: 2, r2: 5, c1: width, c2: width + 1 })).toEqual([
      ["一、基础能力建设 / （一）调查监测", "=HYPERLINK(\"x\")"],
      ["一、基础能力建设 / （一）调查监测", ""],
      ["二、风险管控", ""],
      ["二、风险管控", ""],
    ]);
    // Text, never a formula.
    expect(tasks.cell(2, width + 1)?.formula ?? "").not.toMatch(/^=HYPERLINK/);
    expect(tasks.cell(2, width + 1)?.numberFormat).toBe("@");

    const longer = WITH_NOTE + "5\t分类管理\t新增一项要求。\t市农牧局\t2019年底\n";
    await actions.reimport(parseTable(longer), AS_OF);
    expect(book.table(TASK_TABLE)!.box).toEqual({ r1: 1, c1: 0, r2: 6, c2: width + 1 });
    expect(tasks.cell(6, 0)?.value).toBe("5.1");
  });
});

/** WITH_NOTE with a 配合单位 column (SOIL's 参与部门) at the end. */
const WITH_PARTNERS = WITH_NOTE.replace("完成时间\t备注\n", "完成时间\t备注\t配合单位\n")
  .replace("2018年底前完成\t=HYPERLINK(\"x\")\n", "2018年底前完成\t=HYPERLINK(\"x\")\t市财政局\n")
  .replace("2020年年底前完成\n", "2020年年底前完成\t\t市农牧局、市林业局\n");
const PARTNERS = TASK_COLUMNS.findIndex((c) => c.key === "partners");

describe("pane: 参与部门 (issue #13) in a current and in an older workbook", () => {
  async function populated() {
    const book = new FakeWorkbook({ evaluator: soilEvaluator, apiVersion: "1.17" });
    const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
    const table = parseTable(WITH_PARTNERS);
    expect(table.tasks.map((t) => t.partners)).toEqual([["市财政局"], ["市农牧局", "市林业局"], [], []]);
    await actions.populate(table, AS_OF);
    return { book, actions, tasks: book.sheet(SHEETS.tasks)! };
  }
  const column = (tasks: SheetModel, c: number) => [2, 3, 4, 5, 6].map((r) => tasks.cell(r, c)?.value ?? "");

  test("populate: 参与部门 after 起始日期, then 类别 and 备注; re-import refreshes it and leaves typed cells", async () => {
    const { book, actions, tasks } = await populated();
    expect(book.valuesOf(tasks, { r1: 1, r2: 1, c1: PARTNERS - 1, c2: PARTNERS + 2 })[0]).toEqual(["起始日期", "参与部门", "类别", "备注"]);
    expect(column(tasks, PARTNERS)).toEqual(["市财政局", "市农牧局、市林业局", "", "", ""]);
    expect(tasks.cell(2, PARTNERS)?.numberFormat).toBe("@");
    tasks.ensure(3, TASK_COLUMNS.findIndex((c) => c.key === "notes")).value = "已完成选址";

    const report = (await actions.reimport(parseTable(WITH_PARTNERS.replace("\t市农牧局、市林业局\n", "\t市农牧局\n")), AS_OF)).report;
    expect(report.warnings).toEqual([]);
    expect(report.updated).toBe(1);
    expect(column(tasks, PARTNERS)).toEqual(["市财政局", "市农牧局", "", "", ""]);
    expect(tasks.cell(3, PARTNERS)?.numberFormat).toBe("@");
    expect(tasks.cell(3, TASK_COLUMNS.findIndex((c) => c.key === "notes"))?.value).toBe("已完成选址");
    expect(column(tasks, PARTNERS + 1)[0]).toBe("一、基础能力建设 / （一）调查监测");
  });

  test("re-import into a workbook written before 参与部门: 类别 and 备注 untouched, no 参与部门 written, a warning", async () => {
    const { book, actions, tasks } = await populated();
    asWrittenBeforePartners(book, tasks);
    const headers = book.valuesOf(tasks, { r1: 1, r2: 1, c1: 0, c2: PARTNERS + 1 })[0];
    expect(headers.slice(PARTNERS - 1)).toEqual(["起始日期", "类别", "备注"]);
    const before = [column(tasks, PARTNERS), column(tasks, PARTNERS + 1)];
    expect(before[0].slice(0, 4)).toEqual(["一、基础能力建设 / （一）调查监测", "一、基础能力建设 / （一）调查监测", "二、风险管控", "二、风险管控"]);

    // Other 参与部门 for task 1, and a new requirement (row 6).
    const newer = WITH_PARTNERS.replace("\t市财政局\n", "\t市财政局、市水利局\n") + "5\t分类管理\t新增一项要求。\t市农牧局\t2019年底\t\t市林业局\n";
    const { report } = await actions.reimport(parseTable(newer), AS_OF);
    expect(report.added.map((a) => a.id)).toEqual(["5.1"]);
    expect(report.warnings).toEqual([expect.stringMatching(/没有“参与部门”列.*重新生成/)]);
    expect(book.valuesOf(tasks, { r1: 1, r2: 1, c1: 0, c2: PARTNERS + 2 })[0]).toEqual([...headers, ""]);
    // The kept rows' 类别 and 备注 are as they were; the new row has no 参与部门 in 类别's place.
    expect([column(tasks, PARTNERS).slice(0, 4), column(tasks, PARTNERS + 1).slice(0, 4)]).toEqual([before[0].slice(0, 4), before[1].slice(0, 4)]);
    expect(tasks.cell(6, 0)?.value).toBe("5.1");
    expect(tasks.cell(6, PARTNERS)?.value ?? "").toBe("");
    expect(book.table(TASK_TABLE)!.box).toEqual({ r1: 1, c1: 0, r2: 6, c2: PARTNERS + 1 });
    for (const r of [2, 3, 4, 5, 6]) expect(tasks.cell(r, PARTNERS + 2)?.value ?? "").toBe("");
    // Conditional formats stay on SOIL's columns.
    expect(new Set(tasks.conditionalFormats.map((c) => c.address))).toEqual(new Set([`A2:T6`]));
  });
});
