/**
 * The last check before an exceljs workbook becomes bytes: no cell longer than Excel holds
 * (core/cellLimit.ts: a longer text makes Excel report the whole file as damaged). What SOIL builds is
 * checked upstream (the import gate, the merge plan, the report); this catches whatever else a loaded
 * file carries (a master saved by LibreOffice, which allows longer cells) before it is written on.
 */
import type ExcelJS from "exceljs";
import { assertCellFits, cellTooLong } from "../core/cellLimit";

function text(value: ExcelJS.CellValue): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((t) => t.text).join("");
  if (value && typeof value === "object" && "text" in value && typeof value.text === "string") return value.text;
  return null;
}

/** Throws a SoilUserError naming the sheet and cell of the first text longer than a cell holds. */
export function assertWorkbookCellsFit(workbook: ExcelJS.Workbook, hint?: string): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = text(cell.value);
        if (value !== null && cellTooLong(value)) assertCellFits(value, `“${sheet.name}”工作表 ${cell.address} 单元格`, hint);
      });
    });
  });
}
