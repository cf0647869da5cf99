/**
 * The parameter names Excel shows for the SOIL.* functions (in the formula tooltip and the Insert Function
 * dialog), in Chinese; the JSDoc of functions.ts gives the descriptions. Function names stay ASCII (metadata.ts).
 */
import type { ParameterNames } from "./metadata";

export const PARAMETER_NAMES: ParameterNames = {
  DUEDATE: { deadline: "完成时限" },
  STATUS: { row: "任务行", as_of: "统计日期", due_soon_days: "临期天数" },
  OVERDUE: { row: "任务行", as_of: "统计日期" },
  DAYSLEFT: { row: "任务行", as_of: "统计日期" },
  NEXTREPORT: { as_of: "统计日期", cadence: "反馈周期", report_day: "反馈截止日" },
  FEEDBACKLATE: { row: "任务行", as_of: "统计日期", cadence: "反馈周期", report_day: "反馈截止日" },
  DEPTS: { responsible: "责任单位", registry: "单位名录" },
  DEPTSUMMARY: { table: "任务表", department: "单位", as_of: "统计日期", due_soon_days: "临期天数", registry: "单位名录", cadence: "反馈周期", report_day: "反馈截止日" },
  SUMMARY: { table: "任务表", as_of: "统计日期", due_soon_days: "临期天数", status: "到期状态", feedback_late: "反馈逾期", registry: "单位名录", cadence: "反馈周期", report_day: "反馈截止日" },
};
