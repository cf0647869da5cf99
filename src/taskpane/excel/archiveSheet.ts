/** The 归档 sheet through Office.js: requirements removed by a newer table, with what departments typed. */
import { ARCHIVE_COLUMNS, Day, NUMBER_FORMATS, serialFromDay } from "../../core";
import { blockAddress } from "./cells";
import { chunkRows, estimateJsonBytes, OPERATION_OVERHEAD, PAYLOAD_BUDGET, PayloadBatcher } from "./payload";
import { ExcelFeatures } from "./requirements";
import { writeSheetFrame } from "./sheetFrame";

const LAST_COLUMN = ARCHIVE_COLUMNS.length - 1;
const FORMAT_ROW = ARCHIVE_COLUMNS.map((c) => NUMBER_FORMATS[c.format]);

export function writeArchiveFrame(sheet: Excel.Worksheet, features: ExcelFeatures): void {
  writeSheetFrame(sheet, ARCHIVE_COLUMNS, features);
}

/**
 * Number formats of one archived row: the column's, except that any text is written into "@":
 * a word a department typed into a date or number column ("-", "+1周", "=待定") stays what it was
 * instead of being entered as a formula or a number.
 */
function formatsOf(row: unknown[]): string[] {
  return row.map((v, i) => (typeof v === "string" && v !== "" ? "@" : FORMAT_ROW[i]));
}

/** Appends archived rows (cells up to 完成日期 as read) from sheet row `firstRow`, each dated `archivedOn`. */
export async function appendArchiveRows(batcher: PayloadBatcher, sheet: Excel.Worksheet, rows: unknown[][], firstRow: number, archivedOn: Day): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((cells) => [...cells.map((v) => v ?? ""), serialFromDay(archivedOn)]);
  const rowBytes = (row: unknown[]) => estimateJsonBytes(row) + estimateJsonBytes(formatsOf(row));
  let top = firstRow;
  for (const block of chunkRows(values, PAYLOAD_BUDGET / 4, rowBytes)) {
    const at = top;
    const bytes = block.reduce((n, r) => n + rowBytes(r), 0) + 2 * OPERATION_OVERHEAD;
    await batcher.add(bytes, () => {
      const range = sheet.getRange(blockAddress(0, LAST_COLUMN, at, at + block.length - 1));
      range.numberFormat = block.map(formatsOf);
      range.values = block;
    });
    top += block.length;
  }
}
