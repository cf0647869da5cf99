/** The 部门汇总 sheet through Office.js: one spilling SOIL.SUMMARY and a stacked bar chart over its rows. */
import { addinSummaryFormula, PERCENT_FORMAT, STATUS_STYLES, SUMMARY_HEADERS, SUMMARY_STATUSES } from "../../core";
import { blockAddress, columnAddress, columnWidthPoints } from "./cells";
import { ExcelFeatures } from "./requirements";
import { styleHeader } from "./sheetFrame";

const LAST_COLUMN = SUMMARY_HEADERS.length - 1;
const FIRST_STATUS_COLUMN = SUMMARY_HEADERS.indexOf(SUMMARY_STATUSES[0]);

/**
 * Writes the summary for `departmentCount` departments: the spill is a header row, one row per
 * department and a total row, so its size is known without waiting for the function to compute.
 */
export function writeSummarySheet(sheet: Excel.Worksheet, departmentCount: number, features: ExcelFeatures): void {
  const lastDepartmentRow = departmentCount + 1;
  const totalRow = departmentCount + 2;
  sheet.getRange(columnAddress(0)).format.columnWidth = columnWidthPoints(20);
  for (let c = 1; c <= LAST_COLUMN; c++) sheet.getRange(columnAddress(c)).format.columnWidth = columnWidthPoints(9);
  styleHeader(sheet.getRange(blockAddress(0, LAST_COLUMN, 1, 1)));
  sheet.getRange(blockAddress(LAST_COLUMN, LAST_COLUMN, 2, totalRow)).numberFormat = Array.from({ length: totalRow - 1 }, () => [PERCENT_FORMAT]);
  sheet.getRange(blockAddress(0, LAST_COLUMN, totalRow, totalRow)).format.font.bold = true;
  sheet.getRange("A1").formulas = [[addinSummaryFormula()]];
  if (features.chartSeries && departmentCount > 0) addSummaryChart(sheet, lastDepartmentRow);
}

/** Stacked bars: departments (A2:A…) × the status columns; the total row is left out. */
function addSummaryChart(sheet: Excel.Worksheet, lastDepartmentRow: number): void {
  const lastStatusColumn = FIRST_STATUS_COLUMN + SUMMARY_STATUSES.length - 1;
  const data = sheet.getRange(blockAddress(FIRST_STATUS_COLUMN, lastStatusColumn, 2, lastDepartmentRow));
  const chart = sheet.charts.add("BarStacked", data, "Columns");
  chart.name = "SoilSummaryChart";
  chart.title.text = "各责任单位工作要求到期状态";
  chart.legend.position = "Bottom";
  chart.axes.categoryAxis.reversePlotOrder = true;
  const categories = sheet.getRange(blockAddress(0, 0, 2, lastDepartmentRow));
  SUMMARY_STATUSES.forEach((status, i) => {
    const series = chart.series.getItemAt(i);
    series.name = status;
    series.setXAxisValues(categories);
    const style = STATUS_STYLES[status];
    if (style) series.format.fill.setSolidColor(style.font);
  });
  chart.setPosition("K2", `T${Math.max(24, lastDepartmentRow + 4)}`);
}
