/*
 * SOIL.* custom functions. Each is a thin wrapper: JSDoc for the metadata plugin (which only reads
 * top-level `function` declarations tagged @customfunction), the work in evaluate.ts, the error
 * mapping in guard.ts. None is @volatile: the workbook passes one as-of cell (说明!B2) instead.
 * Omitted optional arguments arrive as null and mean "today" / the default 30 days; "today" of the day the cell
 * was computed: nothing is volatile, so a hand-typed formula without as_of does not move to the next day by itself
 * (the descriptions say so).
 * Function names are ASCII in every language; the Chinese parameter names are in metadata/parameterNames.ts.
 */
import {
  daysLeftOf,
  departmentsOf,
  departmentSummaryOf,
  dueDateOf,
  feedbackLateOf,
  nextReportOf,
  overdueOf,
  statusOf,
  summaryOf,
} from "./evaluate";
import { guard } from "./guard";

/**
 * 完成时限对应的截止日期（Excel 日期序列号，请将单元格设为日期格式）。持续推进、起始年份、空白或无法识别时返回 #N/A。
 * @customfunction DUEDATE
 * @param deadline 完成时限：文字（如 2018年底、2018年6月、2020年）或日期。
 * @returns 截止日期的序列号。
 */
export function dueDate(deadline: unknown): number {
  return guard(dueDateOf, deadline);
}

/**
 * 工作要求的到期状态：已完成、已逾期、临期、按期推进、持续推进、未到期或时限待定。
 * @customfunction STATUS
 * @param row 任务清单中该工作要求的一行（A:O 列；旧工作簿为 A:K），或“完成时限、状态”两个单元格，或一个完成时限单元格。
 * @param [as_of] 统计日期；省略时为计算时的今天，但函数不是易失函数：省略它的公式不会在第二天自行更新，请引用统计日期单元格（如 '说明'!$B$2）。
 * @param [due_soon_days] 临期提醒天数：距截止日期不超过该天数为“临期”；省略时用默认督办规则中的天数。
 * @returns 到期状态。
 */
export function status(row: unknown[][], as_of?: unknown, due_soon_days?: unknown): string {
  return guard(statusOf, row, as_of, due_soon_days);
}

/**
 * 是否已逾期：已过截止日期且未完成时为 TRUE，否则为 FALSE。
 * @customfunction OVERDUE
 * @param row 任务清单中该工作要求的一行（A:O 列；旧工作簿为 A:K），或“完成时限、状态”两个单元格，或一个完成时限单元格。
 * @param [as_of] 统计日期；省略时为计算时的今天，但函数不是易失函数：省略它的公式不会在第二天自行更新，请引用统计日期单元格（如 '说明'!$B$2）。
 * @returns TRUE 表示已逾期。
 */
export function overdue(row: unknown[][], as_of?: unknown): boolean {
  return guard(overdueOf, row, as_of);
}

/**
 * 距截止日期的剩余天数，逾期时为负数；没有截止日期（持续推进、起始年份、时限待定）时返回 #N/A。
 * @customfunction DAYSLEFT
 * @param row 任务清单中该工作要求的一行（A:O 列；旧工作簿为 A:K），或“完成时限、状态”两个单元格，或一个完成时限单元格。
 * @param [as_of] 统计日期；省略时为计算时的今天，但函数不是易失函数：省略它的公式不会在第二天自行更新，请引用统计日期单元格（如 '说明'!$B$2）。
 * @returns 剩余天数。
 */
export function daysLeft(row: unknown[][], as_of?: unknown): number {
  return guard(daysLeftOf, row, as_of);
}

/**
 * 下一次进展反馈的截止日（当天也算），为 Excel 日期序列号；按督办规则的反馈周期和反馈截止日计算，省略时用默认督办规则。
 * @customfunction NEXTREPORT
 * @param [as_of] 统计日期；省略时为计算时的今天，但函数不是易失函数：省略它的公式不会在第二天自行更新，请引用统计日期单元格（如 '说明'!$B$2）。
 * @param [cadence] 反馈周期（每月 / 每季度 / 每半年 / 每年），如 '说明'!$B$7；省略时用默认督办规则的反馈周期。
 * @param [report_day] 反馈截止日（每期首月的第几日，1–28），如 '说明'!$B$8；省略时用默认督办规则的反馈截止日。
 * @returns 反馈截止日的序列号。
 */
export function nextReport(as_of?: unknown, cadence?: unknown, report_day?: unknown): number {
  return guard(nextReportOf, as_of, cadence, report_day);
}

/**
 * 是否反馈逾期：上一次反馈截止日已过而“最近反馈日期”未晚于再上一次截止日（或为空）且工作未完成时为 TRUE。
 * @customfunction FEEDBACKLATE
 * @param row 任务清单中该工作要求的一行（A:O 列，含最近反馈日期和完成日期；旧工作簿为 A:K）。
 * @param [as_of] 统计日期；省略时为计算时的今天，但函数不是易失函数：省略它的公式不会在第二天自行更新，请引用统计日期单元格（如 '说明'!$B$2）。
 * @param [cadence] 反馈周期（每月 / 每季度 / 每半年 / 每年），如 '说明'!$B$7；省略时用默认督办规则的反馈周期。
 * @param [report_day] 反馈截止日（每期首月的第几日，1–28），如 '说明'!$B$8；省略时用默认督办规则的反馈截止日。
 * @returns TRUE 表示反馈逾期。
 */
