/** Reading a table file from disk, with the mistakes a user makes turned into clear messages. */
import { readFileSync, statSync } from "fs";
import path from "path";
import { SoilUserError } from "../core/errors";
import { ParsedTable } from "../core/model";
import { parseTable } from "../core/parseTable";

/** The table bundled with SOIL (the plan's key-task table as extracted from the notice). */
export const BUNDLED_SOURCE = path.resolve(__dirname, "../../seeds/000_7e4df876dfec5136.txt");

/** Reads a UTF-8 text table; .docx and binary files are refused with what to do instead. */
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
  if (size === 0) throw new SoilUserError(`文件“${file}”是空的`, "请选择导出的分工表文本文件");
  const bytes = readFileSync(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new SoilUserError(`“${file}”是压缩格式的文档（如 .docx/.xlsx），命令行只读取文本`, "请在任务窗格中导入 .docx，或将表格另存为制表符分隔的 .txt");
  }
  if (bytes.includes(0)) throw new SoilUserError(`“${file}”不是文本文件`, "请将分工表另存为 UTF-8 编码、制表符分隔的 .txt");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  if (text.includes("\uFFFD")) {
    throw new SoilUserError(`“${file}”不是 UTF-8 编码（可能是 GBK）`, "请用记事本等工具另存为 UTF-8 编码后再试");
  }
  return text;
}

/** Reads and parses a table file; a file without any requirement is a user mistake, not an empty result. */
export function readTable(file: string): ParsedTable {
  const table = parseTable(readTableFile(file));
  if (table.tasks.every((t) => t.requirements.length === 0)) {
    throw new SoilUserError(
      `“${file}”中没有找到任务分工表`,
      "需要含“序号、牵头部门、参与部门、主要工作、工作要求、责任单位、完成时限”表头、用制表符分列的文本；可先用 npm run soil -- parse <文件> 查看解析结果",
    );
  }
  return table;
}
