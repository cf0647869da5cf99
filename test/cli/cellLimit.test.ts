/**
 * The CLI never writes a cell longer than Excel holds (32,767 characters; longer text makes Excel call the
 * file damaged): a department's overlong 进展情况 goes to 合并冲突, a report shows a shortened copy, and an
 * export of a master carrying such a cell (saved by another program) is refused naming the cell.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { columnIndex, dayFromIso, MAX_CELL_CHARACTERS, MERGE_LOG_SHEET, SHEETS } from "../../src/core";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { readTable, SEED_FILE } from "../xlsx/seedTable";
import { runCapturing } from "./runCapturing";

const LONG = "进".repeat(40_000);
let dir: string;
let master: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "soil-celllimit-"));
  master = path.join(dir, "主表.xlsx");
  await buildWorkbook(readTable(SEED_FILE), { asOf: dayFromIso("2018-12-20") }).xlsx.writeFile(master);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return book;
}

function longestCell(book: ExcelJS.Workbook): number {
  let longest = 0;
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => (longest = Math.max(longest, typeof cell.value === "string" ? cell.value.length : 0)))));
  return longest;
}

/** Writes 进展情况 of requirement `id` in `file` (a master or a department file). */
async function typeNotes(file: string, id: string, notes: string, out: string): Promise<void> {
  const book = await load(file);
  const sheet = book.getWorksheet(SHEETS.tasks)!;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === id) row.getCell(columnIndex("notes") + 1).value = notes;
  });
  await book.xlsx.writeFile(out);
}

test("merge: a department's 40,000-character 进展情况 is not written; 合并冲突 lists it, shortened with a marker", async () => {
  expect((await runCapturing("export", master, "--department", "市农牧局", "--out", path.join(dir, "dept"))).code).toBe(0);
  const returned = path.join(dir, "returned.xlsx");
  await typeNotes(path.join(dir, "dept", "SOIL-市农牧局.xlsx"), "5.2", LONG, returned);
  const out = path.join(dir, "merged.xlsx");
  const { code, err } = await runCapturing("merge", master, returned, "--out", out);
  expect({ code, err }).toEqual({ code: 0, err: "" });
  const merged = await load(out);
  expect(longestCell(merged)).toBeLessThanOrEqual(MAX_CELL_CHARACTERS);
  const log: string[] = [];
  merged.getWorksheet(MERGE_LOG_SHEET)!.eachRow((row) => log.push((row.values as unknown[]).join("|")));
  expect(log.join("\n")).toMatch(/5\.2\|进展情况\|.*……【已截断：原文 40,000 个字符.*全文见部门交回的文件】.*未写入/);
});

test("report from a master whose 进展情况 is 40,000 characters long: written, every cell within the limit", async () => {
  const longMaster = path.join(dir, "long-master.xlsx");
  await typeNotes(master, "1.1", LONG, longMaster);
  const out = path.join(dir, "季报.xlsx");
  const { code, err } = await runCapturing("report", longMaster, "--quarter", "2021Q1", "--as-of", "2021-01-05", "--out", out);
  expect({ code, err }).toEqual({ code: 0, err: "" });
  expect(longestCell(await load(out))).toBeLessThanOrEqual(MAX_CELL_CHARACTERS);
});

test("export from such a master: refused naming the sheet and cell, nothing written", async () => {
  const longMaster = path.join(dir, "long-master-2.xlsx");
  await typeNotes(master, "1.1", LONG, longMaster);
  const out = path.join(dir, "export-long");
  const { code, err } = await runCapturing("export", longMaster, "--out", out);
  expect(code).toBe(2);
  expect(existsSync(out)).toBe(false);
  expect(err).toMatch(/“任务清单”工作表 [A-Z]+\d+ 单元格有 40,000 个字符，超过 Excel 单元格的上限 32,767 个字符/);
});
