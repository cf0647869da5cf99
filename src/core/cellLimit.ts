/**
 * Excel's limit on a cell: "Total number of characters that a cell can contain: 32,767 characters"
 * (Microsoft, Excel specifications and limits:
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * A longer text written into a file makes Excel report the file as damaged; written through Office.js it
 * fails the request. Every SOIL writer checks here: data cells (a requirement, a department's 进展情况) are
 * refused or set aside, never cut; only copies shown for information (合并冲突, 修改记录, a report) are
 * shortened, with a visible marker saying how long the original is and where it still is whole.
 */
import { DepartmentMergePlan, MergeIssue, setAsideUpdates } from "./departmentMerge";
import { SoilUserError } from "./errors";

export const MAX_CELL_CHARACTERS = 32_767;

/** Characters of a cell value as Excel counts them (UTF-16 code units, like JavaScript's length). */
export function cellLength(value: unknown): number {
  return typeof value === "string" ? value.length : 0;
}

export function cellTooLong(value: unknown): boolean {
  return cellLength(value) > MAX_CELL_CHARACTERS;
}

/** Why a value cannot go into one cell (`where` names it: 第 12 行“工作要求”), or null when it fits. */
export function cellLengthProblem(value: unknown, where: string): string | null {
  if (!cellTooLong(value)) return null;
  return `${where}有 ${cellLength(value).toLocaleString("en-US")} 个字符，超过 Excel 单元格的上限 ${MAX_CELL_CHARACTERS.toLocaleString("en-US")} 个字符`;
}

/** Throws a SoilUserError naming the first cell (row and column) longer than Excel's limit. */
export function assertCellFits(value: unknown, where: string, hint = "请缩短该单元格的内容（可将长文另存为附件），再重试。"): void {
  const problem = cellLengthProblem(value, where);
  if (problem !== null) throw new SoilUserError(problem, hint);
}

/**
 * A copy of a text for a cell that only shows it (a log, a report): the text itself when it fits, else its
 * start and a marker with the original length and where the whole text is (`whole`: 部门交回的文件 …).
 */
export function shownInCell(text: string, whole: string): string {
  if (text.length <= MAX_CELL_CHARACTERS) return text;
  const marker = `……【已截断：原文 ${text.length.toLocaleString("en-US")} 个字符，超过 Excel 单元格上限，全文见${whole}】`;
  let head = text.slice(0, MAX_CELL_CHARACTERS - marker.length);
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return head + marker;
}

/**
 * A merge plan that writes no cell Excel cannot hold: an update whose value is longer than the limit (a
 * department's 1 MB 进展情况) is not written but listed in 合并冲突, and every text of the 合并冲突 rows is
 * shown within the limit (the whole value stays in the department's file).
 */
export function fitMergePlan(plan: DepartmentMergePlan): DepartmentMergePlan {
  const tooLong = plan.updates.filter((u) => cellTooLong(u.value));
  const fit = (issue: MergeIssue): MergeIssue => ({
    ...issue,
    office: shownInCell(issue.office, "主表"),
    departmentValue: shownInCell(issue.departmentValue, "部门交回的文件"),
    baseline: shownInCell(issue.baseline, "部门交回的文件（导出时的原值）"),
    reason: shownInCell(issue.reason, "合并结果"),
  });
  const planned = setAsideUpdates(plan, tooLong, (u) => `${cellLengthProblem(u.value, "部门填写的内容")}，未写入；请部门精简后重新交回`);
  return { ...planned, conflicts: planned.conflicts.map(fit), rejected: planned.rejected.map(fit), ignored: planned.ignored.map(fit) };
}
