/**
 * What each SOIL.* function computes, from raw cell values to the value Excel shows. Plain
 * TypeScript over the domain core: functions.ts only wraps these with JSDoc and the error mapping.
 * Mistakes throw CellInputError (cells.ts).
 */
import {
  cadenceFromCells,
  canonicalDepartment,
  DEADLINE_KIND_LABELS,
  DEFAULT_CADENCE,
  DepartmentRegistry,
  FeedbackCadence,
  registryFromRows,
  Day,
  daysLeft,
  DUE_STATUSES,
  dueStatus,
  DueStatus,
  effectiveDeadline,
  isCompleted,
  isFeedbackLate,
  nextReportDeadline,
  resolveDepartments,
  serialFromDay,
  summarizeByDepartment,
  SUMMARY_HEADERS,
  summaryRow,
  SummaryInputRow,
} from "../core";
import {
  asOfDay,
  deadlineCell,
  dueSoonDays,
  headerOf,
  invalidValue,
  memoizeText,
  notAvailable,
  readComputedColumns,
  readRow,
  readTable,
  RowInput,
  textCell,
} from "./cells";

/** Due status of a row read by cells.ts (shared with evaluateRows.ts). */
export function statusOfRow(row: RowInput, asOf: Day, soonDays: number | undefined): DueStatus {
  return dueStatus({ deadline: row.deadline, progress: row.progress, completedOn: row.completedOn, asOf, dueSoonDays: soonDays, extension: row.extension });
}

/** 反馈逾期 of a row read by cells.ts, under the cadence of 督办规则 (the default one when not given). */
export function feedbackLateOfRow(row: RowInput, asOf: Day, cadence: FeedbackCadence = DEFAULT_CADENCE): boolean {
  return isFeedbackLate(row.lastFeedback, asOf, isCompleted(row.progress, row.completedOn, asOf), cadence);
}

/** The cadence from the optional 说明 cells (反馈周期, 反馈截止日): blank ones take the default; bad ones are #VALUE!. */
export function cadenceOf(cadence?: unknown, day?: unknown): FeedbackCadence {
  const c = cadenceFromCells(cadence, day);
  if (c === null) throw invalidValue(`反馈周期“${String(cadence ?? "")}”或反馈截止日“${String(day ?? "")}”无效（周期：每月 / 每季度 / 每半年 / 每年；日：1–28）`);
  return c;
}

/** SOIL.DUEDATE: the due date of a deadline, as an Excel serial. */
export function dueDateOf(deadline: unknown): number {
  const d = deadlineCell(deadline);
  if (d.kind === "by" && d.date !== null) return serialFromDay(d.date);
  switch (d.kind) {
    case "ongoing":
      throw notAvailable(`“${d.raw}”的工作没有截止日期`);
    case "from":
      throw notAvailable(`“${d.raw}”是起始时间，没有截止日期`);
    case "none":
      throw notAvailable("完成时限为空，没有截止日期");
    default:
      throw notAvailable(`无法识别完成时限“${d.raw}”（可写作 2018年底、2018年6月、2020年 或日期）`);
  }
}

/** SOIL.STATUS: 已完成, 已逾期, 临期, 按期推进, 持续推进, 未到期 or 时限待定. */
export function statusOf(row: unknown, asOf?: unknown, soonDays?: unknown): DueStatus {
  return statusOfRow(readRow(row), asOfDay(asOf), dueSoonDays(soonDays));
}

/** SOIL.OVERDUE: past its deadline and not done. */
export function overdueOf(row: unknown, asOf?: unknown): boolean {
  return statusOfRow(readRow(row), asOfDay(asOf), undefined) === "已逾期";
}

/** SOIL.DAYSLEFT: whole days to the deadline, negative once overdue. */
export function daysLeftOf(row: unknown, asOf?: unknown): number {
  const { deadline, extension } = readRow(row);
  const days = daysLeft(effectiveDeadline(deadline, extension), asOfDay(asOf));
  if (days === null) throw notAvailable(`完成时限“${deadline.raw}”（${DEADLINE_KIND_LABELS[deadline.kind]}）没有截止日期，无剩余天数`);
  return days;
}

/** SOIL.NEXTREPORT: the next feedback deadline on or after the as-of day, as a serial (cadence cells optional: omitted, the default rules' cadence). */
export function nextReportOf(asOf?: unknown, cadence?: unknown, day?: unknown): number {
  return serialFromDay(nextReportDeadline(asOfDay(asOf), cadenceOf(cadence, day)));
}

/** SOIL.FEEDBACKLATE: the last deadline of the cadence passed without feedback for it. */
export function feedbackLateOf(row: unknown, asOf?: unknown, cadence?: unknown, day?: unknown): boolean {
  const input = readRow(row);
  if (input.lastFeedback === undefined) {
    throw invalidValue(`判断反馈逾期需要任务清单的整行（含“${headerOf("lastFeedback")}”和“${headerOf("completedOn")}”）`);
  }
  return feedbackLateOfRow(input, asOfDay(asOf), cadenceOf(cadence, day));
}

const departmentNames = memoizeText((text) => resolveDepartments(text).names);

