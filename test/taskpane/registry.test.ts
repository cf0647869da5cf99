/**
 * The registry through the pane over the Excel double (issue #13): a county's table populated with its own
 * registry; the renaming preset moving a filled-in workbook by re-import (typed cells kept, every renamed row
 * reported, 单位名录 moved to the new names with what the office added kept).
 */
import { columnIndex, dayFromIso, isoFromSerial, parseTable, registryPreset, REGISTRY_TABLE, serialFromDay, SHEETS, TABLE_HEADERS } from "../../src/core";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { FakeWorkbook, SheetModel } from "../doubles/fakeExcel";
import { seedText } from "../doubles/seedVariants";
import { soilEvaluator } from "../doubles/soilEvaluator";

const AS_OF = dayFromIso("2019-06-20")!;
const REFORM = registryPreset("reform-2019")!.registry;

function setup() {
  const book = new FakeWorkbook({ evaluator: soilEvaluator, apiVersion: "1.17" });
  return { book, actions: createExcelActions(book.run, detectFeatures(book.isSetSupported)) };
}

function registryNames(book: FakeWorkbook): string[] {
  const sheet = book.sheet(SHEETS.registry)!;
  const box = book.table(REGISTRY_TABLE)!.box;
  return Array.from({ length: box.r2 - box.r1 }, (_, i) => String(sheet.cell(box.r1 + 1 + i, 0)?.value ?? ""));
}

function rowOf(tasks: SheetModel, id: string): number {
  for (let r = 2; r <= 400; r++) if (tasks.cell(r, 0)?.value === id) return r;
  throw new Error(id);
}

test("a county's table with no known body: populated with its own registry, 单位名录 lists its bodies", async () => {
  const county = [
    TABLE_HEADERS.join("\t"),
    ...["县环境保护局", "县农业农村局", "县自然资源局", "县住房城乡建设局", "县水利局", "县财政局"].map((body, i) =>
      [String(i + 1), body, "", `（${"一二三四五六"[i]}）任务。`, `要求${i + 1}。`, i === 0 ? "县环保局" : body, "2020年底"].join("\t"),
    ),
  ].join("\n");
  const table = parseTable(county);
  expect(table.registry!.label).toBe("本表");
  const { book, actions } = setup();
  await expect(actions.populate(table, AS_OF)).resolves.toMatchObject({ kind: "created", rows: 6 });
  expect(registryNames(book)).toEqual(["县环境保护局", "县农业农村局", "县自然资源局", "县住房城乡建设局", "县水利局", "县财政局"]);
  expect(book.sheet(SHEETS.registry)!.cell(2, 1)?.value).toBe("县环保局");
  // The 责任单位 written is the canonical name (the shortening proven by the table).
  expect(book.sheet(SHEETS.tasks)!.cell(2, columnIndex("responsible"))?.value).toBe("县环境保护局");
});

test("the 2018–19 renaming preset moves a filled-in workbook: typed cells kept, every renamed row reported, 单位名录 renamed", async () => {
  const { book, actions } = setup();
  await actions.populate(parseTable(seedText()), AS_OF);
  const tasks = book.sheet(SHEETS.tasks)!;
  tasks.ensure(rowOf(tasks, "1.1"), columnIndex("notes")).value = "已完成详查布点。";
  tasks.ensure(rowOf(tasks, "1.1"), columnIndex("progress")).value = "推进中";
  // The office added a body of its own below the registry table.
  const registry = book.sheet(SHEETS.registry)!;
  const below = book.table(REGISTRY_TABLE)!.box.r2 + 1;
  registry.ensure(below, 0).value = "市气象局";
  registry.ensure(below, 1).value = "气象局";

  const outcome = await actions.reimport(parseTable(seedText(), { registry: REFORM }), AS_OF);
  const renamed = outcome.report.responsibleChanged;
  expect(renamed[0]).toEqual({ id: "1.1", before: "市环境保护局", after: "市生态环境局" });
  expect(renamed.length).toBeGreaterThan(100);
  expect(outcome.report.textChanged).toEqual([]);
  expect(outcome.report.added).toEqual([]);
  expect(outcome.report.archived).toEqual([]);
  // What the department typed is untouched.
  expect(tasks.cell(rowOf(tasks, "1.1"), columnIndex("notes"))?.value).toBe("已完成详查布点。");
  expect(tasks.cell(rowOf(tasks, "1.1"), columnIndex("progress"))?.value).toBe("推进中");
  expect(tasks.cell(rowOf(tasks, "1.1"), columnIndex("responsible"))?.value).toBe("市生态环境局");
  // Every row whose 责任单位 changed is listed, and no other.
  let changedRows = 0;
  for (let r = 2; tasks.cell(r, 0)?.value; r++) if (/市生态环境局|市农业农村局|市自然资源和规划局|市应急管理局|市市场监督管理局/.test(String(tasks.cell(r, columnIndex("responsible"))?.value))) changedRows++;
  expect(renamed.length).toBeGreaterThanOrEqual(changedRows);
  const names = registryNames(book);
  expect(names[0]).toBe("市生态环境局");
  expect(names).not.toContain("市环境保护局");
  expect(names).toContain("市气象局"); // what the office added is kept
});

