/**
 * What departments type into the input columns of 任务清单 (状态, 进展情况, 最近反馈日期, 完成日期, an
 * extension request with the office's decision),
 * and what the domain core says the computed columns must then show.
 */
import type ExcelJS from "exceljs";
import { Day, dayFromIso, serialFromDay } from "../../src/core/dates";
import { columnIndex, DATE_FORMAT, responsibleDepartments, SHEETS } from "../../src/core/layout";
import { allRequirements, ParsedTable, Requirement } from "../../src/core/model";
import { DEFAULT_CADENCE, FeedbackCadence } from "../../src/core/rules";
import { daysLeft, DueStatus, dueStatus, effectiveDeadline, isCompleted, isFeedbackLate } from "../../src/core/status";
import { DepartmentSummary, summarizeByDepartment } from "../../src/core/summary";

export interface DepartmentInput {
  progress?: string;
  notes?: string;
  lastFeedback?: Day;
  completedOn?: Day;
  /** 申请延期至 and 延期审批 */
  extensionTo?: Day;
  extensionDecision?: string;
}

const day = (iso: string) => dayFromIso(iso)!;

/**
 * A deterministic spread of what departments report, chosen to cross the as-of dates the tests
 * use: completed by 状态 alone, by a 完成日期 before / on / after the as-of day, feedback exactly on
 * a report deadline (the boundary of 反馈逾期) and the day after, feedback long ago, nothing at all.
 */
const PATTERNS: (DepartmentInput | null)[] = [
  null,
  { progress: "推进中", notes: "已部署", lastFeedback: day("2018-01-09") },
  { progress: "已完成", notes: "已完成", completedOn: day("2018-06-30"), lastFeedback: day("2018-06-30") },
  { progress: "推进中", lastFeedback: day("2018-10-10") },
  { completedOn: day("2018-12-20"), lastFeedback: day("2018-12-20") },
  { progress: "已完成" },
  { progress: "推进中", lastFeedback: day("2020-10-11") },
  { progress: "推进中", lastFeedback: day("2017-10-10") },
  { progress: "未启动", lastFeedback: day("2018-03-15") },
  { completedOn: day("2021-06-30"), notes: "计划2021年6月完成" },
  // Extension requests: approved (moves the deadline, also of a 持续推进 or 2017年起 row), refused, pending.
  { progress: "推进中", extensionTo: day("2019-03-31"), extensionDecision: "同意", lastFeedback: day("2018-12-01") },
  { progress: "推进中", extensionTo: day("2019-03-31"), extensionDecision: "不同意" },
  { extensionTo: day("2018-12-25"), extensionDecision: "待审批" },
  { extensionTo: day("2018-12-10"), extensionDecision: "同意" },
];

export function sampleInputs(table: ParsedTable): Map<string, DepartmentInput> {
  const inputs = new Map<string, DepartmentInput>();
  allRequirements(table).forEach((r, i) => {
    // A step coprime with the number of patterns, so that every pattern is used.
    const pattern = PATTERNS[(i * 5) % PATTERNS.length];
    if (pattern) inputs.set(r.id, pattern);
  });
  return inputs;
}

/** Types the inputs into the task sheet the way Excel stores them (a typed date is a serial with a date format). */
export function typeInputs(workbook: ExcelJS.Workbook, inputs: Map<string, DepartmentInput>): void {
  const sheet = workbook.getWorksheet(SHEETS.tasks)!;
  const col = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key) + 1;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const input = inputs.get(String(row.getCell(col("id")).value));
    if (!input) return;
    if (input.progress !== undefined) row.getCell(col("progress")).value = input.progress;
    if (input.notes !== undefined) row.getCell(col("notes")).value = input.notes;
    if (input.extensionDecision !== undefined) row.getCell(col("extensionDecision")).value = input.extensionDecision;
    for (const [key, value] of [
      ["lastFeedback", input.lastFeedback],
      ["completedOn", input.completedOn],
      ["extensionTo", input.extensionTo],
    ] as const) {
      if (value === undefined) continue;
      const cell = row.getCell(col(key));
      cell.value = serialFromDay(value);
      cell.numFmt = DATE_FORMAT;
    }
  });
}

export interface ExpectedRow {
  requirement: Requirement;
  status: DueStatus;
  daysLeft: number | null;
  feedbackLate: boolean;
}

/** The computed columns and the department summary as the domain core has them. */
export function expectedByCore(table: ParsedTable, inputs: Map<string, DepartmentInput>, asOf: Day, dueSoonDays = 30, cadence: FeedbackCadence = DEFAULT_CADENCE) {
  const rows: ExpectedRow[] = allRequirements(table).map((r) => {
    const input = inputs.get(r.id) ?? {};
    const completed = isCompleted(input.progress, input.completedOn, asOf);
    const extension = { to: input.extensionTo ?? null, decision: input.extensionDecision ?? null };
    return {
      requirement: r,
      status: dueStatus({ deadline: r.deadline, progress: input.progress, completedOn: input.completedOn, asOf, dueSoonDays, extension }),
      daysLeft: daysLeft(effectiveDeadline(r.deadline, extension), asOf),
      feedbackLate: isFeedbackLate(input.lastFeedback, asOf, completed, cadence),
    };
  });
  const summary = summarizeByDepartment(
    rows.map((row) => ({ responsible: row.requirement.responsible, status: row.status, feedbackLate: row.feedbackLate })),
    responsibleDepartments(table),
  );
  return { rows, summary };
}

export type { DepartmentSummary };
