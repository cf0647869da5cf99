/**
 * Reading SOIL workbooks back with exceljs (no file system; usable in a browser): the office's master
 * (任务清单 as an ExistingTaskTable, as the pane reads it through Office.js) and a department's returned
 * file (its rows, the department and the export baseline from 导出信息). Cells are normalised to what
 * Office.js gives: dates as serials, formula cells as their cached result, rich text as text.
 */
import ExcelJS from "exceljs";
import {
  BASELINE_COLUMNS,
  BASELINE_HEADER_ROW,
  cellText,
  DEPARTMENT_FILE_MARKER,
  DEPARTMENT_FILE_VERSION,
  DEPARTMENT_INFO_CELLS,
  DEPARTMENT_INFO_SHEET,
  dayOfCell,
  serialFromJsDate,
} from "../core/departmentFile";
import { ReturnedDepartmentFile } from "../core/departmentMerge";
import { EXPORT_KEY_SHEET, isExportKey } from "../core/exportRecord";
import { SoilUserError } from "../core/errors";
import { ColumnKey, SHEETS, TASK_COLUMNS, taskColumnCount } from "../core/layout";
import { checkTaskHeaders, ExistingTaskTable } from "../core/reimport";
import { assertUnpackedSize, withRelativeTargets } from "./xlsxPackage";

/** A cell's value as Office.js would give it in range.values. */
export function readCellValue(cell: ExcelJS.Cell): unknown {
  return plain(cell.value);
}

function plain(value: ExcelJS.CellValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return serialFromJsDate(value);
  if (typeof value !== "object") return value;
  if ("formula" in value || "sharedFormula" in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("error" in value) return value.error;
  if ("text" in value) return typeof value.text === "string" ? value.text : plain(value.text as ExcelJS.CellValue);
  return null;
}

function isFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  return v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v);
}

/** Loads .xlsx bytes; anything else (a .xls, a renamed text file) is a SoilUserError. */
export async function loadWorkbook(bytes: ArrayBuffer | Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  const raw = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // Before anything is unpacked: a small zip can hold a string of hundreds of millions of characters.
  assertUnpackedSize(raw, name);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await withRelativeTargets(raw)) as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SoilUserError(`无法读取“${name}”：不是 .xlsx 工作簿，或文件已损坏（${reason}）`, "请选择用 Excel、WPS 或 LibreOffice 保存的 .xlsx 文件（不支持 .xls）");
  }
  return workbook;
}

export interface TaskSheetRead {
  sheet: ExcelJS.Worksheet;
  table: ExistingTaskTable;
  /** Computed cells that hold a typed value instead of a formula. */
  overwrittenFormulas: { id: string; key: ColumnKey; value: unknown }[];
}

/** 任务清单 as rows in TASK_COLUMNS order, as many as the file has (trailing blank rows dropped); SoilUserError when it is missing or not SOIL's layout. */
export function readTaskSheet(workbook: ExcelJS.Workbook, name: string): TaskSheetRead {
  const sheet = workbook.getWorksheet(SHEETS.tasks);
  if (!sheet) throw new SoilUserError(`“${name}”中没有“${SHEETS.tasks}”工作表，不是 SOIL 工作簿`, "请选择由 SOIL 生成的工作簿");
  // A cell longer than Excel holds is read as it is: the merge sets it aside in 合并冲突 (core/cellLimit.ts).
  const rowValues = (r: number, width: number) => Array.from({ length: width }, (_, c) => readCellValue(sheet.getRow(r).getCell(c + 1)));
  const headers = rowValues(1, TASK_COLUMNS.length);
  checkTaskHeaders(headers, `“${name}”`);
  // SOIL's columns this file has: a master written before 参与部门 has 类别 or the source's own columns there.
  const columns = TASK_COLUMNS.slice(0, taskColumnCount(headers));
  const rows: unknown[][] = [];
  const overwrittenFormulas: TaskSheetRead["overwrittenFormulas"] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = rowValues(r, columns.length);
    rows.push(values);
    columns.forEach((spec, c) => {
      const cell = sheet.getRow(r).getCell(c + 1);
      if (spec.role === "computed" && !isFormula(cell) && cellText(values[c]) !== "") overwrittenFormulas.push({ id: cellText(values[0]), key: spec.key, value: values[c] });
    });
  }
  while (rows.length > 0 && rows[rows.length - 1].every((v) => cellText(v) === "")) rows.pop();
  return { sheet, table: { headers: headers.slice(0, columns.length), rows }, overwrittenFormulas };
}

