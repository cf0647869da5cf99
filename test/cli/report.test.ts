/** `soil report`: the quarterly report of a filled-in master workbook, and the user's mistakes in Chinese. */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { dayFromIso } from "../../src/core";
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
