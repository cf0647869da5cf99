/**
 * Feedback rounds. Departments report on their rows by the day the cadence says (督办规则: quarterly by
 * the 10th of each quarter's first month in the bundled plan, monthly by the 28th elsewhere…); the round
 * of a period is that deadline. A row counts as updated for the round when its
 * 最近反馈日期 is later than the previous round's deadline (the same window isFeedbackLate uses once the
 * deadline has passed), or when it is completed: completed rows owe no more reports.
 */
import { Day, dayFromParts, isoFromDay, partsFromDay } from "./dates";
import { parseDeadline } from "./deadline";
import { compareDepartments } from "./departments";
import { DepartmentRegistry } from "./registry";
import { CADENCE_MONTHS, cadenceText, DEFAULT_CADENCE, FeedbackCadence } from "./rules";
import { currentReportDeadline, previousReportDeadline } from "./status";
import { INPUT_DATE_RANGE } from "./layout";

export interface Quarter {
  year: number;
  /** 1..4 */
  quarter: number;
}

export function quarterOf(day: Day): Quarter {
  const { year, month } = partsFromDay(day);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** 2019年第1季度 */
export function quarterLabel(q: Quarter): string {
  return `${q.year}年第${q.quarter}季度`;
}

const QUARTER_WORDS = ["一", "二", "三", "四"];

/** 2018年第四季度: a quarter as an office writes it in a notice. */
export function quarterWords(q: Quarter): string {
  return `${q.year}年第${QUARTER_WORDS[q.quarter - 1]}季度`;
}

/**
 * The feedback round of quarter `q` by what it is about. Quarterly (督办规则, 说明!B7:B8): departments report on the
 * quarter before, by the report day of q's first month: "2018年第四季度进展反馈（截止 2019-01-10）" for the round of
 * 2019Q1, not "2019年第1季度反馈截止". Another cadence: the rule and the deadlines that fall in the quarter.
 */
export function roundLabel(q: Quarter, c: FeedbackCadence = DEFAULT_CADENCE): string {
  if (c.cadence === "quarterly") return `${quarterWords(previousQuarter(q))}进展反馈（截止 ${isoFromDay(roundDeadline(q, c))}）`;
  const deadlines = quarterDeadlines(q, c);
  return `${cadenceText(c)}反馈：${deadlines.length === 0 ? "本季度无截止日" : `本季度截止 ${deadlines.map(isoFromDay).join("、")}`}`;
}

/** The feedback deadlines of the cadence that fall in quarter `q` (each in its period's first month). */
export function quarterDeadlines(q: Quarter, c: FeedbackCadence = DEFAULT_CADENCE): Day[] {
  const first = (q.quarter - 1) * 3 + 1;
  const months = [first, first + 1, first + 2].filter((m) => (m - 1) % CADENCE_MONTHS[c.cadence] === 0);
  return months.map((m) => dayFromParts(q.year, m, c.day));
}

/** A round (the rounds panel's) in words: as roundLabel for a quarterly cadence, else its period and deadline. */
export function feedbackRoundLabel(round: Pick<FeedbackRound, "quarter" | "cadence" | "label" | "deadline">): string {
  if (round.cadence.cadence === "quarterly") return roundLabel(round.quarter, round.cadence);
  return `${round.label}进展反馈（截止 ${isoFromDay(round.deadline)}）`;
}

/** 2019Q1: short, ASCII digits, for sheet names and pickers. */
export function quarterCode(q: Quarter): string {
  return `${q.year}Q${q.quarter}`;
}

export function quarterFromCode(code: string): Quarter | null {
  const m = /^(\d{4})Q([1-4])$/.exec(code.trim());
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

/** Why a quarter cannot be reported on (its days lie outside the dates the sheet takes), or null. */
export function quarterRangeProblem(q: Quarter): string | null {
  if (quarterStart(q) >= INPUT_DATE_RANGE.min && quarterEnd(q) <= INPUT_DATE_RANGE.max) return null;
  return `${q.year}年第${q.quarter}季度不在表格可记录的日期范围内（${isoFromDay(INPUT_DATE_RANGE.min)} 至 ${isoFromDay(INPUT_DATE_RANGE.max)}）`;
}

export function quarterStart(q: Quarter): Day {
  return dayFromParts(q.year, (q.quarter - 1) * 3 + 1, 1);
}

export function quarterEnd(q: Quarter): Day {
  const next = q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
  return quarterStart(next) - 1;
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

/** The feedback deadline in a quarter's first month (the 10th in the bundled plan). */
export function roundDeadline(q: Quarter, c: FeedbackCadence = DEFAULT_CADENCE): Day {
  return dayFromParts(q.year, (q.quarter - 1) * 3 + 1, c.day);
}

/** The period of the cadence the as-of day falls in, in words: 2019年3月, 2019年第1季度, 2019年上半年, 2019年. */
export function periodLabel(asOf: Day, c: FeedbackCadence = DEFAULT_CADENCE): string {
  const { year, month } = partsFromDay(asOf);
  switch (CADENCE_MONTHS[c.cadence]) {
    case 1:
      return `${year}年${month}月`;
    case 3:
      return quarterLabel(quarterOf(asOf));
    case 6:
      return `${year}年${month <= 6 ? "上" : "下"}半年`;
    default:
      return `${year}年`;
  }
}

/** Quarters from `first` to `last`, newest first (for a picker). */
export function quartersBetween(first: Quarter, last: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let q = last; q.year > first.year || (q.year === first.year && q.quarter >= first.quarter); q = previousQuarter(q)) out.push(q);
  return out;
}

/**
 * The quarters a report can be written for, newest first: from the quarter of the table's earliest dated
 * 完成时限 (a "by" or "from" date) to the quarter of the as-of day. A table with no dated deadline, or
 * whose first one lies after the as-of day, offers the as-of day's quarter only.
 */
export function reportQuarters(deadlines: readonly string[], asOf: Day): Quarter[] {
  let earliest = asOf;
  for (const raw of deadlines) {
    const { date } = parseDeadline(raw);
    if (date !== null && date < earliest) earliest = date;
  }
  return quartersBetween(quarterOf(earliest), quarterOf(asOf));
}

export interface FeedbackRound {
  /** The quarter of the as-of day (reports are quarterly whatever the cadence). */
  quarter: Quarter;
  /** The cadence's period of the as-of day, in words (2019年第1季度, 2019年3月…). */
  label: string;
  cadence: FeedbackCadence;
  /** Reports are due on or before this day. */
  deadline: Day;
  /** Feedback dated after this day (the previous round's deadline) counts for this round. */
  windowAfter: Day;
  asOf: Day;
  /** Days from the as-of day to the deadline; negative once it has passed. */
  daysLeft: number;
  /** Whether the deadline is still ahead (or today). */
  open: boolean;
}

/** The round of the cadence's period the as-of day falls in. */
export function feedbackRound(asOf: Day, c: FeedbackCadence = DEFAULT_CADENCE): FeedbackRound {
  const deadline = currentReportDeadline(asOf, c);
  return {
    quarter: quarterOf(asOf),
    label: periodLabel(asOf, c),
    cadence: c,
    deadline,
    windowAfter: previousReportDeadline(deadline, c),
    asOf,
    daysLeft: deadline - asOf,
    open: asOf <= deadline,
  };
}

/** One requirement as the round looks at it. */
export interface RoundRow {
  id: string;
  text: string;
  responsible: readonly string[];
  /** Completed on the as-of day (isCompleted). */
  completed: boolean;
  lastFeedback: Day | null;
}

/** 按时反馈 on or before the deadline, 逾期补报 after it, 未反馈 none in the window; 已完成 owes none. */
export const ROW_FEEDBACK = ["按时反馈", "逾期补报", "未反馈", "已完成"] as const;
export type RowFeedback = (typeof ROW_FEEDBACK)[number];

export function rowFeedback(row: Pick<RoundRow, "completed" | "lastFeedback">, round: FeedbackRound): RowFeedback {
  if (row.completed) return "已完成";
  if (row.lastFeedback === null || row.lastFeedback <= round.windowAfter) return "未反馈";
  return row.lastFeedback <= round.deadline ? "按时反馈" : "逾期补报";
}

/** 已全部反馈: every row it owes is updated; 待反馈: some are not, deadline ahead; 逾期未反馈: some are not, deadline passed. */
export type DepartmentRoundState = "已全部反馈" | "待反馈" | "逾期未反馈";

export interface DepartmentRound {
  department: string;
  /** Rows it is responsible for (joint ones included). */
  rows: number;
  /** Rows that owe a report (not completed). */
  owing: number;
  updated: number;
  /** Updated after the deadline. */
  updatedLate: number;
  /** 编号 of the rows without feedback in this round. */
  missing: string[];
  state: DepartmentRoundState;
}

export interface RoundProgress {
  round: FeedbackRound;
  departments: DepartmentRound[];
  /** Rows without feedback in this round (late once the deadline has passed), in table order. */
  missingRows: RoundRow[];
}

/** Where each department stands in the round of the as-of day (departments in the registry's order). */
export function roundProgress(rows: readonly RoundRow[], asOf: Day, c: FeedbackCadence = DEFAULT_CADENCE, registry?: DepartmentRegistry): RoundProgress {
  const round = feedbackRound(asOf, c);
  const byDepartment = new Map<string, DepartmentRound>();
  const missingRows: RoundRow[] = [];
  for (const row of rows) {
    const feedback = rowFeedback(row, round);
    if (feedback === "未反馈") missingRows.push(row);
    for (const department of new Set(row.responsible)) {
      let d = byDepartment.get(department);
      if (!d) byDepartment.set(department, (d = { department, rows: 0, owing: 0, updated: 0, updatedLate: 0, missing: [], state: "已全部反馈" }));
      d.rows++;
      if (feedback === "已完成") continue;
      d.owing++;
      if (feedback === "未反馈") d.missing.push(row.id);
      else d.updated++;
      if (feedback === "逾期补报") d.updatedLate++;
    }
  }
  const departments = [...byDepartment.values()].sort((a, b) => compareDepartments(a.department, b.department, registry));
  for (const d of departments) d.state = d.missing.length === 0 ? "已全部反馈" : round.open ? "待反馈" : "逾期未反馈";
  return { round, departments, missingRows };
}
