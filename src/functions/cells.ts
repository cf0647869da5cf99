/**
 * Raw cell values, as Excel hands them to SOIL.* functions, turned into core inputs.
 *
 * Excel passes numbers (dates are serials), strings, booleans, "" or null for empty cells, and — with
 * allowErrorForDataTypeAny — error values as objects with a `code` such as "#N/A". Everything here is
 * plain TypeScript: a mistake in the input becomes a CellInputError with a Chinese message, which the
 * wrapper boundary (guard.ts) turns into #VALUE! or #N/A.
 */
import {
  columnIndex,
  columnLetter,
  ColumnKey,
  Day,
  dayFromIso,
  dayFromParts,
  dayFromSerial,
  Deadline,
  isoFromDay,
  isValidDate,
  parseDeadline,
  ROW_INPUT_WIDTH,
  SoilUserError,
  TASK_COLUMNS,
  today,
  toHalfWidth,
} from "../core";

/** Which Excel error a mistake shows as: #VALUE! (wrong input) or #N/A (no answer for this input). */
export type CellErrorKind = "invalidValue" | "notAvailable";

export class CellInputError extends SoilUserError {
  constructor(
    readonly kind: CellErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "CellInputError";
  }
}

export const invalidValue = (message: string) => new CellInputError("invalidValue", message);
export const notAvailable = (message: string) => new CellInputError("notAvailable", message);

/** The header of a task-sheet column, for messages ("完成日期"). */
export function headerOf(key: ColumnKey): string {
  return TASK_COLUMNS[columnIndex(key)].header;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** Short text of a value for a message: strings quoted, long ones cut. */
function shown(value: unknown): string {
  const text = String(value);
  return typeof value === "string" ? `“${text.length > 20 ? text.slice(0, 20) + "…" : text}”` : text;
}

/**
 * Rejects what is not a plain cell value: an error value (#N/A, #REF! … — kept as #N/A when it is #N/A)
 * or a data type (entity, image).
 */
function plainCell(value: unknown, what: string): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  const code = (value as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("#")) {
    const make = code === "#N/A" ? notAvailable : invalidValue;
    throw make(`${what}是错误值 ${code}，请先更正该单元格`);
  }
  throw invalidValue(`${what}不是文字、数字或日期，SOIL 函数无法读取`);
}

const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;

/** A date typed as text: 2018-06-30, 2018/6/30, 2018年6月30日 (full-width digits too). */
function dayFromText(text: string): Day | null {
  const compact = toHalfWidth(text).replace(/\s+/g, "");
  const iso = dayFromIso(compact);
  if (iso !== null) return iso;
  const m = CHINESE_DATE.exec(compact);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? dayFromParts(y, mo, d) : null;
}

/** A date cell (serial or date text); null when empty. `what` names the cell in messages. */
export function dateCell(value: unknown, what: string): Day | null {
  const cell = plainCell(value, what);
  if (isEmpty(cell)) return null;
  if (typeof cell === "number") {
    const day = dayFromSerial(cell);
    if (day === null) throw invalidValue(`${what}的数值 ${cell} 不是有效的 Excel 日期`);
    return day;
  }
  if (typeof cell === "string") {
    const day = dayFromText(cell);
    if (day !== null) return day;
  }
  throw invalidValue(`${what}${shown(cell)}不是日期，请填写日期（如 2018-06-30）`);
}

/** The as-of date argument: empty or omitted means today (one non-volatile as-of cell is passed in). */
export function asOfDay(value: unknown, now: () => Day = today): Day {
  return dateCell(value, "统计日期") ?? now();
}

/** The due-soon window in days: empty or omitted means the core default. */
export function dueSoonDays(value: unknown): number | undefined {
  const cell = plainCell(value, "临期提醒天数");
  if (isEmpty(cell)) return undefined;
  const n = typeof cell === "number" ? cell : typeof cell === "string" ? Number(toHalfWidth(cell).trim()) : NaN;
  if (!Number.isFinite(n) || n < 0) throw invalidValue(`临期提醒天数应为不小于 0 的整数，收到 ${shown(cell)}`);
  return Math.floor(n);
}

/** Parsed deadlines are shared between calls: a sheet has few distinct 完成时限 texts. */
const deadlineCache = new Map<string, Deadline>();
const CACHE_LIMIT = 2000;

function cachedDeadline(text: string): Deadline {
  let deadline = deadlineCache.get(text);
  if (!deadline) {
    if (deadlineCache.size >= CACHE_LIMIT) deadlineCache.clear();
    deadline = parseDeadline(text);
    deadlineCache.set(text, deadline);
  }
  return deadline;
}

/** A 完成时限 cell: deadline text (2018年底, 持续推进 …) or a date. */
export function deadlineCell(value: unknown, what = headerOf("deadlineRaw")): Deadline {
  const cell = plainCell(value, what);
  if (typeof cell === "number") {
    const day = dayFromSerial(cell);
    if (day === null) throw invalidValue(`${what}的数值 ${cell} 不是有效的 Excel 日期`);
    return { raw: isoFromDay(day), kind: "by", date: day };
  }
  if (typeof cell === "boolean") throw invalidValue(`${what}应为文字或日期，收到 ${cell}`);
  return cachedDeadline(cell ?? "");
}

