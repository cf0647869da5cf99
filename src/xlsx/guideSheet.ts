/** The 说明 sheet: the as-of date and report deadlines every formula refers to, then how to use the file. */
import type ExcelJS from "exceljs";
import { Day } from "../core/dates";
import { asOfCell, CellValue, DATE_FORMAT, GUIDE_CELLS, GUIDE_TEXT, guideFormulas, SHEETS } from "../core/layout";
import { argb, setCell } from "./cells";

export const WORKBOOK_TITLE = "土壤污染防治重点任务督办表";

export function addGuideSheet(workbook: ExcelJS.Workbook, asOf: Day | null, dueSoonDays: number): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEETS.guide);
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 14;
  sheet.getColumn(3).width = 40;
  const title = sheet.getCell("A1");
  title.value = WORKBOOK_TITLE;
  title.font = { bold: true, size: 14 };

  const formulas = guideFormulas("portable");
  const values: Record<keyof typeof GUIDE_CELLS, CellValue> = {
    asOf: asOfCell("portable", asOf),
    nextReport: { formula: formulas.nextReport },
    lastReport: { formula: formulas.lastReport },
    previousReport: { formula: formulas.previousReport },
    dueSoonDays,
  };
  for (const [key, spec] of Object.entries(GUIDE_CELLS) as [keyof typeof GUIDE_CELLS, (typeof GUIDE_CELLS)[keyof typeof GUIDE_CELLS]][]) {
    const cell = sheet.getCell(spec.address);
    setCell(cell, values[key]);
    if (key !== "dueSoonDays") cell.numFmt = DATE_FORMAT;
    cell.font = { bold: true };
    const label = sheet.getCell(cell.row as unknown as number, cell.col as unknown as number - 1);
    label.value = spec.label;
  }
  const asOfNote = sheet.getCell(GUIDE_CELLS.asOf.address).row;
  sheet.getCell(Number(asOfNote), 3).value =
    asOf === null ? "默认为打开文件当天（=TODAY()）；改为某一日期即可查看当时的情况" : "生成文件时指定的日期；可改为其他日期或 =TODAY()";
  sheet.getCell(Number(asOfNote), 3).font = { color: { argb: argb("#595959") } };

  const asOfInput = sheet.getCell(GUIDE_CELLS.asOf.address);
  asOfInput.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb("#FFF2CC") } };
  const daysInput = sheet.getCell(GUIDE_CELLS.dueSoonDays.address);
  daysInput.fill = asOfInput.fill;
  daysInput.dataValidation = {
    type: "whole",
    operator: "between",
    formulae: [0, 366],
    allowBlank: false,
    showErrorMessage: true,
    errorTitle: "临期提醒天数",
    error: "请输入 0 到 366 之间的整数天数",
  };

  const firstTextRow = Math.max(...Object.values(GUIDE_CELLS).map((c) => Number(/\d+$/.exec(c.address)![0]))) + 2;
  GUIDE_TEXT.forEach((line, i) => {
    const cell = sheet.getCell(firstTextRow + i, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true };
  });
  return sheet;
}
