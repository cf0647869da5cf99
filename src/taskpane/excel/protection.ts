/**
 * Protecting the task sheet for the quarter's feedback round. The structure columns (编号 to 截止日期),
 * the computed columns, the office's 延期审批 and the header row are locked; the columns departments
 * type into stay editable. On Excel on the web (ExcelApiOnline 1.1: allowEditRanges) the office may
 * instead give each department one editable range over its own rows, with its own password.
 */
import {
  checkTaskHeaders,
  columnIndex,
  columnLetter,
  DEPARTMENT_COLUMNS,
  resolveDepartments,
  SoilUserError,
  TASK_COLUMNS,
} from "../../core";
import { columnAddress, indexRuns } from "./cells";
import { findTaskTable } from "./readTasks";
import { WorkbookSession } from "./session";

/** What departments may still do on the protected sheet: filter and sort their rows, resize, select. */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowSort: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: false,
  allowDeleteRows: false,
  allowInsertColumns: false,
  allowDeleteColumns: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowInsertHyperlinks: false,
  allowPivotTables: false,
};

export interface ProtectRequest {
  /** The office's password for the sheet ("" for none; needs ExcelApi 1.7). */
  password: string;
  /** department → its password: one editable range per department (Excel on the web only). */
  departmentPasswords?: Record<string, string>;
}

export interface ProtectOutcome {
  /** Editable columns for everyone ("H:N"), or null with per-department ranges. */
  editableColumns: string | null;
  /** Per-department ranges as given to Excel. */
  departmentRanges: { department: string; address: string; rows: number }[];
}

const FIRST_DEPARTMENT_COLUMN = Math.min(...DEPARTMENT_COLUMNS.map(columnIndex));
const LAST_DEPARTMENT_COLUMN = Math.max(...DEPARTMENT_COLUMNS.map(columnIndex));

/** The department columns must be adjacent for one range per row block (the layout keeps them so). */
function departmentColumns(): string {
  if (LAST_DEPARTMENT_COLUMN - FIRST_DEPARTMENT_COLUMN + 1 !== DEPARTMENT_COLUMNS.length) throw new Error("department columns are not adjacent");
  return columnAddress(FIRST_DEPARTMENT_COLUMN, LAST_DEPARTMENT_COLUMN);
}

/** "H5:N7,H9:N9": the department columns of the given body rows (0-based), consecutive rows merged. */
export function departmentRangeAddress(rowIndexes: readonly number[], bodyRowCount: number): string {
  const first = columnLetter(FIRST_DEPARTMENT_COLUMN);
  const last = columnLetter(LAST_DEPARTMENT_COLUMN);
  const mine = new Set(rowIndexes);
  return indexRuns(bodyRowCount, (i) => mine.has(i))
    .map(([a, b]) => `${first}${a + 2}:${last}${b + 2}`)
    .join(",");
}

