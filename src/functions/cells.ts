/**
 * Raw cell values, as Excel hands them to SOIL.* functions, turned into core inputs.
 *
 * Excel passes numbers (dates are serials), strings, booleans, "" or null for empty cells (Excel on the
 * desktop passes 0 instead, office-js#4702 / #5262), error values as objects — with allowErrorForDataTypeAny
 * a CustomFunctions.Error-like `{code: "#N/A"}`, or, because the generated metadata also sets
 * allowCustomDataForDataTypeAny, an Excel.ErrorCellValue `{type: "Error", basicValue: "#N/A"}` — and data
 * types as Excel.CellValue objects. Everything here is plain TypeScript: a mistake in the input becomes a
 * CellInputError with a Chinese message, which the wrapper boundary (guard.ts) turns into #VALUE! or #N/A.
 */
import {
  columnIndex,
  columnLetter,
  ColumnKey,
  Day,
  dayFromSerial,
  dayFromText,
  dateRangeProblem,
  Deadline,
  INPUT_VALIDATIONS,
  Extension,
  isoFromDay,
  parseDeadline,
  ROW_INPUT_WIDTH,
  ROW_MIN_WIDTH,
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

const HEADERS = new Map(TASK_COLUMNS.map((c) => [c.key, c.header]));

/** The header of a task-sheet column, for messages ("完成日期"). */
export function headerOf(key: ColumnKey): string {
  return HEADERS.get(key) as string;
}

/** Where a cell is, for messages: a task-sheet column, in a row of the `table` argument or in `row`. */
export interface CellPlace {
  key: ColumnKey;
  /** 1-based row within the table argument (its header is row 1). */
  tableRow?: number;
}

/** Names a cell in messages. A place, not text, so that text is only built when there is a mistake. */
export type CellLabel = string | CellPlace;

function labelText(what: CellLabel): string {
  if (typeof what === "string") return what;
  return `${what.tableRow === undefined ? "" : `任务表第 ${what.tableRow} 行`}“${headerOf(what.key)}”`;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** Empty, or 0: how the desktop passes an empty cell. 0 is no date (serial 0) and no deadline, state or department. */
function isBlank(value: unknown): boolean {
  return value === 0 || isEmpty(value);
}

/** Short text of a value for a message: strings quoted, long ones cut. */
function shown(value: unknown): string {
  const text = String(value);
  return typeof value === "string" ? `“${text.length > 20 ? text.slice(0, 20) + "…" : text}”` : text;
}

type Primitive = string | number | boolean;

const isPrimitive = (value: unknown): value is Primitive =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** Excel.CellValue types that stand for a plain value (a formatted number is still a number). */
const BASIC_CELL_VALUE_TYPES = new Set(["String", "Double", "Boolean", "FormattedNumber"]);

/** The fields SOIL looks at in a CustomFunctions.Error or an Excel.CellValue object. */
interface CellObject {
  code?: unknown;
  type?: unknown;
  basicValue?: unknown;
  errorType?: unknown;
}

/** The error code of an error value in either shape Excel passes, or null when the value is no error. */
function errorCode(cell: CellObject): string | null {
  if (typeof cell.code === "string" && cell.code.startsWith("#")) return cell.code;
  if (cell.type !== "Error") return null;
  if (typeof cell.basicValue === "string" && cell.basicValue.startsWith("#")) return cell.basicValue;
  return cell.errorType === "NotAvailable" ? "#N/A" : `#${String(cell.errorType ?? "ERROR")}`;
}

/**
 * A plain cell value, or null when empty. Basic data types are read as their value; an error value
 * (#N/A, #REF! … — kept as #N/A when it is #N/A) or another data type (entity, image) is a mistake.
 */
function plainCell(value: unknown, what: CellLabel): Primitive | null {
  if (value === null || value === undefined) return null;
  if (isPrimitive(value)) return value;
  const cell = value as CellObject;
  const code = errorCode(cell);
  if (code !== null) {
    const make = code === "#N/A" ? notAvailable : invalidValue;
    throw make(`${labelText(what)}是错误值 ${code}，请先更正该单元格`);
  }
  if (cell.type === "Empty") return null;
  if (typeof cell.type === "string" && BASIC_CELL_VALUE_TYPES.has(cell.type) && isPrimitive(cell.basicValue)) return cell.basicValue;
  throw invalidValue(`${labelText(what)}不是文字、数字或日期，SOIL 函数无法读取`);
}

/** An Excel serial as a Day; serials Excel cannot show as a date (and the phantom 1900-02-29) are mistakes. */
function serialDay(serial: number, what: CellLabel): Day {
  const day = dayFromSerial(serial);
  if (day === null) throw invalidValue(`${labelText(what)}的数值 ${serial} 不是有效的 Excel 日期`);
  return day;
}

/**
 * A date cell (serial or date text); null when empty. `what` names the cell in messages. A time of day is
 * dropped; in a column the sheet validates, a date outside its range (layout's INPUT_DATE_RANGE: 0018-12-01,
 * 1900-01-01) is a mistake, as typing it in Excel would be.
 */
export function dateCell(value: unknown, what: CellLabel): Day | null {
  const cell = plainCell(value, what);
  if (isBlank(cell)) return null;
  let day: Day | null = null;
  if (typeof cell === "number") day = serialDay(cell, what);
  else if (typeof cell === "string") day = dayFromText(cell);
  if (day === null) throw invalidValue(`${labelText(what)}${shown(cell)}不是日期，请填写日期（如 2018-06-30）`);
  const problem = typeof what !== "string" && VALIDATED_DATE_COLUMNS.has(what.key) ? dateRangeProblem(day, labelText(what)) : null;
  if (problem !== null) throw invalidValue(problem);
  return day;
}

/** The columns whose dates the sheet validates (departments' dates); the as-of and deadlines are the office's. */
const VALIDATED_DATE_COLUMNS = new Set<ColumnKey>(INPUT_VALIDATIONS.filter((v) => v.kind === "date").map((v) => v.column));

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

/**
 * Remembers a pure function of a text. Sheets repeat few distinct 完成时限 and 责任单位 texts, so
 * parsing each once keeps hundreds of cells and 20,000-row tables fast; the bound keeps memory flat.
 */
export function memoizeText<T>(compute: (text: string) => T, limit = 5000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}

/** Shared between calls, so never mutated. */
const cachedDeadline = memoizeText(parseDeadline);

/** A 完成时限 cell: deadline text (2018年底, 持续推进 …) or a date. */
export function deadlineCell(value: unknown, what: CellLabel = headerOf("deadlineRaw")): Deadline {
  const cell = plainCell(value, what);
  if (isBlank(cell)) return cachedDeadline("");
  if (typeof cell === "number") {
    const day = serialDay(cell, what);
    return { raw: isoFromDay(day), kind: "by", date: day };
  }
  if (typeof cell === "boolean") throw invalidValue(`${labelText(what)}应为文字或日期，收到 ${cell}`);
  return cachedDeadline(cell as string);
}

/** A text cell (状态, 责任单位); numbers are read as their text. */
export function textCell(value: unknown, what: CellLabel): string {
  const cell = plainCell(value, what);
  return isBlank(cell) ? "" : String(cell).trim();
}

/** What the status rules need from one requirement. */
export interface RowInput {
  deadline: Deadline;
  progress: string;
  completedOn: Day | null;
  /** 最近反馈日期; undefined when the range given has no such cell. */
  lastFeedback?: Day | null;
  /** 申请延期至 and 延期审批, when the range has them (rows of workbooks before SOIL 0.2 end at 完成日期). */
  extension?: Extension;
}

/** Where the columns a requirement needs are within a range of cells; a key absent has no cell. */
type Positions = Partial<Record<ColumnKey, number>>;

/**
 * Reads a requirement from one row of cells. With `problems`, a cell that cannot be read is recorded
 * there and read as empty (the rest of the row still counts); without it, it throws (the functions).
 */
function readRequirement(cells: readonly unknown[], at: Positions, tableRow?: number, problems?: string[]): RowInput {
  const { deadlineRaw, dueDate, progress, completedOn, lastFeedback, extensionTo, extensionDecision } = at;
  let deadline = readCell(cells, deadlineRaw, "deadlineRaw", deadlineCell, NO_DEADLINE, tableRow, problems);
  // The sheet's own 截止日期 wins over the date read from the text, as in the portable formulas.
  if (deadline.kind === "by" && dueDate !== undefined) {
    const due = readCell(cells, dueDate, "dueDate", dateCell, null, tableRow, problems);
    if (due !== null && due !== deadline.date) deadline = { ...deadline, date: due };
  }
  return {
    deadline,
    progress: progress === undefined ? "" : readCell(cells, progress, "progress", textCell, "", tableRow, problems),
    completedOn: completedOn === undefined ? null : readCell(cells, completedOn, "completedOn", dateCell, null, tableRow, problems),
    lastFeedback: lastFeedback === undefined ? undefined : readCell(cells, lastFeedback, "lastFeedback", dateCell, null, tableRow, problems),
    extension:
      extensionTo === undefined || extensionDecision === undefined
        ? undefined
        : {
            to: readCell(cells, extensionTo, "extensionTo", dateCell, null, tableRow, problems),
            decision: readCell(cells, extensionDecision, "extensionDecision", textCell, "", tableRow, problems),
          },
  };
}

const NO_DEADLINE = cachedDeadline("");

/**
 * One cell of a requirement read with `read`: with `problems`, a mistake is recorded there and `fallback` returned;
 * without, it throws. A plain function, not a closure per cell: SOIL.STATUS runs it for every row on every
 * recalculation (bench/functions.bench.ts).
 */
function readCell<T>(
  cells: readonly unknown[],
  index: number | undefined,
  key: ColumnKey,
  read: (value: unknown, what: CellLabel) => T,
  fallback: T,
  tableRow: number | undefined,
  problems: string[] | undefined,
): T {
  const value = index === undefined ? undefined : cells[index];
  if (!problems) return read(value, { key, tableRow });
  try {
    return read(value, { key, tableRow });
  } catch (error) {
    problems.push((error as Error).message);
    return fallback;
  }
}

/**
 * One task-sheet row as read from the workbook (A onwards), every cell read on its own: a cell that
 * cannot be read goes to `problems` and counts as empty, so one bad cell does not hide the row.
 */
export function readSheetRow(cells: readonly unknown[], problems: string[]): RowInput {
  return readRequirement(cells, fullRowPositions(Math.min(cells.length, ROW_INPUT_WIDTH)), undefined, problems);
}

/** A range argument as rows of cells (a single value counts as a 1×1 range). */
export function matrix(value: unknown, what: string): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0 || !value.every(Array.isArray)) throw invalidValue(`${what}应为单元格区域`);
  return value as unknown[][];
}

