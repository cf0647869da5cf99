/**
 * Re-import planning: a newer version of the key-task table against a task sheet that departments
 * have already filled in. Pure: the rows as read from the workbook and the new ParsedTable in, a plan
 * out. The task pane carries the plan out with Office.js; nothing here knows about Excel.
 *
 * Rules: rows are matched by 编号 (requirement id). Typed cells (role "input") are never part of
 * the plan. Source cells of matched rows are rewritten only when they differ. New requirements go
 * to the end of the table. Requirements missing from the new table are moved to 归档 with their
 * typed cells, never deleted. Rows without an id (added by hand) are left alone.
 */
import { dayFromSerial } from "./dates";
import { SoilUserError } from "./errors";
import { CellValue, ColumnKey, departmentListText, ROW_INPUT_WIDTH, sourceCells, TASK_COLUMNS, TASK_HEADERS, taskColumnCount, taskRows } from "./layout";
import { ParsedTable, Requirement, Task } from "./model";

/**
 * The task table as read from the workbook: header row and body rows, cells in TASK_COLUMNS order (the first
 * taskColumnCount(headers) of them: a workbook written before 参与部门 has none, and what follows is not SOIL's).
 */
export interface ExistingTaskTable {
  headers: readonly unknown[];
  rows: readonly (readonly unknown[])[];
}

/** New source cells for one existing row (0-based index into the body rows as read). */
export interface SourceUpdate {
  rowIndex: number;
  id: string;
  cells: Partial<Record<ColumnKey, CellValue>>;
}

/** A row to move to 归档: its cells up to 完成日期, exactly as read. */
export interface ArchivedRow {
  rowIndex: number;
  id: string;
  cells: unknown[];
}

export interface TextChange {
  id: string;
  before: string;
  after: string;
}

export interface ReimportReport {
  added: { id: string; text: string; responsible: string }[];
  archived: { id: string; text: string; typedCells: number }[];
  textChanged: TextChange[];
  deadlineChanged: TextChange[];
  responsibleChanged: TextChange[];
  /** Matched rows whose source cells are rewritten (any source column). */
  updated: number;
  /** Matched rows left exactly as they were. */
  unchanged: number;
  /** Rows without 编号: not matched, left as they are. */
  rowsWithoutId: number;
  /** Things a clerk should check, in Chinese. */
  warnings: string[];
}

export interface ReimportPlan {
  /** SOIL's columns in this sheet (taskColumnCount): updates and additions cover these, never a column after them. */
  width: number;
  updates: SourceUpdate[];
  archive: ArchivedRow[];
  /** Rows (TASK_COLUMNS order, `width` cells) for the new requirements, formulas set for their final sheet rows. */
  additions: CellValue[][];
  /** Body rows once archived rows are gone and additions appended. */
  finalRowCount: number;
  report: ReimportReport;
}

const INDEX = Object.fromEntries(TASK_COLUMNS.map((c, i) => [c.key, i])) as Record<ColumnKey, number>;
const INPUT_KEYS = TASK_COLUMNS.filter((c) => c.role === "input").map((c) => c.key);

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function textOf(value: unknown): string {
  return isBlank(value) ? "" : String(value).trim();
}

/** Whether a cell as read already holds what the layout would write. */
function sameCell(read: unknown, wanted: CellValue): boolean {
  if (wanted === null) return isBlank(read);
  if (typeof wanted === "object" && "date" in wanted) return typeof read === "number" && dayFromSerial(read) === wanted.date;
  if (typeof wanted === "number") return read === wanted || (typeof read === "string" && Number(read.trim()) === wanted);
  if (typeof wanted === "string") return textOf(read) === wanted.trim();
  return read === wanted;
}

/**
 * Throws SoilUserError when the header row is not the layout's: every reader of the task sheet finds its
 * columns by position. `where` names the workbook in the message ("主表", "工作簿中").
 */
export function checkTaskHeaders(headers: readonly unknown[], where: string, hint = "请勿在任务表中增删或调换列；恢复原来的列后再试。"): void {
  // Up to 起始日期 at least; 参与部门 after it where the workbook has it (taskColumnCount).
  const at = TASK_HEADERS.slice(0, taskColumnCount(headers)).findIndex((h, i) => textOf(headers[i]) !== h);
  if (at < 0) return;
  throw new SoilUserError(`${where}的“任务清单”表头与 SOIL 版式不一致（第 ${at + 1} 列应为“${TASK_HEADERS[at]}”，实际为“${textOf(headers[at]) || "空白"}”）。`, hint);
}

