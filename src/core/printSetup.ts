/**
 * How every sheet SOIL writes is printed: paper, orientation, scaling, margins, repeated rows, footer,
 * and the one font of every cell. One definition for every renderer (exceljs, Office.js, a writer that
 * patches a workbook's parts); nothing here knows a spreadsheet library.
 */
import { ColumnKey, letterOf, SHEETS, TASK_COLUMNS } from "./layout";
import { CHANGE_LOG_SHEET } from "./changeLog";
import { MERGE_LOG_SHEET } from "./departmentFile";

/**
 * The font of every cell, bold ones included (a font without a name prints in the program's default,
 * a serif in LibreOffice). 等线 (DengXian) is the body font of Chinese Excel since Office 2016 and ships
 * with Windows 10; where it is missing (LibreOffice on Linux) the CJK glyphs come from the CJK fallback
 * (Noto Sans CJK) and Latin from the sans default, never a serif. Charset 134 is GB2312.
 */
export const CELL_FONT = { name: "等线", size: 11, charset: 134 } as const;

/** OOXML paper size 9 (and Office.js `Excel.PaperType.a4`). */
export const A4_PAPER_SIZE = 9;

/** Margins in inches. */
export interface PrintMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /**
   * "width": every column on one page wide, as many pages tall as needed (chosen only where that keeps
   * the type at 8 pt or more); "page": the whole sheet on one page; "none": 100 %.
   */
  fit: "width" | "page" | "none";
  /** Percent when fit is "none" (type 11 pt × scale stays 8 pt or more). */
  scale?: number;
  /** Rows repeated at the top of every page (1-based, inclusive), e.g. the header row. */
  titleRows?: readonly [number, number];
  /** A column repeated at the left of every page when a sheet is more than one page wide. */
  titleColumn?: ColumnKey;
  /** Rows of pages first (the pages of the same rows side by side), rather than Excel's default down, then over. */
  overThenDown?: boolean;
  margins: PrintMargins;
  centerHorizontally: boolean;
}

/**
 * Margins for binding: pages go into a folder bound on the long edge of a portrait page, which is the
 * left edge of a portrait sheet and the top edge of a landscape one (turned to read it).
 */
const BINDING = 0.9;
const MARGINS_PORTRAIT: PrintMargins = { left: BINDING, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };
const MARGINS_LANDSCAPE: PrintMargins = { left: 0.5, right: 0.5, top: BINDING, bottom: 0.6, header: 0.4, footer: 0.3 };

export function marginsFor(orientation: PrintSetup["orientation"]): PrintMargins {
  return orientation === "portrait" ? MARGINS_PORTRAIT : MARGINS_LANDSCAPE;
}

/** Footer text of every printed page: the sheet's name, then 第 n 页，共 N 页 (Excel's header-footer codes). */
export const PRINT_FOOTER_TEXT = "&A　第 &P 页，共 &N 页";
/** The same, centred, as OOXML's oddFooter holds it. */
export const PRINT_FOOTER = `&C${PRINT_FOOTER_TEXT}`;

/**
 * 任务清单 on paper: 编号 to 剩余天数 at 75 % (8.25 pt type), two pages wide (the second: 进展情况 onwards),
 * the header row and 编号 repeated on every page. 反馈逾期, the hidden helpers and any column added after
 * SOIL's own stay on screen (at 8 pt 反馈逾期 alone would take a third page across). The reader's
 * one-page-wide list is the 打印清单 sheet.
 */
export const TASK_SHEET_PRINT_THROUGH: ColumnKey = "daysLeft";
export const TASK_SHEET_PRINT: PrintSetup = {
  orientation: "landscape",
  fit: "none",
  scale: 75,
  titleRows: [1, 1],
  titleColumn: "id",
  overThenDown: true,
  margins: MARGINS_LANDSCAPE,
  centerHorizontally: false,
};

/**
 * The print-only sheet: the columns a reader needs on paper, in this order, with their printed widths
 * (characters). Mirrors 任务清单 row for row by formulas, taking each column by its key, so columns
 * added to the task sheet (after SOIL's own) change nothing here.
 */
export const PRINT_SHEET = "打印清单";
export const PRINT_COLUMNS: readonly { key: ColumnKey; width: number; wrap?: boolean }[] = [
  { key: "id", width: 6 },
  { key: "text", width: 38, wrap: true },
  { key: "responsible", width: 14, wrap: true },
  { key: "deadlineRaw", width: 9, wrap: true },
  { key: "dueDate", width: 11 },
  { key: "progress", width: 7 },
  { key: "notes", width: 26, wrap: true },
  { key: "dueStatus", width: 9 },
  { key: "daysLeft", width: 8 },
];

export function printColumnHeader(key: ColumnKey): string {
  return TASK_COLUMNS.find((c) => c.key === key)!.header;
}

/** A 打印清单 cell: the same row's cell of 任务清单 by its key; a blank one prints blank (a plain reference would print 0). */
export function printMirrorFormula(key: ColumnKey, row: number): string {
  const ref = `'${SHEETS.tasks}'!$${letterOf(key)}${row}`;
  return `=IF(${ref}="","",${ref})`;
}

const LIST: Omit<PrintSetup, "orientation" | "margins"> = { fit: "width", titleRows: [1, 1], centerHorizontally: true };

/** Page setup of each sheet by name; a sheet not named here (a 季报) has its own in core/report.ts. */
export const PRINT_SETUPS: Readonly<Record<string, PrintSetup>> = {
  [SHEETS.tasks]: TASK_SHEET_PRINT,
  [PRINT_SHEET]: { ...LIST, orientation: "landscape", margins: MARGINS_LANDSCAPE },
  // Nine columns (about 104 characters) and 35 departments at most: one landscape page at 9 pt or more.
  [SHEETS.summary]: { orientation: "landscape", fit: "page", titleRows: [1, 1], margins: MARGINS_LANDSCAPE, centerHorizontally: true },
  // Three columns of 104 characters in all: a portrait page would scale the type under 8 pt.
  [SHEETS.guide]: { orientation: "landscape", fit: "width", margins: MARGINS_LANDSCAPE, centerHorizontally: false },
  [SHEETS.archive]: { ...LIST, orientation: "landscape", margins: MARGINS_LANDSCAPE },
  // Five columns of 104 characters (REGISTRY_COLUMN_WIDTHS): one page wide at 9 pt or more, as 部门汇总.
  [SHEETS.registry]: { ...LIST, orientation: "landscape", margins: MARGINS_LANDSCAPE },
  [MERGE_LOG_SHEET]: { ...LIST, orientation: "landscape", margins: MARGINS_LANDSCAPE },
  [CHANGE_LOG_SHEET]: { ...LIST, orientation: "landscape", margins: MARGINS_LANDSCAPE },
};
