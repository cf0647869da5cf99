/** The three sources of a table: the bundled seed, pasted text, or a chosen file (.txt in UTF-8 or GBK, .docx). */
import { SoilUserError } from "../../core";
import { docxText } from "./docxText";

/** UTF-8 unless that leaves replacement characters, then GB18030 (a superset of GBK, common for Chinese .txt files). */
export function decodeText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  if (!utf8.includes("\uFFFD")) return utf8;
  try {
    return new TextDecoder("gb18030").decode(bytes);
  } catch {
    return utf8;
  }
}

export async function readSourceFile(name: string, bytes: Uint8Array): Promise<string> {
  const lower = name.toLowerCase();
  if (lower.endsWith(".docx")) return docxText(bytes);
  if (lower.endsWith(".txt") || lower.endsWith(".tsv") || lower.endsWith(".csv")) return decodeText(bytes);
  throw new SoilUserError(`不支持的文件类型：${name}`, "请选择 .txt（制表符分隔的分工表）或 .docx（含分工表的 Word 文档）。");
}
