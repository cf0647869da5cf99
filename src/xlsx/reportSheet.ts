/**
 * The quarterly report as a portable .xlsx sheet (exceljs): the same core/report.ts definition the
 * add-in writes, as values, set up for A4 landscape with rows 1–2 repeated on every printed page.
 * exceljs writes no charts, so the report is built without the chart's room (withChart false) and
 * 已逾期 / 完成率 get data bars instead.
 */
import ExcelJS from "exceljs";
import { HEADER_FILL } from "../core/layout";
import { QuarterlyReport, REPORT_FORMATS, REPORT_PRINT, ReportBlock } from "../core/report";
import { argb, excelValue, rowHeightFor, styleHeaderRow, wrappedLines } from "./cells";
import { applyCellFont, applyPrintSetup } from "./printSetup";
import { addSummaryDataBars } from "./summarySheet";

export function addReportSheet(workbook: ExcelJS.Workbook, report: QuarterlyReport): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(report.sheetName);
  report.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  const title = sheet.getCell(1, 1);
  title.value = report.title;
  title.font = { bold: true, size: 16 };
  report.meta.forEach((value, i) => {
    if (report.metaSpans[i] > 1) sheet.mergeCells(2, report.metaColumns[i] + 1, 2, report.metaColumns[i] + report.metaSpans[i]);
    const cell = sheet.getCell(2, report.metaColumns[i] + 1);
    cell.value = excelValue(value);
    cell.numFmt = REPORT_FORMATS[report.metaFormats[i]];
    cell.alignment = { horizontal: "left" };
  });

  report.blocks.forEach((block, b) => {
    const heading = sheet.getCell(block.titleRow, 1);
    heading.value = block.title;
    heading.font = { bold: true, size: 12, color: { argb: argb(HEADER_FILL) } };
    const blockWidth = block.columns[block.columns.length - 1] + block.spans[block.spans.length - 1];
    styleHeaderRow(sheet.getRow(block.headerRow), blockWidth);
    block.headers.forEach((header, i) => (sheet.getCell(block.headerRow, block.columns[i] + 1).value = header));
    mergeSpans(sheet, block, block.headerRow);
    if (block.rows.length === 0) {
      const empty = sheet.getCell(block.headerRow + 1, 1);
      empty.value = block.emptyText;
      empty.font = { italic: true };
      return;
    }
    block.rows.forEach((values, r) => {
      const row = sheet.getRow(block.headerRow + 1 + r);
      // Spreadsheet programs do not fit row heights on opening: wrapped text needs its height written.
      const lines = Math.max(1, ...values.map((v, c) => (typeof v === "string" ? wrappedLines(v, block.widths[c]) : 1)));
      if (lines > 1) row.height = rowHeightFor(lines);
      for (let c = 0; c < blockWidth; c++) row.getCell(c + 1).border = { bottom: { style: "hair" } };
      values.forEach((value, c) => {
        const cell = row.getCell(block.columns[c] + 1);
        cell.value = excelValue(value);
        cell.numFmt = REPORT_FORMATS[block.formats[c]];
        // Counts and dates centred under their headers, text from the top left.
        cell.alignment = { vertical: "top", wrapText: true, horizontal: block.formats[c] === "text" ? "left" : "center" };
      });
      mergeSpans(sheet, block, block.headerRow + 1 + r);
    });
    if (b === 0) {
      sheet.getRow(block.headerRow + block.rows.length).font = { bold: true };
      const departments = block.rows.length - 1;
      if (departments > 0) addSummaryDataBars(sheet, block.headerRow + 1, block.headerRow + departments, block.columns);
    }
  });
  applyCellFont(sheet);
  applyPrintSetup(sheet, REPORT_PRINT, report.lastColumn + 1, report.lastRow);
  return sheet;
}

/** Merges, in one row, the sheet columns each block column spans. */
function mergeSpans(sheet: ExcelJS.Worksheet, block: Pick<ReportBlock, "columns" | "spans">, row: number): void {
  block.spans.forEach((span, c) => {
    if (span > 1) sheet.mergeCells(row, block.columns[c] + 1, row, block.columns[c] + span);
  });
}

/** A workbook holding only the report (what `npm run soil -- report` writes). */
export function buildReportWorkbook(report: QuarterlyReport, created: Date = new Date()): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SOIL";
  workbook.title = report.title;
  workbook.created = created;
  workbook.modified = created;
  addReportSheet(workbook, report);
  return workbook;
}
