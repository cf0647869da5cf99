/** `soil report`: the quarterly report of a filled-in master workbook, and the user's mistakes in Chinese. */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { dayFromIso, GUIDE_CELLS, SHEETS } from "../../src/core";
import { evaluateRows } from "../../src/functions/evaluateRows";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { readMasterWorkbook } from "../../src/xlsx/readWorkbook";
import { sampleInputs, typeInputs } from "../xlsx/departmentInput";
import { readTable, SEED_FILE } from "../xlsx/seedTable";
import { runCapturing } from "./runCapturing";

let dir: string;
let master: string;

const run = runCapturing;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "soil-report-cli-"));
  master = path.join(dir, "主表.xlsx");
  const table = readTable(SEED_FILE);
  const workbook = buildWorkbook(table, { asOf: null });
  typeInputs(workbook, sampleInputs(table));
  await workbook.xlsx.writeFile(master);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the report of 2018Q4 from a filled-in master: the counts the core computes at 2018-12-31, printable", async () => {
  const out = path.join(dir, "季报.xlsx");
  const { code, out: printed, err } = await run("report", master, "--quarter", "2018q4", "--as-of", "2019-02-01", "--out", out);
  expect(err).toBe("");
  expect(code).toBe(0);
  const { table } = await readMasterWorkbook(readFileSync(master));
  const rows = evaluateRows(table.rows, dayFromIso("2018-12-31")!, 30);
  const overdue = rows.filter((r) => r.status === "已逾期").length;
  const late = rows.filter((r) => r.feedbackLate).length;
  expect(overdue).toBeGreaterThan(0);
  expect(printed).toContain(`2018年第4季度报告（统计日期 2018-12-31）：`);
  expect(printed).toContain(`逾期 ${overdue} 条，反馈逾期 ${late} 条`);

  const report = new ExcelJS.Workbook();
  await report.xlsx.readFile(out);
  const sheet = report.getWorksheet("季报2018Q4")!;
  expect(sheet.getCell("A1").value).toBe("土壤污染防治重点任务督办季度报告（2018年第4季度）");
  expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1, printTitlesRow: "1:2" });
  const titles: string[] = [];
  sheet.eachRow((row) => {
    const v = row.getCell(1).value;
    if (typeof v === "string" && /^[一二三]、/.test(v)) titles.push(v);
  });
  expect(titles).toEqual([expect.stringMatching(/^一、各责任单位完成情况/), `二、已逾期的工作要求（${overdue} 条）`, `三、季度反馈逾期（${late} 条）`]);
});

/** The value right of the 反馈轮次 label in row 2 of a report sheet. */
function roundCell(sheet: ExcelJS.Worksheet): unknown {
  const row = sheet.getRow(2);
  for (let c = 1; c <= 30; c++) {
    if (row.getCell(c).value !== "反馈轮次") continue;
    // A merged label repeats its value in the cells it spans (exceljs).
    for (let d = c + 1; d <= 30; d++) if (row.getCell(d).value && row.getCell(d).value !== "反馈轮次") return row.getCell(d).value;
  }
  return undefined;
}

test("the report follows the master's 督办规则 (说明!B7:B8): monthly by the 28th names that round and counts late feedback by it", async () => {
  const monthly = path.join(dir, "主表-每月.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(master);
  const guide = book.getWorksheet(SHEETS.guide)!;
  guide.getCell(GUIDE_CELLS.cadence.address).value = "每月";
  guide.getCell(GUIDE_CELLS.reportDay.address).value = 28;
  await book.xlsx.writeFile(monthly);
  const out = path.join(dir, "季报-每月.xlsx");
  const { code, out: printed } = await run("report", monthly, "--quarter", "2019Q1", "--as-of", "2019-03-30", "--out", out);
  expect(code).toBe(0);
  const { table } = await readMasterWorkbook(readFileSync(monthly));
  const asOf = dayFromIso("2019-03-30")!;
  const late = evaluateRows(table.rows, asOf, 30, { cadence: "monthly", day: 28 }).filter((r) => r.feedbackLate).length;
  // The default cadence would count otherwise: the test tells the two apart.
  expect(evaluateRows(table.rows, asOf, 30).filter((r) => r.feedbackLate).length).not.toBe(late);
  expect(printed).toContain(`反馈逾期 ${late} 条`);
  const report = new ExcelJS.Workbook();
  await report.xlsx.readFile(out);
  const sheet = report.getWorksheet("季报2019Q1")!;
  expect(roundCell(sheet)).toBe("每月28日前反馈：本季度截止 2019-01-28、2019-02-28、2019-03-28");
  const titles: unknown[] = [];
  sheet.eachRow((row) => titles.push(row.getCell(1).value));
  expect(titles).toContain(`三、反馈逾期（${late} 条）`);
  // The bundled quarterly rule as before.
  const quarterly = path.join(dir, "季报-每季度.xlsx");
  expect((await run("report", master, "--quarter", "2019Q1", "--as-of", "2019-03-30", "--out", quarterly)).code).toBe(0);
  const before = new ExcelJS.Workbook();
  await before.xlsx.readFile(quarterly);
  expect(roundCell(before.getWorksheet("季报2019Q1")!)).toBe("2018年第四季度进展反馈（截止 2019-01-10）");
});

test.each([
  [["report"], "请给出一个主表文件"],
  [["report", "MASTER"], "请用 --quarter 指定季度"],
  [["report", "MASTER", "--quarter", "2018Q5"], "“2018Q5”不是季度"],
  [["report", "MASTER", "--quarter", "2019Q2", "--as-of", "2019-01-20"], "2019年第2季度尚未开始"],
  [["report", "MASTER", "--quarter", "2018Q4", "--as-of", "2019-02-30"], "不是有效日期"],
  [["report", "MASTER", "--quarter", "0000Q1"], "0年第1季度不在表格可记录的日期范围内（2000-01-01 至 9999-12-31）"],
  [["report", "MASTER", "--quarter", "1899Q4"], "1899年第4季度不在表格可记录的日期范围内"],
  [["report", "MASTER", "--quarter", "2018Q4", "--as-of", "0018-12-01"], "统计日期的日期 0018-12-01 超出了表格允许的范围"],
  [["workbook", "--as-of", "0018-12-01"], "统计日期的日期 0018-12-01 超出了表格允许的范围"],
  [["export", "MASTER", "--as-of", "1899-12-31"], "统计日期的日期 1899-12-31 超出了表格允许的范围"],
])("%j → %s (exit code 2)", async (argv, message) => {
  const { code, err } = await run(...argv.map((a) => (a === "MASTER" ? master : a)));
  expect(code).toBe(2);
  expect(err).toContain(message);
});
