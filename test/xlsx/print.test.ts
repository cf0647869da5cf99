/**
 * The workbooks SOIL writes, printed by LibreOffice and read as a reader reads paper: the portable
 * workbook (`npm run workbook`), a department's file (`soil export`) and the merged master (`soil merge`,
 * with 合并冲突). One PDF per workbook, one soffice run for all three. Per sheet: its pages (by the
 * footer SOIL writes), A4, the header row on every page of a list, the size of the type (≥ 8 pt), no
 * serif font, and the texts whole. The first page of each sheet is kept in test-artifacts/print.
 * (The quarterly report is printed in report.test.ts.)
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { runCli } from "../../src/cli/main";
import { columnIndex, departmentFileName, departmentRowIndexes, guideText, MERGE_LOG_HEADERS, MERGE_LOG_SHEET, SHEETS, SUMMARY_HEADERS } from "../../src/core";
import { allRequirements } from "../../src/core/model";
import { CELL_FONT, PRINT_COLUMNS, PRINT_SHEET, printColumnHeader, TASK_SHEET_PRINT_THROUGH } from "../../src/core/printSetup";
import { readMasterWorkbook } from "../../src/xlsx/readWorkbook";
import { lineText, pagesPerSheet, pdfFonts, PrintedPage, printedPages, smallestTypeSize } from "./printedPdf";
import { readTable, SEED_FILE } from "./seedTable";
import { convert, recalculatingProfile } from "./soffice";

const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "print");
const AS_OF = "2018-12-20";
const ENV = "市环境保护局";
const NOTE = "已完成部署，正在组织各县（市、区）开展排查，预计年底前完成全部工作。";
const table = readTable(SEED_FILE);
const allIds = allRequirements(table).map((r) => r.id);

let work: string;
let profile: string;
const pdf: Record<"workbook" | "department" | "merged", string> = { workbook: "", department: "", merged: "" };
const sheetsOf: Partial<Record<keyof typeof pdf, Map<string, PrintedPage[]>>> = {};

async function cli(...argv: string[]): Promise<void> {
  let err = "";
  const code = await runCli(argv, { stdout: () => undefined, stderr: (t) => (err += t) });
  if (code !== 0) throw new Error(`soil ${argv.join(" ")} → ${code}: ${err}`);
}

/** Edits 任务清单 with exceljs, as a clerk's program would save it. */
async function editTasks(file: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  edit(book.getWorksheet(SHEETS.tasks)!);
  // exceljs writes a print area it loaded as "$A1:$Q196", which LibreOffice ignores; Excel keeps "$A$1:$Q$196".
  for (const sheet of book.worksheets) {
    const area = sheet.pageSetup.printArea;
    if (area) sheet.pageSetup.printArea = area.replace(/\b([A-Z]+)(\d+)\b/g, "$1$$$2");
  }
  await book.xlsx.writeFile(file);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "soil-print-"));
  profile = recalculatingProfile();
  const master = path.join(work, "主表.xlsx");
  await cli("workbook", "--out", master, "--as-of", AS_OF);
  copyFileSync(master, path.join(work, "workbook.xlsx"));
  await cli("export", master, "--department", ENV, "--out", path.join(work, "export"), "--as-of", AS_OF);
  const exported = path.join(work, "export", departmentFileName(ENV));
  copyFileSync(exported, path.join(work, "department.xlsx"));

  // The department writes progress on its first rows and edits a structure cell (ignored, logged); the
  // office writes progress on some of the same rows (conflicts, logged): 合并冲突 gets a few pages.
  const col = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key) + 1;
  await editTasks(exported, (sheet) => {
    for (let r = 2; r <= 40; r++) {
      sheet.getRow(r).getCell(col("notes")).value = NOTE;
      sheet.getRow(r).getCell(col("progress")).value = "推进中";
      if (r <= 20) sheet.getRow(r).getCell(col("text")).value = "部门改写的工作要求";
    }
  });
  const envRows = new Set(departmentRowIndexes((await readMasterWorkbook(readFileSync(master), "主表.xlsx")).table, ENV).slice(0, 15));
  await editTasks(master, (sheet) => envRows.forEach((i) => (sheet.getRow(i + 2).getCell(col("notes")).value = "办公室记录的进展")));
  await cli("merge", master, exported, "--out", path.join(work, "merged.xlsx"));

  const files = (["workbook", "department", "merged"] as const).map((k) => path.join(work, `${k}.xlsx`));
  const started = Date.now();
  convert(files, "pdf", path.join(work, "pdf"), profile);
  console.log(`LibreOffice printed ${files.length} workbooks in ${Date.now() - started} ms`);
  for (const k of Object.keys(pdf) as (keyof typeof pdf)[]) {
    pdf[k] = path.join(work, "pdf", `${k}.pdf`);
    sheetsOf[k] = pagesPerSheet(printedPages(pdf[k]));
  }

  // One page of each sheet to look at.
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const k of Object.keys(pdf) as (keyof typeof pdf)[]) {
    for (const [sheet, pages] of sheetsOf[k]!) {
      const page = String(pages[0].page);
      execFileSync("pdftoppm", ["-png", "-r", "50", "-singlefile", "-f", page, "-l", page, pdf[k], path.join(ARTIFACTS, `${k}-${sheet}`)]);
    }
  }
}, 300_000);

