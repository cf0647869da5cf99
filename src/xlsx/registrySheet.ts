/** The 单位名录 sheet: the workbook's registry as the Excel table SoilRegistry (text cells), a note beside it. */
import type ExcelJS from "exceljs";
import { HEADER_FILL, REGISTRY_COLUMN_WIDTHS, REGISTRY_HEADER_ROW, REGISTRY_TABLE, registryNote, SHEETS } from "../core/layout";
import { DepartmentRegistry, REGISTRY_HEADERS, registryRows } from "../core/registry";
import { PRINT_SETUPS } from "../core/printSetup";
import { argb, styleHeaderRow } from "./cells";
import { applyCellFont, applyPrintSetup } from "./printSetup";

export function addRegistrySheet(workbook: ExcelJS.Workbook, registry: DepartmentRegistry): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEETS.registry, { properties: { tabColor: { argb: argb(HEADER_FILL) } } });
  REGISTRY_COLUMN_WIDTHS.forEach((width, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = width;
    // Text: a name typed later that starts with = or + stays a name.
    column.numFmt = "@";
    column.alignment = { vertical: "top", wrapText: true };
  });
  const rows = registryRows(registry);
  sheet.addTable({
    name: REGISTRY_TABLE,
    displayName: REGISTRY_TABLE,
    // Where portableSummaryRows' formulas look for the bodies.
    ref: `A${REGISTRY_HEADER_ROW}`,
    headerRow: true,
    style: { theme: "TableStyleLight1", showRowStripes: true },
    columns: REGISTRY_HEADERS.map((name) => ({ name, filterButton: true })),
    // An Excel table needs a data row: an empty registry gets one blank row to type into.
    rows: rows.length > 0 ? rows : [REGISTRY_HEADERS.map(() => "")],
  });
  styleHeaderRow(sheet.getRow(REGISTRY_HEADER_ROW), REGISTRY_HEADERS.length);
  const note = sheet.getCell(REGISTRY_HEADER_ROW, REGISTRY_HEADERS.length + 2);
  note.value = registryNote("portable", registry);
  note.alignment = { vertical: "top", wrapText: true };
  sheet.getColumn(REGISTRY_HEADERS.length + 2).width = 48;
  // Not frozen: a short list; and LibreOffice would carry a frozen pane over to the hidden sheet after it.
  applyCellFont(sheet);
  // Printed: the table (the note beside it is for the screen).
  applyPrintSetup(sheet, PRINT_SETUPS[SHEETS.registry], REGISTRY_HEADERS.length, Math.max(2, rows.length + 1));
  return sheet;
}
