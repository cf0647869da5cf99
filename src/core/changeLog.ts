/**
 * The change log (修改记录): what departments change in 状态, 进展情况, the dates and the extension
 * cells, one line per cell, and the cells SOIL fills in on their behalf (最近反馈日期 when the progress
 * text changes, 申请日期 and 待审批 when an extension is asked for). Pure: the task pane reads the
 * changed cells from Excel's change event and writes the plan.
 */
import { shownInCell } from "./cellLimit";
import { Day } from "./dates";
import { ColumnKey, columnIndex, TASK_COLUMNS, type CellValue } from "./layout";
import { EXTENSION_DECISIONS } from "./status";

export const CHANGE_LOG_SHEET = "修改记录";
export const CHANGE_LOG_HEADERS = ["时间", "编号", "列", "原值", "新值", "说明"] as const;
export const CHANGE_LOG_WIDTHS = [18, 8, 13, 30, 30, 26] as const;
export const CHANGE_LOG_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

/** The columns whose edits are logged. */
export const LOGGED_COLUMNS: readonly ColumnKey[] = ["progress", "notes", "lastFeedback", "completedOn", "extensionTo", "extensionReason", "extensionAsked", "extensionDecision"];

/** One changed cell of the task table. `before` is undefined where Excel did not say (several cells changed at once). */
export interface CellChange {
  /** 0-based row of the table body. */
  rowIndex: number;
  id: string;
  key: ColumnKey;
  before: unknown;
  after: unknown;
}

/** A cell SOIL fills in, with its line for 修改记录 (written only once the fill is). */
export interface AutoFill {
  rowIndex: number;
  id: string;
  key: ColumnKey;
  value: CellValue;
  entry: CellValue[];
}

export interface ChangeLogPlan {
  /** Rows for 修改记录 of the edits, in CHANGE_LOG_HEADERS order; the time is an Excel serial with a time of day. */
  entries: CellValue[][];
  fills: AutoFill[];
}

/** 延期审批 values after which a changed request needs the office again. */
const DECIDED = new Set<string>(EXTENSION_DECISIONS.slice(1));

const HEADER = new Map(TASK_COLUMNS.map((c) => [c.key, c.header]));

function blank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A logged value as text: what the cell held (dates stay serials; the sheet formats them as written). */
function logged(value: unknown): CellValue {
  if (value === undefined) return "（未提供）";
  if (blank(value)) return "";
  // Excel hands over at most a cell's worth; a longer value (a cell of another program) is shown shortened.
  return typeof value === "number" || typeof value === "boolean" ? value : shownInCell(String(value), "任务清单");
}

/**
 * Plans the log lines and the fills for changed cells. `current(rowIndex, key)` gives a cell's value
 * after the change (to fill only what is blank); `now` is the local time as an Excel serial and `today`
 * the day written into date cells.
 */
export function planChangeLog(changes: readonly CellChange[], current: (rowIndex: number, key: ColumnKey) => unknown, now: number, today: Day, todaySerial: number): ChangeLogPlan {
  const entries: CellValue[][] = [];
  const fills: AutoFill[] = [];
  const changedKeys = new Set(changes.map((c) => `${c.rowIndex}|${c.key}`));
  const fill = (change: CellChange, key: ColumnKey, value: CellValue, why: string) => {
    if (changedKeys.has(`${change.rowIndex}|${key}`)) return;
    if (fills.some((f) => f.rowIndex === change.rowIndex && f.key === key)) return;
    const shown = typeof value === "object" && value && "date" in value ? todaySerial : (value as CellValue);
    fills.push({ rowIndex: change.rowIndex, id: change.id, key, value, entry: [now, change.id, HEADER.get(key)!, logged(current(change.rowIndex, key)), shown, why] });
  };
  for (const change of changes) {
    if (!LOGGED_COLUMNS.includes(change.key)) continue;
    if (change.before !== undefined && logged(change.before) === logged(change.after)) continue;
    // A request changed after the office decided on it: the decision no longer covers it.
    const decided = (change.key === "extensionTo" || change.key === "extensionReason") && DECIDED.has(String(current(change.rowIndex, "extensionDecision") ?? "").trim());
    entries.push([now, change.id, HEADER.get(change.key)!, logged(change.before), logged(change.after), decided ? "延期已审批后又修改了申请，请督办办公室重新审批" : ""]);
    if (change.key === "notes" && !blank(change.after)) {
      fill(change, "lastFeedback", { date: today }, "进展情况已更新，SOIL 自动填写");
    }
    // A blank 延期审批 already counts as 待审批 (it is the office's column, locked under protection).
    if (change.key === "extensionTo" && !blank(change.after) && blank(current(change.rowIndex, "extensionAsked"))) {
      fill(change, "extensionAsked", { date: today }, "提出延期申请，SOIL 自动填写");
    }
  }
  return { entries, fills };
}

/** Column index of a logged key in the task table (for the pane's reads). */
export const LOGGED_COLUMN_INDEXES: readonly number[] = LOGGED_COLUMNS.map(columnIndex);
