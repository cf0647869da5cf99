/**
 * No SOIL command replaces an existing file unless --force is given, and none ever writes one of its inputs
 * (compared as the file system resolves paths: symlinks, and letter case where the system ignores it).
 * Each refusal is a Chinese message with exit code 2 and leaves every file byte for byte as it was.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { dayFromIso } from "../../src/core";
import { resolvedPath } from "../../src/cli/outputGuard";
import { BUNDLED_SOURCE } from "../../src/cli/source";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { readTable, SEED_FILE } from "../xlsx/seedTable";
import { runCapturing } from "./runCapturing";

let dir: string;
let master: string;
let returned: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "soil-nooverwrite-"));
  master = path.join(dir, "主表.xlsx");
  await buildWorkbook(readTable(SEED_FILE), { asOf: dayFromIso("2018-12-20") }).xlsx.writeFile(master);
  const exported = await runCapturing("export", master, "--department", "市环境保护局", "--out", path.join(dir, "returned"));
  expect(exported.code).toBe(0);
  returned = path.join(dir, "returned", "SOIL-市环境保护局.xlsx");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OLD = "办公室今天上午合并、核对过的文件";

/** A scratch folder holding `name` with known bytes. */
function existing(name: string): { folder: string; file: string } {
  const folder = mkdtempSync(path.join(dir, "case-"));
  const file = path.join(folder, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, OLD);
  return { folder, file };
}

describe("an existing output is kept without --force, replaced with it", () => {
  const commands: [string, (out: string) => string[], string][] = [
    ["workbook --out", (out) => ["workbook", "--out", out], "督办.xlsx"],
    ["report --out", (out) => ["report", master, "--quarter", "2018Q4", "--as-of", "2019-01-10", "--out", out], "季报.xlsx"],
    ["merge --out", (out) => ["merge", master, returned, "--out", out], "主表-已合并.xlsx"],
    ["export --out <folder> (a department file already there)", (out) => ["export", master, "--department", "市环保局", "--out", path.dirname(out)], "SOIL-市环境保护局.xlsx"],
  ];

  test.each(commands)("%s", async (_name, argv, name) => {
    const { folder, file } = existing(name);
    const refused = await runCapturing(...argv(file));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`“${path.resolve(file)}”已存在`);
    expect(refused.err).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe(OLD);
    expect(readdirSync(folder)).toEqual([name]);

    const forced = await runCapturing(...argv(file), "--force");
    expect({ code: forced.code, err: forced.err }).toEqual({ code: 0, err: "" });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  test("export checks every department file before writing any: one file there, none written", async () => {
    const { folder } = existing("SOIL-市水利局.xlsx");
    const { code, err } = await runCapturing("export", master, "--out", folder);
    expect(code).toBe(2);
    expect(err).toContain("SOIL-市水利局.xlsx");
    expect(readdirSync(folder)).toEqual(["SOIL-市水利局.xlsx"]);
    expect(readFileSync(path.join(folder, "SOIL-市水利局.xlsx"), "utf8")).toBe(OLD);
  });
});

describe("an input is never the output, even with --force", () => {
  test("merge --out a symlink to the master: refused, the master byte-identical", async () => {
    const before = readFileSync(master);
    const link = path.join(dir, "link-to-master.xlsx");
    symlinkSync(master, link);
    for (const force of [[], ["--force"]]) {
      const { code, err } = await runCapturing("merge", master, returned, "--out", link, ...force);
      expect(code).toBe(2);
      expect(err).toContain("不能覆盖主表本身");
    }
    expect(readFileSync(master).equals(before)).toBe(true);
  });

  test("merge --out the returned file itself, with --force: refused", async () => {
    const before = readFileSync(returned);
    const { code, err } = await runCapturing("merge", master, returned, "--out", returned, "--force");
    expect(code).toBe(2);
    expect(err).toContain("就是输入文件");
    expect(readFileSync(returned).equals(before)).toBe(true);
  });

  test("merge --out the master through a symlinked folder, with --force: refused", async () => {
    const before = readFileSync(master);
    const linkDir = path.join(dir, "linked-folder");
    symlinkSync(dir, linkDir);
    const { code, err } = await runCapturing("merge", master, returned, "--out", path.join(linkDir, "主表.xlsx"), "--force");
    expect(code).toBe(2);
    expect(err).toContain("不能覆盖主表本身");
    expect(readFileSync(master).equals(before)).toBe(true);
  });

  test("report --out the master, with --force: refused", async () => {
    const before = readFileSync(master);
    const { code, err } = await runCapturing("report", master, "--quarter", "2018Q4", "--out", master, "--force");
    expect(code).toBe(2);
    expect(err).toContain("就是输入文件");
    expect(readFileSync(master).equals(before)).toBe(true);
  });

  test("export --out the folder of its master, whose name is a department file's: refused with --force", async () => {
    const folder = mkdtempSync(path.join(dir, "self-"));
    const self = path.join(folder, "SOIL-市环境保护局.xlsx");
    writeFileSync(self, readFileSync(master));
    const before = readFileSync(self);
    const { code, err } = await runCapturing("export", self, "--department", "市环保局", "--out", folder, "--force");
    expect(code).toBe(2);
    expect(err).toContain("就是输入文件");
    expect(readFileSync(self).equals(before)).toBe(true);
  });

  test("workbook --out its own --source (a .xlsx named source), with --force: refused", async () => {
    const folder = mkdtempSync(path.join(dir, "src-"));
    const source = path.join(folder, "分工表.xlsx");
    writeFileSync(source, readFileSync(BUNDLED_SOURCE));
    const { code, err } = await runCapturing("workbook", "--source", source, "--out", source, "--force");
    expect(code).toBe(2);
    expect(err).toContain("就是输入文件");
    expect(readFileSync(source).equals(readFileSync(BUNDLED_SOURCE))).toBe(true);
  });
});

test("paths compare case-folded where the file system ignores case (Windows, macOS), exactly elsewhere", () => {
  const a = path.join(dir, "Master.XLSX");
  const b = path.join(dir, "master.xlsx");
  expect(resolvedPath(a, "win32")).toBe(resolvedPath(b, "win32"));
  expect(resolvedPath(a, "darwin")).toBe(resolvedPath(b, "darwin"));
  expect(resolvedPath(a, "linux")).not.toBe(resolvedPath(b, "linux"));
});
