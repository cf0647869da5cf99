/**
 * The quarterly report as a portable .xlsx sheet (exceljs): the same core/report.ts definition the
 * add-in writes, as values, set up for A4 landscape with rows 1–2 repeated on every printed page.
 * exceljs writes no charts, so the report is built without the chart's room (withChart false) and
 * 已逾期 / 完成率 get data bars instead.
 */
import ExcelJS from "exceljs";
import { columnLetter, HEADER_FILL } from "../core/layout";
import { QuarterlyReport, REPORT_FORMATS } from "../core/report";
import { argb, excelValue, rowHeightFor, styleHeaderRow, wrappedLines } from "./cells";
import { addSummaryDataBars } from "./summarySheet";

/** OOXML paper size 9: A4. */
const A4 = 9;

export function addReportSheet(workbook: ExcelJS.Workbook, report: QuarterlyReport): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(report.sheetName, {
    pageSetup: {
      paperSize: A4,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: report.printTitleRows.replace(/\$/g, ""),
      printArea: `A1:${columnLetter(report.lastColumn)}${report.lastRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });
  report.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  const title = sheet.getCell(1, 1);
  title.value = report.title;
  title.font = { bold: true, size: 16 };
  report.meta.forEach((value, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = excelValue(value);
    cell.numFmt = REPORT_FORMATS[report.metaFormats[i]];
    cell.alignment = { horizontal: "left" };
  });

  report.blocks.forEach((block, b) => {
    const heading = sheet.getCell(block.titleRow, 1);
    heading.value = block.title;
    heading.font = { bold: true, size: 12, color: { argb: argb(HEADER_FILL) } };
    block.headers.forEach((header, i) => (sheet.getCell(block.headerRow, i + 1).value = header));
    styleHeaderRow(sheet.getRow(block.headerRow), block.headers.length);
    if (block.rows.length === 0) {
      const empty = sheet.getCell(block.headerRow + 1, 1);
      empty.value = block.emptyText;
      empty.font = { italic: true };
      return;
    }
    block.rows.forEach((values, r) => {
      const row = sheet.getRow(block.headerRow + 1 + r);
      // Spreadsheet programs do not fit row heights on opening: wrapped text needs its height written.
      const lines = Math.max(1, ...values.map((v, c) => (typeof v === "string" ? wrappedLines(v, report.columnWidths[c] ?? 10) : 1)));
      if (lines > 1) row.height = rowHeightFor(lines);
      values.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        cell.value = excelValue(value);
        cell.numFmt = REPORT_FORMATS[block.formats[c]];
        cell.alignment = { vertical: "top", wrapText: true };
        cell.border = { bottom: { style: "hair" } };
      });
    });
    if (b === 0) {
      sheet.getRow(block.headerRow + block.rows.length).font = { bold: true };
      const departments = block.rows.length - 1;
      if (departments > 0) addSummaryDataBars(sheet, block.headerRow + 1, block.headerRow + departments);
    }
  });
  return sheet;
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
