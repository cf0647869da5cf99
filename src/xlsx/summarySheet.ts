/** The 部门汇总 sheet: per-department counts as built-in formulas over 任务清单. */
import type ExcelJS from "exceljs";
import { PERCENT_FORMAT, portableSummaryRows, SHEETS, summaryColumnWidth } from "../core/layout";
import { DepartmentRegistry } from "../core/registry";
import { SUMMARY_HEADERS } from "../core/summary";
import { PRINT_SETUPS } from "../core/printSetup";
import { argb, freezeHeader, setCell, styleHeaderRow } from "./cells";
import { applyCellFont, applyPrintSetup } from "./printSetup";

const BAR_COLOURS = { 已逾期: "#E06666", 完成率: "#63BE7B" } as const;

/**
 * `registry`: the one the workbook's 单位名录 sheet holds (its bodies' names and aliases are read from there).
 * exceljs cannot write charts, so the stacked bar chart stays with the add-in; here data bars
 * (a conditional format every spreadsheet program shows) draw 已逾期 and 完成率 inside the cells.
 */
export function addSummarySheet(workbook: ExcelJS.Workbook, departments: readonly string[], taskRowCount: number, registry?: DepartmentRegistry): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEETS.summary);
  const rows = portableSummaryRows(departments, taskRowCount, registry);
  const width = SUMMARY_HEADERS.length;

  SUMMARY_HEADERS.forEach((header, i) => {
    sheet.getCell(1, i + 1).value = header;
    sheet.getColumn(i + 1).width = summaryColumnWidth(i);
  });
  styleHeaderRow(sheet.getRow(1), width);

  const percentColumn = SUMMARY_HEADERS.indexOf("完成率") + 1;
  rows.forEach((values, i) => {
    const row = sheet.getRow(2 + i);
    values.forEach((value, c) => setCell(row.getCell(c + 1), value));
    row.getCell(percentColumn).numFmt = PERCENT_FORMAT;
  });
  const totalRow = sheet.getRow(1 + rows.length);
  totalRow.font = { bold: true };
  totalRow.border = { top: { style: "thin" } };

  // rows = departments + the total row, data from row 2
  if (departments.length > 0) addSummaryDataBars(sheet, 2, rows.length);
  freezeHeader(sheet);
  applyCellFont(sheet);
  applyPrintSetup(sheet, PRINT_SETUPS[SHEETS.summary], width, 1 + rows.length);
  return sheet;
}

/**
 * Data bars on 已逾期 and 完成率 of a per-department summary whose columns are SUMMARY_HEADERS, over the
 * department rows `firstRow`..`lastRow` (the 合计 row left out), the summary's columns starting at `columns`
 * (sheet columns, 0-based; A onwards when absent). Shared by 部门汇总 and the quarterly report.
 */
export function addSummaryDataBars(sheet: ExcelJS.Worksheet, firstRow: number, lastRow: number, columns?: readonly number[]): void {
  Object.entries(BAR_COLOURS).forEach(([header, colour], i) => {
    const index = SUMMARY_HEADERS.indexOf(header as (typeof SUMMARY_HEADERS)[number]);
    const letter = sheet.getColumn((columns ? columns[index] : index) + 1).letter;
    sheet.addConditionalFormatting({
      ref: `${letter}${firstRow}:${letter}${lastRow}`,
      rules: [
        {
          type: "dataBar",
          // Priorities are unique across a sheet's rules, as Excel writes them.
          priority: i + 1,
          gradient: false,
          cfvo: header === "完成率" ? [{ type: "num", value: 0 }, { type: "num", value: 1 }] : [{ type: "num", value: 0 }, { type: "max" }],
          color: { argb: argb(colour) },
        } as ExcelJS.DataBarRuleType,
      ],
    });
  });
}
