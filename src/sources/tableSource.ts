/**
 * A table file, whatever its form, as what the parser reads: text (.txt / .tsv / .csv in UTF-8, GBK or
 * UTF-16, see core/inputCheck.ts) or a grid (.docx tables, an .xlsx sheet). The one entry the CLI and
 * the pane use for a chosen file; no Office import. PDF and .doc / .xls are refused with how to get the
 * table out of them.
 */
import { SoilUserError } from "../core/errors";
import { decodeTableBytes, MAX_TABLE_BYTES, textProblem, tooLargeError } from "../core/inputCheck";
import { ParsedTable } from "../core/model";
import { parseGrid, parseTable, ParseOptions, TableReader, tableReader, textGrid } from "../core/parseTable";
import { TableGrid } from "../core/tableGrid";
import { docxGrid } from "./docx";
import { xlsxGrid } from "./xlsx";

export type TableSource = { kind: "text"; text: string; csv?: boolean } | { kind: "grid"; grid: TableGrid; sheetNames?: string[]; sheetName?: string };

export interface SourceOptions {
  /** .xlsx: the sheet's name or 1-based position (the first by default). */
  sheet?: string;
}

/** The extensions SOIL reads, for file pickers and messages. */
export const TABLE_FILE_EXTENSIONS = [".txt", ".tsv", ".csv", ".docx", ".xlsx"] as const;

const PDF_HINT =
  "PDF 中的表格请这样取出：用 Word（2013 及以后）打开该 PDF，Word 会将其转换为可编辑文档，核对表格后另存为 .docx；或在 WPS 中使用“PDF 转 Word/Excel”；也可选中表格复制后粘贴到任务窗格。";
const OLD_OFFICE_HINT = "请在 Word 或 Excel（或 WPS）中打开后“另存为” .docx 或 .xlsx，再导入；也可复制表格后粘贴。";

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Reads a chosen file's bytes. Throws SoilUserError with what to do for a file SOIL cannot read. */
export async function readTableSource(name: string, bytes: Uint8Array, options: SourceOptions = {}): Promise<TableSource> {
  const quoted = `“${name}”`;
  if (bytes.length > MAX_TABLE_BYTES) throw tooLargeError(bytes.length, quoted);
  const lower = name.toLowerCase();
  const zip = startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
  if (lower.endsWith(".pdf") || startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw new SoilUserError(`${quoted}是 PDF 文件，SOIL 不能从 PDF 中读取表格`, PDF_HINT);
  if (lower.endsWith(".doc") || lower.endsWith(".xls") || lower.endsWith(".wps") || lower.endsWith(".et") || startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new SoilUserError(`${quoted}是旧版 Office 文档（.doc、.xls 或 WPS 格式），SOIL 只读 .docx 和 .xlsx`, OLD_OFFICE_HINT);
  }
  const text = lower.endsWith(".txt") || lower.endsWith(".tsv") || lower.endsWith(".csv") || !/\.[a-z0-9]+$/.test(lower);
  // A Word or Excel file saved under a text name is read for what it is; any other zip is refused as text (decodeTableBytes says why).
  if (lower.endsWith(".docx") || (zip && text && (await zipHolds(bytes, "word/document.xml")))) return { kind: "grid", grid: await docxGrid(bytes) };
  if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || (zip && text && (await zipHolds(bytes, "xl/workbook.xml")))) {
    const read = await xlsxGrid(bytes, { sheet: options.sheet });
    return { kind: "grid", grid: read, sheetNames: read.sheetNames, sheetName: read.sheetName };
  }
  if (text) return { kind: "text", text: decodeTableBytes(bytes, name).text, csv: lower.endsWith(".csv") };
  throw new SoilUserError(`不支持的文件类型：${name}`, "请选择 .txt / .tsv / .csv（制表符或逗号分隔的分工表）、.docx（含分工表的 Word 文档）或 .xlsx（Excel 工作簿）。");
}

async function zipHolds(bytes: Uint8Array, path: string): Promise<boolean> {
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ "jszip");
  try {
    return (await JSZip.loadAsync(bytes)).file(path) !== null;
  } catch {
    return false;
  }
}

/** The source parsed (options: a confirmed column mapping, the plan's year). */
export function parseSource(source: TableSource, options: ParseOptions = {}): ParsedTable {
  return source.kind === "text" ? parseTable(source.text, { ...options, csv: source.csv }) : parseGrid(source.grid, options);
}

/**
 * A reader over the source, for a front end that reads a large table in chunks (yielding between
 * them to show progress). Text that cannot be read at all gives a reader with nothing to step.
 */
export function sourceReader(source: TableSource, options: ParseOptions = {}): TableReader {
  if (source.kind === "grid") return tableReader(source.grid, options);
  if (textProblem(source.text)) return doneReader(parseTable(source.text, options));
  return tableReader(textGrid(source.text, source.csv), options);
}

function doneReader(table: ParsedTable): TableReader {
  return { total: 0, done: 0, step: () => true, finish: () => table };
}
