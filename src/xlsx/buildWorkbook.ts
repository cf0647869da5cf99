/**
 * The portable workbook: layout.ts rendered with exceljs and built-in formulas only, so that it
 * computes in Excel without the add-in, WPS and LibreOffice. No file system here (usable in a browser).
 */
import ExcelJS from "exceljs";
import { Day } from "../core/dates";
import { SoilUserError } from "../core/errors";
import { EXPORT_KEY_LABEL, EXPORT_KEY_SHEET, newExportKey } from "../core/exportRecord";
import { extraColumns, responsibleDepartments, taskRows, WORKBOOK_TITLE } from "../core/layout";
import { ParsedTable } from "../core/model";
import { DEFAULT_DUE_SOON_DAYS } from "../core/status";
import { BUNDLED_REGISTRY } from "../core/presets";
import { SupervisionRules } from "../core/rules";
import { workbookRegistry } from "../core/tableRegistry";
import { addGuideSheet } from "./guideSheet";
import { addRegistrySheet } from "./registrySheet";
import { addPrintSheet } from "./printSheet";
import { addSummarySheet } from "./summarySheet";
import { addTaskSheet } from "./taskSheet";

export interface WorkbookOptions {
  /** The as-of date written into 说明!B2; null or absent: =TODAY(). */
  asOf?: Day | null;
  /** 临期提醒天数 (说明!B6). */
  dueSoonDays?: number;
  /** Creation time in the file's properties (tests pass a fixed one). */
  created?: Date;
  /** Where the table came from, for the file's description. */
  sourceName?: string;
  /** 督办规则 written into 说明 (cadence, report day, plan name and year); presets/rules/default.json when absent. */
  rules?: SupervisionRules;
  /** The master's export signing key (a new random one when absent). */
  exportKey?: string;
}

/** The very hidden sheet with the key that signs department files exported from this master (core/exportRecord.ts). */
export function addExportKeySheet(workbook: ExcelJS.Workbook, key: string): void {
  const sheet = workbook.addWorksheet(EXPORT_KEY_SHEET, { state: "veryHidden" });
  sheet.getCell("A1").value = EXPORT_KEY_LABEL;
  sheet.getCell("B1").value = key;
}

export function buildWorkbook(table: ParsedTable, options: WorkbookOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const created = options.created ?? new Date();
  workbook.creator = "SOIL";
  workbook.lastModifiedBy = "SOIL";
  workbook.title = WORKBOOK_TITLE;
  workbook.subject = "重点任务部门分工督办";
  workbook.description = options.sourceName ? `由 SOIL 根据“${options.sourceName}”生成` : "由 SOIL 生成";
  workbook.created = created;
  workbook.modified = created;
  // exceljs stores formulas without results: every program must compute them when it opens the file.
  workbook.calcProperties = { fullCalcOnLoad: true };

  const rows = taskRows(table, { flavor: "portable" });
  // An Excel table needs at least one data row (a header-only table makes Excel repair the file).
  if (rows.length === 0) throw new SoilUserError("分工表中没有任何工作要求，无法生成工作簿", "请检查文件是否为重点任务部门分工表");
  addTaskSheet(workbook, rows, extraColumns(table));
  // One registry for both: 部门汇总's formulas read the bodies where 单位名录 writes them.
  const registry = workbookRegistry(table, BUNDLED_REGISTRY);
  addSummarySheet(workbook, responsibleDepartments(table), rows.length, registry);
  addGuideSheet(workbook, options.asOf ?? null, options.dueSoonDays ?? options.rules?.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS, options.rules);
  addRegistrySheet(workbook, registry);
  addPrintSheet(workbook, rows);
  addExportKeySheet(workbook, options.exportKey ?? newExportKey());
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return workbook;
}
