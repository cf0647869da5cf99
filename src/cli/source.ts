/** Reading a table file from disk, with the mistakes a user makes turned into clear messages. */
import { readFileSync, statSync } from "fs";
import path from "path";
import { SoilUserError } from "../core/errors";
import { assertImportable, MAX_TABLE_BYTES, tooLargeError } from "../core/inputCheck";
import { ParsedTable } from "../core/model";
import { ParseOptions } from "../core/parseTable";
import { parseSource, readTableSource, SourceOptions, TableSource } from "../sources/tableSource";

/** The table bundled with SOIL (the plan's key-task table as extracted from the notice). */
export const BUNDLED_SOURCE = path.resolve(__dirname, "../../seeds/000_7e4df876dfec5136.txt");

/**
 * Reads a table file: text (UTF-8, GBK, or UTF-16 with BOM; see src/core/inputCheck.ts), .docx or .xlsx
 * (src/sources). Folders, missing files, files over the size limit (refused before reading), PDF and
 * old Office files are refused with what to do instead.
 */
export async function readTableFile(file: string, options: SourceOptions = {}): Promise<TableSource> {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new SoilUserError(`“${file}”是一个文件夹，不是分工表文件`, "请给出 .txt、.docx 或 .xlsx 文件的路径");
    size = stat.size;
  } catch (error) {
    if (error instanceof SoilUserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new SoilUserError(`找不到文件“${file}”`, "请检查路径是否正确");
    if (code === "EACCES" || code === "EPERM") throw new SoilUserError(`没有权限读取“${file}”`, "请检查文件权限");
    throw new SoilUserError(`无法读取“${file}”：${(error as Error).message}`);
  }
  if (size > MAX_TABLE_BYTES) throw tooLargeError(size, `“${file}”`);
  return readTableSource(file, readFileSync(file), options);
}

/** Reads and parses a table file; a file that cannot be imported (no table, unrecognised or unconfirmed columns, a cell over the limit) throws. */
export async function readTable(file: string, options: ParseOptions & SourceOptions = {}): Promise<ParsedTable> {
  const table = parseSource(await readTableFile(file, options), options);
  assertImportable(table, file);
  return table;
}