const FULL_ROW = `A:${columnLetter(ROW_INPUT_WIDTH - 1)}`;
const ROW_KEYS: readonly ColumnKey[] = ["deadlineRaw", "dueDate", "progress", "lastFeedback", "completedOn", "extensionTo", "extensionDecision"];
/** Positions of the row's cells in a row of `width` cells: keys beyond it have no cell. Per width, once (a hot path). */
const POSITIONS_BY_WIDTH = new Map<number, Positions>();
function fullRowPositions(width: number): Positions {
  const known = POSITIONS_BY_WIDTH.get(width);
  if (known) return known;
  const positions: Positions = Object.fromEntries(ROW_KEYS.map((key) => [key, columnIndex(key)]).filter(([, i]) => (i as number) < width));
  POSITIONS_BY_WIDTH.set(width, positions);
  return positions;
}
/** Two cells are 完成时限 and 状态; one cell is 完成时限. */
const SHORT_ROW_POSITIONS: Record<number, Positions> = { 1: { deadlineRaw: 0 }, 2: { deadlineRaw: 0, progress: 1 } };

/**
 * The `row` argument: one task-sheet row (columns A..K, or more of the same row), two cells
 * (完成时限, 状态), or a single 完成时限 cell.
 */
export function readRow(range: unknown): RowInput {
  const rows = matrix(range, "任务行");
  const cells = rows.length === 1 ? rows[0] : rows.every((r) => r.length === 1) ? rows.map((r) => r[0]) : null;
  const width = cells?.length ?? 0;
  const wide = rows.length === 1 && width >= ROW_MIN_WIDTH && width <= TASK_COLUMNS.length;
  if (!cells || !(wide || width === 1 || width === 2)) {
    throw invalidValue(
      `任务行应为任务清单中一行的 ${FULL_ROW} 列（${ROW_INPUT_WIDTH} 个单元格）、两个单元格（完成时限、状态）或一个完成时限单元格，` +
        `收到的是 ${rows.length} 行 ${rows[0].length} 列`,
    );
  }
  return readRequirement(cells, wide ? fullRowPositions(width) : SHORT_ROW_POSITIONS[width]);
}