export async function protectTaskSheet(session: WorkbookSession, request: ProtectRequest): Promise<ProtectOutcome> {
  const { context, features } = session;
  if (!features.protection) throw new SoilUserError("此版本 Excel 不支持通过加载项保护工作表（需 ExcelApi 1.2）。", "请在“审阅”选项卡中手工保护工作表。");
  const perDepartment = request.departmentPasswords !== undefined;
  if (perDepartment && !features.allowEditRanges) {
    throw new SoilUserError(
      "按单位分区保护只有网页版 Excel 支持（ExcelApiOnline 的“允许编辑区域”）；桌面版请使用“按单位导出文件”。",
      "导出的文件只含该单位的行，各单位填好交回后再合并到总表。",
    );
  }
  if (request.password !== "" && !features.unprotectWithPassword) {
    throw new SoilUserError("此版本 Excel 不支持通过加载项设置保护密码（需 ExcelApi 1.7）。", "请不设密码，或在“审阅”选项卡中手工设置。");
  }
  const { sheet, table } = await findTaskTable(session, "read");
  // The set reported is not enough: the Office.js loaded must have the object too (the npm package 1.1.110 has no
  // AllowEditRange at all, whatever Excel on the web reports).
  const editRanges = features.allowEditRanges ? sheet.protection.allowEditRanges : undefined;
  if (perDepartment && !editRanges) {
    throw new SoilUserError("此 Office.js 没有“允许编辑区域”接口（AllowEditRange），无法按单位分区保护。", "请从 Microsoft CDN 加载 Office.js 后重试，或使用“按单位导出文件”。");
  }
  const protection = sheet.protection.load("protected");
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("rowCount");
  const responsible = perDepartment ? table.columns.getItem(TASK_COLUMNS[columnIndex("responsible")].header).getDataBodyRange().load("values") : null;
  await context.sync();
  if (protection.protected) throw new SoilUserError("“任务清单”已处于保护状态。", "如需更改保护方式，请先撤销保护。");
  // Which columns are opened depends on the layout: another one (an older SOIL) would open the wrong ones.
  checkTaskHeaders(header.values[0], "工作簿中");

  // Everything locked, then the department columns opened (whole columns, so rows added later are
  // editable too) unless each department gets its own range; the header row stays locked.
  const columns = departmentColumns();
  sheet.getRange("A:XFD").format.protection.locked = true;
  if (!perDepartment) sheet.getRange(columns).format.protection.locked = false;
  sheet.getRange("1:1").format.protection.locked = true;

  const departmentRanges: ProtectOutcome["departmentRanges"] = [];
  // Ranges of an earlier per-department protection: they would clash by title, or leave rows open.
  if (editRanges) {
    editRanges.load("items/title");
    await context.sync();
    for (const old of editRanges.items) old.delete();
  }
  if (perDepartment && responsible && editRanges) {
    const rowsOf = new Map<string, number[]>();
    responsible.values.forEach((row, i) => {
      for (const name of resolveDepartments(String(row[0] ?? "")).names) rowsOf.set(name, [...(rowsOf.get(name) ?? []), i]);
    });
    const ranges = editRanges;
    for (const [department, password] of Object.entries(request.departmentPasswords ?? {})) {
      const rows = rowsOf.get(department) ?? [];
      if (rows.length === 0) continue;
      const address = departmentRangeAddress(rows, body.rowCount);
      ranges.add(department, address, password === "" ? undefined : { password });
      departmentRanges.push({ department, address, rows: rows.length });
    }
  }
  if (request.password === "") sheet.protection.protect(PROTECTION_OPTIONS);
  else sheet.protection.protect(PROTECTION_OPTIONS, request.password);
  await context.sync();
  return { editableColumns: perDepartment ? null : columns, departmentRanges };
}

/** Removes the protection (the password is checked by Excel). Per-department ranges are kept for the next protection to replace. */
export async function unprotectTaskSheet(session: WorkbookSession, password: string): Promise<void> {
  const { context, features } = session;
  const { sheet } = await findTaskTable(session, "read");
  if (password === "" || !features.unprotectWithPassword) sheet.protection.unprotect();
  else sheet.protection.unprotect(password);
  try {
    await context.sync();
  } catch (error) {
    throw wrongPassword(error);
  }
}

function wrongPassword(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === "BadPassword" || code === "InvalidArgument" || code === "AccessDenied") {
    return new SoilUserError("保护密码不正确，未撤销“任务清单”的保护。", "请核对密码（区分大小写）后重试。");
  }
  return error;
}

/**
 * Runs `write` on the task sheet with its protection lifted and put back with the same options and password (the
 * office's own writes, e.g. a decision in 延期审批, which is locked). Unprotect, write and protect go in ONE request:
 * while departments co-author the sheet, it is unprotected for that request only, never between two. A wrong
 * password fails the unprotect, the first operation, so nothing after it runs; if the write itself fails, the
 * protection is put back in a request of its own.
 */
export async function withProtectionLifted(session: WorkbookSession, password: string, write: (sheet: Excel.Worksheet) => void): Promise<void> {
  const { context, features } = session;
  const { sheet } = await findTaskTable(session, "read");
  const protection = sheet.protection.load("protected,options");
  await context.sync();
  if (!protection.protected) {
    write(sheet);
    await context.sync();
    return;
  }
  if (password !== "" && !features.unprotectWithPassword) {
    throw new SoilUserError("此版本 Excel 不能通过加载项输入保护密码（需 ExcelApi 1.7）。", "请在“审阅”选项卡中撤销保护，写入后再重新保护。");
  }
  // Put back as it was: the options the sheet had (it may have been protected by hand).
  const options = protection.options ?? PROTECTION_OPTIONS;
  const protect = () => (password === "" ? sheet.protection.protect(options) : sheet.protection.protect(options, password));
  if (password === "") sheet.protection.unprotect();
  else sheet.protection.unprotect(password);
  write(sheet);
  protect();
  try {
    await context.sync();
  } catch (error) {
    const refused = wrongPassword(error);
    if (refused !== error) throw refused;
    const after = sheet.protection.load("protected");
    await context.sync();
    if (!after.protected) {
      protect();
      await context.sync();
    }
    throw error;
  }
}
