/** The 任务清单 sheet through Office.js: frame (header, widths, freeze), row blocks, and the body's styling. */
import {
  CellValue,
  columnIndex,
  EXTRA_COLUMN_WIDTH,
  ExtraColumns,
  INPUT_VALIDATIONS,
  isoFromDay,
  NUMBER_FORMATS,
  STATUS_STYLES,
  statusRuleFormula,
  TASK_COLUMNS,
} from "../../core";
import { blockAddress, columnWidthPoints, indexRuns, officeValue } from "./cells";
import { chunkRows, estimateJsonBytes, OPERATION_OVERHEAD, PAYLOAD_BUDGET, PayloadBatcher } from "./payload";
import { ExcelFeatures } from "./requirements";
import { writeSheetFrame } from "./sheetFrame";

const FORMAT_ROW = TASK_COLUMNS.map((c) => NUMBER_FORMATS[c.format]);
/**
 * Column runs written with range.values (source and input cells) and with range.formulas (computed cells), over
 * the first `width` columns: rows for a workbook written before 参与部门 are shorter (core/reimport.ts), and the
 * column after them is 类别 or the source's own, never written here.
 */
export function valueRuns(width: number): [number, number][] {
  return indexRuns(width, (i) => TASK_COLUMNS[i].role !== "computed");
}
export const FORMULA_RUNS = indexRuns(TASK_COLUMNS.length, (i) => TASK_COLUMNS[i].role === "computed");
/** Rows per block handed to the batcher: small enough that blocks pack a batch well. */
const BLOCK_BUDGET = PAYLOAD_BUDGET / 4;

/** Header row, column widths, wrapping, hidden helpers and the frozen header of 任务清单. */
export function writeTaskFrame(sheet: Excel.Worksheet, features: ExcelFeatures): void {
  writeSheetFrame(sheet, TASK_COLUMNS, features);
}

function rowBytes(row: CellValue[]): number {
  return estimateJsonBytes(row.map(officeValue)) + estimateJsonBytes(FORMAT_ROW.slice(0, row.length));
}

/**
 * Writes rows (TASK_COLUMNS order) from sheet row `firstRow` on, in blocks: number formats first (so
 * text stays text), then the value runs with range.values and the computed run with range.formulas.
 */
/** `onRows` hears how many rows have gone to Excel (queued in a batch that is sent) after each block. */
export async function writeTaskRows(batcher: PayloadBatcher, sheet: Excel.Worksheet, rows: CellValue[][], firstRow: number, onRows?: (written: number) => void): Promise<void> {
  // As wide as the rows: all of TASK_COLUMNS, or fewer for a workbook written before 参与部门.
  const width = rows[0]?.length ?? TASK_COLUMNS.length;
  const formats = FORMAT_ROW.slice(0, width);
  const runs = valueRuns(width);
  let row = firstRow;
  for (const block of chunkRows(rows, BLOCK_BUDGET, rowBytes)) {
    const top = row;
    const bottom = row + block.length - 1;
    const bytes = block.reduce((n, r) => n + rowBytes(r), 0) + OPERATION_OVERHEAD * (1 + runs.length + FORMULA_RUNS.length);
    await batcher.add(bytes, () => {
      sheet.getRange(blockAddress(0, width - 1, top, bottom)).numberFormat = block.map(() => formats);
      for (const [a, b] of runs) sheet.getRange(blockAddress(a, b, top, bottom)).values = block.map((r) => r.slice(a, b + 1).map(officeValue));
      for (const [a, b] of FORMULA_RUNS) sheet.getRange(blockAddress(a, b, top, bottom)).formulas = block.map((r) => r.slice(a, b + 1).map(officeValue));
    });
    row += block.length;
    onRows?.(row - firstRow);
  }
}

/**
 * Status colours (conditional formats keyed on the 到期状态 column, ExcelApi 1.6: a custom function
 * cannot run inside a rule) and the 状态 drop-down (ExcelApi 1.8) over body rows 2..rowCount+1.
 * Replaces what was there, so a re-import can call it again for the new extent.
 */
/** `width`: SOIL's columns in the sheet (taskColumnCount), so a column after them (类别 in an older workbook) keeps its own formats. */
export function styleTaskBody(sheet: Excel.Worksheet, rowCount: number, features: ExcelFeatures, width = TASK_COLUMNS.length): void {
  if (rowCount === 0) return;
  const last = rowCount + 1;
  const body = sheet.getRange(blockAddress(0, width - 1, 2, last));
  if (features.conditionalFormats) {
    body.conditionalFormats.clearAll();
    for (const [status, style] of Object.entries(STATUS_STYLES)) {
      const rule = body.conditionalFormats.add("Custom");
      rule.custom.rule.formula = statusRuleFormula(status as keyof typeof STATUS_STYLES, 2);
      rule.custom.format.fill.color = style.fill;
      rule.custom.format.font.color = style.font;
    }
  }
  if (features.dataValidation) {
    for (const v of INPUT_VALIDATIONS) {
      const index = columnIndex(v.column);
      const column = sheet.getRange(blockAddress(index, index, 2, last));
      column.dataValidation.clear();
      column.dataValidation.rule =
        v.kind === "list"
          ? { list: { inCellDropDown: true, source: v.list.join(",") } }
          : { date: { formula1: isoFromDay(v.minDate), operator: "GreaterThanOrEqualTo" } };
      column.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: v.title, message: v.message };
    }
  }
}

/**
 * The source table's own columns (类别, 备注…) after SOIL's, header included, as text: written before the
 * table is added over them, so SoilTasks takes them in. The SOIL functions' columns do not move.
 */
export async function writeExtraColumns(batcher: PayloadBatcher, sheet: Excel.Worksheet, extras: ExtraColumns): Promise<void> {
  const width = extras.headers.length;
  if (width === 0) return;
  const first = TASK_COLUMNS.length;
  const last = first + width - 1;
  const textRow = extras.headers.map(() => "@");
  await batcher.add(estimateJsonBytes(extras.headers) + OPERATION_OVERHEAD * 3, () => {
    const header = sheet.getRange(blockAddress(first, last, 1, 1));
    header.numberFormat = [textRow];
    header.values = [extras.headers];
    header.format.columnWidth = columnWidthPoints(EXTRA_COLUMN_WIDTH);
  });
  let row = 2;
  for (const block of chunkRows(extras.rows, BLOCK_BUDGET, (r) => estimateJsonBytes(r) + estimateJsonBytes(textRow))) {
    const top = row;
    const bottom = row + block.length - 1;
    await batcher.add(block.reduce((n, r) => n + estimateJsonBytes(r) + estimateJsonBytes(textRow), 0) + 2 * OPERATION_OVERHEAD, () => {
      const range = sheet.getRange(blockAddress(first, last, top, bottom));
      range.numberFormat = block.map(() => textRow);
      range.values = block;
    });
    row += block.length;
  }
}
