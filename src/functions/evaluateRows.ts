/**
 * Rows of the task table as read → what the rounds, the report and the extension list need, evaluated
 * at one as-of day by the code the SOIL functions run (functions/cells + core), not read from the
 * computed columns: a report for a past quarter needs another as-of day than the workbook's.
 */
import {
  columnIndex,
  ColumnKey,
  Day,
  daysLeft,
  DepartmentRegistry,
  DueStatus,
  effectiveDeadline,
  FeedbackCadence,
  isCompleted,
  resolveDepartments,
} from "../core";
import { dateCell, readSheetRow } from "./cells";
import { feedbackLateOfRow, statusOfRow } from "./evaluate";

export interface EvaluatedRow {
  /** 0-based row of the table body. */
  rowIndex: number;
  id: string;
  text: string;
  responsible: string[];
  deadlineRaw: string;
  /** The original 截止日期 (or the date of 完成时限). */
  originalDue: Day | null;
  /** The deadline due status uses: an approved extension's date, else the original one. */
  effectiveDue: Day | null;
  extended: boolean;
  progress: string;
  notes: string;
  completed: boolean;
  lastFeedback: Day | null;
  status: DueStatus;
  daysLeft: number | null;
  feedbackLate: boolean;
  extensionTo: Day | null;
  extensionReason: string;
  extensionAsked: Day | null;
  extensionDecision: string;
  /** A cell SOIL could not read (a word in a date column …), in Chinese; the row is then left out of counts. */
  problem: string | null;
}

const at = (key: ColumnKey) => columnIndex(key);

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/** Reads a cell, or null with the reason kept. */
function safely<T>(read: () => T, problems: string[]): T | null {
  try {
    return read();
  } catch (error) {
    problems.push((error as Error).message);
    return null;
  }
}

/** Evaluates the body rows that carry an 编号 at `asOf` with a due-soon window of `dueSoonDays` and the feedback cadence of 督办规则. */
export function evaluateRows(
  rows: readonly (readonly unknown[])[],
  asOf: Day,
  dueSoonDays?: number,
  cadence?: FeedbackCadence,
  /** The workbook's 单位名录 (the bundled registry when not given). */
  registry?: DepartmentRegistry,
): EvaluatedRow[] {
  const out: EvaluatedRow[] = [];
  rows.forEach((row, rowIndex) => {
    const id = text(row[at("id")]);
    if (id === "") return;
    const problems: string[] = [];
    const input = readSheetRow(row, problems);
    const cellDate = (key: ColumnKey) => safely(() => dateCell(row[at(key)], { key }), problems) ?? null;
    const deadline = input.deadline;
    const effective = effectiveDeadline(deadline, input.extension);
    const completed = isCompleted(input.progress, input.completedOn, asOf);
    const lastFeedback = input.lastFeedback ?? null;
    out.push({
      rowIndex,
      id,
      text: text(row[at("text")]),
      responsible: resolveDepartments(text(row[at("responsible")]), registry).names,
      deadlineRaw: text(row[at("deadlineRaw")]),
      originalDue: deadline.kind === "by" ? deadline.date : null,
      effectiveDue: effective.kind === "by" ? effective.date : null,
      extended: effective !== deadline,
      progress: text(row[at("progress")]),
      notes: text(row[at("notes")]),
      completed,
      lastFeedback,
      status: statusOfRow(input, asOf, dueSoonDays),
      daysLeft: daysLeft(effective, asOf),
      feedbackLate: feedbackLateOfRow({ ...input, lastFeedback }, asOf, cadence),
      extensionTo: input.extension?.to ?? null,
      // A date typed as a word is no date, but it is a request: its reason shows it in the list.
      extensionReason: text(row[at("extensionReason")]) || (text(row[at("extensionTo")]) !== "" && input.extension?.to === null ? `（申请延期至“${text(row[at("extensionTo")])}”不是日期）` : ""),
      extensionAsked: cellDate("extensionAsked"),
      extensionDecision: text(row[at("extensionDecision")]),
      problem: problems.length > 0 ? [...new Set(problems)].join("；") : null,
    });
  });
  return out;
}
