/** The frame every SOIL list sheet shares: a styled header row, column widths, wrapping, hidden helpers, frozen header. */
import { ColumnSpec, HEADER_FILL, HEADER_FONT } from "../../core";
import { blockAddress, columnAddress, columnWidthPoints } from "./cells";
import { ExcelFeatures } from "./requirements";

export type FrameColumn = Pick<ColumnSpec, "header" | "width" | "wrap" | "hidden">;

export function styleHeader(range: Excel.Range): void {
  range.format.fill.color = HEADER_FILL;
  range.format.font.color = HEADER_FONT;
  range.format.font.bold = true;
  range.format.wrapText = true;
  range.format.verticalAlignment = "Center";
}

/** Header row (as text), column widths, wrapping, hidden helpers and the frozen header (ExcelApi 1.7). */
export function writeSheetFrame(sheet: Excel.Worksheet, columns: readonly FrameColumn[], features: ExcelFeatures): void {
  const header = sheet.getRange(blockAddress(0, columns.length - 1, 1, 1));
  header.numberFormat = [columns.map(() => "@")];
  header.values = [columns.map((c) => c.header)];
  styleHeader(header);
  columns.forEach((c, i) => {
    const column = sheet.getRange(columnAddress(i));
    column.format.columnWidth = columnWidthPoints(c.width);
    column.format.verticalAlignment = "Top";
    if (c.wrap) column.format.wrapText = true;
    if (c.hidden) column.columnHidden = true;
  });
  if (features.freezePanes) sheet.freezePanes.freezeRows(1);
}
