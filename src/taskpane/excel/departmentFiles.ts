/**
 * Department files from the task pane: export one department's rows as its own workbook (opened as a new
 * Excel window where ExcelApi 1.8 has Excel.createWorkbook, else returned as bytes for a download), and
 * merge a returned file into the task table (the core plans, core/departmentMerge.ts). The exceljs side
 * (src/xlsx) is imported lazily, so it lands in its own chunk and not in taskpane.js.
 */
import {
  Day,
  departmentFileName,
  DepartmentMergePlan,
  fitMergePlan,
  setAsideUpdates,
  formatMergeReport,
  NUMBER_FORMATS,
  MERGE_LOG_HEADERS,
  MERGE_LOG_SHEET,
  PRINT_SETUPS,
  MERGE_LOG_WIDTHS,
  planDepartmentMerge,
  serialFromDay,
  TASK_COLUMNS,
  CellValue,
  assertExportRecord,
  EXPORT_KEY_LABEL,
  EXPORT_KEY_SHEET,
  fileNameDepartmentWarning,
  isExportKey,
  newExportKey,
  SoilUserError,
} from "../../core";
import { blockAddress } from "./cells";
import { chunkRows, estimateJsonBytes, OPERATION_OVERHEAD, PAYLOAD_BUDGET } from "./payload";
import { ownWrites } from "./ownWrites";
import { setUpPrinting } from "./pageLayout";
import { readTaskTable } from "./readTasks";
import { WorkbookSession } from "./session";
import { writeSheetFrame } from "./sheetFrame";

export type DepartmentExport =
  /** Opened in a new Excel window (Excel.createWorkbook). */
  | { kind: "opened"; department: string; rows: number }
  /** This Excel cannot open a workbook from the pane: the pane offers the bytes as a download. */
  | { kind: "download"; department: string; rows: number; fileName: string; bytes: Uint8Array<ArrayBuffer> };

export interface DepartmentMergeOutcome {
  plan: DepartmentMergePlan;
  /** The report in Chinese, one line each. */
  lines: string[];
}

/** Excel.createWorkbook, or a test double's. */
export type CreateWorkbook = (base64: string) => Promise<void>;

const LOG_COLUMNS = MERGE_LOG_HEADERS.map((header, i) => ({ header, width: MERGE_LOG_WIDTHS[i], wrap: i >= 3 }));

function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The master's export signing key (core/exportRecord.ts) from its very hidden EXPORT_KEY_SHEET; with `create`,
 * a workbook without one (populated before SOIL signed exports) gets one. Worksheet.visibility is ExcelApi 1.1
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member);
 * "VeryHidden" sheets can only be shown again through the API, not from Excel's Unhide dialog.
 */
async function exportKeyOf(session: WorkbookSession, names: readonly string[], create: boolean): Promise<string | null> {
  const { context } = session;
  const sheets = context.workbook.worksheets;
  if (names.includes(EXPORT_KEY_SHEET)) {
    const cell = sheets.getItem(EXPORT_KEY_SHEET).getRange("B1").load("values");
    await context.sync();
    const value = cell.values[0][0];
    if (isExportKey(value)) return value;
    if (create) throw new SoilUserError(`工作簿中的“${EXPORT_KEY_SHEET}”已损坏，无法签名导出的部门文件`, "请联系维护 SOIL 的同事恢复该工作表");
    return null;
  }
  if (!create) return null;
  const key = newExportKey();
  const sheet = sheets.add(EXPORT_KEY_SHEET);
  const range = sheet.getRange("A1:B1");
  range.numberFormat = [["@", "@"]];
  range.values = [[EXPORT_KEY_LABEL, key]];
  sheet.visibility = "VeryHidden" as Excel.SheetVisibility;
  await context.sync();
  return key;
}

export async function exportDepartmentFile(session: WorkbookSession, department: string, exportedOn: Day, createWorkbook: CreateWorkbook): Promise<DepartmentExport> {
  const steps = session.features.createWorkbook ? 3 : 2;
  session.progress({ step: 1, steps, what: "读取任务清单" });
  const sheets = session.context.workbook.worksheets;
  sheets.load("items/name");
  const read = await readTaskTable(session, "read");
  const exportKey = (await exportKeyOf(session, sheets.items.map((s) => s.name), true))!;
  session.progress({ step: 2, steps, what: "生成本单位的工作簿" });
  const { buildDepartmentWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../../xlsx/departmentWorkbook");
  // The workbook's 单位名录, read with the task table (the bundled registry in a workbook older than it).
  const registry = read.registry ?? undefined;
  const { workbook, department: name, rows } = await buildDepartmentWorkbook({ headers: read.headers, rows: read.rows }, department, { exportedOn, exportKey, registry });
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  if (!session.features.createWorkbook) return { kind: "download", department: name, rows, fileName: departmentFileName(name), bytes };
  session.progress({ step: 3, steps, what: "在 Excel 中打开" });
  await createWorkbook(base64Of(bytes));
  return { kind: "opened", department: name, rows };
}

/**
 * On a protected 任务清单 the merge cannot set a cell's format (SOIL protects without allowFormatCells), so
 * it reads the formats of the text cells it would write (one sync) and writes none that is no longer "@":
 * those go to 合并冲突 instead, so a department's text is never entered as a formula or a number.
 */
async function withoutUnsafeTextWrites(session: WorkbookSession, sheet: Excel.Worksheet, plan: DepartmentMergePlan): Promise<DepartmentMergePlan> {
  const textUpdates = plan.updates.filter((u) => typeof u.value === "string" && TASK_COLUMNS.find((c) => c.key === u.key)!.format === "text");
  if (textUpdates.length === 0) return plan;
  const formats = textUpdates.map((u) => {
    const column = TASK_COLUMNS.findIndex((c) => c.key === u.key);
    return sheet.getRange(blockAddress(column, column, u.rowIndex + 2, u.rowIndex + 2)).load("numberFormat");
  });
  await session.context.sync();
  const unsafe = textUpdates.filter((_, i) => formats[i].numberFormat[0][0] !== NUMBER_FORMATS.text);
  return setAsideUpdates(plan, unsafe, () => "该单元格已不是文本格式，而任务清单受保护、无法改回：未写入（以免被当作公式或数字）。请撤销保护后重新合并");
}

function officeCell(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "object") return "date" in value ? serialFromDay(value.date) : "";
  return value;
}

