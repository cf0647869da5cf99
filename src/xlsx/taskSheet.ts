/** The 任务清单 sheet: the Excel table SoilTasks with formats, dropdowns and status colours. */
import type ExcelJS from "exceljs";
import {
  CellValue,
  columnIndex,
  columnLetter,
  EXTRA_COLUMN_WIDTH,
  ExtraColumns,
  HEADER_FILL,
  INPUT_VALIDATIONS,
  NUMBER_FORMATS,
  InputValidation,
  letterOf,
  looksLikeFormula,
  serialOf,
  SHEETS,
  STATUS_STYLES,
  statusRuleFormula,
  TASK_COLUMNS,
  TASK_TABLE,
} from "../core/layout";
import { CELL_FONT, TASK_SHEET_PRINT, TASK_SHEET_PRINT_THROUGH } from "../core/printSetup";
import { DUE_STATUSES } from "../core/status";
import { argb, excelValue, freezeHeader, ooxmlFormula, rowHeightFor, styleHeaderRow, wrappedLines } from "./cells";
import { applyPrintSetup } from "./printSetup";

const FIRST_DATA_ROW = 2;


/** Writes the task rows (layout taskRows, header excluded) as the SoilTasks table on a new sheet. */
export function addTaskSheet(workbook: ExcelJS.Workbook, rows: CellValue[][], extras: ExtraColumns = { headers: [], rows: [] }): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEETS.tasks, { properties: { tabColor: { argb: argb(HEADER_FILL) } } });
  const lastRow = FIRST_DATA_ROW + rows.length - 1;

  // Column styles first: the table's cells take them on creation, and so do rows a clerk adds below.
  TASK_COLUMNS.forEach((spec, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = spec.width;
    if (spec.hidden) column.hidden = true;
    const numFmt = NUMBER_FORMATS[spec.format];
    if (spec.format !== "general") column.numFmt = numFmt;
    column.alignment = { vertical: "top", wrapText: spec.wrap === true };
    column.font = { ...CELL_FONT };
  });
  // The source table's own columns (类别, 备注…) after SOIL's: text, kept as written.
  extras.headers.forEach((_, k) => {
    const column = sheet.getColumn(TASK_COLUMNS.length + k + 1);
    column.width = EXTRA_COLUMN_WIDTH;
    column.numFmt = "@";
    column.alignment = { vertical: "top", wrapText: true };
  });

  sheet.addTable({
    name: TASK_TABLE,
    displayName: TASK_TABLE,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight1", showRowStripes: true },
    columns: [...TASK_COLUMNS.map((c) => c.header), ...extras.headers].map((name) => ({ name, filterButton: true })),
    rows: rows.map((row, i) => [...row.map(excelValue), ...(extras.rows[i] ?? [])]),
  });

  styleHeaderRow(sheet.getRow(1), TASK_COLUMNS.length + extras.headers.length);
  rows.forEach((values, i) => styleDataRow(sheet.getRow(FIRST_DATA_ROW + i), values));
  addInputValidations(sheet, lastRow);
  addStatusColours(sheet, lastRow);

  freezeHeader(sheet);
  applyPrintSetup(sheet, TASK_SHEET_PRINT, columnIndex(TASK_SHEET_PRINT_THROUGH) + 1, lastRow);
  return sheet;
}

/** exceljs form of a layout input validation (an OOXML list literal is one quoted, comma-separated string). */
function excelValidation(v: InputValidation): ExcelJS.DataValidation {
  const messages = { showErrorMessage: true, errorStyle: "stop", errorTitle: v.title, error: v.message, showInputMessage: true, promptTitle: v.title, prompt: v.message } as const;
  if (v.kind === "list") return { type: "list", allowBlank: true, formulae: [`"${v.list.join(",")}"`], ...messages };
  return { type: "date", operator: "greaterThanOrEqual", allowBlank: true, formulae: [serialOf({ date: v.minDate })], ...messages };
}

function styleDataRow(row: ExcelJS.Row, values: CellValue[]): void {
  let lines = 1;
  TASK_COLUMNS.forEach((spec, i) => {
    const value = values[i];
    if (typeof value !== "string") return;
    // Kept as text when a clerk edits the cell: "=…" or "+86…" would otherwise turn into a formula.
    if (looksLikeFormula(value)) row.getCell(i + 1).numFmt = "@";
    if (spec.wrap) lines = Math.max(lines, wrappedLines(value, spec.width));
  });
  if (lines > 1) row.height = rowHeightFor(lines);
}

/** exceljs keeps validations by address and accepts a range, which it writes as one sqref. */
interface SheetValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void; model: Record<string, unknown> };
}

/** The 状态 dropdown and the date checks on every data row: one range each, not one entry per cell (20,000 per-cell entries take seconds to write). */
export function addInputValidations(sheet: ExcelJS.Worksheet, lastRow: number): void {
  for (const v of INPUT_VALIDATIONS) {
    const column = letterOf(v.column);
    (sheet as unknown as SheetValidations).dataValidations.add(`${column}${FIRST_DATA_ROW}:${column}${lastRow}`, excelValidation(v));
  }
}

/**
 * exceljs splits a loaded validation into one per cell and joins them again on writing into overlapping
 * ranges (H2:H196 and H10:H196): a workbook it loaded gets the layout's validations anew.
 */
export function resetInputValidations(sheet: ExcelJS.Worksheet, lastRow: number): void {
  (sheet as unknown as SheetValidations).dataValidations.model = {};
  addInputValidations(sheet, lastRow);
}

/** One expression rule per coloured 到期状态, over whole rows, keyed on the 到期状态 column. */
function addStatusColours(sheet: ExcelJS.Worksheet, lastRow: number): void {
  addStatusColourRules(sheet, `A${FIRST_DATA_ROW}:${columnLetter(TASK_COLUMNS.length - 1)}${lastRow}`, letterOf("dueStatus"));
}

/** The 到期状态 colours over `ref` (whole rows from FIRST_DATA_ROW), keyed on the 到期状态 column `statusColumn`. */
export function addStatusColourRules(sheet: ExcelJS.Worksheet, ref: string, statusColumn: string): void {
  const coloured = DUE_STATUSES.filter((s) => STATUS_STYLES[s]);
  sheet.addConditionalFormatting({
    ref,
    rules: coloured.map((status, i) => {
      const style = STATUS_STYLES[status]!;
      return {
        type: "expression",
        priority: i + 1,
        formulae: [ooxmlFormula(statusRuleFormula(status, FIRST_DATA_ROW, statusColumn))],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } },
          font: { color: { argb: argb(style.font) } },
        },
      };
    }),
  });
}
