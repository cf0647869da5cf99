/**
 * The 打印清单 sheet: the columns a reader needs on paper (core/printSetup.ts PRINT_COLUMNS), one page
 * wide, each cell a formula over the same row of 任务清单, so it always prints what the task sheet holds.
 */
import type ExcelJS from "exceljs";
import { CellValue, columnIndex, columnLetter, NUMBER_FORMATS, TASK_COLUMNS } from "../core/layout";
import { CELL_FONT, PRINT_COLUMNS, PRINT_SETUPS, PRINT_SHEET, printColumnHeader, printMirrorFormula } from "../core/printSetup";
import { freezeHeader, ooxmlFormula, rowHeightFor, styleHeaderRow, wrappedLines } from "./cells";
import { applyPrintSetup } from "./printSetup";
import { addStatusColourRules } from "./taskSheet";

/** Adds 打印清单 over the task rows as written (`rows` in TASK_COLUMNS order, header excluded, from row 2). */
export function addPrintSheet(workbook: ExcelJS.Workbook, rows: readonly CellValue[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(PRINT_SHEET);
  PRINT_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    const format = TASK_COLUMNS[columnIndex(c.key)].format;
    if (format !== "general" && format !== "text") column.numFmt = NUMBER_FORMATS[format];
    column.alignment = { vertical: "top", wrapText: c.wrap === true };
    column.font = { ...CELL_FONT };
    sheet.getCell(1, i + 1).value = printColumnHeader(c.key);
  });
  styleHeaderRow(sheet.getRow(1), PRINT_COLUMNS.length);

  rows.forEach((values, r) => {
    const row = sheet.getRow(2 + r);
    let lines = 1;
    PRINT_COLUMNS.forEach((c, i) => {
      row.getCell(i + 1).value = { formula: ooxmlFormula(printMirrorFormula(c.key, 2 + r)) };
      const value = values[columnIndex(c.key)];
      if (c.wrap && typeof value === "string") lines = Math.max(lines, wrappedLines(value, c.width));
    });
    // Programs do not fit row heights to formula results when they open a file.
    if (lines > 1) row.height = rowHeightFor(lines);
  });

  const lastRow = 1 + Math.max(1, rows.length);
  const statusColumn = columnLetter(PRINT_COLUMNS.findIndex((c) => c.key === "dueStatus"));
  addStatusColourRules(sheet, `A2:${columnLetter(PRINT_COLUMNS.length - 1)}${lastRow}`, statusColumn);
  freezeHeader(sheet);
  applyPrintSetup(sheet, PRINT_SETUPS[PRINT_SHEET], PRINT_COLUMNS.length, lastRow);
  return sheet;
}
