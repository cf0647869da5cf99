/** `npm run workbook`: the file is written whole or not at all, and every mistake is a Chinese message. */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { BUNDLED_SOURCE } from "../../src/cli/source";
import { SoilUserError } from "../../src/core/errors";
import { GUIDE_CELLS, SHEETS } from "../../src/core/layout";
import { writeError, writeFileAtomic } from "../../src/xlsx/writeWorkbookFile";
import { runCapturing } from "./runCapturing";

const ROOT = path.resolve(__dirname, "../..");
const SEED = BUNDLED_SOURCE;

const run = (...argv: string[]) => runCapturing("workbook", ...argv);

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "soil-workbook-"));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("success", () => {
  test("writes the workbook for --source at --as-of, reports progress, leaves no temporary file", async () => {
    const dir = tempDir();
    const out = path.join(dir, "sub", "督办.xlsx");
    const { code, out: stdout, err } = await run("--source", SEED, "--out", out, "--as-of", "2018-12-20");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(stdout).toContain("任务 56 项，工作要求 195 条");
    expect(stdout).toContain("统计日期：2018-12-20");
    expect(stdout).toContain("生成工作表（195 行）");
    expect(stdout).toMatch(new RegExp(`完成：${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}（\\d+\\.\\d KB，用时 \\d+ ms）`));
    expect(readdirSync(path.dirname(out))).toEqual(["督办.xlsx"]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet(SHEETS.guide)!.getCell(GUIDE_CELLS.asOf.address).value).toEqual(new Date(Date.UTC(2018, 11, 20)));
    expect(book.getWorksheet(SHEETS.tasks)!.rowCount).toBe(196);
  });

  test("with --force replaces an existing file whole; --out=<folder> gets the default name", async () => {
    const dir = tempDir();
    const target = path.join(dir, "SOIL-任务督办.xlsx");
    writeFileSync(target, "old");
    const { code } = await run(`--out=${dir}`, "--force");
    expect(code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(dir)).toEqual(["SOIL-任务督办.xlsx"]);
  });

  test("npm run workbook runs as a process and exits 0", () => {
    const dir = tempDir();
    const result = spawnSync("npm", ["run", "--silent", "workbook", "--", "--out", path.join(dir, "a.xlsx")], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("完成：");
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
  }, 60_000);
});

describe("bad source file: exit 2 and a Chinese message", () => {
  const dir = tempDir();
  const file = (name: string, bytes: string | Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  test.each([
    ["missing", () => path.join(dir, "nope.txt"), "找不到文件"],
    ["a folder", () => dir, "是一个文件夹"],
    ["empty", () => file("empty.txt", ""), "是空的"],
    ["binary", () => file("binary.txt", Buffer.from([0x01, 0x00, 0x02, 0x03])), "不是文本文件"],
    ["neither UTF-8 nor GBK", () => file("other.txt", Buffer.from([0xd0, 0xf2, 0x81, 0x20, 0x41])), "既不是 UTF-8 也不是 GBK"],
    ["a .docx that is no Word document", () => file("table.docx", Buffer.from("PK\u0003\u0004rest")), "不是有效的 Word 文档"],
    ["a PDF", () => file("plan.pdf", Buffer.from("%PDF-1.4 rest")), "SOIL 不能从 PDF 中读取表格"],
    ["text without a table", () => file("notice.txt", "关于印发土壤污染防治工作方案的通知\n各县（市、区）：\n"), "没有找到任务分工表"],
  ])("%s", async (_what, source, message) => {
    const out = path.join(dir, "out.xlsx");
    const { code, err, out: stdout } = await run("--source", source(), "--out", out);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toMatch(/^错误：/);
    expect(stdout).not.toContain("完成");
    expect(readdirSync(dir)).not.toContain("out.xlsx");
  });
});

describe("bad arguments", () => {
  test.each([
    [["--as-of", "2018-02-30"], "不是有效日期"],
    [["--as-of"], "缺少值"],
    [["--sauce", "x"], "不认识的参数"],
    [["--out", "a.xls"], "扩展名不是 .xlsx"],
    [["--out", "a.xlsx", "--out", "b.xlsx"], "重复出现"],
  ])("%j", async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

describe("unwritable output", () => {
  test("a path through a file: exit 2, Chinese message, nothing written", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "plain"), "x");
    const { code, err } = await run("--out", path.join(dir, "plain", "a.xlsx"));
    expect(code).toBe(2);
    expect(err).toContain("路径中有一段是文件而不是文件夹");
    expect(err).toContain("--out");
    expect(readdirSync(dir)).toEqual(["plain"]);
  });

  test("a workbook open in Excel/WPS (~$ owner file) or LibreOffice (.~lock file) is not overwritten", async () => {
    for (const lock of ["~$SOIL.xlsx", ".~lock.SOIL.xlsx#"]) {
      const dir = tempDir();
      writeFileSync(path.join(dir, "SOIL.xlsx"), "old");
      writeFileSync(path.join(dir, lock), "owner");
      const { code, err } = await run("--out", path.join(dir, "SOIL.xlsx"), "--force");
      expect(code).toBe(2);
      expect(err).toContain("正在被 Excel、WPS 或 LibreOffice 打开");
      expect(err).toContain("请先关闭该文件再重试");
      expect(readFileSync(path.join(dir, "SOIL.xlsx"), "utf8")).toBe("old");
      expect(readdirSync(dir).sort()).toEqual([lock, "SOIL.xlsx"].sort());
    }
  });

  test("a failed rename removes the temporary file and keeps what was there", async () => {
    const dir = tempDir();
    const target = path.join(dir, "book.xlsx");
    mkdirSync(target);
    writeFileSync(path.join(target, "keep.txt"), "x");
    const failure = writeFileAtomic(target, Buffer.from("new"));
    await expect(failure).rejects.toThrow(SoilUserError);
    await expect(failure).rejects.toThrow(/同名文件夹/);
    expect(readdirSync(dir)).toEqual(["book.xlsx"]);
    expect(readdirSync(target)).toEqual(["keep.txt"]);
  });

  test.each(["EBUSY", "EPERM", "EACCES"])("Windows locks (%s) say to close the file in Excel/WPS", (code) => {
    const error = writeError(Object.assign(new Error("rename failed"), { code }), "C:\\督办\\SOIL.xlsx", "file");
    expect(error).toBeInstanceOf(SoilUserError);
    expect(error.message).toBe(`无法写入“C:\\督办\\SOIL.xlsx”：文件正被其他程序打开，或没有写入权限（${code}）`);
    expect(error.hint).toContain("请先关闭再重试");
  });
});
