/** The 单位名录 of a workbook read back with exceljs: the sheet of that name (or the first sheet holding a 规范名称 header). */
import type ExcelJS from "exceljs";
import { SoilUserError } from "../core/errors";
import { SHEETS } from "../core/layout";
import { DepartmentRegistry, REGISTRY_HEADERS, registryFromRows } from "../core/registry";
import { readCellValue } from "./readWorkbook";

function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: Math.max(row.cellCount, REGISTRY_HEADERS.length) }, (_, c) => readCellValue(row.getCell(c + 1))));
  }
  return rows;
}

const hasHeader = (rows: unknown[][]) => rows.some((r) => r.some((c) => String(c ?? "").replace(/\s+/g, "") === REGISTRY_HEADERS[0]));

/** The registry a workbook holds; null when it has none (a workbook written before issue #13). */
export function readRegistrySheet(workbook: ExcelJS.Workbook, label: string): DepartmentRegistry | null {
  const named = workbook.getWorksheet(SHEETS.registry);
  const candidates = named ? [named] : workbook.worksheets;
  for (const sheet of candidates) {
    const rows = sheetRows(sheet);
    if (hasHeader(rows)) return registryFromRows(rows, label);
  }
  return null;
}

/** Like readRegistrySheet, for a file given as a registry: one without a 规范名称 header is a SoilUserError. */
export function requireRegistrySheet(workbook: ExcelJS.Workbook, name: string): DepartmentRegistry {
  const registry = readRegistrySheet(workbook, name);
  if (!registry) {
    throw new SoilUserError(`“${name}”中没有单位名录（找不到“${REGISTRY_HEADERS[0]}”列）`, `单位名录的表头应为：${REGISTRY_HEADERS.join("、")}；可用 SOIL 生成的工作簿中的“${SHEETS.registry}”工作表。`);
  }
  return registry;
}
