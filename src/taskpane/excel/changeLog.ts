/**
 * The change log: while the add-in runs, edits on 任务清单 to 状态, 进展情况, the dates and the extension
 * cells are appended to 修改记录 (worksheet onChanged, ExcelApi 1.7; the value before only for a single
 * cell, ExcelApi 1.9), and SOIL fills in 最近反馈日期 when a progress text changes. Under co-authoring
 * every user's add-in logs that user's own edits: events from others arrive with source "Remote" and
 * are skipped, so each edit is logged once; so are the add-in's own writes (triggerSource, ExcelApi 1.14).
 * The plan is core/changeLog.ts.
 */
import {
  CHANGE_LOG_HEADERS,
  CHANGE_LOG_SHEET,
  PRINT_SETUPS,
  CHANGE_LOG_TIME_FORMAT,
  CHANGE_LOG_WIDTHS,
  CellChange,
  ColumnKey,
  columnIndex,
  columnIndexOfLetters,
  columnLetter,
  DATE_FORMAT,
  Day,
  LOGGED_COLUMNS,
  planChangeLog,
  ROW_INPUT_WIDTH,
  serialFromDay,
  SHEETS,
  TASK_COLUMNS,
} from "../../core";
import type { ExcelRun } from "./actions";
import { blockAddress, officeValue } from "./cells";
import { ExcelFeatures } from "./requirements";
import { ownWrites } from "./ownWrites";
import { setUpPrinting } from "./pageLayout";
import { writeSheetFrame } from "./sheetFrame";

export interface Clock {
  now(): Date;
  today(): Day;
}

export interface ChangeLog {
  /** Stops logging (removes the event handler). */
  stop(): Promise<void>;
  /** Settles once the edits seen so far are logged (for tests and for the pane's status line). */
  idle(): Promise<void>;
}

/** Local time as an Excel serial (date and time of day; Excel serials have no time zone). */
export function serialOfTime(now: Date, day: Day): number {
  return serialFromDay(day) + (now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds()) / 86400;
}

interface Box {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

/** "H5", "H5:I9", "$H$5" → box; null for whole rows/columns or several areas (not logged cell by cell). */
export function parseCellBox(address: string): Box | null {
  const ref = address.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m) return null;
  const c1 = columnIndexOfLetters(m[1]);
  const r1 = Number(m[2]);
  return { c1, r1, c2: m[3] ? columnIndexOfLetters(m[3]) : c1, r2: m[4] ? Number(m[4]) : r1 };
}

const LOG_COLUMNS = CHANGE_LOG_HEADERS.map((header, i) => ({ header, width: CHANGE_LOG_WIDTHS[i], wrap: i >= 3 }));
const LOGGED_INDEXES = new Set(LOGGED_COLUMNS.map(columnIndex));
/** More cells than this in one edit (a paste over the whole table) are logged as one summary line. */
const MAX_LOGGED_CELLS = 2000;

