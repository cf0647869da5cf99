/**
 * Another office's table through the pane's Excel actions (the Excel double): 类别 and the kept columns
 * go into SoilTasks after SOIL's own 20 columns as text; a re-import keeps the table that wide.
 */
import { readFileSync } from "fs";
import path from "path";
import { dayFromIso, parseTable, SHEETS, TASK_COLUMNS, TASK_HEADERS, TASK_TABLE } from "../../src/core";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { FakeWorkbook } from "../doubles/fakeExcel";
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
