/** The typed model of the key-task table (重点任务部门分工表). */
import { Deadline } from "./deadline";

export interface Requirement {
  /** "<task>.<k>", k counting the task's requirements from 1 in table order. */
  id: string;
  taskNo: number;
  /** 工作要求 */
  text: string;
  /** 责任单位, canonical names. */
  responsible: string[];
  /** 责任单位 as written. */
  responsibleRaw: string;
  /** 完成时限 */
  deadline: Deadline;
  /** 1-based source line where the requirement starts. */
  line: number;
}

export interface Task {
  /** 序号 */
  no: number;
  /** The heading of 主要工作 without its number: （一）开展土壤环境质量详查。 → 开展土壤环境质量详查 */
  title: string;
  /** The whole 主要工作 text. */
  mainWork: string;
  /** 牵头部门, canonical names. */
  lead: string[];
  /** 参与部门, canonical names. */
  partners: string[];
  requirements: Requirement[];
  line: number;
}

export type Severity = "info" | "warning" | "error";

export type DiagnosticCode =
  | "no-header"
  | "page-break"
  | "continued"
  | "repeated-chars"
  | "sub-block"
  | "merged-cell"
  | "textless-row"
  | "duplicate-row"
  | "duplicate-task"
  | "task-order"
  | "heading"
  | "orphan-row"
  | "columns"
  | "department-alias"
  | "department-spaces"
  | "department-split"
  | "unknown-department"
  | "missing-deadline"
  | "repeated-deadline"
  | "unknown-deadline"
  | "empty-requirement"
  /** Zero-width spaces, bidi controls … removed from a line's cells (inputCheck.invisibleCharacters). */
  | "invisible-character"
  /** The text itself cannot be read (empty, too large, binary): nothing is parsed. */
  | "input"
  /** A header with columns missing or repeated: the rows under it are not read. */
  | "missing-columns"
  /** Header columns SOIL does not use (备注…), ignored. */
  | "ignored-columns"
  /** Most 责任单位 unknown to the registry: a table of another plan. */
  | "other-plan";

export interface Diagnostic {
  line: number;
  severity: Severity;
  code: DiagnosticCode;
  /** Chinese, for the clerk. */
  message: string;
  /** What to do about it, for the problems that stop an import. */
  hint?: string;
}

export interface ParsedTable {
  tasks: Task[];
  /** Every body the table names (lead, partner or responsible), registry order, unknown last. */
  departments: string[];
  diagnostics: Diagnostic[];
}

export function allRequirements(table: ParsedTable): Requirement[] {
  return table.tasks.flatMap((t) => t.requirements);
}