export async function mergeDepartmentFile(session: WorkbookSession, bytes: Uint8Array, fileName: string): Promise<DepartmentMergeOutcome> {
  const { context, batcher, features } = session;
  const sheets = context.workbook.worksheets;
  // Whether 合并冲突 exists: loaded with the first sync of readTaskTable.
  sheets.load("items/name");
  session.progress({ step: 1, steps: 3, what: "读取任务清单和交回的文件" });
  const read = await readTaskTable(session, "read");
  const { readDepartmentWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../../xlsx/readWorkbook");
  const returned = await readDepartmentWorkbook(bytes, fileName);
  // The department and the baseline are trusted only when this workbook's key signed them at export.
  await assertExportRecord(await exportKeyOf(session, sheets.items.map((s) => s.name), false), returned, fileName);
  // A value longer than a cell holds goes to 合并冲突, not into the table (core/cellLimit.ts).
  // Which rows name the department: the workbook's 单位名录 (the bundled registry in a workbook older than it).
  const planned = fitMergePlan(planDepartmentMerge({ headers: read.headers, rows: read.rows }, returned, read.registry ?? undefined));
  const plan = read.protected ? await withoutUnsafeTextWrites(session, read.sheet, planned) : planned;
  const warning = fileNameDepartmentWarning(fileName, plan.department, read.registry ?? undefined);
  session.progress({ step: 2, steps: 3, what: `写入 ${plan.updates.length} 个单元格` });
  const issues = [...plan.conflicts, ...plan.rejected, ...plan.ignored].map((i) => [i.department, i.id, i.column, i.office, i.departmentValue, i.baseline, i.reason]);

  let log: Excel.Worksheet | null = null;
  let created = false;
  let firstFree = 2;
  if (issues.length > 0) {
    if (sheets.items.some((s) => s.name === MERGE_LOG_SHEET)) {
      log = sheets.getItem(MERGE_LOG_SHEET);
      const used = log.getUsedRangeOrNullObject(true).load("rowCount,rowIndex");
      await context.sync();
      if (!used.isNullObject) firstFree = Math.max(2, used.rowIndex + used.rowCount + 1);
    } else {
      created = true;
      await batcher.add(OPERATION_OVERHEAD * (LOG_COLUMNS.length + 4), () => {
        log = sheets.add(MERGE_LOG_SHEET);
        writeSheetFrame(log, LOG_COLUMNS, features);
      });
    }
  }

  // Each updated cell in its own small range: departments change few cells, scattered over the table.
  // The cell gets its column's number format in the same request ("@" for text, as the 合并冲突 writer does):
  // a string written through range.values into a cell not formatted as text is entered as Excel enters typed
  // text, so "=WEBSERVICE(…)" would become a live formula if the office had reformatted 进展情况 (Excel.Range
  // values: https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
  // On a protected sheet formats cannot change: withoutUnsafeTextWrites has set such cells aside.
  for (const u of plan.updates) {
    const column = TASK_COLUMNS.findIndex((c) => c.key === u.key);
    const value = officeCell(u.value);
    const format = NUMBER_FORMATS[TASK_COLUMNS[column].format];
    await batcher.add(estimateJsonBytes(value) + 2 * OPERATION_OVERHEAD, () => {
      const address = blockAddress(column, column, u.rowIndex + 2, u.rowIndex + 2);
      // Not anyone's edit for the change log (it would date the feedback "today" over the department's own date).
      ownWrites.add(address);
      const range = read.sheet.getRange(address);
      if (!read.protected) range.numberFormat = [[format]];
      range.values = [[value]];
    });
  }
  let top = firstFree;
  for (const block of chunkRows(issues, PAYLOAD_BUDGET / 4)) {
    const at = top;
    await batcher.add(2 * estimateJsonBytes(block) + 2 * OPERATION_OVERHEAD, () => {
      const range = log!.getRange(blockAddress(0, LOG_COLUMNS.length - 1, at, at + block.length - 1));
      range.numberFormat = block.map((row) => row.map(() => "@"));
      range.values = block;
    });
    top += block.length;
  }
  if (issues.length > 0) session.progress({ step: 3, steps: 3, what: `记入“${MERGE_LOG_SHEET}” ${issues.length} 项` });
  await session.finish();
  // A new 合并冲突 is set up for printing in a request of its own (a refused setting loses nothing merged).
  const printNotes = created && log ? await setUpPrinting(context, features, [{ sheet: log, setup: PRINT_SETUPS[MERGE_LOG_SHEET], lastColumn: LOG_COLUMNS.length - 1 }]) : [];
  return { plan, lines: [...(warning ? [warning] : []), ...formatMergeReport(plan.report), ...printNotes] };
}
