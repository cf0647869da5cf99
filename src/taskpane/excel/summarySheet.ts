/**
 * The 部门汇总 sheet through Office.js: with the SOIL functions, one spilling SOIL.SUMMARY; without
 * them (Office 2019), the layout's built-in formulas, one row per department. The chart is in
 * summaryChart.ts.
 */
import { addinSummaryFormula, DepartmentRegistry, FormulaFlavor, PERCENT_FORMAT, portableSummaryRows, summaryColumnWidth, SUMMARY_HEADERS } from "../../core";
import { blockAddress, columnAddress, columnWidthPoints, officeValue } from "./cells";
import type { FormulaDialect } from "./requirements";
import { estimateJsonBytes } from "./payload";
import { styleHeader } from "./sheetFrame";

const LAST_COLUMN = SUMMARY_HEADERS.length - 1;

/**
 * Writes the summary of `departments` (registry order) over `taskRowCount` task rows: a header row,
 * one row per department and a total row, so its extent is known without waiting for a spill.
 * Clears columns A..I first: a re-import may bring fewer departments or the other formula flavour
 * (leftover cells would block the spill with #SPILL!). `registry`: the one the 单位名录 sheet holds; the built-in
 * formulas then name each body from that sheet and count its 简称 and 别称 (as the portable .xlsx does).
 */
export function writeSummarySheet(sheet: Excel.Worksheet, departments: readonly string[], taskRowCount: number, dialect: FormulaDialect, registry?: DepartmentRegistry): void {
  const totalRow = departments.length + 2;
  sheet.getRange(columnAddress(0, LAST_COLUMN)).clear("All");
  for (let c = 0; c <= LAST_COLUMN; c++) sheet.getRange(columnAddress(c)).format.columnWidth = columnWidthPoints(summaryColumnWidth(c));
  const header = sheet.getRange(blockAddress(0, LAST_COLUMN, 1, 1));
  styleHeader(header);
  sheet.getRange(blockAddress(LAST_COLUMN, LAST_COLUMN, 2, totalRow)).numberFormat = Array.from({ length: totalRow - 1 }, () => [PERCENT_FORMAT]);
  sheet.getRange(blockAddress(0, LAST_COLUMN, totalRow, totalRow)).format.font.bold = true;
  if (dialect.flavor === "addin") {
    sheet.getRange("A1").formulas = [[addinSummaryFormula()]];
    return;
  }
  const rows = portableSummaryRows(departments, taskRowCount, registry);
  header.numberFormat = [SUMMARY_HEADERS.map(() => "@")];
  header.values = [[...SUMMARY_HEADERS]];
  const names = sheet.getRange(blockAddress(0, 0, 2, totalRow));
  // A name stays text ("@"); a reference to 单位名录 goes into a General cell, where a value starting with = is
  // entered as a formula (Excel.Range values: https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
  const isFormula = (cell: (typeof rows)[number][number]) => cell !== null && typeof cell === "object" && "formula" in cell;
  names.numberFormat = rows.map((r) => [isFormula(r[0]) ? "General" : "@"]);
  names.values = rows.map((r) => [officeValue(r[0])]);
  sheet.getRange(blockAddress(1, LAST_COLUMN, 2, totalRow)).formulas = rows.map((r) => r.slice(1).map(officeValue));
}

/** Estimated request bytes of writeSummarySheet beyond its few fixed operations: the portable rows. */
export function summarySheetBytes(departments: readonly string[], taskRowCount: number, flavor: FormulaFlavor, registry?: DepartmentRegistry): number {
  return flavor === "addin" ? 0 : estimateJsonBytes(portableSummaryRows(departments, taskRowCount, registry));
}
