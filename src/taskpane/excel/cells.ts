/** Layout values and formats as Office.js takes them: serials for dates, "@" for text, widths in points. */
import { CellValue, columnLetter, serialFromDay } from "../../core";

/** A cell for `range.values`: dates as serials, empty as "". Formulas belong in `range.formulas`. */
export function officeValue(cell: CellValue): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "object") return "date" in cell ? serialFromDay(cell.date) : cell.formula;
  return cell;
}

/**
 * Excel column width in characters (the layout's unit) → points (Office.js RangeFormat.columnWidth).
 * One character of the default font is 7 px, plus 5 px of padding; 1 px = 0.75 pt.
 */
export function columnWidthPoints(characters: number): number {
  return (characters * 7 + 5) * 0.75;
}

/** "A2:P9" from 0-based first/last column and 1-based first/last row. */
export function blockAddress(firstColumn: number, lastColumn: number, firstRow: number, lastRow: number): string {
  return `${columnLetter(firstColumn)}${firstRow}:${columnLetter(lastColumn)}${lastRow}`;
}

/** Whole columns, "C:C" or (with `last`) "A:I". */
export function columnAddress(column: number, last: number = column): string {
  return `${columnLetter(column)}:${columnLetter(last)}`;
}

/** Runs of consecutive indices where `keep` holds: [[0, 6], [14, 15]]. */
export function indexRuns(length: number, keep: (index: number) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < length; i++) {
    if (!keep(i)) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}
