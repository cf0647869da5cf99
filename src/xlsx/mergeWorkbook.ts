/**
 * Writing merged department files into the office's master by patching its package, not by loading and
 * re-writing it with exceljs (which drops allow-edit ranges, legacy sheet passwords, workbook protection,
 * the add-in's webextension parts, dynamic-array metadata, charts, comments, the office's validations and
 * custom properties). What changes: the merged cells of 任务清单's part; the 合并冲突 sheet (a new part,
 * or rows appended to the one an earlier merge made); workbook.xml (the new <sheet>, fullCalcOnLoad so
 * every program recomputes the now stale cached results), its rels and [Content_Types].xml; calcChain.xml
 * is dropped only when a merged cell held a formula (Excel rebuilds it). Every other part is copied byte
 * for byte. No file system here.
 */
import { MERGE_LOG_HEADERS, MERGE_LOG_SHEET, MERGE_LOG_WIDTHS } from "../core/departmentFile";
import { DepartmentMergePlan, mergeLogRows } from "../core/departmentMerge";
import { SoilUserError } from "../core/errors";
import { columnIndex, columnLetter, letterOf, SHEETS } from "../core/layout";
import { PRINT_SETUPS } from "../core/printSetup";
import { rowHeightFor, wrappedLines } from "./cells";
import { printDefinedNamesXml, printSetupXml } from "./printSetupXml";
import { appendTextRows, ooxmlText, patchCells } from "./sheetPatch";
import { childElements, openXlsxPackage, parseXml, readPart, REL_TYPES, relativeTarget, relsPathOf, WORKSHEET_CONTENT_TYPE, XlsxPackage } from "./xlsxPackage";