export function feedbackLate(row: unknown[][], as_of?: unknown, cadence?: unknown, report_day?: unknown): boolean {
  return guard(feedbackLateOf, row, as_of, cadence, report_day);
}

/**
 * 拆分责任单位：列出其中各单位的规范名称（别称统一、连写拆开），每个单位一行，向下溢出（需横向时可套用 TRANSPOSE）。
 * @customfunction DEPTS
 * @param responsible 责任单位文字，如“县环保局、县农业局”。
 * @param [registry] 单位名录表，如 SoilRegistry[#All]（规范名称、别称…）；别称按此归并，省略时用内置的单位名录。
 * @returns 单位名称，一列。
 */
export function depts(responsible: unknown, registry?: unknown[][]): string[][] {
  return guard(departmentsOf, responsible, registry);
}

/**
 * 某一单位的任务统计（一行，向右溢出）：任务总数、已完成、已逾期、临期、按期推进、持续推进、反馈逾期、完成率。联合负责的工作计入每个责任单位。
 * @customfunction DEPTSUMMARY
 * @param table 含标题行的任务表，如 SoilTasks[#All]；按标题查找责任单位、完成时限、状态、完成日期、最近反馈日期列。
 * @param department 单位名称，可用别称（如 县环保局）。
 * @param [as_of] 统计日期；省略时为计算时的今天，但函数不是易失函数：省略它的公式不会在第二天自行更新，请引用统计日期单元格（如 '说明'!$B$2）。
 * @param [due_soon_days] 临期提醒天数；省略时用默认督办规则中的天数。
 * @param [registry] 单位名录表，如 SoilRegistry[#All]（规范名称、别称…）；别称按此归并，省略时用内置的单位名录。
 * @param [cadence] 反馈周期（每月 / 每季度 / 每半年 / 每年），如 '说明'!$B$7；省略时用默认督办规则的反馈周期。
 * @param [report_day] 反馈截止日（每期首月的第几日，1–28），如 '说明'!$B$8；省略时用默认督办规则的反馈截止日。
 * @returns 一行统计数。
 */
export function deptSummary(table: unknown[][], department: unknown, as_of?: unknown, due_soon_days?: unknown, registry?: unknown[][], cadence?: unknown, report_day?: unknown): number[][] {
  return guard(departmentSummaryOf, table, department, as_of, due_soon_days, registry, cadence, report_day);
}

/**
 * 部门汇总表（溢出）：标题行、每个责任单位一行（任务总数、各到期状态数、反馈逾期、完成率），最后为合计行。给出“到期状态”“反馈逾期”两列时按这两列统计（任务窗格写入的形式，传给函数的数据少）；否则按整个任务表逐行计算。
 * @customfunction SUMMARY
 * @param table 给出到期状态列时为“责任单位”一列，如 SoilTasks[[#All],[责任单位]]；否则为含标题行的整个任务表，如 SoilTasks[#All]（按标题查找责任单位、完成时限、状态、完成日期、最近反馈日期列）。
 * @param [as_of] 统计日期；省略时为计算时的今天，但函数不是易失函数：省略它的公式不会在第二天自行更新，请引用统计日期单元格（如 '说明'!$B$2）。按到期状态列统计时不用。
 * @param [due_soon_days] 临期提醒天数；省略时用默认督办规则中的天数。按到期状态列统计时不用。
 * @param [status] “到期状态”一列，如 SoilTasks[[#All],[到期状态]]，与第一个参数同样多的行。
 * @param [feedback_late] “反馈逾期”一列，如 SoilTasks[[#All],[反馈逾期]]，与第一个参数同样多的行。
 * @param [registry] 单位名录表，如 SoilRegistry[#All]（规范名称、别称…）；别称按此归并，省略时用内置的单位名录。
 * @param [cadence] 反馈周期（每月 / 每季度 / 每半年 / 每年），如 '说明'!$B$7；按整个任务表计算反馈逾期时使用，省略时用默认督办规则的反馈周期。
 * @param [report_day] 反馈截止日（每期首月的第几日，1–28），如 '说明'!$B$8；省略时用默认督办规则的反馈截止日。
 * @returns 汇总表。
 */
export function summary(
  table: unknown[][],
  as_of?: unknown,
  due_soon_days?: unknown,
  status?: unknown[][],
  feedback_late?: unknown[][],
  registry?: unknown[][],
  cadence?: unknown,
  report_day?: unknown,
): unknown[][] {
  return guard(summaryOf, table, as_of, due_soon_days, status, feedback_late, registry, cadence, report_day);
}
