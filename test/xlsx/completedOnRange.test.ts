/**
 * The workbook (recalculated by LibreOffice) and the quarterly report agree on what a 完成日期 outside the
 * sheet's date range means: serial 0 (1899-12-31, the day before Excel's first) and 1999-12-31 are no
 * completion in either; a real date is one in both (issue #14: the workbook counted serial 0 as 已完成).
 */
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { columnIndex, DATE_FORMAT, dayFromIso, extensionProblems, serialFromDay, SHEETS } from "../../src/core";
import { evaluateRows } from "../../src/functions/evaluateRows";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { readMasterWorkbook } from "../../src/xlsx/readWorkbook";
import { readTable, SEED_FILE } from "./seedTable";
import { computedSheets, recalculatingProfile } from "./soffice";

const AS_OF = dayFromIso("2019-01-10")!;
/** 完成日期 typed into the first rows: serial 0, the last day before the range, a date in it, and one with a time. */
const TYPED = [0, serialFromDay(dayFromIso("1999-12-31")!), serialFromDay(dayFromIso("2018-06-30")!), serialFromDay(AS_OF) + 0.75];

let work: string;
let profile: string;

afterAll(() => {
  for (const dir of [work, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test("到期状态 in LibreOffice equals the report's status on every row, with 完成日期 serial 0 / 1999-12-31 typed", async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "soil-completed-"));
  profile = recalculatingProfile();
  const workbook = buildWorkbook(readTable(SEED_FILE), { asOf: AS_OF });
  const sheet = workbook.getWorksheet(SHEETS.tasks)!;
  TYPED.forEach((value, i) => {
    const cell = sheet.getRow(2 + i).getCell(columnIndex("completedOn") + 1);
    cell.value = value;
    cell.numFmt = DATE_FORMAT;
  });
  const file = path.join(work, "master.xlsx");
  await workbook.xlsx.writeFile(file);

  const calc = computedSheets([file], [SHEETS.tasks], path.join(work, "csv"), profile).get(file)!.get(SHEETS.tasks)!;
  const inWorkbook = calc.slice(1).map((row) => row[columnIndex("dueStatus")]);

  const { table } = await readMasterWorkbook(await workbook.xlsx.writeBuffer());
  const evaluated = evaluateRows(table.rows, AS_OF);
  const inReport = evaluated.map((r) => r.status);

  expect(inWorkbook.slice(0, 4)).toEqual(inReport.slice(0, 4));
  expect(inReport.slice(0, 4).map((s) => s === "已完成")).toEqual([false, false, true, true]);
  expect(evaluated[1].problem).toContain("1999-12-31 超出了表格允许的范围");
  expect(inWorkbook).toEqual(inReport);
}, 120_000);

test("an extension asked on the deadline day at 18:00 (a date-time cell) is on time: the request's day is the deadline's", async () => {
  const table = readTable(SEED_FILE);
  const workbook = buildWorkbook(table, { asOf: AS_OF });
  const sheet = workbook.getWorksheet(SHEETS.tasks)!;
  // Row 2 is 1.1 (完成时限 2018年底 → 2018-12-31).
  const row = sheet.getRow(2);
  row.getCell(columnIndex("extensionTo") + 1).value = serialFromDay(dayFromIso("2019-06-30")!);
  row.getCell(columnIndex("extensionReason") + 1).value = "详查数据待省厅反馈";
  const asked = row.getCell(columnIndex("extensionAsked") + 1);
  asked.value = new Date(Date.UTC(2018, 11, 31, 18, 0)); // exceljs: a date-time cell, as Excel stores 2018-12-31 18:00
  asked.numFmt = "yyyy-mm-dd hh:mm";
  const { table: read } = await readMasterWorkbook(await workbook.xlsx.writeBuffer());
  const [first] = evaluateRows(read.rows, AS_OF);
  expect(first.originalDue).toBe(dayFromIso("2018-12-31"));
  expect(first.extensionAsked).toBe(dayFromIso("2018-12-31"));
  expect(extensionProblems(first)).not.toContainEqual(expect.stringContaining("已过原截止日期"));
});
