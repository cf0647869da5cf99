/**
 * core/printSetup.ts through Office.js: the cell font on a sheet's columns (ExcelApi 1.1) and its page
 * layout — A4, orientation, margins, zoom, print order, print area and titles, footer (ExcelApi 1.9).
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 * Print areas are whole columns, so rows a re-import adds print too.
 */
import { CELL_FONT, ColumnKey, letterOf, PRINT_FOOTER_TEXT, PrintSetup } from "../../core";
import { columnAddress } from "./cells";
import { ExcelFeatures } from "./requirements";

export interface SheetPrint {
  sheet: Excel.Worksheet;
  setup: PrintSetup;
  /** Columns printed: A to this one (0-based). */
  lastColumn: number;
}

const POINTS_PER_INCH = 72;

/** Queues the page layout of one sheet (ExcelApi 1.9; the caller checks the feature). */
export function queuePageLayout({ sheet, setup, lastColumn }: SheetPrint): void {
  const page = sheet.pageLayout;
  page.paperSize = "A4";
  page.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
  page.centerHorizontally = setup.centerHorizontally;
  const m = setup.margins;
  page.leftMargin = m.left * POINTS_PER_INCH;
  page.rightMargin = m.right * POINTS_PER_INCH;
  page.topMargin = m.top * POINTS_PER_INCH;
  page.bottomMargin = m.bottom * POINTS_PER_INCH;
  page.headerMargin = m.header * POINTS_PER_INCH;
  page.footerMargin = m.footer * POINTS_PER_INCH;
  // Either a scale or pages to fit (PageLayoutZoomOptions: one is null when the other is used); 0 pages tall: no limit.
  page.zoom = setup.fit === "none" ? { scale: setup.scale ?? 100 } : { horizontalFitToPages: 1, verticalFitToPages: setup.fit === "page" ? 1 : 0 };
  if (setup.overThenDown) page.printOrder = "OverThenDown";
  page.setPrintArea(columnAddress(0, lastColumn));
  if (setup.titleRows) page.setPrintTitleRows(`$${setup.titleRows[0]}:$${setup.titleRows[1]}`);
  if (setup.titleColumn) page.setPrintTitleColumns(titleColumnAddress(setup.titleColumn));
  page.headersFooters.defaultForAllPages.centerFooter = PRINT_FOOTER_TEXT;
}

function titleColumnAddress(key: ColumnKey): string {
  const letter = letterOf(key);
  return `$${letter}:$${letter}`;
}

export const MANUAL_PRINT_SETUP = "打印前请在“页面布局”中选择 A4 纸、调整为 1 页宽，并把第 1 行设为打印标题。";

/**
 * Sets the font of SOIL's sheets and, where ExcelApi 1.9 is there, their page layout, in a request of
 * its own: a setting Excel refuses loses no data. Returns what could not be set, in Chinese.
 */
export async function setUpPrinting(context: Excel.RequestContext, features: ExcelFeatures, sheets: readonly SheetPrint[]): Promise<string[]> {
  for (const s of sheets) {
    s.sheet.getRange(columnAddress(0, s.lastColumn)).format.font.name = CELL_FONT.name;
    if (features.pageLayout) queuePageLayout(s);
  }
  try {
    await context.sync();
  } catch {
    return [`Excel 未接受工作表的字体或页面设置，数据均已写入。${MANUAL_PRINT_SETUP}`];
  }
  return [];
}
