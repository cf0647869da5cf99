/** The three sources of a table: the bundled seed, pasted text, or a chosen file (.txt in UTF-8 or GBK, .docx). */
import { decodeTableBytes, MAX_TABLE_BYTES, SoilUserError, tooLargeError } from "../../core";
import { docxText } from "./docxText";

/** A text file's bytes as text: UTF-8, GBK or UTF-16 with BOM; empty, binary and undecodable files throw (src/core/inputCheck.ts). */
export function decodeText(bytes: Uint8Array, name?: string): string {
  return decodeTableBytes(bytes, name).text;
}

export async function readSourceFile(name: string, bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_TABLE_BYTES) throw tooLargeError(bytes.length, `“${name}”`);
  const lower = name.toLowerCase();
  if (lower.endsWith(".docx")) return docxText(bytes);
  if (lower.endsWith(".txt") || lower.endsWith(".tsv") || lower.endsWith(".csv")) return decodeText(bytes, name);
  throw new SoilUserError(`不支持的文件类型：${name}`, "请选择 .txt（制表符分隔的分工表）或 .docx（含分工表的 Word 文档）。");
}
