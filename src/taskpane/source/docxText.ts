/**
 * A .docx as the parser's input: word/document.xml's tables become tab-separated lines (one per
 * w:tr, cells w:tc), paragraphs outside tables their own lines. Plain string scanning, no DOM, so it
 * runs the same in the pane and in tests. Text only: no markup from the document survives.
 */
import type JSZip from "jszip";
import { SoilUserError } from "../../core";

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e],
  );
}

const TOKEN = /<w:tbl\b[^>]*>|<\/w:tbl>|<w:tr\b[^>]*>|<\/w:tr>|<w:tc\b[^>]*>|<\/w:tc>|<\/w:p>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:gridSpan\s+w:val="(\d+)"\s*\/>/g;

/** The text lines of a document.xml: table rows as tab-separated cells. */
export function documentXmlLines(xml: string): string[] {
  const lines: string[] = [];
  let depth = 0;
  let row: string[] | null = null;
  let cell: string | null = null;
  let span = 1;
  let paragraph = "";
  for (const m of xml.matchAll(TOKEN)) {
    const token = m[0];
    if (token.startsWith("<w:tbl")) depth++;
    else if (token === "</w:tbl>") depth--;
    else if (token.startsWith("<w:tr") && depth === 1) row = [];
    else if (token === "</w:tr>" && depth === 1 && row) {
      lines.push(row.join("\t"));
      row = null;
    } else if (token.startsWith("<w:tc") && depth === 1) {
      cell = "";
      span = 1;
    } else if (token === "</w:tc>" && depth === 1 && row && cell !== null) {
      row.push(cell.replace(/[\t\r\n]+/g, " "));
      for (let i = 1; i < span; i++) row.push("");
      cell = null;
    } else if (m[2]) span = Number(m[2]);
    else if (token === "</w:p>") {
      if (cell !== null) cell += paragraph;
      else if (depth === 0) lines.push(paragraph);
      paragraph = "";
    } else if (token === "<w:tab/>" || token === "<w:br/>") paragraph += " ";
    else if (m[1] !== undefined) paragraph += decode(m[1]);
  }
  return lines;
}

/** A .docx file's text for parseTable. Throws SoilUserError when it is not a Word document. */
export async function docxText(data: ArrayBuffer | Uint8Array): Promise<string> {
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
  return documentXmlLines(await document.async("string")).join("\n");
}
