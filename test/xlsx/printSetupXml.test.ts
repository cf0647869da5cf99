/**
 * The print setup as OOXML for a writer that patches parts (printSetupXml.ts) says what exceljs writes
 * for the same setup (printSetup.ts), element by element, for every sheet SOIL sets up, and its XML parses.
 */
import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PRINT_SETUPS, PrintSetup } from "../../src/core/printSetup";
import { REPORT_PRINT } from "../../src/core/report";
import { applyPrintSetup } from "../../src/xlsx/printSetup";
import { printDefinedNamesXml, printSetupXml } from "../../src/xlsx/printSetupXml";

/** Fragments or whole parts, parsed under one root (an XML declaration dropped). */
function parse(xml: string) {
  return new DOMParser().parseFromString(`<root>${xml.replace(/^<\?xml[^>]*\?>/, "")}</root>`, "text/xml");
}

/** Attributes of the first element `tag` in `xml` (missing: null). */
function attributes(xml: string, tag: string): Record<string, string> | null {
  const el = parse(xml).getElementsByTagName(tag)[0];
  if (!el) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < el.attributes.length; i++) out[el.attributes[i].name] = el.attributes[i].value;
  return out;
}

function text(xml: string, tag: string): string | null {
  const el = parse(xml).getElementsByTagName(tag)[0];
  return el ? el.textContent : null;
}

/** What exceljs writes for a sheet set up with `setup` over A1:F40. */
async function writtenByExceljs(setup: PrintSetup): Promise<{ sheet: string; workbook: string }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("表 一");
  sheet.getCell("A1").value = "x";
  applyPrintSetup(sheet, setup, 6, 40);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  return { sheet: await zip.file("xl/worksheets/sheet1.xml")!.async("string"), workbook: await zip.file("xl/workbook.xml")!.async("string") };
}

const SETUPS: [string, PrintSetup][] = [...Object.entries(PRINT_SETUPS), ["季报", REPORT_PRINT]];

test.each(SETUPS)("%s: the same page setup as exceljs writes", async (_name, setup) => {
  const written = await writtenByExceljs(setup);
  const xml = printSetupXml(setup);
  const fit = setup.fit !== "none";
  expect(attributes(xml.pageSetUpPr, "pageSetUpPr")).toEqual(attributes(written.sheet, "pageSetUpPr"));
  expect(attributes(xml.pageMargins, "pageMargins")).toEqual(attributes(written.sheet, "pageMargins"));
  expect(attributes(xml.printOptions, "printOptions")).toEqual(attributes(written.sheet, "printOptions"));
  expect(text(xml.headerFooter, "oddFooter")).toBe(text(written.sheet, "oddFooter"));
  // exceljs adds printer defaults, and fitTo… that nothing reads without fitToPage.
  const theirs = attributes(written.sheet, "pageSetup")!;
  for (const k of ["horizontalDpi", "verticalDpi", "copies", ...(fit ? ["scale"] : ["fitToWidth", "fitToHeight"])]) delete theirs[k];
  expect(attributes(xml.pageSetup, "pageSetup")).toEqual(theirs);
  // The print area and titles, as defined names.
  const names = printDefinedNamesXml(setup, "表 一", 0, 6, 40).join("");
  const definedNames = (xml: string) =>
    [...xml.matchAll(/<definedName name="([^"]+)" localSheetId="0">([^<]*)<\/definedName>/g)].map((m) => [m[1], m[2].replace(/&apos;/g, "'")]).sort();
  expect(definedNames(names)).toEqual(definedNames(written.workbook));
});
