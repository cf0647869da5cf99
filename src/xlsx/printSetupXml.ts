/**
 * core/printSetup.ts as OOXML, for a writer that patches a workbook's parts instead of going through
 * exceljs (e.g. a 合并冲突 sheet added to a master as it is): the worksheet elements, in the order the
 * schema wants them (sheetPr first; printOptions, pageMargins, pageSetup, headerFooter after the
 * conditional formats and validations), and the workbook's defined names for the print area and titles.
 */
import { columnLetter, letterOf } from "../core/layout";
import { A4_PAPER_SIZE, PRINT_FOOTER, PrintSetup } from "../core/printSetup";

export interface PrintSetupXml {
  /** Goes inside <sheetPr> (create it when the sheet has none): without it fitToWidth is ignored. */
  pageSetUpPr: string;
  /** Sibling elements, in this order, after <dataValidations> / <hyperlinks> and before <drawing>. */
  printOptions: string;
  pageMargins: string;
  pageSetup: string;
  headerFooter: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The worksheet elements of `setup`. */
export function printSetupXml(setup: PrintSetup): PrintSetupXml {
  const fit = setup.fit !== "none";
  const m = setup.margins;
  const pageSetup = [
    `paperSize="${A4_PAPER_SIZE}"`,
    `orientation="${setup.orientation}"`,
    setup.overThenDown ? `pageOrder="overThenDown"` : "",
    fit ? `fitToWidth="1" fitToHeight="${setup.fit === "page" ? 1 : 0}"` : `scale="${setup.scale ?? 100}"`,
    `firstPageNumber="1" useFirstPageNumber="1"`,
  ].filter(Boolean);
  return {
    pageSetUpPr: fit ? `<pageSetUpPr fitToPage="1"/>` : "",
    printOptions: setup.centerHorizontally ? `<printOptions horizontalCentered="1"/>` : "",
    pageMargins: `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    pageSetup: `<pageSetup ${pageSetup.join(" ")}/>`,
    headerFooter: `<headerFooter><oddFooter>${escapeXml(PRINT_FOOTER)}</oddFooter></headerFooter>`,
  };
}

/**
 * The <definedName> elements of a sheet's print area (A1 to lastColumn/lastRow, 1-based) and print titles,
 * for <definedNames> in xl/workbook.xml; `localSheetId` is the sheet's 0-based position there.
 */
export function printDefinedNamesXml(setup: PrintSetup, sheetName: string, localSheetId: number, lastColumn: number, lastRow: number): string[] {
  const sheet = `'${sheetName.replace(/'/g, "''")}'`;
  const names = [`<definedName name="_xlnm.Print_Area" localSheetId="${localSheetId}">${escapeXml(`${sheet}!$A$1:$${columnLetter(lastColumn - 1)}$${lastRow}`)}</definedName>`];
  const titles: string[] = [];
  if (setup.titleColumn) titles.push(`${sheet}!$${letterOf(setup.titleColumn)}:$${letterOf(setup.titleColumn)}`);
  if (setup.titleRows) titles.push(`${sheet}!$${setup.titleRows[0]}:$${setup.titleRows[1]}`);
  if (titles.length > 0) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${escapeXml(titles.join(","))}</definedName>`);
  return names;
}
