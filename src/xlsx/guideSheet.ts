/** The 说明 sheet: the as-of date and report deadlines every formula refers to, then how to use the file. */
import type ExcelJS from "exceljs";
import { Day } from "../core/dates";
import {
  asOfCell,
  CellValue,
  DATE_FORMAT,
  GUIDE_CELLS,
  GUIDE_COLUMN_WIDTHS,
  GUIDE_INPUT_FILL,
  GUIDE_NOTE_COLOR,
  guideText,
  GuideCell,
  guideFormulas,
  guideNotes,
  SHEETS,
  WORKBOOK_TITLE,
} from "../core/layout";
import { argb, setCell } from "./cells";

const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(GUIDE_INPUT_FILL) } };
const NOTE_FONT: Partial<ExcelJS.Font> = { color: { argb: argb(GUIDE_NOTE_COLOR) } };

export function addGuideSheet(workbook: ExcelJS.Workbook, asOf: Day | null, dueSoonDays: number): ExcelJS.Worksheet {
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
  };
  const notes = guideNotes("portable", asOf !== null);
  let lastRow = 1;
  for (const key of Object.keys(GUIDE_CELLS) as GuideCell[]) {
    const cell = sheet.getCell(GUIDE_CELLS[key].address);
    const row = cell.fullAddress.row;
    lastRow = Math.max(lastRow, row);
    setCell(cell, values[key]);
    cell.font = { bold: true };
    cell.alignment = { horizontal: "left" };
    if (key !== "dueSoonDays") cell.numFmt = DATE_FORMAT;
    sheet.getCell(row, cell.fullAddress.col - 1).value = GUIDE_CELLS[key].label;
    if (notes[key]) {
      sheet.getCell(row, cell.fullAddress.col + 1).value = notes[key];
      sheet.getCell(row, cell.fullAddress.col + 1).font = NOTE_FONT;
    }
  }

  // The two cells a clerk may change.
  sheet.getCell(GUIDE_CELLS.asOf.address).fill = INPUT_FILL;
  const days = sheet.getCell(GUIDE_CELLS.dueSoonDays.address);
  days.fill = INPUT_FILL;
  days.dataValidation = {
    type: "whole",
    operator: "between",
    formulae: [0, 366],
    showErrorMessage: true,
    errorTitle: "临期提醒天数",
    error: "请输入 0 到 366 之间的整数",
  };

  guideText("portable").forEach((line, i) => {
    const cell = sheet.getCell(lastRow + 2 + i, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true };
  });
  return sheet;
}
