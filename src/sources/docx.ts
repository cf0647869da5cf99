/**
 * A .docx as the parser's grid: each table row (w:tr) a row of cells, each paragraph outside tables a
 * row of one cell, numbered in document order (the "line" of a diagnostic). Paragraphs of a cell are
 * list items: they are joined by a line break, never run together. A merged cell (w:gridSpan across,
 * w:vMerge down) gives its text to every grid position it covers, flagged as merged. Plain string
 * scanning, no DOM and no Office import, so the pane and the CLI read a document the same way.
 */
import type JSZip from "jszip";
import { SoilUserError } from "../core/errors";
import { GridRow, TableGrid } from "../core/tableGrid";

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e],
  );
}

const TOKEN =
  /<w:tbl\b[^>]*>|<\/w:tbl>|<w:tr\b[^>]*>|<\/w:tr>|<w:tc\b[^>]*>|<\/w:tc>|<\/w:p>|<w:p\/>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:gridSpan\s+w:val="(\d+)"\s*\/>|<w:vMerge(?:\s+w:val="(\w+)")?\s*\/>/g;

interface OpenCell {
  paragraphs: string[];
  span: number;
  /** "restart" starts a vertical merge, "continue" continues the one above. */
  vMerge: "restart" | "continue" | null;
}

/** The grid of a document.xml: table rows as cells, paragraphs outside tables as one-cell rows. */
export function documentXmlGrid(xml: string): GridRow[] {
  const rows: GridRow[] = [];
  let depth = 0;
  let row: { cells: string[]; merged: boolean[] } | null = null;
  let cell: OpenCell | null = null;
  let paragraph = "";
  /** Text of the cell above at each grid column of the current table (vertical merges). */
  let above: string[] = [];
  const push = (cells: string[], merged?: boolean[]) => {
    const r: GridRow = { cells, line: rows.length + 1 };
    if (merged && merged.some(Boolean)) r.merged = merged;
    rows.push(r);
  };
  for (const m of xml.matchAll(TOKEN)) {
    const token = m[0];
    if (token.startsWith("<w:tbl")) {
      depth++;
      if (depth === 1) above = [];
    } else if (token === "</w:tbl>") depth--;
    else if (token.startsWith("<w:tr") && depth === 1) row = { cells: [], merged: [] };
    else if (token === "</w:tr>" && depth === 1 && row) {
      push(row.cells, row.merged);
      row = null;
    } else if (token.startsWith("<w:tc") && depth === 1) cell = { paragraphs: [], span: 1, vMerge: null };
    else if (token === "</w:tc>" && depth === 1 && row && cell !== null) {
      const column = row.cells.length;
      const continued = cell.vMerge === "continue";
      const text = continued ? (above[column] ?? "") : cell.paragraphs.join("\n").replace(/\t/g, " ").replace(/^\n+|\n+$/g, "");
      for (let i = 0; i < cell.span; i++) {
        row.cells.push(text);
        row.merged.push(continued || i > 0);
        above[column + i] = text;
      }
      cell = null;
    } else if (m[2] && cell) cell.span = Number(m[2]);
    else if (token.startsWith("<w:vMerge") && cell) cell.vMerge = m[3] === "restart" ? "restart" : "continue";
    else if (token === "</w:p>" || token === "<w:p/>") {
      if (cell !== null) cell.paragraphs.push(paragraph);
      else if (depth === 0) push([paragraph]);
      paragraph = "";
    } else if (token === "<w:tab/>" || token === "<w:br/>") paragraph += " ";
    else if (m[1] !== undefined) paragraph += decode(m[1]);
  }
  return rows;
}

/** A .docx file as the parser's grid. Throws SoilUserError when it is not a Word document. */
export async function docxGrid(data: ArrayBuffer | Uint8Array): Promise<TableGrid> {
  // Loaded on first use: the pane does not carry jszip until someone picks a .docx.
  const { default: JSZipModule } = await import(/* webpackChunkName: "jszip" */ "jszip");
  let zip: JSZip;
  try {
    zip = await JSZipModule.loadAsync(data);
  } catch {
    throw new SoilUserError("无法打开该文件：它不是有效的 Word 文档（.docx）。", "请在 Word 中另存为 .docx 后重试，或复制表格内容粘贴到文本框。");
  }
  const document = zip.file("word/document.xml");
  if (!document) throw new SoilUserError("该文件中没有 Word 正文（word/document.xml）。", "请确认选择的是 Word 文档（.docx）。");
  return { rows: documentXmlGrid(await document.async("string")), source: "docx" };
}
