/** The 说明 sheet: the as-of date and report deadlines every formula refers to, then how to use the file. */
import type ExcelJS from "exceljs";
import { Day } from "../core/dates";
import {
  asOfCell,
  CellValue,
  DATE_FORMAT,
  GUIDE_CELLS,
  GUIDE_COLUMN_WIDTHS,
  GUIDE_INPUT_CELLS,
  GUIDE_INPUT_FILL,
  guideRuleValues,
  GUIDE_VALIDATIONS,
  GUIDE_NOTE_COLOR,
  guideText,
  GuideCell,
  guideFormulas,
  guideNotes,
  SHEETS,
  WORKBOOK_TITLE,
} from "../core/layout";
import { DEFAULT_RULES, SupervisionRules } from "../core/rules";
import { PRINT_SETUPS } from "../core/printSetup";
import { argb, rowHeightFor, setCell, wrappedLines } from "./cells";
import { applyCellFont, applyPrintSetup } from "./printSetup";

const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(GUIDE_INPUT_FILL) } };
const NOTE_FONT: Partial<ExcelJS.Font> = { color: { argb: argb(GUIDE_NOTE_COLOR) } };

export function addGuideSheet(workbook: ExcelJS.Workbook, asOf: Day | null, dueSoonDays: number, rules: SupervisionRules = DEFAULT_RULES): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEETS.guide);
  GUIDE_COLUMN_WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.getCell("A1").value = WORKBOOK_TITLE;
  sheet.getCell("A1").font = { bold: true, size: 14 };

  const formulas = guideFormulas("portable");
  const values: Record<GuideCell, CellValue> = {
    asOf: asOfCell("portable", asOf),
    nextReport: { formula: formulas.nextReport },
    lastReport: { formula: formulas.lastReport },
    previousReport: { formula: formulas.previousReport },
    dueSoonDays,
    ...guideRuleValues(rules),
  };
  const notes = guideNotes("portable", asOf !== null);
  let lastRow = 1;
  for (const key of Object.keys(GUIDE_CELLS) as GuideCell[]) {
    const cell = sheet.getCell(GUIDE_CELLS[key].address);
    const row = cell.fullAddress.row;
    lastRow = Math.max(lastRow, row);
    setCell(cell, values[key]);
    cell.font = { bold: true };
    cell.alignment = { horizontal: "left", vertical: "top" };
    if (key === "nextReport" || key === "lastReport" || key === "previousReport" || key === "asOf") cell.numFmt = DATE_FORMAT;
    else if (key === "cadence" || key === "planName") cell.numFmt = "@";
    sheet.getCell(row, cell.fullAddress.col - 1).value = GUIDE_CELLS[key].label;
    const label = sheet.getCell(row, cell.fullAddress.col - 1);
    label.alignment = { vertical: "top", wrapText: true };
    let lines = wrappedLines(GUIDE_CELLS[key].label, GUIDE_COLUMN_WIDTHS[0]);
    if (notes[key]) {
      const note = sheet.getCell(row, cell.fullAddress.col + 1);
      note.value = notes[key];
      note.font = NOTE_FONT;
      note.alignment = { vertical: "top", wrapText: true };
      lines = Math.max(lines, wrappedLines(notes[key]!, GUIDE_COLUMN_WIDTHS[2]));
    }
    if (lines > 1) sheet.getRow(row).height = rowHeightFor(lines);
  }

  // The cells a clerk may change: the as-of date and the 督办规则.
  for (const key of GUIDE_INPUT_CELLS) sheet.getCell(GUIDE_CELLS[key].address).fill = INPUT_FILL;
  for (const key of ["dueSoonDays", "reportDay"] as const) {
    const v = GUIDE_VALIDATIONS[key];
    sheet.getCell(GUIDE_CELLS[key].address).dataValidation = {
      type: "whole",
      operator: "between",
      formulae: [v.min, v.max],
      showErrorMessage: true,
      errorTitle: v.title,
      error: v.message,
    };
  }
  const cadence = GUIDE_VALIDATIONS.cadence;
  sheet.getCell(GUIDE_CELLS.cadence.address).dataValidation = {
    type: "list",
    allowBlank: false,
    formulae: [`"${cadence.list.join(",")}"`],
    showErrorMessage: true,
    errorTitle: cadence.title,
    error: cadence.message,
  };

  // Each line of the instructions across the three columns, wrapped: a long line neither runs off the page nor is cut.
  const textWidth = GUIDE_COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
  const text = guideText("portable");
  text.forEach((line, i) => {
    const r = lastRow + 2 + i;
    sheet.mergeCells(r, 1, r, GUIDE_COLUMN_WIDTHS.length);
    const cell = sheet.getCell(r, 1);
    cell.value = line;
    cell.alignment = { vertical: "top", wrapText: true };
    if (i === 0) cell.font = { bold: true };
    const lines = wrappedLines(line, textWidth);
    if (lines > 1) sheet.getRow(r).height = rowHeightFor(lines);
  });
  applyCellFont(sheet);
  applyPrintSetup(sheet, PRINT_SETUPS[SHEETS.guide], GUIDE_COLUMN_WIDTHS.length, lastRow + 1 + text.length);
  return sheet;
}
