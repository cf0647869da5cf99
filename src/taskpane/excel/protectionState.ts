/**
 * Whether 任务清单 is protected now, so the pane offers 保护 or 撤销保护, not both. WorksheetProtection.protected
 * is ExcelApi 1.2 (features.protection); getItemOrNullObject 1.4 (the pane's minimum).
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection#excel-excel-worksheetprotection-protected-member
 */
import { SHEETS } from "../../core";
import { WorkbookSession } from "./session";

/** null: this Excel cannot tell (before ExcelApi 1.2) or there is no 任务清单 yet. */
export async function readTaskSheetProtection(session: WorkbookSession): Promise<boolean | null> {
  const { context, features } = session;
  if (!features.protection) return null;
  // Nothing may be asked of a null object in the same request: the protection is loaded once the sheet is known.
  const sheet = context.workbook.worksheets.getItemOrNullObject(SHEETS.tasks);
  await context.sync();
  if (sheet.isNullObject) return null;
  const protection = sheet.protection.load("protected");
  await context.sync();
  return protection.protected;
}
