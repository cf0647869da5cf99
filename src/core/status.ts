/**
 * Due status: the one rule that the task pane, the custom functions, the .xlsx formulas and the
 * CLI all use to say where a requirement stands on a given day.
 */
import { Day, dayFromParts, partsFromDay } from "./dates";
import { Deadline } from "./deadline";

/** 状态 that departments choose in the workbook. */
export const PROGRESS_STATES = ["未启动", "推进中", "已完成"] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/** 延期审批: decisions of the office on an extension request (申请延期至 + 延期理由). Blank: no decision yet. */
export const EXTENSION_DECISIONS = ["待审批", "同意", "不同意"] as const;
export type ExtensionDecision = (typeof EXTENSION_DECISIONS)[number];
export const EXTENSION_APPROVED: ExtensionDecision = "同意";

/** An extension request as the row holds it. */
export interface Extension {
  /** 申请延期至 */
  to: Day | null;
  /** 延期审批 as typed */
  decision: string | null;
}

/**
 * The deadline that due status uses: an approved extension with a date replaces the original one
 * (whatever its kind); anything else leaves the original deadline, which the sheet keeps showing.
 */
export function effectiveDeadline<D extends Pick<Deadline, "kind" | "date">>(deadline: D, extension?: Extension | null): D | { kind: "by"; date: Day } {
  if (extension && extension.to !== null && (extension.decision ?? "").trim() === EXTENSION_APPROVED) return { ...deadline, kind: "by", date: extension.to };
  return deadline;
}

/** 到期状态, in the order summaries list them. */
export const DUE_STATUSES = ["已完成", "已逾期", "临期", "按期推进", "持续推进", "未到期", "时限待定"] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

/** Default window for 临期 (due soon). */
export const DEFAULT_DUE_SOON_DAYS = 30;

export interface StatusInput {
  deadline: Pick<Deadline, "kind" | "date">;
  /** 状态 as typed; anything but 已完成 counts as not done. */
  progress?: string | null;
  /** 完成日期 */
  completedOn?: Day | null;
  asOf: Day;
  dueSoonDays?: number;
  /** An extension request; an approved one moves the deadline (effectiveDeadline). */
  extension?: Extension | null;
}

export function isProgressState(text: string): text is ProgressState {
  return (PROGRESS_STATES as readonly string[]).includes(text);
}

/** Done when marked 已完成, or when a completion date on or before the as-of day is filled in. */
export function isCompleted(progress: string | null | undefined, completedOn: Day | null | undefined, asOf: Day): boolean {
  if ((progress ?? "").trim() === "已完成") return true;
  return completedOn !== null && completedOn !== undefined && completedOn <= asOf;
}

export function dueStatus(input: StatusInput): DueStatus {
  const { asOf } = input;
  const deadline = effectiveDeadline(input.deadline, input.extension);
  if (isCompleted(input.progress, input.completedOn, asOf)) return "已完成";
  switch (deadline.kind) {
    case "by": {
      const due = deadline.date as Day;
      if (asOf > due) return "已逾期";
      return due - asOf <= (input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS) ? "临期" : "按期推进";
    }
    case "from":
      return asOf < (deadline.date as Day) ? "未到期" : "持续推进";
    case "ongoing":
      return "持续推进";
    default:
      return "时限待定";
  }
}

/** Whole days from the as-of day to the due day, negative once overdue; null without a due day. */
export function daysLeft(deadline: Pick<Deadline, "kind" | "date">, asOf: Day): number | null {
  return deadline.kind === "by" && deadline.date !== null ? deadline.date - asOf : null;
}

export function isOverdue(input: StatusInput): boolean {
  return dueStatus(input) === "已逾期";
}

/** Departments report before the 10th of January, April, July and October. */
export const REPORT_MONTHS = [1, 4, 7, 10] as const;
export const REPORT_DAY = 10;

/** The next quarterly feedback deadline on or after the as-of day (the deadline day itself counts). */
export function nextReportDeadline(asOf: Day): Day {
  const { year } = partsFromDay(asOf);
  for (const y of [year, year + 1]) {
    for (const month of REPORT_MONTHS) {
      const day = dayFromParts(y, month, REPORT_DAY);
      if (day >= asOf) return day;
    }
  }
  throw new Error("unreachable: a report deadline falls within every 12 months");
}

/** The latest quarterly feedback deadline strictly before the as-of day. */
export function lastReportDeadline(asOf: Day): Day {
  const { year } = partsFromDay(asOf);
  for (const y of [year, year - 1]) {
    for (const month of [...REPORT_MONTHS].reverse()) {
      const day = dayFromParts(y, month, REPORT_DAY);
      if (day < asOf) return day;
    }
  }
  throw new Error("unreachable: a report deadline falls within every 12 months");
}

/** The deadline before `deadline` (a quarter earlier). */
export function previousReportDeadline(deadline: Day): Day {
  return lastReportDeadline(deadline);
}

/**
 * Feedback is late when the last quarterly deadline has passed without a report for it: the
 * latest feedback is missing or dated no later than the deadline before that one. Completed
 * requirements owe no further reports.
 */
export function isFeedbackLate(latestFeedback: Day | null | undefined, asOf: Day, completed = false): boolean {
  if (completed) return false;
  const missed = lastReportDeadline(asOf);
  if (latestFeedback === null || latestFeedback === undefined) return true;
  return latestFeedback <= previousReportDeadline(missed);
}