test("an alias holds in one workbook's 单位名录 and not another's: the board groups a retyped 市农业局 by the workbook's registry", async () => {
  const table = [
    TABLE_HEADERS.join("\t"),
    ["1", "市农业局", "", "（一）甲。", "要求甲。", "市农业局", "2020年底"].join("\t"),
    ["2", "市畜牧局", "", "（二）乙。", "要求乙。", "市畜牧局", "2020年底"].join("\t"),
  ].join("\n");
  // The city's registry lists 市畜牧局 first: the board and the report follow the registry, not the table.
  const ownCity = { label: "某市", entries: [{ name: "市畜牧局", aliases: [] }, { name: "市农业局", aliases: [] }] };
  const city = setup();
  await city.actions.populate(parseTable(table, { registry: ownCity }), AS_OF);
  expect((await city.actions.readStatusBoard()).departments).toEqual(["市畜牧局", "市农业局"]);
  const report = await city.actions.writeQuarterlyReport({ year: 2019, quarter: 2 });
  const sheet = city.book.sheet(report.sheetName)!;
  const names: string[] = [];
  for (let r = 1; r <= 40; r++) for (let c = 0; c < 2; c++) if (/^市(农业|畜牧)局$/.test(String(sheet.cell(r, c)?.value ?? ""))) names.push(String(sheet.cell(r, c)!.value));
  expect(names.slice(0, 2)).toEqual(["市畜牧局", "市农业局"]);

  // The same cells in a Handan workbook: 市农业局 is an alias of 市农牧局 there.
  const handan = setup();
  await handan.actions.populate(parseTable(seedText()), AS_OF);
  const tasks = handan.book.sheet(SHEETS.tasks)!;
  tasks.ensure(rowOf(tasks, "1.1"), columnIndex("responsible")).value = "市农业局";
  const board = await handan.actions.readStatusBoard();
  expect(board.rows.find((r) => r.id === "1.1")!.responsible).toEqual(["市农牧局"]);
  expect(board.departments).not.toContain("市农业局");
});

test("the add-in's formulas pass 说明's cadence cells and the 单位名录: a monthly cadence by the 28th computes in the sheet", async () => {
  const { book, actions } = setup();
  await actions.populate(parseTable(seedText()), dayFromIso("2019-03-29")!);
  const tasks = book.sheet(SHEETS.tasks)!;
  const guide = book.sheet(SHEETS.guide)!;
  const r = rowOf(tasks, "1.2");
  tasks.ensure(r, columnIndex("progress")).value = "推进中";
  tasks.ensure(r, columnIndex("lastFeedback")).value = serialFromDay(dayFromIso("2019-02-27")!);
  book.touched(); // cells typed straight into the model: results computed again, as Excel would
  // Quarterly by the 10th: a report of 27 February is the first quarter's.
  expect(book.valueAt(tasks, r, columnIndex("feedbackLate"))).toBe(false);
  expect(isoFromSerial(book.valueAt(guide, 3, 1) as number)).toBe("2019-04-10");
  guide.ensure(7, 1).value = "每月";
  guide.ensure(8, 1).value = 28;
  book.touched();
  expect(book.valueAt(tasks, r, columnIndex("feedbackLate"))).toBe(true);
  expect(isoFromSerial(book.valueAt(guide, 3, 1) as number)).toBe("2019-04-28");
  // 部门汇总 spills with the workbook's registry: a body typed into 单位名录 is used as soon as it is there.
  const summary = book.sheet(SHEETS.summary)!;
  expect(String(summary.cell(1, 0)?.formula)).toContain("SoilRegistry[#All]");
});

test("the workbook's 单位名录 with the office's edits is the registry a table is read again with", async () => {
  const { book, actions } = setup();
  await expect(actions.readWorkbookRegistry()).resolves.toBeNull(); // nothing populated yet
  await actions.populate(parseTable(seedText()), AS_OF);
  // The office adds an alias in the sheet: 环保部门 is 市环境保护局 in this workbook.
  const sheet = book.sheet(SHEETS.registry)!;
  expect(sheet.cell(2, 0)?.value).toBe("市环境保护局");
  sheet.ensure(2, 1).value = `${sheet.cell(2, 1)?.value}、环保部门`;
  const registry = (await actions.readWorkbookRegistry())!;
  expect(registry.entries).toHaveLength(39);
  const table = [TABLE_HEADERS.join("\t"), ["1", "环保部门", "", "（一）甲。", "要求。", "环保部门、市农业局", "2020年底"].join("\t")].join("\n");
  expect(parseTable(table, { registry }).tasks[0].requirements[0].responsible).toEqual(["市环境保护局", "市农牧局"]);
});
