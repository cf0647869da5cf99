/** Writing the portable workbook to disk: all or nothing, with Chinese messages for what can go wrong. */
import { existsSync, promises as fs, statSync } from "fs";
import path from "path";
import { SoilUserError } from "../core/errors";
import { allRequirements, ParsedTable } from "../core/model";
import { buildWorkbook, WorkbookOptions } from "./buildWorkbook";
import { assertWorkbookCellsFit } from "./cellLimit";

export interface WrittenWorkbook {
  path: string;
  bytes: number;
  rows: number;
}

export type WriteStage = "build" | "compress" | "save";

export interface WriteOptions extends WorkbookOptions {
  /** Called as each stage starts (a large table takes seconds). */
  onStage?: (stage: WriteStage) => void;
}

/** Builds the workbook and writes it to `file` atomically (a temporary file beside it, then a rename). */
export async function writeWorkbookFile(table: ParsedTable, file: string, options: WriteOptions = {}): Promise<WrittenWorkbook> {
  assertNotOpenElsewhere(file);
  options.onStage?.("build");
  const workbook = buildWorkbook(table, options);
  assertWorkbookCellsFit(workbook);
  options.onStage?.("compress");
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  options.onStage?.("save");
  await writeFileAtomic(file, bytes);
  return { path: path.resolve(file), bytes: bytes.length, rows: allRequirements(table).length };
}

/**
 * Excel and WPS (~$name) and LibreOffice (.~lock.name#) leave an owner file beside a workbook they
 * have open. Windows refuses the rename anyway; on macOS and Linux the program would keep showing,
 * and later save, the old file.
 */
export function assertNotOpenElsewhere(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const name = path.basename(file);
  for (const lock of [`~$${name}`, `.~lock.${name}#`]) {
    const lockPath = path.join(dir, lock);
    if (existsSync(lockPath)) {
      throw new SoilUserError(
        `“${path.resolve(file)}”正在被 Excel、WPS 或 LibreOffice 打开，不能覆盖`,
        `请先关闭该文件再重试，或用 --out 指定其他文件名。如果确认没有打开，可删除遗留的锁文件“${lockPath}”。`,
      );
    }
  }
}

/**
 * Writes bytes so that `file` is either the old file or the complete new one, never half written:
 * the bytes go to a temporary file in the same folder (same file system), which is renamed over it.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await makeFolder(dir);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const handle = await fs.open(temp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw writeError(error, path.resolve(file), "file");
  }
}

/**
 * mkdir -p one level at a time: Node's recursive mkdir never returns on file systems such as /proc
 * that answer ENOENT under an existing folder.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      await fs.mkdir(d);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST" && statSync(d).isDirectory()) continue;
      throw writeError(error, d, "folder");
    }
  }
}

/** An error of the file system as a message a clerk can act on. */
export function writeError(error: unknown, target: string, what: "file" | "folder"): SoilUserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  const name = what === "folder" ? `文件夹“${target}”` : `“${target}”`;
  const elsewhere = "也可以用 --out 指定其他位置";
  switch (code) {
    case "EBUSY":
    case "EPERM":
    case "EACCES":
      return new SoilUserError(
        `无法写入${name}：文件正被其他程序打开，或没有写入权限（${code}）`,
        `如果该文件正在 Excel、WPS 或其他程序中打开，请先关闭再重试；否则请检查文件夹的写入权限。${elsewhere}`,
      );
    case "EROFS":
      return new SoilUserError(`无法写入${name}：所在磁盘是只读的（${code}）`, elsewhere);
    case "ENOSPC":
    case "EDQUOT":
      return new SoilUserError(`无法写入${name}：磁盘空间不足（${code}）`, `请清理磁盘空间后重试，${elsewhere}`);
    case "ENOTDIR":
    case "EEXIST":
      return new SoilUserError(`无法写入${name}：路径中有一段是文件而不是文件夹（${code}）`, `请检查输出路径，${elsewhere}`);
    case "EISDIR":
    case "ENOTEMPTY":
      return new SoilUserError(`无法写入${name}：该位置已有一个同名文件夹（${code}）`, `请换一个文件名，${elsewhere}`);
    case "ENOENT":
      return new SoilUserError(`无法写入${name}：该位置不存在，也无法在此创建（${code}）`, `请检查输出路径，${elsewhere}`);
    case "ENAMETOOLONG":
    case "EINVAL":
      return new SoilUserError(`无法写入${name}：路径无效或文件名过长（${code}）`, `请检查输出路径，${elsewhere}`);
    default:
      return new SoilUserError(`无法写入${name}：${(error as Error)?.message ?? String(error)}`, elsewhere);
  }
}
