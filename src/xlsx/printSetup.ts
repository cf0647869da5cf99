/** core/printSetup.ts rendered with exceljs: page setup, print area and titles, footer, and the one cell font. */
import type ExcelJS from "exceljs";
import { columnLetter, letterOf } from "../core/layout";
import { A4_PAPER_SIZE, CELL_FONT, PRINT_FOOTER, PrintSetup } from "../core/printSetup";

/**
 * Applies `setup` to a sheet whose printed cells are A1 to (lastColumn, lastRow), 1-based. `fitToPage`
 * makes exceljs write `<pageSetUpPr fitToPage="1"/>`, without which fitToWidth / fitToHeight are ignored.
 */
export function applyPrintSetup(sheet: ExcelJS.Worksheet, setup: PrintSetup, lastColumn: number, lastRow: number): void {
  const fit = setup.fit !== "none";
  const titleColumn = setup.titleColumn ? letterOf(setup.titleColumn) : undefined;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: A4_PAPER_SIZE,
    orientation: setup.orientation,
    fitToPage: fit,
    fitToWidth: fit ? 1 : undefined,
    // 0: as many pages tall as the rows need.
    fitToHeight: setup.fit === "page" ? 1 : fit ? 0 : undefined,
    scale: fit ? undefined : (setup.scale ?? 100),
    horizontalCentered: setup.centerHorizontally,
    pageOrder: setup.overThenDown ? "overThenDown" : undefined,
    // Each sheet's pages numbered from 1 (without it LibreOffice goes on from the sheet before).
    firstPageNumber: 1,
    margins: { ...setup.margins },
    // exceljs puts a "$" before each end: "A$1:Q$9" is written as the absolute $A$1:$Q$9 programs expect.
    printArea: `A$1:${columnLetter(Math.max(1, lastColumn) - 1)}$${Math.max(1, lastRow)}`,
    printTitlesRow: setup.titleRows ? `${setup.titleRows[0]}:${setup.titleRows[1]}` : undefined,
    printTitlesColumn: titleColumn ? `${titleColumn}:${titleColumn}` : undefined,
  } as Partial<ExcelJS.PageSetup>;
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: PRINT_FOOTER };
}

/** The cell font with what a cell sets (bold, colour, size) on top. */
export function cellFont(font: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { ...CELL_FONT, ...font };
}

/** Gives every written cell of a sheet the named cell font, keeping its weight, colour and size. */
export function applyCellFont(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.font?.name !== CELL_FONT.name) cell.font = cellFont(cell.font);
    });
  });
}
