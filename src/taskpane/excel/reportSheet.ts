/**
 * The quarterly report sheet through Office.js: core/report.ts's definition written as values (a
 * snapshot), each block on the sheet's grid of columns with its own widths (merged spans), set up for A4
 * landscape with the title rows repeated on every page (pageLayout.ts, ExcelApi 1.9), and a
 * stacked bar chart of the summary block (series set as for 部门汇总, ExcelApi 1.7).
 */
import { columnLetter, QuarterlyReport, REPORT_FORMATS, REPORT_PRINT, STATUS_STYLES } from "../../core";
import { blockAddress, columnAddress, columnWidthPoints, officeValue } from "./cells";
import { rowHeightFor, wrappedLines } from "../../xlsx/cells";
import { MANUAL_PRINT_SETUP, setUpPrinting } from "./pageLayout";
import { styleHeader } from "./sheetFrame";
import { WorkbookSession } from "./session";
import { addStatusBarChart, setChartSeries } from "./summaryChart";

/**
 * Merges each spanned block column across, row by row (`merge(true)`: one merged area per row), so a
 * block's columns keep their own widths on the sheet's grid. ExcelApi 1.2.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)
 */
function mergeSpans(sheet: Excel.Worksheet, block: Pick<QuarterlyReport["blocks"][number], "columns" | "spans">, firstRow: number, lastRow: number): void {
  block.spans.forEach((span, c) => {
    if (span > 1) sheet.getRange(blockAddress(block.columns[c], block.columns[c] + span - 1, firstRow, lastRow)).merge(true);
  });
}

export const REPORT_CHART_FAILED_NOTICE = "Excel 未能在报告中生成图表，报告的数据均已写入。";

/** Writes the report; returns what was left out on this Excel, in Chinese. The data, the page setup, the chart and its series: four syncs. */
export async function writeReportSheet(session: WorkbookSession, report: QuarterlyReport): Promise<string[]> {
  const { context, features } = session;
  const notices: string[] = [];
  const sheet = context.workbook.worksheets.add(report.sheetName);
  const lastColumn = report.lastColumn;

  report.columnWidths.forEach((width, i) => {
    const column = sheet.getRange(columnAddress(i));
    column.format.columnWidth = columnWidthPoints(width);
    column.format.verticalAlignment = "Top";
  });
  const title = sheet.getRange("A1");
  title.values = [[report.title]];
  title.format.font.bold = true;
  title.format.font.size = 16;

  const metaWidth = report.metaColumns[report.metaColumns.length - 1] + report.metaSpans[report.metaSpans.length - 1];
  const metaOnGrid = <T,>(values: readonly T[], blank: T): T[] => {
    const out = Array<T>(metaWidth).fill(blank);
    values.forEach((v, c) => (out[report.metaColumns[c]] = v));
    return out;
  };
  const meta = sheet.getRange(blockAddress(0, metaWidth - 1, 2, 2));
  meta.numberFormat = [metaOnGrid(report.metaFormats.map((f) => REPORT_FORMATS[f]), "General")];
  meta.values = [metaOnGrid(report.meta.map(officeValue), "")];
  meta.format.horizontalAlignment = "Left";
  mergeSpans(sheet, { columns: report.metaColumns, spans: report.metaSpans }, 2, 2);

  for (const block of report.blocks) {
    const width = block.columns[block.columns.length - 1] + block.spans[block.spans.length - 1];
    // A block's cells on the sheet's grid: each value in the first column of its span, the rest blank (merged below).
    const onGrid = <T,>(values: readonly T[], blank: T): T[] => {
      const out = Array<T>(width).fill(blank);
      values.forEach((v, c) => (out[block.columns[c]] = v));
      return out;
    };
    const heading = sheet.getRange(`A${block.titleRow}`);
    heading.values = [[block.title]];
    heading.format.font.bold = true;
    heading.format.font.size = 12;
    const header = sheet.getRange(blockAddress(0, width - 1, block.headerRow, block.headerRow));
    header.numberFormat = [onGrid(block.headers.map(() => "@"), "@")];
    header.values = [onGrid<string>(block.headers, "")];
    styleHeader(header);
    mergeSpans(sheet, block, block.headerRow, block.headerRow);
    const first = block.headerRow + 1;
    if (block.rows.length === 0) {
      const empty = sheet.getRange(`A${first}`);
      empty.values = [[block.emptyText]];
      empty.format.font.italic = true;
      continue;
    }
    const body = sheet.getRange(blockAddress(0, width - 1, first, first + block.rows.length - 1));
    // Formats before values: text stays text (a 工作要求 that starts with "=" is no formula).
    body.numberFormat = block.rows.map(() => onGrid(block.formats.map((f) => REPORT_FORMATS[f]), "General"));
    body.values = block.rows.map((row) => onGrid(row.map(officeValue), ""));
    body.format.wrapText = true;
    mergeSpans(sheet, block, first, first + block.rows.length - 1);
    // Excel does not fit the height of merged cells: the heights the wrapped text needs are set.
    block.rows.forEach((row, r) => {
      const lines = Math.max(1, ...row.map((v, c) => (typeof v === "string" ? wrappedLines(v, block.widths[c]) : 1)));
      if (lines > 1) sheet.getRange(`${first + r}:${first + r}`).format.rowHeight = rowHeightFor(lines);
    });
    body.format.borders.getItem("InsideHorizontal").style = "Continuous";
    body.format.borders.getItem("EdgeBottom").style = "Continuous";
  }
  // The 合计 row of the summary in bold.
  const summary = report.blocks[0];
  if (summary.rows.length > 0) {
    const total = summary.headerRow + summary.rows.length;
    sheet.getRange(blockAddress(0, report.lastColumn, total, total)).format.font.bold = true;
  }

  sheet.activate();
  sheet.getRange("A1").select();
  await context.sync();

  // Font and page setup in a request of their own: if Excel refuses a setting, the report's data is written all the same.
  notices.push(...(await setUpPrinting(context, features, [{ sheet, setup: REPORT_PRINT, lastColumn }])));
  if (!features.pageLayout) notices.push(`此版本 Excel 不支持设置页面布局（需 ExcelApi 1.9），${MANUAL_PRINT_SETUP}`);

  if (!report.chart) return notices;
  if (!features.chartSeries) return [...notices, "此版本 Excel 无法设置图表系列（需 ExcelApi 1.7），报告中未生成图表。"];
  const spec = report.chart;
  const statusColumns = spec.series.map((s) => s.column);
  const source = sheet.getRange(blockAddress(Math.min(...statusColumns), Math.max(...statusColumns), spec.firstRow, spec.lastRow));
  let chart: Excel.Chart | undefined;
  try {
    chart = addStatusBarChart(sheet, source, spec.title, spec.topLeft, spec.bottomRight);
    await context.sync();
    setChartSeries(
      chart,
      sheet.getRange(`${columnLetter(spec.categoryColumn)}${spec.firstRow}:${columnLetter(spec.categoryColumn)}${spec.lastRow}`),
      spec.series.map((s) => ({
        name: s.name,
        values: sheet.getRange(`${columnLetter(s.column)}${spec.firstRow}:${columnLetter(s.column)}${spec.lastRow}`),
        color: STATUS_STYLES[s.name]?.font,
      })),
    );
    await context.sync();
  } catch (error) {
    if (!chart) throw error;
    try {
      chart.delete();
      await context.sync();
    } catch {
      // Nothing else to undo: the data is written.
    }
    notices.push(REPORT_CHART_FAILED_NOTICE);
  }
  return notices;
}
