/** Word documents for tests, written the way Word writes them: paragraphs, and tables as w:tbl/w:tr/w:tc. */
import JSZip from "jszip";

export const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export const para = (t: string) => `<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
export const cell = (t: string, extra = "") => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${extra}</w:tcPr>${t.split("\n").map(para).join("")}</w:tc>`;

/** Lines with tabs become one-row tables, other lines paragraphs. */
export async function docxOf(lines: string[]): Promise<Uint8Array> {
  const body = lines
    .map((line) => (line.includes("\t") ? `<w:tbl><w:tblPr/><w:tr><w:trPr/>${line.split("\t").map((c) => cell(c)).join("")}</w:tr></w:tbl>` : para(line)))
    .join("");
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("word/document.xml", xml);
  return zip.generateAsync({ type: "uint8array" });
}
