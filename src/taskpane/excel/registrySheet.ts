/** The 单位名录 sheet through Office.js: the workbook's registry as the table SoilRegistry (text cells), a note beside it. */
import {
  DepartmentRegistry,
  FormulaFlavor,
  REGISTRY_COLUMN_WIDTHS,
  REGISTRY_HEADER_ROW,
  REGISTRY_HEADERS,
  REGISTRY_TABLE,
  registryFromRows,
  registryNote,
  registryRows,
  SHEETS,
} from "../../core";
import { blockAddress } from "./cells";
import { ExcelFeatures } from "./requirements";
import { WorkbookSession } from "./session";
import { writeSheetFrame } from "./sheetFrame";

/** How the pane names the registry a workbook keeps. */
export const WORKBOOK_REGISTRY_LABEL = "本工作簿的单位名录";

/** `flavor`: the formulas of 部门汇总 (the built-in ones read this sheet by row, and the note says what that asks of the office). */
export function writeRegistrySheet(sheet: Excel.Worksheet, registry: DepartmentRegistry, features: ExcelFeatures, flavor: FormulaFlavor): void {
  writeSheetFrame(
    sheet,
    REGISTRY_HEADERS.map((header, i) => ({ header, width: REGISTRY_COLUMN_WIDTHS[i], wrap: true })),
    features,
  );
  // An Excel table needs a data row: an empty registry gets one blank row to type into.
  const rows = registryRows(registry);
  const body = rows.length > 0 ? rows : [REGISTRY_HEADERS.map(() => "")];
  const last = REGISTRY_HEADERS.length - 1;
  const header = REGISTRY_HEADER_ROW;
  const cells = sheet.getRange(blockAddress(0, last, header + 1, header + body.length));
  cells.numberFormat = body.map((row) => row.map(() => "@"));
  cells.values = body;
  const table = sheet.tables.add(blockAddress(0, last, header, header + body.length), true);
  table.name = REGISTRY_TABLE;
  table.style = "TableStyleLight1";
  const note = sheet.getRange(blockAddress(last + 2, last + 2, header, header));
  note.values = [[registryNote(flavor, registry, "pane")]];
  note.format.wrapText = true;
}

/**
 * The workbook's 单位名录 as the office keeps it (the sheet, with its edits), for reading a table again with it;
 * null when the workbook has none (not populated yet, or written before the sheet existed).
 */
export async function readWorkbookRegistry(session: WorkbookSession): Promise<DepartmentRegistry | null> {
  const { context } = session;
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  if (!sheets.items.some((s) => s.name === SHEETS.registry)) return null;
  const used = sheets.getItem(SHEETS.registry).getUsedRange().load("values");
  await context.sync();
  const registry = registryFromRows(used.values, WORKBOOK_REGISTRY_LABEL);
  return registry.entries.length > 0 ? registry : null;
}