/** Plans a re-import of `table` into the task sheet read as `existing`. Throws SoilUserError when the sheet is not SOIL's layout. */
export function planReimport(existing: ExistingTaskTable, table: ParsedTable): ReimportPlan {
  checkTaskHeaders(existing.headers, "当前工作簿", "请勿在任务表中增删或调换列；恢复原来的列顺序后再重新导入。");
  const width = taskColumnCount(existing.headers);
  /** The source cells this sheet has a column for: in an older workbook, 参与部门's place holds 类别 or the source's own columns. */
  const sourceCellsHere = (task: Task, r: Requirement) => {
    const cells = sourceCells(task, r);
    for (const c of TASK_COLUMNS.slice(width)) delete cells[c.key];
    return cells;
  };
  const report: ReimportReport = {
    added: [],
    archived: [],
    textChanged: [],
    deadlineChanged: [],
    responsibleChanged: [],
    updated: 0,
    unchanged: 0,
    rowsWithoutId: 0,
    warnings: [],
  };
  if (width < TASK_COLUMNS.length) {
    const missing = TASK_COLUMNS.slice(width).map((c) => `“${c.header}”`).join("");
    report.warnings.push(`此工作簿由较早版本的 SOIL 生成，任务清单中没有${missing}列，本次重新导入未写入该列（其后的类别等列保持不变）；如需此列，请在新建的空白工作簿中重新生成。`);
  }

  const incoming = new Map<string, { task: Task; requirement: Requirement }>();
  for (const task of table.tasks) {
    for (const requirement of task.requirements) {
      if (incoming.has(requirement.id)) {
        report.warnings.push(`新表中编号 ${requirement.id} 出现多次（第 ${requirement.line} 行），按新增处理，请核对原表的任务序号。`);
        continue;
      }
      incoming.set(requirement.id, { task, requirement });
    }
  }

  const updates: SourceUpdate[] = [];
  const archive: ArchivedRow[] = [];
  const matched = new Set<Requirement>();
  const oldTextById = new Map<string, string>();

  existing.rows.forEach((row, rowIndex) => {
    const id = textOf(row[INDEX.id]);
    if (id === "") {
      report.rowsWithoutId++;
      return;
    }
    if (oldTextById.has(id)) {
      report.warnings.push(`任务清单中编号 ${id} 重复（第 ${rowIndex + 2} 行），该行保持不变，请人工核对。`);
      return;
    }
    oldTextById.set(id, textOf(row[INDEX.text]));
    const match = incoming.get(id);
    if (!match) {
      const typedCells = INPUT_KEYS.filter((k) => !isBlank(row[INDEX[k]]) && !(k === "progress" && textOf(row[INDEX[k]]) === "未启动")).length;
      archive.push({ rowIndex, id, cells: Array.from({ length: ROW_INPUT_WIDTH }, (_, i) => row[i] ?? null) });
      report.archived.push({ id, text: textOf(row[INDEX.text]), typedCells });
      return;
    }
    matched.add(match.requirement);
    const wanted = sourceCellsHere(match.task, match.requirement);
    const differs = (Object.keys(wanted) as ColumnKey[]).some((k) => !sameCell(row[INDEX[k]], wanted[k] as CellValue));
    if (!differs) {
      report.unchanged++;
      return;
    }
    updates.push({ rowIndex, id, cells: wanted });
    report.updated++;
    const change = (key: ColumnKey, list: TextChange[]) => {
      const before = textOf(row[INDEX[key]]);
      const after = textOf(wanted[key]);
      if (before !== after) list.push({ id, before, after });
    };
    change("text", report.textChanged);
    change("deadlineRaw", report.deadlineChanged);
    change("responsible", report.responsibleChanged);
  });

  // A changed text that equals another id's old text usually means the new table inserted or
  // removed a requirement and the ids after it moved up or down.
  const idByOldText = new Map([...oldTextById].map(([id, text]) => [text, id]));
  for (const change of report.textChanged) {
    const other = idByOldText.get(change.after);
    if (other !== undefined && other !== change.id) {
      report.warnings.push(
        `编号 ${change.id} 的新工作要求与原编号 ${other} 的相同，可能是新表增删条目使编号顺延；各单位填写的内容仍按编号对应，请核对。`,
      );
    }
  }

  const keptRowCount = existing.rows.length - archive.length;
  const addedTable: ParsedTable = {
    ...table,
    tasks: table.tasks
      .map((task) => ({ ...task, requirements: task.requirements.filter((r) => !matched.has(r)) }))
      .filter((task) => task.requirements.length > 0),
  };
  const additions = taskRows(addedTable, { flavor: "addin", firstRow: 2 + keptRowCount }).map((row) => row.slice(0, width));
  for (const task of addedTable.tasks) {
    for (const r of task.requirements) report.added.push({ id: r.id, text: r.text, responsible: departmentListText(r.responsible) });
  }

  return { width, updates, archive, additions, finalRowCount: keptRowCount + additions.length, report };
}