/** One requirement of the `table` argument, with its 责任单位 text. */
export interface TableRow extends RowInput {
  responsible: string;
}

const TABLE_KEYS: readonly ColumnKey[] = ["responsible", "deadlineRaw", "progress", "completedOn", "lastFeedback"];
const OPTIONAL_TABLE_KEYS: readonly ColumnKey[] = ["dueDate", "extensionTo", "extensionDecision"];

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
  const at: Positions = {};
  for (const key of [...TABLE_KEYS, ...OPTIONAL_TABLE_KEYS]) {
    const i = header.indexOf(headerOf(key));
    if (i >= 0) at[key] = i;
  }
  const missing = TABLE_KEYS.filter((key) => at[key] === undefined).map(headerOf);
  if (missing.length > 0) {
    throw invalidValue(`任务表第一行应为标题行，缺少列：${missing.join("、")}（请选择含标题的整个表格，如 SoilTasks[#All]）`);
  }
  const responsible = at.responsible as number;
  const out: TableRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every(isBlank)) continue;
    const requirement = readRequirement(row, at, r + 1) as TableRow;
    requirement.responsible = textCell(row[responsible], { key: "responsible", tableRow: r + 1 });
    out.push(requirement);
  }
  return out;
}

/** One requirement of SOIL.SUMMARY's column form: its 责任单位 text and the row's computed 到期状态 / 反馈逾期 cells. */
export interface ComputedRow {
  responsible: string;
  status: unknown;
  feedbackLate: unknown;
}

