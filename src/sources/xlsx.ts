/**
 * An .xlsx sheet as the parser's grid: each sheet row a row (its sheet row number the diagnostic's
 * "line"), the cells as Excel shows them (numbers with their format's decimals, dates in the format's
 * style, rich text as its text, a formula as its result). A merged range gives the text of its
 * top-left cell to every cell it covers, flagged as merged. exceljs is loaded on first use, so the
 * pane carries it only once someone picks an .xlsx (the chunk "xlsx", shared with the department files).
 */
import type ExcelJS from "exceljs";
import { SoilUserError } from "../core/errors";
import { GridRow, MAX_GRID_ROWS, TableGrid } from "../core/tableGrid";

export interface XlsxGridOptions {
  /** The sheet's name, or its 1-based position; the first sheet by default. */
  sheet?: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A date as its cell's number format shows it: 2018年12月31日, 2018/12/31 or 2018-12-31 (the parser reads all three). */
function dateText(date: Date, numFmt: string | undefined): string {
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const fmt = (numFmt ?? "").replace(/"/g, "");
  const hasDay = /d/i.test(fmt) || fmt === "";
  if (fmt.includes("年")) return hasDay ? `${y}年${m}月${d}日` : `${y}年${m}月`;
  if (fmt.includes("/")) return hasDay ? `${y}/${m}/${d}` : `${y}/${m}`;
  return hasDay ? `${y}-${pad(m)}-${pad(d)}` : `${y}-${pad(m)}`;
}

/** A number as its format shows it: the format's decimals, a percentage; General as JavaScript writes it. */
function numberText(value: number, numFmt: string | undefined): string {
  const fmt = numFmt ?? "";
  const decimals = /0\.(0+)/.exec(fmt)?.[1].length ?? (/^0(?![.\d])/.test(fmt) ? 0 : null);
  if (fmt.includes("%")) return `${(value * 100).toFixed(decimals ?? 0)}%`;
  return decimals === null ? String(value) : value.toFixed(decimals);
}

function cellText(cell: ExcelJS.Cell): string {
  const source = cell.isMerged ? cell.master : cell;
  let value = source.value as unknown;
  if (value && typeof value === "object" && "result" in (value as object)) value = (value as { result: unknown }).result;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateText(value, source.numFmt);
  if (typeof value === "number") return numberText(value, source.numFmt);
  if (typeof value === "string") return value.replace(/\r\n?/g, "\n");
  return (source.text ?? "").replace(/\r\n?/g, "\n");
}

/** The rows of a worksheet, up to its last used row and column. */
export function sheetGrid(sheet: ExcelJS.Worksheet): GridRow[] {
  if (sheet.rowCount > MAX_GRID_ROWS) {
    throw new SoilUserError(`工作表“${sheet.name}”有 ${sheet.rowCount} 行，超过一个工作表能容纳的行数`, "请确认选择的是分工表。");
  }
  const width = sheet.columnCount;
  const rows: GridRow[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    const merged: boolean[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell));
      merged.push(cell.isMerged && cell.master.address !== cell.address);
    }
    const gridRow: GridRow = { cells, line: r };
    if (merged.some(Boolean)) gridRow.merged = merged;
    rows.push(gridRow);
  }
  return rows;
}

/** An .xlsx file's chosen sheet as the parser's grid, with the names of all sheets. */
export async function xlsxGrid(data: Uint8Array, options: XlsxGridOptions = {}): Promise<TableGrid & { sheetNames: string[]; sheetName: string }> {
  const { default: ExcelJSModule } = await import(/* webpackChunkName: "xlsx" */ "exceljs");
  const workbook = new ExcelJSModule.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new SoilUserError("无法打开该文件：它不是有效的 Excel 工作簿（.xlsx）。", "请在 Excel 或 WPS 中另存为 .xlsx 后重试，或复制表格后粘贴。");
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => s.name);
  if (sheets.length === 0) throw new SoilUserError("该工作簿中没有工作表。", "请确认选择的是分工表所在的工作簿。");
  let sheet: ExcelJS.Worksheet | undefined = sheets[0];
  if (options.sheet !== undefined) {
    sheet = /^\d+$/.test(options.sheet) ? sheets[Number(options.sheet) - 1] : sheets.find((s) => s.name === options.sheet);
    if (!sheet) throw new SoilUserError(`工作簿中没有工作表“${options.sheet}”`, `工作簿中的工作表：${names.join("、")}。请用工作表名称或序号（1 为第一张）指定。`);
  }
  const notes = names.length > 1 ? [{ line: 1, message: `读取工作表“${sheet.name}”（工作簿共 ${names.length} 张：${names.join("、")}）` }] : [];
  return { rows: sheetGrid(sheet), source: "xlsx", notes, sheetNames: names, sheetName: sheet.name };
}