/** A text cell (状态, 责任单位); numbers are read as their text. */
export function textCell(value: unknown, what: string): string {
  const cell = plainCell(value, what);
  return isEmpty(cell) ? "" : String(cell).trim();
}

/** What the status rules need from one requirement. */
export interface RowInput {
  deadline: Deadline;
  progress: string;
  completedOn: Day | null;
  /** 最近反馈日期; undefined when the range given has no such cell. */
  lastFeedback?: Day | null;
}

/** Reads a requirement from its cells, looked up by column; `where` prefixes messages ("第 5 行"). */
function readRequirement(cell: (key: ColumnKey) => unknown, has: (key: ColumnKey) => boolean, where: string): RowInput {
  const what = (key: ColumnKey) => `${where}“${headerOf(key)}”`;
  let deadline = deadlineCell(cell("deadlineRaw"), what("deadlineRaw"));
  // The sheet's own 截止日期 wins over the date read from the text, as in the portable formulas.
  if (deadline.kind === "by" && has("dueDate")) {
    const due = dateCell(cell("dueDate"), what("dueDate"));
    if (due !== null && due !== deadline.date) deadline = { ...deadline, date: due };
  }
  return {
    deadline,
    progress: has("progress") ? textCell(cell("progress"), what("progress")) : "",
    completedOn: has("completedOn") ? dateCell(cell("completedOn"), what("completedOn")) : null,
    lastFeedback: has("lastFeedback") ? dateCell(cell("lastFeedback"), what("lastFeedback")) : undefined,
  };
}

/** A range argument as rows of cells (a single value counts as a 1×1 range). */
export function matrix(value: unknown, what: string): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0 || !value.every(Array.isArray)) throw invalidValue(`${what}应为单元格区域`);
  return value as unknown[][];
}

const FULL_ROW = `A:${columnLetter(ROW_INPUT_WIDTH - 1)}`;
const SHORT_ROW_KEYS: readonly ColumnKey[] = ["deadlineRaw", "progress"];

/**
 * The `row` argument: one task-sheet row (columns A..K, or more of the same row), two cells
 * (完成时限, 状态), or a single 完成时限 cell.
 */
export function readRow(range: unknown): RowInput {
  const rows = matrix(range, "任务行");
  const cells = rows.length === 1 ? rows[0] : rows.every((r) => r.length === 1) ? rows.map((r) => r[0]) : null;
  const width = cells?.length ?? 0;
  const wide = rows.length === 1 && width >= ROW_INPUT_WIDTH && width <= TASK_COLUMNS.length;
  if (!cells || !(wide || width === 1 || width === 2)) {
    throw invalidValue(
      `任务行应为任务清单中一行的 ${FULL_ROW} 列（${ROW_INPUT_WIDTH} 个单元格）、两个单元格（完成时限、状态）或一个完成时限单元格，` +
        `收到的是 ${rows.length} 行 ${rows[0].length} 列`,
    );
  }
  if (wide) return readRequirement((key) => cells[columnIndex(key)], (key) => columnIndex(key) < width, "");
  const keys = SHORT_ROW_KEYS.slice(0, width);
  return readRequirement((key) => cells[keys.indexOf(key)], (key) => keys.includes(key), "");
}

/** One requirement of the `table` argument, with its 责任单位 text. */
export interface TableRow extends RowInput {
  responsible: string;
}

const TABLE_KEYS: readonly ColumnKey[] = ["responsible", "deadlineRaw", "progress", "completedOn", "lastFeedback"];
const OPTIONAL_TABLE_KEYS: readonly ColumnKey[] = ["dueDate"];

function headerKey(cell: unknown): string {
  return typeof cell === "string" ? cell.replace(/[\s\u3000]+/g, "") : "";
}

/**
 * The `table` argument: the task table with its header row (e.g. SoilTasks[#All]). Columns are found
 * by header, so they may be reordered or others inserted; rows with no content are skipped.
 */
export function readTable(range: unknown): TableRow[] {
  const rows = matrix(range, "任务表");
  const header = rows[0].map(headerKey);
  const index = new Map<ColumnKey, number>();
  for (const key of [...TABLE_KEYS, ...OPTIONAL_TABLE_KEYS]) {
    const i = header.indexOf(headerOf(key));
    if (i >= 0) index.set(key, i);
  }
  const missing = TABLE_KEYS.filter((key) => !index.has(key)).map(headerOf);
  if (missing.length > 0) {
    throw invalidValue(`任务表第一行应为标题行，缺少列：${missing.join("、")}（请选择含标题的整个表格，如 SoilTasks[#All]）`);
  }
  const out: TableRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every(isEmpty)) continue;
    const where = `任务表第 ${r + 1} 行`;
    const cell = (key: ColumnKey) => row[index.get(key) as number];
    const requirement = readRequirement(cell, (key) => index.has(key), where);
    out.push({ ...requirement, responsible: textCell(cell("responsible"), `${where}“${headerOf("responsible")}”`) });
  }
  return out;
}
