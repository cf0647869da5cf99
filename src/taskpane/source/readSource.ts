/** The three sources of a table: the bundled seed, pasted text, or a chosen file (.txt / .tsv / .csv, .docx, .xlsx; see src/sources). */
import { decodeTableBytes } from "../../core";
import { readTableSource, SourceOptions, TableSource } from "../../sources/tableSource";

export type { TableSource } from "../../sources/tableSource";

/** A text file's bytes as text: UTF-8, GBK or UTF-16 with BOM; empty, binary and undecodable files throw (src/core/inputCheck.ts). */
export function decodeText(bytes: Uint8Array, name?: string): string {
  return decodeTableBytes(bytes, name).text;
}

export function readSourceFile(name: string, bytes: Uint8Array, options: SourceOptions = {}): Promise<TableSource> {
  return readTableSource(name, bytes, options);
}