/**
 * The optional `registry` argument: the workbook's 单位名录 (the SoilRegistry table, with or without its
 * header: columns 规范名称, 别称 …). Absent or empty: the bundled registry, as workbooks written before it.
 */
export function registryArg(range: unknown): DepartmentRegistry | undefined {
  if (range === undefined || range === null || range === "") return undefined;
  if (!Array.isArray(range) || !range.every(Array.isArray)) throw invalidValue("单位名录应为“单位名录”工作表中的表格（规范名称、别称…）");
  const registry = registryFromRows(range as unknown[][], "单位名录");
  return registry.entries.length > 0 ? registry : undefined;
}

/** Names of a 责任单位 text under the registry given (memoized for the bundled one, which every old workbook uses). */
function namesUnder(text: string, registry: DepartmentRegistry | undefined): string[] {
  return registry ? resolveDepartments(text, registry).names : departmentNames(text);
}

/** SOIL.DEPTS: canonical department names of a 责任单位 text, one per row (a column spills down); `registry`: the 单位名录. */
export function departmentsOf(responsible: unknown, registry?: unknown): string[][] {
  const text = textCell(responsible, "责任单位");
  const names = namesUnder(text, registryArg(registry));
  if (names.length === 0) throw notAvailable("责任单位为空");
  return names.map((name) => [name]);
}

/** Reads the task table and computes each requirement's status and feedback lateness (under `cadence`, 督办规则). */
function summaryInputs(table: unknown, asOf: unknown, soonDays: unknown, registry?: DepartmentRegistry, cadence: FeedbackCadence = DEFAULT_CADENCE): SummaryInputRow[] {
  const rows = readTable(table);
  const day = asOfDay(asOf);
  const soon = dueSoonDays(soonDays);
  return rows.map((row) => ({
    responsible: namesUnder(row.responsible, registry),
    status: statusOfRow(row, day, soon),
    feedbackLate: feedbackLateOfRow(row, day, cadence),
  }));
}

const isDueStatus = (value: unknown): value is DueStatus => (DUE_STATUSES as readonly unknown[]).includes(value);

/**
 * The column form: statuses as the 到期状态 column computed them (same as-of day and due-soon days). A cell that
 * holds no status (an error, blank) counts in 任务总数 only, as the portable summary's COUNTIF does.
 */
function summaryInputsFromColumns(responsible: unknown, status: unknown, feedbackLate: unknown, registry?: DepartmentRegistry): SummaryInputRow[] {
  return readComputedColumns(responsible, status, feedbackLate).map((row) => ({
    responsible: namesUnder(row.responsible, registry),
    status: isDueStatus(row.status) ? row.status : null,
    feedbackLate: row.feedbackLate === true,
  }));
}

const omitted = (value: unknown) => value === null || value === undefined;

/**
 * SOIL.DEPTSUMMARY: one row of counts for a department (SUMMARY_HEADERS without 责任单位); 反馈逾期 under the
 * cadence cells when given (说明!B7:B8), else the default rules' cadence (presets/rules).
 */
export function departmentSummaryOf(table: unknown, department: unknown, asOf?: unknown, soonDays?: unknown, registryRange?: unknown, cadence?: unknown, day?: unknown): number[][] {
  const written = textCell(department, "部门");
  if (written === "") throw invalidValue("请填写部门名称，如 县环保局");
  const registry = registryArg(registryRange);
  const inputs = summaryInputs(table, asOf, soonDays, registry, cadenceOf(cadence, day));
  // A name outside the registry still counts when the table itself uses it.
  const name = canonicalDepartment(written, registry) ?? (inputs.some((r) => r.responsible.includes(written)) ? written : null);
  if (name === null) throw notAvailable(`部门“${written}”不在部门名录中，任务表中也没有该单位`);
  const [summary] = summarizeByDepartment(inputs, [name], registry).departments;
  return [summaryRow(summary).slice(1) as number[]];
}

/**
 * SOIL.SUMMARY: header row, one row per department (registry order), then the 合计 row. With `status` (and
 * `feedbackLate`) the column form: `table` is the 责任单位 column and the counts come from the computed columns;
 * without, the whole table (workbooks written before) and every status computed here, 反馈逾期 under the cadence
 * cells when given (说明!B7:B8; omitted: the default rules' cadence; the column form takes 反馈逾期 from its
 * column, which the cadence already computed). `registry`: the 单位名录.
 */
export function summaryOf(
  table: unknown,
  asOf?: unknown,
  soonDays?: unknown,
  status?: unknown,
  feedbackLate?: unknown,
  registryRange?: unknown,
  cadence?: unknown,
  day?: unknown,
): (string | number)[][] {
  if (omitted(status) !== omitted(feedbackLate)) throw invalidValue(`“${headerOf("dueStatus")}”和“${headerOf("feedbackLate")}”两列应同时给出`);
  const registry = registryArg(registryRange);
  const inputs = omitted(status) ? summaryInputs(table, asOf, soonDays, registry, cadenceOf(cadence, day)) : summaryInputsFromColumns(table, status, feedbackLate, registry);
  const { departments, total } = summarizeByDepartment(inputs, undefined, registry);
  return [[...SUMMARY_HEADERS], ...departments.map(summaryRow), summaryRow(total)];
}