const escapeXml = (text: string) => ooxmlText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Merges the plans (planned against this master, in order) into a copy of the master's bytes. */
export async function mergeIntoMasterFile(masterBytes: Uint8Array, plans: readonly DepartmentMergePlan[], name = "主表"): Promise<Uint8Array> {
  const pkg = await openXlsxPackage(masterBytes, name);
  if (pkg.mainNamespace !== "http://schemas.openxmlformats.org/spreadsheetml/2006/main") {
    throw new SoilUserError(`“${name}”是 Strict Open XML 格式，SOIL 无法在不丢失内容的情况下合并`, "请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再合并");
  }
  const tasks = worksheetOf(pkg, SHEETS.tasks, name);
  const writes = plans.flatMap((p) => p.updates.map((u) => ({ row: u.rowIndex + 2, column: columnIndex(u.key), value: u.value })));
  const tasksXml = (await readPart(pkg.zip, tasks.part))!;
  const patched = patchCells(tasksXml, writes, tasks.part);
  pkg.zip.file(tasks.part, patched.xml);

  const logRows = mergeLogRows(plans);
  const existingLog = pkg.sheets.find((s) => s.name === MERGE_LOG_SHEET);
  let newSheet: { part: string; relId: string; lastRow: number } | null = null;
  if (existingLog) {
    const log = worksheetOf(pkg, MERGE_LOG_SHEET, name);
    if (logRows.length > 0) pkg.zip.file(log.part, appendTextRows((await readPart(pkg.zip, log.part))!, logRows, log.part).xml);
  } else if (logRows.length > 0) {
    newSheet = await addLogSheet(pkg, logRows, logStyles(tasksXml));
  }
  if (patched.formulasRemoved.length > 0) await dropCalcChain(pkg);
  await patchWorkbookPart(pkg, newSheet);
  // Unchanged parts keep their compressed bytes (JSZip re-uses them); the changed ones are deflated.
  return pkg.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function worksheetOf(pkg: XlsxPackage, sheetName: string, name: string) {
  const sheet = pkg.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new SoilUserError(`“${name}”中没有“${sheetName}”工作表`, "请选择由 SOIL 生成的工作簿");
  if (sheet.kind !== "worksheet" || !pkg.zip.file(sheet.part)) {
    throw new SoilUserError(`“${name}”中的“${sheetName}”不是普通工作表（${sheet.kind || "找不到其部件"}），SOIL 无法在不丢失内容的情况下合并`, `请将“${sheetName}”恢复为普通工作表，或改名后再合并`);
  }
  return sheet;
}

/**
 * Cell styles of 合并冲突 taken from the master's own 任务清单 (no new style in styles.xml): its header cell
 * for the header, a 工作要求 cell (the named CJK font, text, wrapped, top-aligned) for the rows.
 */
function logStyles(tasksXml: string): { header?: string; body?: string } {
  const styleOf = (address: string) => /\bs="(\d+)"/.exec(new RegExp(`<c\\b[^>]*\\br="${address}"[^>]*>`).exec(tasksXml)?.[0] ?? "")?.[1];
  return { header: styleOf("A1"), body: styleOf(`${letterOf("text")}2`) };
}

/** The 合并冲突 sheet as a new worksheet part: header frozen, columns sized, every value an inline string. */
async function addLogSheet(pkg: XlsxPackage, rows: readonly string[][], styles: { header?: string; body?: string }): Promise<{ part: string; relId: string; lastRow: number }> {
  const folder = (pkg.sheets.find((s) => s.kind === "worksheet")?.part ?? `${pkg.workbookPart.replace(/[^/]*$/, "")}worksheets/x.xml`).replace(/[^/]*$/, "");
  let n = 1;
  while (pkg.zip.file(`${folder}sheet${n}.xml`)) n++;
  const part = `${folder}sheet${n}.xml`;
  const all = [[...MERGE_LOG_HEADERS], ...rows];
  const last = `${columnLetter(MERGE_LOG_HEADERS.length - 1)}${all.length}`;
  const cells = (values: readonly string[], r: number) => {
    const style = (r === 1 ? styles.header : styles.body) ?? null;
    const s = style === null ? "" : ` s="${style}"`;
    return values.map((v, c) => (v === "" ? "" : `<c r="${columnLetter(c)}${r}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`)).join("");
  };
  // Heights for wrapped text (programs do not fit rows when they open a file); the header as 任务清单's.
  const height = (values: readonly string[], r: number) => {
    if (r === 1) return styles.header ? ` ht="30" customHeight="1"` : "";
    const lines = styles.body ? Math.max(1, ...values.map((v, c) => wrappedLines(v, MERGE_LOG_WIDTHS[c]))) : 1;
    return lines > 1 ? ` ht="${rowHeightFor(lines)}" customHeight="1"` : "";
  };
  // Set up for printing as every SOIL sheet is (core/printSetup.ts): A4 landscape, one page wide, the header on every page.
  const print = printSetupXml(PRINT_SETUPS[MERGE_LOG_SHEET]);
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    (print.pageSetUpPr ? `<sheetPr>${print.pageSetUpPr}</sheetPr>` : "") +
    `<dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${MERGE_LOG_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${all.map((values, i) => `<row r="${i + 1}"${height(values, i + 1)}>${cells(values, i + 1)}</row>`).join("")}</sheetData>` +
    `${print.printOptions}${print.pageMargins}${print.pageSetup}${print.headerFooter}</worksheet>`;
  pkg.zip.file(part, xml);

  const relsPart = relsPathOf(pkg.workbookPart);
  const relsXml = (await readPart(pkg.zip, relsPart))!;
  let id = pkg.workbookRels.length + 1;
  while (pkg.workbookRels.some((r) => r.id === `rId${id}`)) id++;
  const relId = `rId${id}`;
  pkg.zip.file(relsPart, insertBeforeClose(relsXml, "Relationships", `<Relationship Id="${relId}" Type="${REL_TYPES.worksheet}" Target="${relativeTarget(pkg.workbookPart, part)}"/>`));
  const types = (await readPart(pkg.zip, "[Content_Types].xml"))!;
  pkg.zip.file("[Content_Types].xml", insertBeforeClose(types, "Types", `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`));
  return { part, relId, lastRow: all.length };
}

/** Inserts `text` before the closing tag of the document element `local` (prefixed or not). */
function insertBeforeClose(xml: string, local: string, text: string): string {
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${local}>\\s*$`).exec(xml);
  if (!close) throw new Error(`no </${local}>`);
  return xml.slice(0, close.index) + text + xml.slice(close.index);
}

/** The workbook part: the new sheet entry and fullCalcOnLoad="1" (cached results of SOIL's formulas are stale now). */
async function patchWorkbookPart(pkg: XlsxPackage, newSheet: { relId: string; lastRow: number } | null): Promise<void> {
  let xml = (await readPart(pkg.zip, pkg.workbookPart))!;
  const doc = parseXml(xml, pkg.workbookPart);
  const root = doc.documentElement;
  const prefix = root.prefix ? `${root.prefix}:` : "";
  if (newSheet) {
    const r = root.lookupPrefix("http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    if (!r) throw new Error("workbook.xml declares no relationships prefix");
    const sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId)) + 1;
    const entry = `<${prefix}sheet name="${escapeXml(MERGE_LOG_SHEET)}" sheetId="${sheetId}" ${r}:id="${newSheet.relId}"/>`;
    const close = xml.indexOf(`</${prefix}sheets>`);
    if (close < 0) throw new Error("workbook.xml has no </sheets>");
    xml = xml.slice(0, close) + entry + xml.slice(close);
    // Its print area and title row, as defined names local to it (it is the last <sheet>).
    const names = printDefinedNamesXml(PRINT_SETUPS[MERGE_LOG_SHEET], MERGE_LOG_SHEET, pkg.sheets.length, MERGE_LOG_HEADERS.length, newSheet.lastRow)
      .map((n) => n.replace(/<(\/?)definedName/g, `<$1${prefix}definedName`))
      .join("");
    xml = insertDefinedNames(xml, root, prefix, names);
  }
  const calcPr = new RegExp(`<${prefix}calcPr\\b[^>]*?(/?)>`).exec(xml);
  if (calcPr) {
    const tag = calcPr[0];
    const fixed = /\sfullCalcOnLoad="[^"]*"/.test(tag) ? tag.replace(/\sfullCalcOnLoad="[^"]*"/, ' fullCalcOnLoad="1"') : tag.replace(new RegExp(`^<${prefix}calcPr`), `<${prefix}calcPr fullCalcOnLoad="1"`);
    xml = xml.slice(0, calcPr.index) + fixed + xml.slice(calcPr.index + tag.length);
  } else {
    // CT_Workbook order: … sheets, functionGroups, externalReferences, definedNames, calcPr, …
    const before = ["definedNames", "externalReferences", "functionGroups", "sheets"].find((local) => childElements(root, local).length > 0)!;
    const close = new RegExp(`</${prefix}${before}>|<${prefix}${before}\\b[^>]*/>`).exec(xml);
    if (!close) throw new Error(`workbook.xml: no end of ${before}`);
    const at = close.index + close[0].length;
    xml = xml.slice(0, at) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + xml.slice(at);
  }
  pkg.zip.file(pkg.workbookPart, xml);
}

/** Adds <definedName> elements to workbook.xml's <definedNames>, creating it where CT_Workbook wants it (after sheets, functionGroups, externalReferences). */
function insertDefinedNames(xml: string, root: Element, prefix: string, names: string): string {
  const close = xml.indexOf(`</${prefix}definedNames>`);
  if (close >= 0) return xml.slice(0, close) + names + xml.slice(close);
  const after = ["externalReferences", "functionGroups", "sheets"].find((local) => childElements(root, local).length > 0)!;
  const end = new RegExp(`</${prefix}${after}>|<${prefix}${after}\\b[^>]*/>`).exec(xml);
  if (!end) throw new Error(`workbook.xml: no end of ${after}`);
  const at = end.index + end[0].length;
  return xml.slice(0, at) + `<${prefix}definedNames>${names}</${prefix}definedNames>` + xml.slice(at);
}

/** calcChain.xml would name a cell that no longer holds a formula (Excel reports such a file as damaged): drop it; Excel rebuilds it. */
async function dropCalcChain(pkg: XlsxPackage): Promise<void> {
  const rel = pkg.workbookRels.find((r) => r.type === REL_TYPES.calcChain);
  if (!rel) return;
  pkg.zip.remove(rel.part);
  const relsPart = relsPathOf(pkg.workbookPart);
  const rels = (await readPart(pkg.zip, relsPart))!;
  pkg.zip.file(relsPart, rels.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${rel.id}"[^>]*/>`), ""));
  const types = (await readPart(pkg.zip, "[Content_Types].xml"))!;
  pkg.zip.file("[Content_Types].xml", types.replace(new RegExp(`<Override\\b[^>]*PartName="/${rel.part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), ""));
}
