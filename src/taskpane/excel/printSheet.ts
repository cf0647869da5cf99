/**
 * The 打印清单 sheet through Office.js: the columns a reader needs on paper (core/printSetup.ts
 * PRINT_COLUMNS), each cell core's mirror formula over the same row of 任务清单 (the exceljs renderer
 * is src/xlsx/printSheet.ts). Populate writes it whole; a re-import rewrites the mirror for the new
 * extent (rows moved up when archived rows left the table) and clears the rows it no longer covers.
 */
import {
  columnIndex,
  columnLetter,
  DUE_STATUSES,
  NUMBER_FORMATS,
  PRINT_COLUMNS,
  PRINT_SETUPS,
  PRINT_SHEET,
  printColumnHeader,
  printMirrorFormula,
  STATUS_STYLES,
  statusRuleFormula,
  TASK_COLUMNS,
} from "../../core";
import { blockAddress } from "./cells";
import { SheetPrint } from "./pageLayout";
import { chunkRows, estimateJsonBytes, OPERATION_OVERHEAD, PAYLOAD_BUDGET, PayloadBatcher } from "./payload";
import { ExcelFeatures } from "./requirements";
import { FrameColumn, writeSheetFrame } from "./sheetFrame";

const LAST_COLUMN = PRINT_COLUMNS.length - 1;
const FRAME: readonly FrameColumn[] = PRINT_COLUMNS.map((c) => ({ header: printColumnHeader(c.key), width: c.width, wrap: c.wrap }));
/**
 * A mirror row's number formats: a date or number column keeps its own; text columns stay General,
 * since a formula entered into a cell formatted "@" would stay text (the header is the only text written).
 */
const FORMAT_ROW = PRINT_COLUMNS.map((c) => {
  const format = TASK_COLUMNS[columnIndex(c.key)].format;
  return format === "text" ? NUMBER_FORMATS.general : NUMBER_FORMATS[format];
});
const STATUS_COLUMN = columnLetter(PRINT_COLUMNS.findIndex((c) => c.key === "dueStatus"));
const BLOCK_BUDGET = PAYLOAD_BUDGET / 4;

/** The mirror formulas of sheet rows `first`..`last` (range.formulas, in PRINT_COLUMNS order). */
export function printMirrorRows(first: number, last: number): string[][] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => PRINT_COLUMNS.map((c) => printMirrorFormula(c.key, first + i)));
}

/** Header (text), widths, wrapping, top alignment, frozen header. */
export function writePrintFrame(sheet: Excel.Worksheet, features: ExcelFeatures): void {
  writeSheetFrame(sheet, FRAME, features);
}

/** How 打印清单 prints, for setUpPrinting (the font and page layout request). */
export function printSheetPrint(sheet: Excel.Worksheet): SheetPrint {
  return { sheet, setup: PRINT_SETUPS[PRINT_SHEET], lastColumn: LAST_COLUMN };
}

/**
 * Mirrors task rows 2..rowCount+1 (formulas through range.formulas, never formulasLocal: they are in
 * Excel's invariant language), with the status colours over them; rows 2..previousRowCount+1 beyond the
 * new extent are cleared, so no row of a requirement that left the table prints stale or #REF!.
 */
export async function writePrintRows(batcher: PayloadBatcher, sheet: Excel.Worksheet, rowCount: number, features: ExcelFeatures, previousRowCount = 0): Promise<void> {
  let top = 2;
  for (const block of chunkRows(printMirrorRows(2, rowCount + 1), BLOCK_BUDGET)) {
    const at = top;
    await batcher.add(estimateJsonBytes(block) + estimateJsonBytes(FORMAT_ROW) * block.length + 2 * OPERATION_OVERHEAD, () => {
      const range = sheet.getRange(blockAddress(0, LAST_COLUMN, at, at + block.length - 1));
      range.numberFormat = block.map(() => FORMAT_ROW);
      range.formulas = block;
    });
    top += block.length;
  }
  await batcher.add(10 * OPERATION_OVERHEAD, () => {
    if (previousRowCount > rowCount) sheet.getRange(blockAddress(0, LAST_COLUMN, rowCount + 2, previousRowCount + 1)).clear("All");
    if (features.conditionalFormats && Math.max(rowCount, previousRowCount) > 0) {
      sheet.getRange(blockAddress(0, LAST_COLUMN, 2, Math.max(rowCount, previousRowCount) + 1)).conditionalFormats.clearAll();
    }
    if (features.conditionalFormats && rowCount > 0) {
      const body = sheet.getRange(blockAddress(0, LAST_COLUMN, 2, rowCount + 1));
      for (const status of DUE_STATUSES) {
        const style = STATUS_STYLES[status];
        if (!style) continue;
        const rule = body.conditionalFormats.add("Custom");
        rule.custom.rule.formula = statusRuleFormula(status, 2, STATUS_COLUMN);
        rule.custom.format.fill.color = style.fill;
        rule.custom.format.font.color = style.font;
      }
    }
  });
}

/**
 * Row heights fitted to the mirrored text (RangeFormat.autofitRows, ExcelApi 1.2:
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitrows-member(1)),
 * queued after the workbook's recalculation so the formulas show their text; rows cleared at the end shrink back.
 */
export function queuePrintRowHeights(sheet: Excel.Worksheet, lastRow: number): void {
  if (lastRow >= 2) sheet.getRange(blockAddress(0, LAST_COLUMN, 2, lastRow)).format.autofitRows();
}
