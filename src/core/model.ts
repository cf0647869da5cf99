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
  /** Cells of the table's columns SOIL does not use (备注…), by header name: written after SOIL's own columns. */
  extras?: Record<string, string>;
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
  /** 类别: the section rows above the task (一、… / （一）…), joined by " / ". */
  category?: string;
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
  | "other-plan"
  /** How the columns were read: a header name mapped, a column missing and filled in, a mapping given by the user. */
  | "column-mapping"
  /** The columns could only be guessed: nothing is written before the user confirms a mapping. */
  | "unconfirmed-columns"
  /** A section row (一、… / （一）…) read as the 类别 of the tasks under it. */
  | "section"
  /** A row of a year-column schedule split into one requirement per year. */
  | "year-split"
  /** Tasks numbered by SOIL (the table has no 序号), or each requirement made its own task. */
  | "numbering"
  /** Line breaks inside a cell read as a list (units, deadlines). */
  | "cell-list"
  /** The plan's year supplied to a deadline written without one (年底前). */
  | "year-supplied";

export interface Diagnostic {
  line: number;
  severity: Severity;
  code: DiagnosticCode;
  /** Chinese, for the clerk. */
  message: string;
  /** What to do about it, for the problems that stop an import. */
  hint?: string;
  /** The task (序号) the diagnostic is about, where known: a place the user finds in the workbook. */
  task?: number;
  /** The column (its header name in the source table) the diagnostic is about, where known. */
  column?: string;
}

/** How the table's columns were read, for the pane's mapping step and the CLI's messages. */
export interface TableColumns {
  /** Line of the header row (the first one), or of the first data row when there is none. */
  line: number;
  /** Each column's header name as written (cleaned), or "第n列" without a header. */
  names: string[];
  /** What each column holds (see ColumnRole in columns.ts). */
  roles: string[];
  /**
   * recognised: by the header's names; confirmed: by a mapping the user gave; guessed: an order assumed
   * (no header) — never written before the user confirms; unrecognised: no usable header (nothing read).
   */
  status: "recognised" | "confirmed" | "guessed" | "unrecognised";
  /** The first data rows under the header, as cells, for the mapping step's preview. */
  preview: string[][];
}

export interface ParsedTable {
  tasks: Task[];
  /** Every body the table names (lead, partner or responsible), registry order, unknown last. */
  departments: string[];
  diagnostics: Diagnostic[];
  /** How the columns were read (absent when the text could not be read at all). */
  columns?: TableColumns;
  /** Names of the kept columns SOIL does not use, in table order (the workbook's extra columns). */
  extraColumns?: string[];
  /** The plan's year used for deadlines written without one, when one was used. */
  planYear?: number;
}

export function allRequirements(table: ParsedTable): Requirement[] {
  return table.tasks.flatMap((t) => t.requirements);
}
