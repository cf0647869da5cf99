/**
 * Due status: the one rule that the task pane, the custom functions, the .xlsx formulas and the
 * CLI all use to say where a requirement stands on a given day.
 */
import { Day, dayFromParts, partsFromDay } from "./dates";
import { Deadline } from "./deadline";
import { CADENCE_MONTHS, DEFAULT_CADENCE, DEFAULT_RULES, FeedbackCadence } from "./rules";

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

/** Default window for 临期 (due soon): data, presets/rules/default.json. */
export const DEFAULT_DUE_SOON_DAYS = DEFAULT_RULES.dueSoonDays;

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

/** The report deadline of the period that starts in `month` (1-based, may run past 12) of `year`. */
function periodDeadline(year: number, month: number, c: FeedbackCadence): Day {
  const m0 = year * 12 + (month - 1);
  return dayFromParts(Math.floor(m0 / 12), (m0 % 12) + 1, c.day);
}

/** The first month of the period the as-of day falls in, counted as year * 12 + month - 1. */
function periodStartMonth(asOf: Day, c: FeedbackCadence): number {
  const { year, month } = partsFromDay(asOf);
  const span = CADENCE_MONTHS[c.cadence];
  return year * 12 + Math.floor((month - 1) / span) * span;
}

/** The report deadline of the as-of day's period. */
export function currentReportDeadline(asOf: Day, c: FeedbackCadence = DEFAULT_CADENCE): Day {
  return periodDeadline(0, periodStartMonth(asOf, c) + 1, c);
}

/** The next feedback deadline on or after the as-of day (the deadline day itself counts). */
export function nextReportDeadline(asOf: Day, c: FeedbackCadence = DEFAULT_CADENCE): Day {
  const start = periodStartMonth(asOf, c);
  const here = periodDeadline(0, start + 1, c);
  return here >= asOf ? here : periodDeadline(0, start + 1 + CADENCE_MONTHS[c.cadence], c);
}

/** The latest feedback deadline strictly before the as-of day. */
export function lastReportDeadline(asOf: Day, c: FeedbackCadence = DEFAULT_CADENCE): Day {
  const start = periodStartMonth(asOf, c);
  const here = periodDeadline(0, start + 1, c);
  return here < asOf ? here : periodDeadline(0, start + 1 - CADENCE_MONTHS[c.cadence], c);
}

/** The deadline before `deadline` (one period earlier). */
export function previousReportDeadline(deadline: Day, c: FeedbackCadence = DEFAULT_CADENCE): Day {
  return lastReportDeadline(deadline, c);
}

/**
 * Feedback is late when the last deadline of the cadence has passed without a report for it: the
 * latest feedback is missing or dated no later than the deadline before that one. Completed
 * requirements owe no further reports.
 */
export function isFeedbackLate(latestFeedback: Day | null | undefined, asOf: Day, completed = false, c: FeedbackCadence = DEFAULT_CADENCE): boolean {
  if (completed) return false;
  const missed = lastReportDeadline(asOf, c);
  if (latestFeedback === null || latestFeedback === undefined) return true;
  return latestFeedback <= previousReportDeadline(missed, c);
}
