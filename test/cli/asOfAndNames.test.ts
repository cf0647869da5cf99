/**
 * The CLI as a clerk types it: several departments in one --department, the as-of date in Chinese or with
 * slashes, the workbook's own as-of date (说明!B2) where none is given, and npm eating the options when `--` is
 * forgotten.
 */
import { execFile } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { dayFromIso, dayFromSerial, GUIDE_CELLS, isoFromDay, SHEETS } from "../../src/core";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { readTable, SEED_FILE } from "../xlsx/seedTable";
import { runCapturing as run } from "./runCapturing";
import { runCli } from "../../src/cli/main";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;
/** A master whose 说明!B2 holds the fixed date 2018-12-20 (as the add-in writes it). */
let master: string;
/** The portable master: 说明!B2 is =TODAY(). */
let portable: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "soil-cli16-"));
  master = path.join(dir, "主表.xlsx");
  portable = path.join(dir, "便携主表.xlsx");
  await buildWorkbook(readTable(SEED_FILE), { asOf: dayFromIso("2018-12-20") }).xlsx.writeFile(master);
  await buildWorkbook(readTable(SEED_FILE), { asOf: null }).xlsx.writeFile(portable);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function asOfOfFile(file: string): Promise<string | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const value = workbook.getWorksheet(SHEETS.guide)!.getCell(GUIDE_CELLS.asOf.address).value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "number" ? isoFromDay(dayFromSerial(value)!) : JSON.stringify(value);
}

describe("export --department with several names", () => {
  test("“A,B” and “A、B” export both departments, each file with its own rows", async () => {
    for (const [i, names] of ["市农牧局,市林业局", "市农牧局、市林业局"].entries()) {
      const out = path.join(dir, `several-${i}`);
      const { code, out: printed, err } = await run("export", master, "--department", names, "--out", out);
      expect(err).toBe("");
      expect(code).toBe(0);
      expect(printed).toMatch(/市农牧局：\d+ 行/);
      expect(printed).toMatch(/市林业局：\d+ 行/);
      expect(printed).toContain("导出 2 个部门文件");
      expect(readdirSync(out).sort()).toEqual(["SOIL-市林业局.xlsx", "SOIL-市农牧局.xlsx"].sort());
    }
  });

  test("a name with no rows refuses the whole export: no file is written, the message names it", async () => {
    const out = path.join(dir, "refused");
    const { code, err } = await run("export", master, "--department", "市农牧局,市某某局", "--out", out);
    expect(code).toBe(2);
    expect(err).toContain("没有责任单位为“市某某局”的工作要求");
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe("as-of dates", () => {
  test.each(["2018-12-05", "2018/12/5", "2018年12月5日", "２０１８年１２月５日"])("--as-of %s is 2018-12-05", async (text) => {
    const out = path.join(dir, `asof-${Buffer.from(text).toString("hex")}`);
    const { code, err } = await run("export", master, "--department", "市林业局", "--out", out, "--as-of", text);
    expect(err).toBe("");
    expect(code).toBe(0);
    await expect(asOfOfFile(path.join(out, "SOIL-市林业局.xlsx"))).resolves.toBe("2018-12-05");
  });

  test("a date that is none gets the forms it may take", async () => {
    const { code, err } = await run("report", master, "--quarter", "2018Q4", "--as-of", "2018年13月5日");
    expect(code).toBe(2);
    expect(err).toContain("不是有效日期");
    expect(err).toContain("2018/12/5 或 2018年12月5日");
  });

  test("department files take the master's as-of date (说明!B2) when none is given; the portable master's =TODAY() stays =TODAY()", async () => {
    const fixed = path.join(dir, "fixed");
    expect((await run("export", master, "--department", "市林业局", "--out", fixed)).code).toBe(0);
    await expect(asOfOfFile(path.join(fixed, "SOIL-市林业局.xlsx"))).resolves.toBe("2018-12-20");
    const live = path.join(dir, "live");
    expect((await run("export", portable, "--department", "市林业局", "--out", live)).code).toBe(0);
    await expect(asOfOfFile(path.join(live, "SOIL-市林业局.xlsx"))).resolves.toContain("TODAY()");
  });

  test("report judges “not started” at the workbook's as-of date, not today", async () => {
    // Today (2026 or later) 2019Q1 has long started; at the master's 2018-12-20 it has not.
    const { code, err } = await run("report", master, "--quarter", "2019Q1", "--out", path.join(dir, "r.xlsx"));
    expect(code).toBe(2);
    expect(err).toContain("2019年第1季度尚未开始（统计日期为 2018-12-20）");
    const current = await run("report", master, "--quarter", "2018Q4", "--out", path.join(dir, "r4.xlsx"));
    expect(current.err).toBe("");
    expect(current.out).toContain("2018年第4季度报告（统计日期 2018-12-20）");
  });

  test("a department file given to report: the hint is about reports", async () => {
    const out = path.join(dir, "for-report");
    expect((await run("export", master, "--department", "市林业局", "--out", out)).code).toBe(0);
    const { code, err } = await run("report", path.join(out, "SOIL-市林业局.xlsx"), "--quarter", "2018Q4");
    expect(code).toBe(2);
    expect(err).toContain("是导出给部门的文件");
    expect(err).toMatch(/提示：季度报告按办公室的主表生成.*merge/);
    expect(err).not.toContain("合并时第一个文件");
  });
});

describe("a forgotten -- after npm run soil", () => {
  test("npm's own reading of the options (npm_config_*) is recognised and explained", async () => {
    let err = "";
    const code = await runCli(["export", "主表.xlsx", "市农牧局"], { stdout: () => undefined, stderr: (t) => (err += t) }, { npm_lifecycle_event: "soil", npm_config_department: "true" });
    expect(code).toBe(2);
    expect(err).toContain("npm 把 --department 当成了它自己的参数");
    expect(err).toContain("npm run soil -- export 主表.xlsx --department");
  });

  test("the same through npm itself", async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile("npm", ["run", "--silent", "soil", "export", master, "--department", "市农牧局"], { cwd: ROOT, timeout: 60_000 }, (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as NodeJS.ErrnoException & { code?: number }).code as unknown as number) : 0, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("npm 把 --department 当成了它自己的参数");
    expect(result.stderr).not.toContain("内部错误");
  }, 60_000);

  test("outside npm, or with --, nothing is said", async () => {
    const { code } = await run("export", master, "--department", "市林业局", "--out", path.join(dir, "plain"));
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, "plain", "SOIL-市林业局.xlsx")).length).toBeGreaterThan(1000);
  });
});
