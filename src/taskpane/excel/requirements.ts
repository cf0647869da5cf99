/**
 * Which Excel API requirement sets this Excel has, and what SOIL leaves out without them.
 * Requirement sets as the Office.js reference gives them (node_modules/@types/office-js).
 */

export type IsSetSupported = (name: string, minVersion: string) => boolean;

export interface ExcelFeatures {
  /** ExcelApi 1.4: getItemOrNullObject; with 1.1–1.2 (tables, filters, hidden columns) everything SOIL cannot do without. */
  minimum: boolean;
  /** ExcelApi 1.6: conditional formats (status colours). */
  conditionalFormats: boolean;
  /** ExcelApi 1.6: application.suspendApiCalculationUntilNextSync. */
  suspendCalculation: boolean;
  /** ExcelApi 1.7: worksheet.freezePanes. */
  freezePanes: boolean;
  /** ExcelApi 1.7: chart series names from cells and category values (ChartSeries.setXAxisValues). */
  chartSeries: boolean;
  /** ExcelApi 1.8: data validation (the 状态 drop-down). */
  dataValidation: boolean;
}

export function detectFeatures(isSetSupported: IsSetSupported): ExcelFeatures {
  const api = (version: string) => isSetSupported("ExcelApi", version);
  return {
    minimum: api("1.4"),
    conditionalFormats: api("1.6"),
    suspendCalculation: api("1.6"),
    freezePanes: api("1.7"),
    chartSeries: api("1.7"),
    dataValidation: api("1.8"),
  };
}

/** Every feature, for Excel on the web and Microsoft 365. */
export const ALL_FEATURES: ExcelFeatures = {
  minimum: true,
  conditionalFormats: true,
  suspendCalculation: true,
  freezePanes: true,
  chartSeries: true,
  dataValidation: true,
};

/** What a populate leaves out on this Excel, in Chinese for the pane. */
export function skippedFeatureNotices(features: ExcelFeatures): string[] {
  const notices: string[] = [];
  if (!features.conditionalFormats) notices.push("此版本 Excel 不支持条件格式（需 ExcelApi 1.6），到期状态未着色。");
  if (!features.freezePanes) notices.push("此版本 Excel 不支持冻结窗格（需 ExcelApi 1.7），表头未冻结。");
  if (!features.chartSeries) notices.push("此版本 Excel 无法设置图表系列（需 ExcelApi 1.7），未生成部门汇总图表。");
  if (!features.dataValidation) notices.push("此版本 Excel 不支持数据验证（需 ExcelApi 1.8），“状态”列没有下拉列表，请手工填写 未启动 / 推进中 / 已完成。");
  return notices;
}
