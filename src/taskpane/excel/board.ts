/**
 * Working in a populated workbook: the status board (what is overdue, due soon, missing feedback),
 * the department filter, jumping to a requirement, the as-of date and recalculation.
 *
 * The board reads the computed columns back: what the workbook shows is what departments see.
 * Only where a SOIL formula has no value yet (the functions are still loading: #BUSY!, or the add-in
 * is missing: #NAME?) is the status computed here, by the same code the SOIL functions run.
 */
import {
  columnIndex,
  compareDepartments,
  DepartmentRegistry,
  Day,
  DUE_STATUSES,
  DueStatus,
  resolveDepartments,
  ROW_INPUT_WIDTH,
  SHEETS,
  SoilUserError,
  TASK_COLUMNS,
} from "../../core";
import { daysLeftOf, feedbackLateOf, statusOf } from "../../functions/evaluate";
import { loadGuideSettings, writeAsOf } from "./guideSheet";
import { findTaskTable, readTaskTable } from "./readTasks";
import { WorkbookSession } from "./session";
import { BoardRow, StatusBoard } from "./types";

const at = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key);

function isDueStatus(value: unknown): value is DueStatus {
  return typeof value === "string" && (DUE_STATUSES as readonly string[]).includes(value);
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

function orNull<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

/** One row as read → a board row; the computed cells are taken as they are when they hold a value. */
export function boardRow(row: readonly unknown[], asOfSerial: unknown, dueSoonDays: unknown, registry?: DepartmentRegistry): BoardRow {
  const input = [row.slice(0, ROW_INPUT_WIDTH)];
  const shown = row[at("dueStatus")];
  const fromWorkbook = isDueStatus(shown);
  const days = row[at("daysLeft")];
  const late = row[at("feedbackLate")];
  return {
    id: text(row[at("id")]),
    text: text(row[at("text")]),
    // Read as SOIL.SUMMARY reads it, so a name a clerk retyped (县环保局 for 县环境保护局) lands on the same department.
    responsible: resolveDepartments(text(row[at("responsible")]), registry).names,
    deadline: text(row[at("deadlineRaw")]),
    progress: text(row[at("progress")]),
    dueStatus: fromWorkbook ? shown : orNull(() => statusOf(input, asOfSerial, dueSoonDays)),
    daysLeft: fromWorkbook ? (typeof days === "number" ? days : null) : orNull(() => daysLeftOf(input, asOfSerial)),
    feedbackLate: fromWorkbook ? late === true : orNull(() => feedbackLateOf(input, asOfSerial)) === true,
    source: fromWorkbook ? "workbook" : "pane",
  };
}

export async function readStatusBoard(session: WorkbookSession): Promise<StatusBoard> {
  const settings = loadGuideSettings(session.context);
  const { rows, registry: own } = await readTaskTable(session, "read");
  // The workbook's 单位名录 (the bundled registry in a workbook older than it).
  const registry = own ?? undefined;
  // The raw cells go to the functions' code, which reads them as SOIL formulas would (and says why not).
  const { asOf, asOfValue, dueSoonValue } = settings();
  const board = rows.filter((r) => text(r[at("id")]) !== "").map((r) => boardRow(r, asOfValue, dueSoonValue === "" ? null : dueSoonValue, registry));
  const departments = [...new Set(board.flatMap((r) => r.responsible))].sort((a, b) => compareDepartments(a, b, registry));
  return { asOf, rows: board, departments };
}

/**
 * Where the department filter went: "view" a temporary sheet view of this user's (Excel on the web), "shared" the
 * table's own filter (every co-author sees it), "pane" only the pane's list (nothing in the workbook changed).
 */
export type BoardFilterScope = "view" | "shared" | "pane";

/**
 * Contains-filter on 责任单位 (joint responsibility is "甲、乙"), or all rows again. The criterion is
 * "=*name*", the operator-and-wildcards form the reference gives for FilterCriteria.criterion1
 * ("=*s" for values ending in "s"); ~ escapes Excel's wildcards.
 *
 * A table filter is shared: it changes what every co-author sees
 * (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins). Where sheet views exist
 * (ExcelApiOnline 1.1, and the object in this Office.js) the filter goes into a temporary sheet view, this user's
 * only (https://learn.microsoft.com/javascript/api/excel/excel.namedsheetviewcollection). Elsewhere the table is
 * filtered only when the user asks (`shared`); otherwise nothing is sent and the pane's list alone is filtered.
 */
export async function filterByDepartment(session: WorkbookSession, department: string | null, shared: boolean): Promise<BoardFilterScope> {
  const { context, features } = session;
  if (!features.sheetViews && !shared) return "pane";
  const { sheet, table } = await findTaskTable(session, "read");
  const views = features.sheetViews ? sheet.namedSheetViews : undefined;
  if (!views && !shared) return "pane";
  views?.enterTemporary();
  const column = table.columns.getItem(TASK_COLUMNS[at("responsible")].header);
  if (department === null) column.filter.clear();
  else column.filter.applyCustomFilter(`=*${department.replace(/[~*?]/g, "~$&")}*`);
  sheet.activate();
  await context.sync();
  return views ? "view" : "shared";
}

/** Selects a requirement's row (found by 编号 at the time of the click, whatever the sort order). */
export async function selectRequirement(session: WorkbookSession, id: string): Promise<void> {
  const { context } = session;
  const { sheet, table } = await findTaskTable(session, "read");
  const ids = table.columns.getItem(TASK_COLUMNS[at("id")].header).getDataBodyRange().load("values");
  await context.sync();
  const index = ids.values.findIndex((row) => text(row[0]) === id);
  if (index < 0) throw new SoilUserError(`任务清单中找不到编号 ${id}。`, "表格可能刚被修改，请点“刷新”后重试。");
  sheet.activate();
  table.getDataBodyRange().getRow(index).select();
  await context.sync();
}

export async function setAsOf(session: WorkbookSession, day: Day): Promise<void> {
  const { context } = session;
  writeAsOf(context.workbook.worksheets.getItem(SHEETS.guide), day);
  await context.sync();
}

/**
 * Recalculates the workbook's built-in formulas, then reads the board. calculate("Full") does not make Excel call
 * custom functions again (office-js #1462: Calculate Now leaves them as they are): SOIL cells recalculate when their
 * arguments change, e.g. the as-of date in 说明!B2 (setAsOf). A SOIL cell with no value yet is computed in the pane.
 */
export async function refreshBoard(session: WorkbookSession): Promise<StatusBoard> {
  const { context } = session;
  context.workbook.application.calculate("Full");
  await context.sync();
  return readStatusBoard(session);
}
