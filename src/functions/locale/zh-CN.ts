/**
 * zh-CN metadata of the SOIL.* functions: Chinese function and parameter names (descriptions default to
 * the JSDoc ones in functions.ts, already Chinese). Ids stay ASCII. Excel on a Chinese display language
 * shows and expects these names, and does not accept the ASCII names in formulas the add-in writes with
 * range.formulas (office-js#891): the task pane therefore writes its formulas with range.formulasLocal
 * in these names there (localizeFormulaNames). The namespace stays SOIL.
 */
import { FunctionTranslations } from "./localize";

export const ZH_CN: FunctionTranslations = {
  DUEDATE: { name: "截止日期", parameters: { deadline: "完成时限" } },
  STATUS: { name: "到期状态", parameters: { row: "任务行", as_of: "统计日期", due_soon_days: "临期天数" } },
  OVERDUE: { name: "是否逾期", parameters: { row: "任务行", as_of: "统计日期" } },
  DAYSLEFT: { name: "剩余天数", parameters: { row: "任务行", as_of: "统计日期" } },
  NEXTREPORT: { name: "下次反馈日", parameters: { as_of: "统计日期" } },
  FEEDBACKLATE: { name: "反馈逾期", parameters: { row: "任务行", as_of: "统计日期" } },
  DEPTS: { name: "单位列表", parameters: { responsible: "责任单位" } },
  DEPTSUMMARY: { name: "单位统计", parameters: { table: "任务表", department: "单位", as_of: "统计日期", due_soon_days: "临期天数" } },
  SUMMARY: { name: "部门汇总", parameters: { table: "任务表", as_of: "统计日期", due_soon_days: "临期天数" } },
};