/** The office's master workbook: the workbook (to write the merge into) and its task table. */
export async function readMasterWorkbook(bytes: ArrayBuffer | Uint8Array, name = "主表"): Promise<{ workbook: ExcelJS.Workbook; table: ExistingTaskTable; exportKey: string | null }> {
  const workbook = await loadWorkbook(bytes, name);
  const { table } = readTaskSheet(workbook, name);
  if (workbook.getWorksheet(DEPARTMENT_INFO_SHEET)) {
    throw new SoilUserError(`“${name}”是导出给部门的文件，不是办公室的主表`, "合并时第一个文件应为办公室保存的完整工作簿");
  }
  const key = readCellValue(workbook.getWorksheet(EXPORT_KEY_SHEET)?.getCell("B1") ?? ({ value: null } as ExcelJS.Cell));
  return { workbook, table, exportKey: isExportKey(key) ? key : null };
}

/** A department's returned file; SoilUserError when it is not a SOIL department file. */
export async function readDepartmentWorkbook(bytes: ArrayBuffer | Uint8Array, name = "部门文件"): Promise<ReturnedDepartmentFile> {
  const workbook = await loadWorkbook(bytes, name);
  const info = workbook.getWorksheet(DEPARTMENT_INFO_SHEET);
  const cell = (row: number) => (info ? readCellValue(info.getCell(row, 2)) : null);
  if (!info || cellText(readCellValue(info.getCell(DEPARTMENT_INFO_CELLS.marker.row, 1))) !== DEPARTMENT_FILE_MARKER) {
    throw new SoilUserError(`“${name}”不是 SOIL 导出的部门文件（缺少“${DEPARTMENT_INFO_SHEET}”）`, "请选择用“导出部门文件”生成、由部门填写后交回的 .xlsx 文件");
  }
  const version = Number(cell(DEPARTMENT_INFO_CELLS.marker.row));
  if (!(version >= 1 && version <= DEPARTMENT_FILE_VERSION)) {
    throw new SoilUserError(`“${name}”的部门文件格式版本为 ${cellText(cell(DEPARTMENT_INFO_CELLS.marker.row))}，此版本的 SOIL 无法读取`, "请更新 SOIL 后再合并");
  }
  const department = cellText(cell(DEPARTMENT_INFO_CELLS.department.row));
  if (department === "") throw new SoilUserError(`“${name}”中没有记录责任单位`, "请重新导出该部门的文件");
  const exported = dayOfCell(cell(DEPARTMENT_INFO_CELLS.exportedOn.row));

  const columns = [TASK_COLUMNS[0], ...BASELINE_COLUMNS];
  const headerRow = info.getRow(BASELINE_HEADER_ROW);
  columns.forEach((spec, i) => {
    if (cellText(readCellValue(headerRow.getCell(i + 1))) !== spec.header) {
      throw new SoilUserError(`“${name}”的“${DEPARTMENT_INFO_SHEET}”已被改动（第 ${i + 1} 列应为“${spec.header}”）`, "请重新导出该部门的文件");
    }
  });
  const baseline = new Map<string, Partial<Record<ColumnKey, unknown>>>();
  for (let r = BASELINE_HEADER_ROW + 1; r <= info.rowCount; r++) {
    const row = info.getRow(r);
    const id = cellText(readCellValue(row.getCell(1)));
    if (id === "" || baseline.has(id)) continue;
    baseline.set(id, Object.fromEntries(BASELINE_COLUMNS.map((spec, i) => [spec.key, readCellValue(row.getCell(i + 2))])));
  }
  const { table, overwrittenFormulas } = readTaskSheet(workbook, name);
  const exportId = cellText(cell(DEPARTMENT_INFO_CELLS.record.row));
  const signature = cellText(readCellValue(info.getCell(DEPARTMENT_INFO_CELLS.record.row, 3)));
  const record = exportId !== "" && signature !== "" ? { exportId, signature } : null;
  return { department, exportedOn: exported ?? null, baseline, table, record, overwrittenFormulas };
}
