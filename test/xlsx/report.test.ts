/**
 * The quarterly report as a portable .xlsx, printed by LibreOffice: A4 landscape, the title rows on
 * every page, a few pages, type of 8 pt or more, the counts under their headers, the summary equal to
 * the domain core's. The PDF's first page is kept as a PNG in
 * test-artifacts/report for a look.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { CellValue, columnIndex, dayFromIso, serialFromDay, summarizeByDepartment, summaryRow, taskRows } from "../../src/core";
import { buildQuarterlyReport } from "../../src/core/report";
import { evaluateRows } from "../../src/functions/evaluateRows";
import { buildReportWorkbook } from "../../src/xlsx/reportSheet";
import { readTable, SEED_FILE } from "./seedTable";
import { lineText, printedPages, smallestTypeSize } from "./printedPdf";
import { computedSheets, convert, recalculatingProfile } from "./soffice";

const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "report");
const AS_OF = dayFromIso("2018-12-31")!;
let work: string;
let profile: string;

/** The seed's task rows as Excel would hold them, with some departments' entries. */
function filledRows(): unknown[][] {
  const rows = taskRows(readTable(SEED_FILE), { flavor: "portable" }).map((row) =>
    row.map((cell: CellValue) => (cell === null ? "" : typeof cell === "object" ? ("date" in cell ? serialFromDay(cell.date) : "") : cell)),
  );
  rows.forEach((row, i) => {
    if (i % 4 === 0) row[columnIndex("progress")] = "已完成";
    if (i % 3 === 0) row[columnIndex("lastFeedback")] = serialFromDay(dayFromIso("2018-12-05")!);
  });
  return rows;
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "soil-report-"));
  profile = recalculatingProfile();
});

afterAll(() => {
  for (const dir of [work, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the report prints on A4 landscape with its title rows on every page, and holds the core's figures", async () => {
  // A formula-looking text from the document on an overdue requirement (the overdue block lists the texts).
  const input = filledRows();
  const firstOverdue = evaluateRows(input, AS_OF, 30).findIndex((r) => r.status === "已逾期");
  input[firstOverdue][columnIndex("text")] = "=HYPERLINK(\"http://x\")（来自文档的文字）";
  const rows = evaluateRows(input, AS_OF, 30);
  const report = buildQuarterlyReport(rows, { year: 2018, quarter: 4 }, AS_OF, "2019-01-02 09:00", [], false);
  expect(report.chart).toBeNull();
  const file = path.join(work, "report.xlsx");
  await buildReportWorkbook(report, new Date(2019, 0, 2)).xlsx.writeFile(file);

  // Values as LibreOffice reads them back: the summary block equals the core's summary.
  const sheets = computedSheets([file], [report.sheetName], path.join(work, "csv"), profile).get(file)!;
  const csv = sheets.get(report.sheetName)!;
  const summary = summarizeByDepartment(rows);
  const block = report.blocks[0];
  const expected = [...summary.departments, summary.total].map((d) => summaryRow(d).map((v, i) => (i === 8 ? `${(Number(v) * 100).toFixed(1)}%` : String(v))));
  // Each summary column in the first sheet column of its span on the report's grid.
  expect(csv.slice(block.headerRow, block.headerRow + expected.length).map((r) => block.columns.map((c) => r[c]))).toEqual(expected);
  // Text from the document stays text in the report.
  const overdue = report.blocks[1];
  expect(csv.flat()).toContain("=HYPERLINK(\"http://x\")（来自文档的文字）");
  expect(overdue.rows.length).toBe(rows.filter((r) => r.status === "已逾期").length);

  convert([file], "pdf", work, profile);
  const pdf = path.join(work, "report.pdf");
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
  // As few pages as the content needs: the summary, the overdue requirements, late feedback by department (12 pages before).
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(4);
  // A4 landscape: 842 × 595 points.
  expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
  const printed = printedPages(pdf);
  expect(printed.every((p) => p.sheet === report.sheetName)).toBe(true);
  expect(smallestTypeSize(printed)).toBeGreaterThanOrEqual(8);
  // The counts sit under their headers: each number's centre is nearer its own header's centre than any other header's.
  const first = printed[0].lines;
  const headerLine = first.find((l) => lineText(l).startsWith("责任单位 任务总数"))!;
  const centre = (w: { xMin: number; xMax: number }) => (w.xMin + w.xMax) / 2;
  const departmentLine = first[first.indexOf(headerLine) + 1];
  expect(departmentLine.map((w) => w.text)).toEqual(expected[0]);
  departmentLine.slice(1).forEach((word, i) => {
    const distances = headerLine.map((h) => Math.abs(centre(h) - centre(word)));
    expect([word.text, distances.indexOf(Math.min(...distances))]).toEqual([word.text, i + 1]);
  });
  for (let page = 1; page <= pages; page++) {
    const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" });
    expect([page, text.includes("土壤污染防治重点任务督办季度报告（2018年第4季度）")]).toEqual([page, true]);
    expect(text).toContain(`第 ${page} 页，共 ${pages} 页`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "2", pdf, path.join(ARTIFACTS, "report-page")]);
}, 120_000);
