/**
 * Which requirement sets this Excel has, and what SOIL leaves out without them.
 * Requirement sets as the Office.js reference gives them (node_modules/@types/office-js).
 */

import type { FormulaFlavor } from "../../core";

export type IsSetSupported = (name: string, minVersion: string) => boolean;

export interface ExcelFeatures {
  /** ExcelApi 1.4: getItemOrNullObject / getUsedRangeOrNullObject; with 1.1–1.2 (tables, filters, hidden columns) everything SOIL cannot do without. */
  minimum: boolean;
  /**
   * CustomFunctionsRuntime 1.2: the SOIL.* functions, which report bad input with CustomFunctions.Error (1.2), and
   * the dynamic arrays SOIL.SUMMARY spills into. Not in volume-licensed Office 2019 (nor 2016): there the computed
   * columns and 部门汇总 get the layout's built-in ("portable") formulas instead, which compute in any Excel.
   * A yes is not trusted alone: probe.ts tries a SOIL function before SOIL formulas are written.
   */
  customFunctions: boolean;
  /** ExcelApi 1.6: conditional formats (status colours). */
  conditionalFormats: boolean;
  /** ExcelApi 1.6: application.suspendApiCalculationUntilNextSync. */
  suspendCalculation: boolean;
  /** ExcelApi 1.7: worksheet.freezePanes. */
  freezePanes: boolean;
  /** ExcelApi 1.7: chart series added, named and given category values (ChartSeriesCollection.add, ChartSeries.setValues / setXAxisValues). */
  chartSeries: boolean;
  /** ExcelApi 1.8: data validation (the 状态 drop-down). */
  dataValidation: boolean;
  /** ExcelApi 1.8: Excel.createWorkbook (a department's file opens as a new workbook; without it the pane offers a download). */
  createWorkbook: boolean;
  /**
   * ExcelApi 1.13: Table.resize. Re-import then writes new rows below the table and resizes it, instead of
   * TableRowCollection.add, which Microsoft warns causes merge conflicts under coauthoring.
   */
  tableResize: boolean;
  /** ExcelApi 1.2: worksheet protection with options, cells locked and unlocked. */
  protection: boolean;
  /** ExcelApi 1.7: a protection password (protect / unprotect with one). */
  unprotectWithPassword: boolean;
  /** ExcelApiOnline 1.1 (Excel on the web): per-range passwords on a protected sheet (allowEditRanges). */
  allowEditRanges: boolean;
  /** ExcelApiOnline 1.1 (Excel on the web): named and temporary sheet views, a filter of one user's own. */
  sheetViews: boolean;
  /** ExcelApi 1.7: worksheet onChanged (the change log). */
  changeEvents: boolean;
  /** ExcelApi 1.9: the value before and after in change events (single cells only). */
  changeDetails: boolean;
  /** SharedRuntime 1.1: Office.addin.setStartupBehavior, so the add-in (and the change log) loads with the workbook. */
  loadOnOpen: boolean;
  /** ExcelApi 1.9: page layout (A4, orientation, zoom, print area and titles, footer) of SOIL's sheets. */
  pageLayout: boolean;
}

export function detectFeatures(isSetSupported: IsSetSupported): ExcelFeatures {
  const api = (version: string) => isSetSupported("ExcelApi", version);
  return {
    minimum: api("1.4"),
    customFunctions: isSetSupported("CustomFunctionsRuntime", "1.2"),
    conditionalFormats: api("1.6"),
    suspendCalculation: api("1.6"),
    freezePanes: api("1.7"),
    chartSeries: api("1.7"),
    dataValidation: api("1.8"),
    createWorkbook: api("1.8"),
    tableResize: api("1.13"),
    protection: api("1.2"),
    unprotectWithPassword: api("1.7"),
    allowEditRanges: isSetSupported("ExcelApiOnline", "1.1"),
    sheetViews: isSetSupported("ExcelApiOnline", "1.1"),
    changeEvents: api("1.7"),
    changeDetails: api("1.9"),
    loadOnOpen: isSetSupported("SharedRuntime", "1.1"),
    pageLayout: api("1.9"),
  };
}

/**
 * Which flavour of the layout's formulas this Excel gets. Always written through range.formulas: its formulas are
 * invariant (English function names, [#All], "," between arguments) whatever Excel's language and regional
 * format, and SOIL's functions have the same ASCII names in every language (one functions.json; Chinese
 * descriptions and parameter names), as Excel's own SUM or VLOOKUP keep theirs in Chinese Excel.
 * The localized formula property would need the user's table items ([#全部]) and list separator, which SOIL cannot know.
 */
export interface FormulaDialect {
  flavor: FormulaFlavor;
  /** Why built-in formulas were chosen, in Chinese for the pane (probe.ts). */
  notice?: string;
}

/** What a populate leaves out on this Excel, in Chinese for the pane (the formula flavour: probe.ts). */
export function skippedFeatureNotices(features: ExcelFeatures): string[] {
  const notices: string[] = [];
  if (!features.conditionalFormats) notices.push("此版本 Excel 不支持条件格式（需 ExcelApi 1.6），到期状态未着色。");
  if (!features.freezePanes) notices.push("此版本 Excel 不支持冻结窗格（需 ExcelApi 1.7），表头未冻结。");
  if (!features.chartSeries) notices.push("此版本 Excel 无法设置图表系列（需 ExcelApi 1.7），未生成部门汇总图表。");
  if (!features.pageLayout) notices.push("此版本 Excel 不支持设置页面布局（需 ExcelApi 1.9），打印前请在“页面布局”中选择 A4 纸、调整为 1 页宽，并把第 1 行设为打印标题。");
  if (!features.dataValidation) notices.push("此版本 Excel 不支持数据验证（需 ExcelApi 1.8），“状态”列没有下拉列表，请手工填写 未启动 / 推进中 / 已完成。");
  return notices;
}
