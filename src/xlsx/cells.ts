/** Writing layout cell values and styles with exceljs. */
import type ExcelJS from "exceljs";
import { CellValue, DATE_FORMAT, HEADER_FILL, HEADER_FONT, serialOf } from "../core/layout";
import { CELL_FONT } from "../core/printSetup";

/** "#5B7B3A" → "FF5B7B3A" (exceljs colours are ARGB). */
export function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

/**
 * A layout value as exceljs stores it: a date becomes its Excel serial (the caller gives the cell a
 * date format), a formula loses its "=" (OOXML stores formulas without it). Text stays text: exceljs
 * only writes a formula for a { formula } object, so "=1+1" from a document is stored as a string.
 */
export function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || typeof value !== "object") return value;
  if ("date" in value) return serialOf(value);
  return { formula: ooxmlFormula(value.formula) };
}

/** OOXML stores formulas (cells, rules) without the leading "=" that layout.ts writes. */
export function ooxmlFormula(formula: string): string {
  return formula.replace(/^=/, "");
}

/** Writes one layout value, with the date format when it is a date. */
export function setCell(cell: ExcelJS.Cell, value: CellValue): void {
  cell.value = excelValue(value);
  if (value !== null && typeof value === "object" && "date" in value) cell.numFmt = DATE_FORMAT;
}

export function styleHeaderRow(row: ExcelJS.Row, columns: number): void {
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.font = { ...CELL_FONT, bold: true, color: { argb: argb(HEADER_FONT) } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(HEADER_FILL) } };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  }
  row.height = 30;
}

/** A sheet whose first row stays visible while scrolling. */
export function freezeHeader(sheet: ExcelJS.Worksheet): void {
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
}

/** Points per line of 11-point text, and Excel's largest row height. */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/** Column-width units a character takes: CJK and full-width characters are about two digits wide. */
function charWidth(ch: string): number {
  return /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
}

/** Lines a wrapped text takes in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let units = 0;
    for (const ch of paragraph) units += charWidth(ch);
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

/**
 * Row height for wrapped text. Excel does not fit row heights when it opens a file, so a written
 * file would otherwise show one line of each requirement.
 */
export function rowHeightFor(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(1, lines) * LINE_HEIGHT + 3);
}
