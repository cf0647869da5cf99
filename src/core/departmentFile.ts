/**
 * The department file: the office exports one .xlsx per responsible department (only its rows) and
 * merges the returned files back (departmentMerge.ts). This file defines what such a file holds
 * besides the task sheet — the hidden 导出信息 sheet with the export baseline — and the 合并冲突 sheet
 * of the merged master. Renderers (src/xlsx) and readers follow it; nothing here knows exceljs.
 */
import { Day, dayFromJsDate, dayFromSerial, dayFromText, isoFromDay, serialFromDay } from "./dates";
import { canonicalDepartment, resolveDepartments } from "./departments";
import { DepartmentRegistry } from "./registry";
import { SoilUserError } from "./errors";
import { CellValue, ColumnKey, ColumnSpec, computedFormulas, TASK_COLUMNS } from "./layout";
import { ExistingTaskTable } from "./reimport";
import { stripFormatCharacters } from "./text";

/** The hidden sheet of a department file. */
export const DEPARTMENT_INFO_SHEET = "导出信息";
/** What 导出信息!A1 says: a SOIL department file. B1 holds the format version. */
export const DEPARTMENT_FILE_MARKER = "SOIL 部门文件";
/** 2: 导出信息 carries the export record (row 5: export id, HMAC signature; core/exportRecord.ts). */
export const DEPARTMENT_FILE_VERSION = 2;

/** Labelled cells of 导出信息 (column A label, column B value). */
export const DEPARTMENT_INFO_CELLS = {
  marker: { row: 1, label: DEPARTMENT_FILE_MARKER },
  department: { row: 2, label: "责任单位" },
  exportedOn: { row: 3, label: "导出日期" },
  rows: { row: 4, label: "导出行数" },
  /** B: the export id, C: the signature by the master's key. */
  record: { row: 5, label: "导出签名" },
} as const;

/** Sheet row of the baseline header (编号 then BASELINE_COLUMNS); baseline rows follow it. */
export const BASELINE_HEADER_ROW = 6;

/**
 * Columns whose export-time values the file keeps, per 编号: every column a reader sees except the
 * computed ones. Department columns give the three-way merge its base; the others tell a cell the
 * department edited (ignored) from one the office changed since the export.
 */
export const BASELINE_COLUMNS: readonly ColumnSpec[] = TASK_COLUMNS.filter(
  // 参与部门 (added after files were exported) is not in it: 导出信息's columns and the signature over them stay as they were.
  (c) => c.role !== "computed" && !c.hidden && c.key !== "id" && c.key !== "partners",
);

/** The 合并冲突 sheet of a merged master: one row per cell that was not merged as the department wrote it. */
export const MERGE_LOG_SHEET = "合并冲突";
export const MERGE_LOG_HEADERS = ["部门", "编号", "列", "办公室的值", "部门的值", "原值", "原因"] as const;
/** Widths in characters: about 130 in all, so a landscape page holds them at 8 pt or more. */
export const MERGE_LOG_WIDTHS = [14, 7, 10, 22, 22, 22, 32] as const;

/** File name of a department's file: SOIL-<部门>.xlsx, with characters file systems refuse replaced. */
export function departmentFileName(department: string): string {
  // Invisible format characters (U+202E would show the name reversed) and control characters are dropped.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return `SOIL-${stripFormatCharacters(department).replace(/[\u0000-\u001f\u007f]/g, "").replace(/[\\/:*?"<>|\s]+/g, "_")}.xlsx`;
}

/** Excel's 1900 serial of a JavaScript Date read from a file (exceljs gives dates at UTC midnight). */
export function serialFromJsDate(date: Date): number {
  return serialFromDay(dayFromJsDate(date));
}

/** A date cell as a day: a serial, a date text (2018-06-30, 2018年6月30日…) or a Date; null when blank; undefined when unreadable. */
export function dayOfCell(value: unknown): Day | null | undefined {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : dayFromJsDate(value);
  if (typeof value === "number") return dayFromSerial(value) ?? undefined;
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return null;
    if (/^\d+(\.\d+)?$/.test(text)) return dayFromSerial(Number(text)) ?? undefined;
    return dayFromText(text) ?? undefined;
  }
  return undefined;
}