/** Starts logging on 任务清单. Returns null where Excel has no change events (before ExcelApi 1.7). */
export async function startChangeLog(run: ExcelRun, features: ExcelFeatures, clock: Clock, onProblem: (message: string) => void): Promise<ChangeLog | null> {
  if (!features.changeEvents) return null;
  let queue: Promise<void> = Promise.resolve();

  const handle = (event: Excel.WorksheetChangedEventArgs) => {
    if (event.source !== "Local" || event.changeType !== "RangeEdited") return;
    const address = event.address.replace(/\$/g, "");
    // Writes of this add-in (a merge, a decision, the cells filled here) are no one's edit: ExcelApi 1.14
    // says so in triggerSource; before it, the cells filled here are recognised by address.
    if (ownWrites.take(address) || event.triggerSource === "ThisLocalAddin") return;
    const box = parseCellBox(address);
    if (!box || box.r2 < 2) return;
    const before = features.changeDetails && box.r1 === box.r2 && box.c1 === box.c2 ? event.details?.valueBefore : undefined;
    // One at a time, in order: a log line must not overtake the one before it.
    queue = queue
      .then(() => logEdit({ ...box, r1: Math.max(box.r1, 2) }, before))
      .catch((error) => onProblem(`修改记录未能写入：${(error as Error).message ?? error}`));
  };

  const logEdit = (box: Box, before: unknown) =>
    run(async (context) => {
      const sheets = context.workbook.worksheets;
      const tasks = sheets.getItem(SHEETS.tasks);
      const columns = [...LOGGED_INDEXES].filter((c) => c >= box.c1 && c <= box.c2);
      if (columns.length === 0) return;
      const cellCount = (box.r2 - box.r1 + 1) * columns.length;
      const rows = tasks.getRange(blockAddress(0, ROW_INPUT_WIDTH - 1, box.r1, Math.min(box.r2, box.r1 + MAX_LOGGED_CELLS))).load("values");
      const log = sheets.getItemOrNullObject(CHANGE_LOG_SHEET);
      await context.sync();

      const changes: CellChange[] = [];
      rows.values.forEach((row, i) => {
        const id = String(row[0] ?? "").trim();
        if (id === "") return;
        for (const c of columns) changes.push({ rowIndex: box.r1 - 2 + i, id, key: TASK_COLUMNS[c].key, before: cellCount === 1 ? before : undefined, after: row[c] });
      });
      const current = (rowIndex: number, key: ColumnKey) => rows.values[rowIndex - (box.r1 - 2)]?.[columnIndex(key)];
      const day = clock.today();
      const now = serialOfTime(clock.now(), day);
      const plan = cellCount > MAX_LOGGED_CELLS
        ? { entries: [[now, "", "", "", "", `一次修改了 ${cellCount} 个单元格（${columnLetter(box.c1)}${box.r1}:${columnLetter(box.c2)}${box.r2}），未逐格记录`]], fills: [] }
        : planChangeLog(changes, current, now, day, serialFromDay(day));
      if (plan.entries.length === 0 && plan.fills.length === 0) return;

      // The cells filled in first, on their own: if Excel refuses them (a protected sheet), the log does not
      // claim them and the pane hears why.
      const entries = [...plan.entries];
      if (plan.fills.length > 0) {
        const addresses = plan.fills.map((fill) => `${columnLetter(columnIndex(fill.key))}${fill.rowIndex + 2}`);
        plan.fills.forEach((fill, i) => {
          ownWrites.add(addresses[i]);
          // Values only: the date columns carry their format already, and a protected sheet allows no formatting.
          tasks.getRange(addresses[i]).values = [[officeValue(fill.value)]];
        });
        try {
          await context.sync();
          entries.push(...plan.fills.map((fill) => fill.entry));
        } catch (error) {
          for (const address of addresses) ownWrites.forget(address);
          onProblem(`SOIL 未能自动填写 ${addresses.join("、")}：${(error as Error).message ?? error}`);
        }
      }

      if (entries.length === 0) return;
      let target: Excel.Worksheet;
      let next: number;
      if (log.isNullObject) {
        target = sheets.add(CHANGE_LOG_SHEET);
        writeSheetFrame(target, LOG_COLUMNS, features);
        next = 2;
      } else {
        target = log;
        const used = log.getUsedRange(true).load("rowCount,rowIndex");
        await context.sync();
        next = used.rowIndex + used.rowCount + 1;
      }
      const last = next + entries.length - 1;
      // 原值 / 新值 are written as text only when they are text: a date keeps its serial and gets a date format.
      const block = target.getRange(blockAddress(0, CHANGE_LOG_HEADERS.length - 1, next, last));
      block.numberFormat = entries.map((e) => [CHANGE_LOG_TIME_FORMAT, "@", "@", typeof e[3] === "number" ? DATE_FORMAT : "@", typeof e[4] === "number" ? DATE_FORMAT : "@", "@"]);
      block.values = entries.map((e) => e.map(officeValue));
      await context.sync();
      // A new 修改记录 is set up for printing once, on its own: a refused setting loses no entry.
      if (log.isNullObject) {
        const notes = await setUpPrinting(context, features, [{ sheet: target, setup: PRINT_SETUPS[CHANGE_LOG_SHEET], lastColumn: CHANGE_LOG_HEADERS.length - 1 }]);
        notes.forEach(onProblem);
      }
    });

  const registration = await run(async (context) => {
    const result = context.workbook.worksheets.getItem(SHEETS.tasks).onChanged.add(async (event) => handle(event));
    await context.sync();
    return result;
  });
  return {
    // Removed inside Excel.run with the context it was added in, as Microsoft documents (excel-add-ins-events).
    stop: async () => {
      await queue;
      await run(registration.context as Excel.RequestContext, async (context) => {
        registration.remove();
        await context.sync();
      });
    },
    idle: () => queue,
  };
}
