/**
 * Cell-level edits of a worksheet part's XML: the merge writes the cells it merges and nothing else. Only
 * the <sheetData> element is re-serialised (xmldom); every byte of the part outside it (protection,
 * allow-edit ranges, validations, conditional formats, drawings, comments, tables…) is kept as it was.
 * Text is written as an inline string (t="inlineStr"), never a formula; the cell keeps its style (s=).
 */
import { XMLSerializer } from "@xmldom/xmldom";
import { CellValue, columnLetter, serialOf } from "../core/layout";
import { SoilUserError } from "../core/errors";
import { childElements, parseXml } from "./xlsxPackage";

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** A cell to write: 1-based row, 0-based column. */
export interface CellWrite {
  row: number;
  column: number;
  value: CellValue;
}

/** "AB12" → { row: 12, column: 27 - 1 }. */
function parseRef(ref: string): { row: number; column: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column: column - 1 };
}

/**
 * Text as OOXML stores it (ST_Xstring): characters XML 1.0 cannot hold become _xHHHH_, and a literal
 * _xHHHH_ is protected as _x005F_xHHHH_, so the text reads back exactly as the department wrote it.
 */
export function ooxmlText(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

export interface SheetPatchResult {
  xml: string;
  /** Cells that held a formula the write replaced (calcChain must not name them). */
  formulasRemoved: string[];
}

/** What a worksheet part says about default cell styles: per column (<cols>), for the style a new cell takes. */
function columnStyles(worksheet: Element): (column: number) => string | null {
  const cols = childElements(worksheet, "cols").flatMap((c) => childElements(c, "col"));
  return (column) => {
    const col = cols.find((c) => Number(c.getAttribute("min")) <= column + 1 && column + 1 <= Number(c.getAttribute("max")));
    return col?.getAttribute("style") ?? null;
  };
}

/** Row elements by row number (a row without r= follows the one before, as OOXML says). */
function indexRows(sheetData: Element): Map<number, Element> {
  const rows = new Map<number, Element>();
  let last = 0;
  for (const row of childElements(sheetData, "row")) {
    last = row.hasAttribute("r") ? Number(row.getAttribute("r")) : last + 1;
    rows.set(last, row);
  }
  return rows;
}

/** Cells of a row by column; cells without r= get it written (their position is unchanged), so inserting one cannot shift them. */
function indexCells(row: Element, rowNumber: number): Map<number, Element> {
  const cells = new Map<number, Element>();
  let last = -1;
  for (const cell of childElements(row, "c")) {
    const ref = cell.hasAttribute("r") ? parseRef(cell.getAttribute("r")!) : null;
    last = ref ? ref.column : last + 1;
    if (!ref) cell.setAttribute("r", `${columnLetter(last)}${rowNumber}`);
    cells.set(last, cell);
  }
  return cells;
}

/** The element that follows position `key` among `siblings` (sorted by key), for an insertion in order. */
function nextAfter(map: Map<number, Element>, key: number): Element | null {
  let best: [number, Element] | null = null;
  for (const [k, e] of map) if (k > key && (best === null || k < best[0])) best = [k, e];
  return best ? best[1] : null;
}

function setValue(doc: Document, ns: string, cell: Element, value: CellValue, where: string): boolean {
  const formula = childElements(cell, "f")[0];
  if (formula && (formula.getAttribute("t") === "shared" || formula.getAttribute("t") === "array") && formula.hasAttribute("ref")) {
    throw new SoilUserError(`主表的${where} 是共享公式或数组公式的首个单元格，合并写入会破坏同组的其他单元格`, "请在主表中把该单元格的公式改为数值后再合并");
  }
  for (const child of childElements(cell)) cell.removeChild(child);
  cell.removeAttribute("t");
  // Cell metadata (dynamic-array spill, rich values) belongs to the value being replaced.
  cell.removeAttribute("cm");
  cell.removeAttribute("vm");
  if (value === null) return formula !== undefined;
  if (typeof value === "object") {
    if (!("date" in value)) throw new Error(`a merge writes no formula (${where})`);
    const v = cell.appendChild(doc.createElementNS(ns, "v"));
    v.appendChild(doc.createTextNode(String(serialOf(value))));
  } else if (typeof value === "string") {
    cell.setAttribute("t", "inlineStr");
    const is = cell.appendChild(doc.createElementNS(ns, "is"));
    const t = is.appendChild(doc.createElementNS(ns, "t"));
    t.setAttributeNS(XML_NS, "xml:space", "preserve");
    t.appendChild(doc.createTextNode(ooxmlText(value)));
  } else {
    if (typeof value === "boolean") cell.setAttribute("t", "b");
    const v = cell.appendChild(doc.createElementNS(ns, "v"));
    v.appendChild(doc.createTextNode(typeof value === "boolean" ? (value ? "1" : "0") : String(value)));
  }
  return formula !== undefined;
}

/** The <sheetData> element's span in the part's text (self-closing or not). */
function sheetDataSpan(xml: string, qualified: string): { start: number; end: number } {
  const open = new RegExp(`<${qualified}(?=[\\s/>])`).exec(xml);
  if (!open) throw new Error("no sheetData");
  const selfClosing = /^[^>]*\/>/.exec(xml.slice(open.index));
  const close = xml.indexOf(`</${qualified}>`, open.index);
  if (selfClosing && (close < 0 || open.index + selfClosing[0].length <= close)) {
    const afterTag = xml.indexOf(">", open.index);
    if (xml[afterTag - 1] === "/") return { start: open.index, end: afterTag + 1 };
  }
  return { start: open.index, end: close + qualified.length + 3 };
}

/** Appends `rows` (text cells) after the last row of the sheet; returns the patched part. */
export function appendTextRows(xml: string, rows: readonly string[][], part: string): SheetPatchResult {
  const layout = sheetLayout(xml);
  const last = layout.rows ? Math.max(0, ...layout.rows.map((r) => r.r)) : Math.max(0, ...indexRows(childElements(parseXml(xml, part).documentElement, "sheetData")[0]).keys());
  const writes: CellWrite[] = rows.flatMap((values, r) => values.map((value, c) => ({ row: last + 1 + r, column: c, value: value === "" ? null : value })));
  return patchCells(xml, writes, part);
}

const serialize = (doc: Document) => new XMLSerializer().serializeToString(doc as unknown as Parameters<XMLSerializer["serializeToString"]>[0]);
// The parser turned &#13; into a carriage return, which a raw CR would not survive the next parse as.
const keepCarriageReturns = (xml: string) => xml.replace(/\r/g, "&#13;");

/** Writes the row's `writes` into `row` (cells created where missing, in order, with their row's or column's style). */
function writeIntoRow(doc: Document, row: Element, rowNumber: number, writes: readonly CellWrite[], styleOfColumn: (column: number) => string | null, formulasRemoved: string[]): void {
  const ns = row.namespaceURI ?? "";
  const cells = indexCells(row, rowNumber);
  for (const w of writes) {
    const ref = `${columnLetter(w.column)}${rowNumber}`;
    let cell = cells.get(w.column);
    if (!cell) {
      if (w.value === null) continue;
      cell = doc.createElementNS(ns, row.prefix ? `${row.prefix}:c` : "c");
      cell.setAttribute("r", ref);
      // A new cell takes its row's style when the row has one, else its column's (what Excel shows for the empty cell).
      const style = row.getAttribute("customFormat") === "1" ? row.getAttribute("s") : styleOfColumn(w.column);
      if (style) cell.setAttribute("s", style);
      row.insertBefore(cell, nextAfter(cells, w.column));
      cells.set(w.column, cell);
    }
    if (setValue(doc, ns, cell, w.value, `单元格 ${ref}`)) formulasRemoved.push(ref);
  }
}

interface RowSpan {
  r: number;
  start: number;
  end: number;
}

interface SheetLayout {
  /** "x:" when the part prefixes SpreadsheetML elements, else "". */
  prefix: string;
  /** The <sheetData> element, its content, and whether it is self-closing. */
  span: { start: number; end: number };
  contentStart: number;
  contentEnd: number;
  selfClosing: boolean;
  /** Rows in order with their r=, or null when a row has no r= (then the part is patched as a whole). */
  rows: RowSpan[] | null;
  /** The root element's namespace declarations, to parse a row on its own. */
  declarations: string;
}

/** Where the rows are in the part's text, found without parsing it (a 20,000-row sheet is 30 MB of XML). */
function sheetLayout(xml: string): SheetLayout {
  const m = /<([\w.-]+:)?sheetData(?=[\s/>])/.exec(xml);
  if (!m) throw new Error("no sheetData");
  const prefix = m[1] ?? "";
  const span = sheetDataSpan(xml, `${prefix}sheetData`);
  const selfClosing = xml.slice(span.start, span.end).endsWith("/>");
  const contentStart = selfClosing ? span.end : xml.indexOf(">", span.start) + 1;
  const contentEnd = selfClosing ? span.end : span.end - `</${prefix}sheetData>`.length;
  let rows: RowSpan[] | null = [];
  const open = new RegExp(`<${prefix}row\\b[^>]*>`, "g");
  open.lastIndex = contentStart;
  for (let row = open.exec(xml); row && row.index < contentEnd; row = open.exec(xml)) {
    const r = /\sr="(\d+)"/.exec(row[0]);
    if (!r) {
      rows = null;
      break;
    }
    const end = row[0].endsWith("/>") ? row.index + row[0].length : xml.indexOf(`</${prefix}row>`, row.index) + prefix.length + 6;
    rows.push({ r: Number(r[1]), start: row.index, end });
    open.lastIndex = end;
  }
  const root = /<(?:[\w.-]+:)?worksheet\b[^>]*>/.exec(xml)?.[0] ?? "";
  const declarations = (root.match(/\sxmlns(?::[\w.-]+)?="[^"]*"/g) ?? []).join("");
  return { prefix, span, contentStart, contentEnd, selfClosing, rows, declarations };
}

/**
 * Writes `writes` into the worksheet part `xml`. Each row written is parsed and re-serialised on its own
 * (xmldom); the rest of the part, other rows included, is kept byte for byte.
 */
export function patchCells(xml: string, writes: readonly CellWrite[], part: string): SheetPatchResult {
  const layout = sheetLayout(xml);
  if (!layout.rows) return patchWholeSheet(xml, writes, part);
  const { prefix, declarations } = layout;
  const cols = new RegExp(`<${prefix}cols\\b[\\s\\S]*?</${prefix}cols>`).exec(xml.slice(0, layout.span.start))?.[0] ?? "";
  const styleOfColumn = columnStyles(parseXml(`<soil-wrap${declarations}>${cols}</soil-wrap>`, part).documentElement);
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) byRow.set(w.row, [...(byRow.get(w.row) ?? []), w]);
  const spans = new Map(layout.rows.map((r) => [r.r, r]));
  const formulasRemoved: string[] = [];
  const edits: { start: number; end: number; r: number; text: string }[] = [];
  for (const [r, rowWrites] of byRow) {
    const existing = spans.get(r);
    if (!existing && rowWrites.every((w) => w.value === null)) continue;
    const doc = parseXml(`<soil-wrap${declarations}>${existing ? xml.slice(existing.start, existing.end) : `<${prefix}row r="${r}"/>`}</soil-wrap>`, part);
    writeIntoRow(doc, childElements(doc.documentElement)[0], r, rowWrites, styleOfColumn, formulasRemoved);
    const wrapped = serialize(doc);
    const text = keepCarriageReturns(wrapped.slice(wrapped.indexOf(">") + 1, wrapped.lastIndexOf("</soil-wrap>")));
    if (existing) edits.push({ start: existing.start, end: existing.end, r, text });
    else {
      const next = layout.rows.find((row) => row.r > r);
      const at = next ? next.start : layout.contentEnd;
      edits.push({ start: at, end: at, r, text });
    }
  }
  if (layout.selfClosing) {
    if (edits.length === 0) return { xml, formulasRemoved };
    const rows = edits.sort((a, b) => a.r - b.r).map((e) => e.text).join("");
    return { xml: xml.slice(0, layout.span.start) + `<${prefix}sheetData>${rows}</${prefix}sheetData>` + xml.slice(layout.span.end), formulasRemoved };
  }
  edits.sort((a, b) => a.start - b.start || a.r - b.r);
  let out = "";
  let cursor = 0;
  for (const e of edits) {
    out += xml.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return { xml: out + xml.slice(cursor), formulasRemoved };
}

/** The whole part parsed (rows without r= are placed by their order, which inserting a row would change). */
function patchWholeSheet(xml: string, writes: readonly CellWrite[], part: string): SheetPatchResult {
  const doc = parseXml(xml, part);
  const worksheet = doc.documentElement;
  const ns = worksheet.namespaceURI ?? "";
  const sheetData = childElements(worksheet, "sheetData")[0];
  if (!sheetData) throw new Error(`${part}: no sheetData`);
  const styleOfColumn = columnStyles(worksheet);
  const rows = indexRows(sheetData);
  const formulasRemoved: string[] = [];
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) byRow.set(w.row, [...(byRow.get(w.row) ?? []), w]);
  for (const [r, rowWrites] of byRow) {
    let row = rows.get(r);
    if (!row) {
      if (rowWrites.every((w) => w.value === null)) continue;
      row = doc.createElementNS(ns, worksheet.prefix ? `${worksheet.prefix}:row` : "row");
      row.setAttribute("r", String(r));
      sheetData.insertBefore(row, nextAfter(rows, r));
      rows.set(r, row);
    }
    writeIntoRow(doc, row, r, rowWrites, styleOfColumn, formulasRemoved);
  }
  const serialized = serialize(doc);
  const qualified = sheetData.tagName;
  const fresh = sheetDataSpan(serialized, qualified);
  const old = sheetDataSpan(xml, qualified);
  return { xml: xml.slice(0, old.start) + keepCarriageReturns(serialized.slice(fresh.start, fresh.end)) + xml.slice(old.end), formulasRemoved };
}
