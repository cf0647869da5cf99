/**
 * Extension requests (延期申请): a department asks, before its deadline, for a later one with a reason
 * (申请延期至, 延期理由, 申请日期); the office decides in 延期审批. An approved request becomes the deadline
 * due status uses (effectiveDeadline in status.ts); the original 截止日期 stays in the sheet.
 */
import { Day, isoFromDay } from "./dates";
import { EXTENSION_APPROVED, EXTENSION_DECISIONS } from "./status";

export interface ExtensionRow {
  rowIndex: number;
  id: string;
  text: string;
  responsible: readonly string[];
  deadlineRaw: string;
  /** The original deadline's date, null when it has none (持续推进 …). */
  originalDue: Day | null;
  extensionTo: Day | null;
  extensionReason: string;
  extensionAsked: Day | null;
  extensionDecision: string;
}

export interface ExtensionRequest extends ExtensionRow {
  /** No decision yet (blank or 待审批). */
  pending: boolean;
  approved: boolean;
  /** Why the request cannot be approved as it stands, in Chinese; empty when it can. */
  problems: string[];
}

const PENDING = EXTENSION_DECISIONS[0];

/** What stands in the way of approving a request. */
export function extensionProblems(row: ExtensionRow): string[] {
  const problems: string[] = [];
  if (row.extensionTo === null) problems.push("未填写“申请延期至”日期");
  if (row.extensionReason.trim() === "") problems.push("未填写延期理由");
  if (row.originalDue !== null && row.extensionTo !== null && row.extensionTo <= row.originalDue) {
    problems.push(`申请的日期 ${isoFromDay(row.extensionTo)} 不晚于原截止日期 ${isoFromDay(row.originalDue)}`);
  }
  if (row.originalDue !== null && row.extensionAsked !== null && row.extensionAsked > row.originalDue) {
    problems.push(`申请于 ${isoFromDay(row.extensionAsked)} 提出，已过原截止日期 ${isoFromDay(row.originalDue)}（应在截止日期前申请）`);
  }
  if (row.originalDue !== null && row.extensionAsked === null) problems.push("未填写申请日期，无法确认是否在截止日期前提出");
  return problems;
}

/** Rows with a request (a date or a reason typed, or a decision made), pending ones first, in table order. */
export function extensionRequests(rows: readonly ExtensionRow[]): ExtensionRequest[] {
  const requests = rows
    .filter((r) => r.extensionTo !== null || r.extensionReason.trim() !== "" || r.extensionDecision.trim() !== "")
    .map((r) => {
      const decision = r.extensionDecision.trim();
      return { ...r, pending: decision === "" || decision === PENDING, approved: decision === EXTENSION_APPROVED, problems: extensionProblems(r) };
    });
  return [...requests.filter((r) => r.pending), ...requests.filter((r) => !r.pending)];
}