/** A cell as plain text for comparing and reporting: trimmed; dates of a date column as yyyy-mm-dd. */
export function cellText(value: unknown, format?: ColumnSpec["format"]): string {
  if (format === "date") {
    const day = dayOfCell(value);
    if (day !== undefined) return day === null ? "" : isoFromDay(day);
  }
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoFromDay(dayFromJsDate(value));
  return String(value).trim();
}

export function columnSpec(key: ColumnKey): ColumnSpec {
  return TASK_COLUMNS.find((c) => c.key === key)!;
}

const ID_COLUMN = TASK_COLUMNS.findIndex((c) => c.key === "id");
const RESPONSIBLE_COLUMN = TASK_COLUMNS.findIndex((c) => c.key === "responsible");

/** The canonical name of a department as given (alias, stray spaces); SoilUserError when unknown and empty. */
export function canonicalDepartmentName(department: string, registry?: DepartmentRegistry): string {
  const name = canonicalDepartment(department, registry) ?? resolveDepartments(department, registry).names[0];
  if (!name) throw new SoilUserError(`没有指定责任单位（“${department}”）`, "请写出责任单位的名称，例如 县环境保护局");
  return name;
}

/** Whether a 责任单位 cell names the department (canonical names on both sides, in the registry in use). */
export function responsibleIncludes(responsible: unknown, department: string, registry?: DepartmentRegistry): boolean {
  return resolveDepartments(cellText(responsible), registry).names.includes(department);
}

/**
 * Body rows (0-based) whose 责任单位 names the department (aliases accepted in the argument). `registry` is
 * the master's 单位名录 (undefined: the bundled registry, for a master older than it).
 */
export function departmentRowIndexes(existing: ExistingTaskTable, department: string, registry?: DepartmentRegistry): number[] {
  const name = canonicalDepartmentName(department, registry);
  const out: number[] = [];
  existing.rows.forEach((row, i) => {
    if (cellText(row[ID_COLUMN]) !== "" && responsibleIncludes(row[RESPONSIBLE_COLUMN], name, registry)) out.push(i);
  });
  return out;
}

/** A cell as read (Office.js or exceljs) turned back into what the layout writes for a column. */
export function layoutValue(spec: ColumnSpec, value: unknown): CellValue {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  if (spec.format === "date") {
    const day = dayOfCell(value);
    // Text a department typed that is no date stays as it is, so nothing is lost.
    return day === undefined ? cellText(value) : day === null ? null : { date: day };
  }
  if (spec.format === "integer") return typeof value === "number" ? value : Number.isFinite(Number(cellText(value))) ? Number(cellText(value)) : cellText(value);
  if (typeof value === "boolean" || typeof value === "number") return spec.format === "text" ? String(value) : value;
  return cellText(value);
}

export interface DepartmentFileContent {
  department: string;
  /** Task rows in TASK_COLUMNS order, portable formulas set for their rows of the department file. */
  rows: CellValue[][];
  /** 导出信息's baseline rows: 编号, then BASELINE_COLUMNS. */
  baseline: CellValue[][];
}

/**
 * What a department's file holds, from the master's task table as read: the rows whose 责任单位 names
 * the department (canonical name; aliases accepted), in master order, and their export baseline.
 */
export function departmentFileContent(existing: ExistingTaskTable, department: string, registry?: DepartmentRegistry): DepartmentFileContent {
  const name = canonicalDepartmentName(department, registry);
  const indexes = departmentRowIndexes(existing, name, registry);
  if (indexes.length === 0) throw new SoilUserError(`任务清单中没有责任单位为“${name}”的工作要求`, "请检查单位名称，或先在主表中填写责任单位");
  const rows = indexes.map((index, i) => {
    const read = existing.rows[index];
    const formulas = computedFormulas(2 + i, "portable");
    return TASK_COLUMNS.map((spec, c) => (spec.role === "computed" ? { formula: formulas[spec.key as keyof typeof formulas] } : layoutValue(spec, read[c])));
  });
  const baseline = rows.map((row) => [row[ID_COLUMN], ...BASELINE_COLUMNS.map((spec) => row[TASK_COLUMNS.indexOf(spec)])]);
  return { department: name, rows, baseline };
}
