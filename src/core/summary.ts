/** Per-department counts of due status: what SOIL.SUMMARY, the pane and the .xlsx show. */
import { compareDepartments } from "./departments";
import { DueStatus } from "./status";

/** The statuses a summary row counts, in column order. 未到期 and 时限待定 count only in 合计. */
export const SUMMARY_STATUSES = ["已完成", "已逾期", "临期", "按期推进", "持续推进"] as const satisfies readonly DueStatus[];

export const SUMMARY_HEADERS = ["责任单位", "任务总数", ...SUMMARY_STATUSES, "反馈逾期", "完成率"] as const;

export interface SummaryInputRow {
  responsible: readonly string[];
  /** null: no status known (an error in a computed cell); counted in 任务总数 only. */
  status: DueStatus | null;
  feedbackLate: boolean;
}

export interface DepartmentSummary {
  department: string;
  total: number;
  byStatus: Record<(typeof SUMMARY_STATUSES)[number], number>;
  feedbackLate: number;
  /** 已完成 / 任务总数, 0 when there are none. */
  completionRate: number;
}

function emptySummary(department: string): DepartmentSummary {
  return { department, total: 0, byStatus: { 已完成: 0, 已逾期: 0, 临期: 0, 按期推进: 0, 持续推进: 0 }, feedbackLate: 0, completionRate: 0 };
}

function count(summary: DepartmentSummary, row: SummaryInputRow) {
  summary.total++;
  if (row.status !== null && row.status in summary.byStatus) summary.byStatus[row.status as keyof DepartmentSummary["byStatus"]]++;
  if (row.feedbackLate) summary.feedbackLate++;
}

function finish(summary: DepartmentSummary): DepartmentSummary {
  summary.completionRate = summary.total === 0 ? 0 : summary.byStatus.已完成 / summary.total;
  return summary;
}

/**
 * One row per department (a requirement with joint responsibility counts for each of its
 * departments) plus a total row that counts each requirement once.
 */
export function summarizeByDepartment(rows: readonly SummaryInputRow[], only?: readonly string[]): { departments: DepartmentSummary[]; total: DepartmentSummary } {
  const byName = new Map<string, DepartmentSummary>();
  for (const name of only ?? []) byName.set(name, emptySummary(name));
  const total = emptySummary("合计");
  for (const row of rows) {
    count(total, row);
    for (const name of new Set(row.responsible)) {
      let summary = byName.get(name);
      if (!summary) {
        if (only) continue;
        summary = emptySummary(name);
        byName.set(name, summary);
      }
      count(summary, row);
    }
  }
  const departments = [...byName.values()].sort((a, b) => compareDepartments(a.department, b.department)).map(finish);
  return { departments, total: finish(total) };
}

/** A summary as a row of cells in SUMMARY_HEADERS order. */
export function summaryRow(summary: DepartmentSummary): (string | number)[] {
  return [summary.department, summary.total, ...SUMMARY_STATUSES.map((s) => summary.byStatus[s]), summary.feedbackLate, summary.completionRate];
}
