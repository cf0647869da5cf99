/**
 * A department's file: the portable workbook with only the department's rows (same task-sheet renderer,
 * built-in formulas, so it computes on its own), structure columns locked under sheet protection without a
 * password (a guide, not security), and the hidden 导出信息 sheet with the export baseline that the merge
 * compares against. No file system here (usable in a browser).
 */
import ExcelJS from "exceljs";
import { Day } from "../core/dates";
import {
  BASELINE_COLUMNS,
  BASELINE_HEADER_ROW,
  DEPARTMENT_FILE_VERSION,
  DEPARTMENT_INFO_CELLS,
  DEPARTMENT_INFO_SHEET,
  departmentFileContent,
} from "../core/departmentFile";
import { DEPARTMENT_COLUMNS, NUMBER_FORMATS, TASK_COLUMNS, WORKBOOK_TITLE } from "../core/layout";
import { baselineMap, ExportRecord, newExportId, signExportRecord } from "../core/exportRecord";
import { DepartmentRegistry } from "../core/registry";
import { ExistingTaskTable } from "../core/reimport";
import { DEFAULT_DUE_SOON_DAYS } from "../core/status";
import { setCell } from "./cells";
import { addGuideSheet } from "./guideSheet";
import { addPrintSheet } from "./printSheet";
import { addSummarySheet } from "./summarySheet";
import { addTaskSheet } from "./taskSheet";

export interface DepartmentWorkbookOptions {
  /** The export date (导出信息). */
  exportedOn: Day;
  /** 说明!B2 of the department's file; null or absent: =TODAY(). */
  asOf?: Day | null;
  dueSoonDays?: number;
  /** Creation time in the file's properties (tests pass a fixed one). */
  created?: Date;
  /** The master's signing key (its EXPORT_KEY_SHEET): the file's export record is signed with it. */
  exportKey: string;
  /** The master's 单位名录 (absent: the bundled registry, for a master older than it): which rows are the department's. */
  registry?: DepartmentRegistry;
}

const UNLOCKED = new Set(DEPARTMENT_COLUMNS.map((key) => TASK_COLUMNS.findIndex((c) => c.key === key) + 1));

export interface DepartmentWorkbook {
  workbook: ExcelJS.Workbook;
  /** Canonical name of the department. */
  department: string;
  rows: number;
}

/** The department's file from the master's task table as read. Throws SoilUserError when the department has no rows. */
export async function buildDepartmentWorkbook(master: ExistingTaskTable, department: string, options: DepartmentWorkbookOptions): Promise<DepartmentWorkbook> {
  const content = departmentFileContent(master, department, options.registry);
  const workbook = new ExcelJS.Workbook();
  const created = options.created ?? new Date();
  workbook.creator = "SOIL";
  workbook.lastModifiedBy = "SOIL";
  workbook.title = `${WORKBOOK_TITLE}（${content.department}）`;
  workbook.subject = "重点任务部门分工督办：部门填报文件";
  workbook.description = `由 SOIL 为${content.department}导出，填写后交回督办办公室合并`;
  workbook.created = created;
  workbook.modified = created;
  workbook.calcProperties = { fullCalcOnLoad: true };

  const tasks = addTaskSheet(workbook, content.rows);
  addSummarySheet(workbook, [content.department], content.rows.length);
  const guide = addGuideSheet(workbook, options.asOf ?? null, options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
  guide.getCell("A1").value = workbook.title;
  addPrintSheet(workbook, content.rows);

  // Department columns stay editable; everything else is locked (cells are locked by default).
  for (let r = 2; r <= content.rows.length + 1; r++) {
    const row = tasks.getRow(r);
    for (const c of UNLOCKED) row.getCell(c).protection = { locked: false };
  }
  await tasks.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });

  const exportId = newExportId();
  const signature = await signExportRecord(options.exportKey, exportId, content.department, options.exportedOn, baselineMap(content.baseline));
  addInfoSheet(workbook, content.department, content.baseline, options.exportedOn, { exportId, signature });
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return { workbook, department: content.department, rows: content.rows.length };
}

function addInfoSheet(workbook: ExcelJS.Workbook, department: string, baseline: ReturnType<typeof departmentFileContent>["baseline"], exportedOn: Day, record: ExportRecord): void {
  const sheet = workbook.addWorksheet(DEPARTMENT_INFO_SHEET, { state: "veryHidden" });
  const { marker, department: dept, exportedOn: on, rows } = DEPARTMENT_INFO_CELLS;
  sheet.getCell(marker.row, 1).value = marker.label;
  sheet.getCell(marker.row, 2).value = DEPARTMENT_FILE_VERSION;
  sheet.getCell(dept.row, 1).value = dept.label;
  sheet.getCell(dept.row, 2).value = department;
  sheet.getCell(on.row, 1).value = on.label;
  setCell(sheet.getCell(on.row, 2), { date: exportedOn });
  sheet.getCell(rows.row, 1).value = rows.label;
  sheet.getCell(rows.row, 2).value = baseline.length;
  const signed = DEPARTMENT_INFO_CELLS.record;
  sheet.getCell(signed.row, 1).value = signed.label;
  sheet.getCell(signed.row, 2).value = record.exportId;
  sheet.getCell(signed.row, 3).value = record.signature;
  const columns = [TASK_COLUMNS[0], ...BASELINE_COLUMNS];
  columns.forEach((spec, i) => {
    sheet.getCell(BASELINE_HEADER_ROW, i + 1).value = spec.header;
    sheet.getColumn(i + 1).numFmt = NUMBER_FORMATS[spec.format];
  });
  baseline.forEach((values, r) => values.forEach((value, c) => setCell(sheet.getCell(BASELINE_HEADER_ROW + 1 + r, c + 1), value)));
}
