/**
 * Writing merged department files into the office's master workbook as exceljs loaded it: the planned
 * cells of 任务清单 (text stays text, dates get the date format), and every conflict, rejection and
 * ignored edit appended to 合并冲突. No file system here.
 */
import type ExcelJS from "exceljs";
import { MERGE_LOG_HEADERS, MERGE_LOG_SHEET, MERGE_LOG_WIDTHS } from "../core/departmentFile";
import { DepartmentMergePlan, mergeLogRows } from "../core/departmentMerge";
import { columnIndex, SHEETS } from "../core/layout";
import { PRINT_SETUPS } from "../core/printSetup";
import { freezeHeader, rowHeightFor, setCell, styleHeaderRow, wrappedLines } from "./cells";
import { applyCellFont, applyPrintSetup, keepPrintAreas } from "./printSetup";
import { resetInputValidations } from "./taskSheet";

/** Writes the plans' updates and issues into `workbook` (the master they were planned against, `taskRowCount` body rows). */
export function writeMergeIntoWorkbook(workbook: ExcelJS.Workbook, plans: readonly DepartmentMergePlan[], taskRowCount: number): void {
  const tasks = workbook.getWorksheet(SHEETS.tasks)!;
  resetInputValidations(tasks, taskRowCount + 1);
  for (const plan of plans) {
    for (const u of plan.updates) setCell(tasks.getRow(u.rowIndex + 2).getCell(columnIndex(u.key) + 1), u.value);
  }
  // Cached results of the loaded formulas are stale now: every program recalculates on open.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  keepPrintAreas(workbook);
  const rows = mergeLogRows(plans);
  if (rows.length === 0) return;
  let log = workbook.getWorksheet(MERGE_LOG_SHEET);
  if (!log) {
    log = workbook.addWorksheet(MERGE_LOG_SHEET);
    MERGE_LOG_HEADERS.forEach((header, i) => {
      log!.getCell(1, i + 1).value = header;
      log!.getColumn(i + 1).width = MERGE_LOG_WIDTHS[i];
      log!.getColumn(i + 1).numFmt = "@";
    });
    styleHeaderRow(log.getRow(1), MERGE_LOG_HEADERS.length);
    freezeHeader(log);
  }
  let next = Math.max(2, log.rowCount + 1);
  for (const values of rows) {
    const row = log.getRow(next++);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.numFmt = "@";
      cell.value = value;
      cell.alignment = { vertical: "top", wrapText: true };
    });
    const lines = Math.max(...values.map((v, i) => wrappedLines(String(v ?? ""), MERGE_LOG_WIDTHS[i])));
    if (lines > 1) row.height = rowHeightFor(lines);
  }
  applyCellFont(log);
  applyPrintSetup(log, PRINT_SETUPS[MERGE_LOG_SHEET], MERGE_LOG_HEADERS.length, next - 1);
}
