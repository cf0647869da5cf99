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
  const doc = parseXml(xml, part);
  const sheetData = childElements(doc.documentElement, "sheetData")[0];
  if (!sheetData) throw new Error(`${part}: no sheetData`);
  const last = Math.max(0, ...indexRows(sheetData).keys());
  const writes: CellWrite[] = rows.flatMap((values, r) => values.map((value, c) => ({ row: last + 1 + r, column: c, value: value === "" ? null : value })));
  return patchCells(xml, writes, part, doc);
}

/** Writes `writes` into the worksheet part `xml` (cells created where missing, in order, with their column's style). */
export function patchCells(xml: string, writes: readonly CellWrite[], part: string, parsed?: Document): SheetPatchResult {
  const doc = parsed ?? parseXml(xml, part);
  const worksheet = doc.documentElement;
  const ns = worksheet.namespaceURI ?? "";
  const sheetData = childElements(worksheet, "sheetData")[0];
  if (!sheetData) throw new Error(`${part}: no sheetData`);
  const styleOfColumn = columnStyles(worksheet);
  const rows = indexRows(sheetData);
  const cellsOfRow = new Map<number, Map<number, Element>>();
  const formulasRemoved: string[] = [];
  for (const w of writes) {
    const ref = `${columnLetter(w.column)}${w.row}`;
    let row = rows.get(w.row);
    if (!row) {
      if (w.value === null) continue;
      row = doc.createElementNS(ns, worksheet.prefix ? `${worksheet.prefix}:row` : "row");
      row.setAttribute("r", String(w.row));
      sheetData.insertBefore(row, nextAfter(rows, w.row));
      rows.set(w.row, row);
    }
    let cells = cellsOfRow.get(w.row);
    if (!cells) cellsOfRow.set(w.row, (cells = indexCells(row, w.row)));
    let cell = cells.get(w.column);
    if (!cell) {
      if (w.value === null) continue;
      cell = doc.createElementNS(ns, worksheet.prefix ? `${worksheet.prefix}:c` : "c");
      cell.setAttribute("r", ref);
      // A new cell takes its row's style when the row has one, else its column's (what Excel shows for the empty cell).
      const style = row.getAttribute("customFormat") === "1" ? row.getAttribute("s") : styleOfColumn(w.column);
      if (style) cell.setAttribute("s", style);
      row.insertBefore(cell, nextAfter(cells, w.column));
      cells.set(w.column, cell);
    }
    if (setValue(doc, ns, cell, w.value, `单元格 ${ref}`)) formulasRemoved.push(ref);
  }
  const serialized = new XMLSerializer().serializeToString(doc as unknown as Parameters<XMLSerializer["serializeToString"]>[0]);
  const qualified = sheetData.tagName;
  const fresh = sheetDataSpan(serialized, qualified);
  // The parser turned &#13; into a carriage return, which a raw CR would not survive the next parse as.
  const slice = serialized.slice(fresh.start, fresh.end).replace(/\r/g, "&#13;");
  const old = sheetDataSpan(xml, qualified);
  return { xml: xml.slice(0, old.start) + slice + xml.slice(old.end), formulasRemoved };
}
