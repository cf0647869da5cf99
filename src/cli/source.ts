/** Reading a table file from disk, with the mistakes a user makes turned into clear messages. */
import { readFileSync, statSync } from "fs";
import path from "path";
import { SoilUserError } from "../core/errors";
import { assertImportable, decodeTableBytes, MAX_TABLE_BYTES, tooLargeError } from "../core/inputCheck";
import { ParsedTable } from "../core/model";
import { parseTable, parseTableWithOwnRegistry } from "../core/parseTable";
import { DepartmentRegistry } from "../core/registry";

/** The table bundled with SOIL (the plan's key-task table as extracted from the notice). */
export const BUNDLED_SOURCE = path.resolve(__dirname, "../../seeds/000_7e4df876dfec5136.txt");

/**
 * Reads a text table (UTF-8, GBK, or UTF-16 with BOM; see src/core/inputCheck.ts). Folders, missing
 * files, files over the size limit (refused before reading), .docx and binary files are refused
 * with what to do instead.
 */
export function readTableFile(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new SoilUserError(`“${file}”是一个文件夹，不是分工表文件`, "请给出 .txt 文件的路径");
    size = stat.size;
  } catch (error) {
    if (error instanceof SoilUserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new SoilUserError(`找不到文件“${file}”`, "请检查路径是否正确");
    if (code === "EACCES" || code === "EPERM") throw new SoilUserError(`没有权限读取“${file}”`, "请检查文件权限");
    throw new SoilUserError(`无法读取“${file}”：${(error as Error).message}`);
  }
  if (size > MAX_TABLE_BYTES) throw tooLargeError(size, `“${file}”`);
  return decodeTableBytes(readFileSync(file), file).text;
}

/**
 * Reads and parses a table file with the registry chosen (`none`: the table's own; absent: the bundled one
 * when the table fits it); a file that cannot be imported (no table, columns missing) throws.
 */
export function readTable(file: string, registry?: DepartmentRegistry | "none"): ParsedTable {
  const text = readTableFile(file);
  const table = registry === "none" ? parseTableWithOwnRegistry(text) : parseTable(text, { registry });
  assertImportable(table, file);
  return table;
}