afterAll(() => {
  for (const dir of [work, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const PRINTED_HEADERS = PRINT_COLUMNS.map((c) => printColumnHeader(c.key));

/** The ids printed in the 编号 column of a list's pages (the first word of a line, left of the second column). */
function printedIds(pages: readonly PrintedPage[]): string[] {
  return pages.flatMap((p) => p.lines.slice(1).map((l) => l[0].text).filter((t) => /^\d+\.\d+$/.test(t)));
}

/** The checks every workbook's sheets pass on paper. */
function expectPrintable(sheets: Map<string, PrintedPage[]>, expectedSheets: readonly string[]): void {
  // Every page carries SOIL's footer with its sheet's name, and every sheet printed (not the hidden ones).
  expect([...sheets.keys()]).toEqual(expectedSheets);
  for (const [sheet, pages] of sheets) {
    pages.forEach((p, i) => {
      // A4 landscape, each sheet's pages numbered from 1.
      expect([sheet, Math.round(p.width), Math.round(p.height), p.pageOfSheet]).toEqual([sheet, 842, 595, i + 1]);
    });
    // The type is 8 pt or more on every sheet.
    expect([sheet, smallestTypeSize(pages) >= 8]).toEqual([sheet, true]);
  }
  // 部门汇总 and 说明 on one page each.
  expect(sheets.get(SHEETS.summary)).toHaveLength(1);
  expect(sheets.get(SHEETS.guide)).toHaveLength(1);
  // 部门汇总's page has the department names and the header with the counts on it.
  expect(lineText(sheets.get(SHEETS.summary)![0].lines[0]).split(" ")).toEqual([...SUMMARY_HEADERS]);
  expect(sheets.get(SHEETS.summary)![0].lines.at(-1)![0].text).toBe("合计");
  // 说明: every line of the instructions whole on its page (wrapped, not cut at the page's edge).
  const guide = sheets.get(SHEETS.guide)![0].words.map((w) => w.text).join("");
  for (const line of guideText("portable")) expect(guide).toContain(line.replace(/\s+/g, ""));

  // 任务清单: two pages across (编号 … 状态, then 编号 and 进展情况 … 剩余天数), the header row on every page.
  const tasks = sheets.get(SHEETS.tasks)!;
  expect(tasks.length % 2).toBe(0);
  tasks.forEach((p, i) => {
    const header = lineText(p.lines[0]);
    expect([p.page, header.startsWith(i % 2 === 0 ? "编号 序号 主要工作 工作要求" : "编号 进展情况")]).toEqual([p.page, true]);
    if (i % 2 === 1) expect(header.endsWith(printColumnHeader(TASK_SHEET_PRINT_THROUGH))).toBe(true);
  });
  // 打印清单: the reader's columns one page wide, its header on every page.
  for (const p of sheets.get(PRINT_SHEET)!) expect([p.page, lineText(p.lines[0])]).toEqual([p.page, PRINTED_HEADERS.join(" ")]);
}

test("the portable workbook prints: 任务清单 two pages across, 打印清单 one page wide with every requirement, 部门汇总 and 说明 one page each, type ≥ 8 pt", () => {
  const sheets = sheetsOf.workbook!;
  expectPrintable(sheets, [SHEETS.tasks, SHEETS.summary, SHEETS.guide, SHEETS.registry, PRINT_SHEET]);
  // Every requirement on paper, in order, once: the 打印清单 formulas mirror 任务清单 row by row.
  expect(printedIds(sheets.get(PRINT_SHEET)!)).toEqual(allIds);
  expect(printedIds(sheets.get(SHEETS.tasks)!.filter((_, i) => i % 2 === 0))).toEqual(allIds);
  // 部门汇总 names every responsible department on its one page.
  expect(sheets.get(SHEETS.summary)![0].lines.length).toBe(1 + table.departments.filter((d) => allRequirements(table).some((r) => r.responsible.includes(d))).length + 1);
});

test("fonts: one named font in every written cell, bold ones included; a sans CJK font on paper, no serif anywhere", async () => {
  for (const k of Object.keys(pdf) as (keyof typeof pdf)[]) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(work, `${k}.xlsx`));
    const unnamed: string[] = [];
    for (const sheet of book.worksheets.filter((s) => s.state === "visible")) {
      sheet.eachRow((row) => row.eachCell((cell) => void (cell.font?.name !== CELL_FONT.name && unnamed.push(`${sheet.name}!${cell.address}`))));
    }
    expect([k, unnamed.slice(0, 5)]).toEqual([k, []]);
    const fonts = pdfFonts(pdf[k]);
    expect(fonts.some((f) => /NotoSansCJK.*-Regular/.test(f))).toBe(true);
    expect(fonts.some((f) => /NotoSansCJK.*-Bold/.test(f))).toBe(true);
    expect(fonts.filter((f) => /serif/i.test(f) && !/sans/i.test(f))).toEqual([]);
  }
});

test("a department's file prints its own rows the same way; its hidden baseline sheet does not print", () => {
  const sheets = sheetsOf.department!;
  expectPrintable(sheets, [SHEETS.tasks, SHEETS.summary, SHEETS.guide, PRINT_SHEET]);
  const ids = allRequirements(table).filter((r) => r.responsible.includes(ENV)).map((r) => r.id);
  expect(printedIds(sheets.get(PRINT_SHEET)!)).toEqual(ids);
});

test("the merged master prints the merged progress, and 合并冲突 one page wide with its header on every page", () => {
  const sheets = sheetsOf.merged!;
  expectPrintable(sheets, [SHEETS.tasks, SHEETS.summary, SHEETS.guide, SHEETS.registry, PRINT_SHEET, MERGE_LOG_SHEET]);
  // The department's progress, merged into 任务清单, prints on 打印清单 (its formulas follow the merged cells).
  const printList = sheets.get(PRINT_SHEET)!.flatMap((p) => p.words.map((w) => w.text));
  expect(printList.filter((w) => w.startsWith("已完成部署，正在组织各县")).length).toBeGreaterThanOrEqual(20);
  const log = sheets.get(MERGE_LOG_SHEET)!;
  expect(log.length).toBeGreaterThanOrEqual(2);
  for (const p of log) expect([p.page, lineText(p.lines[0])]).toEqual([p.page, MERGE_LOG_HEADERS.join(" ")]);
  // Each row of the log on one line across the page (the 原因 column is on the same page as 部门).
  const reasons = log.flatMap((p) => p.lines.slice(1)).filter((l) => l[0].text === ENV);
  expect(reasons.length).toBeGreaterThanOrEqual(20);
  expect(reasons.every((l) => l.some((w) => w.text.startsWith("办公室") || w.text.startsWith("结构列")))).toBe(true);
});
