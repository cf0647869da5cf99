/**
 * The one check before any SOIL command writes a file: an existing file is replaced only with --force,
 * and an input (the master, a returned file, the source table) is never the output, not even with --force.
 * Paths are compared as the file system resolves them: symlinks followed, letter case folded where the
 * file system ignores it (Windows, macOS by default).
 */
import { lstatSync, realpathSync } from "fs";
import path from "path";
import { SoilUserError } from "../core/errors";

export const FORCE_HINT = "如确要替换，请加上 --force；否则请用 --out 指定另一个文件名或文件夹";

/** True when something (a file, a folder, even a dangling symlink) already sits at `file`. */
function occupied(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `file` really is: the real path of the file when it exists (symlinks resolved), otherwise the
 * real path of the nearest existing folder joined with the rest. Case-folded on case-insensitive systems.
 */
export function resolvedPath(file: string, platform: NodeJS.Platform = process.platform): string {
  let rest: string[] = [];
  let at = path.resolve(file);
  let real = at;
  for (;;) {
    try {
      real = path.join(realpathSync(at), ...rest);
      break;
    } catch {
      const parent = path.dirname(at);
      if (parent === at) {
        real = path.resolve(file);
        break;
      }
      rest = [path.basename(at), ...rest];
      at = parent;
    }
  }
  return platform === "win32" || platform === "darwin" ? real.normalize("NFC").toLowerCase() : real;
}

export interface OutputCheck {
  /** The user gave --force: an existing output may be replaced (never an input). */
  force: boolean;
  /** Files the command reads; none of them may be written. */
  inputs: readonly string[];
}

/**
 * Throws a SoilUserError (nothing written yet) when any of `outputs` is one of the inputs, or already
 * exists without --force. Called for every output before the first one is written.
 */
export function assertMayWrite(outputs: readonly string[], check: OutputCheck): void {
  const inputs = check.inputs.map((file) => ({ file, real: resolvedPath(file) }));
  for (const out of outputs) {
    const real = resolvedPath(out);
    const input = inputs.find((i) => i.real === real);
    if (input) {
      throw new SoilUserError(
        `输出文件“${path.resolve(out)}”就是输入文件“${input.file}”，SOIL 从不覆盖输入文件（加 --force 也不行）`,
        "请用 --out 指定另一个文件名，核对结果后再自行替换",
      );
    }
  }
  if (check.force) return;
  const existing = outputs.filter(occupied);
  if (existing.length > 0) {
    const names = existing.slice(0, 3).map((f) => `“${path.resolve(f)}”`).join("、");
    const more = existing.length > 3 ? ` 等 ${existing.length} 个文件` : "";
    throw new SoilUserError(`${names}${more}已存在，SOIL 不会在未经确认时覆盖已有文件（未写入任何文件）`, FORCE_HINT);
  }
}