/** A one-column argument's cells, without its header cell when it has one. */
function columnCells(value: unknown, key: ColumnKey): unknown[] {
  const rows = matrix(value, headerOf(key));
  if (rows.some((r) => r.length !== 1)) throw invalidValue(`“${headerOf(key)}”应为一列，收到 ${rows[0].length} 列`);
  const cells = rows.map((r) => r[0]);
  return headerKey(cells[0]) === headerOf(key) ? cells.slice(1) : cells;
}

/**
 * SOIL.SUMMARY's column form: the 责任单位 column and the 到期状态 / 反馈逾期 columns of the same rows (each with or
 * without its header), e.g. SoilTasks[[#All],[责任单位]]. What Excel hands the function is then three short columns,
 * not the whole table with its long texts (a call is limited to 5 MB, office-js #4654). Rows with neither 责任单位
 * nor 到期状态 are skipped.
 */
export function readComputedColumns(responsible: unknown, status: unknown, feedbackLate: unknown): ComputedRow[] {
  const names = columnCells(responsible, "responsible");
  const statuses = columnCells(status, "dueStatus");
  const late = columnCells(feedbackLate, "feedbackLate");
  if (statuses.length !== names.length || late.length !== names.length) {
    throw invalidValue(`“${headerOf("responsible")}”“${headerOf("dueStatus")}”“${headerOf("feedbackLate")}”应为同样多的行，收到 ${names.length}、${statuses.length}、${late.length} 行`);
  }
  const out: ComputedRow[] = [];
  for (let i = 0; i < names.length; i++) {
    if (isBlank(names[i]) && isBlank(statuses[i])) continue;
    out.push({ responsible: textCell(names[i], { key: "responsible", tableRow: i + 2 }), status: statuses[i], feedbackLate: late[i] });
  }
  return out;
}
