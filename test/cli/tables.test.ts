/**
 * Other offices' tables through the CLI (issue #12): every form and layout is read by `parse` and
 * written by `workbook`; an unrecognised header is refused with the columns seen (exit 2, no file),
 * and read once the user says what the columns hold (--columns). The written workbook carries 类别 and
 * the kept columns after SOIL's own, read back with exceljs.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { TASK_HEADERS, SHEETS } from "../../src/core/layout";
import { runCapturing } from "./runCapturing";

const TABLES = path.resolve(__dirname, "../fixtures/tables");
const QUIRKS = path.resolve(__dirname, "../fixtures/quirks");
const fixture = (name: string) => path.join(TABLES, name);
const dir = mkdtempSync(path.join(os.tmpdir(), "soil-tables-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("soil parse reads every layout and form", () => {
  test.each([
    ["year-columns.txt", 3, 5],
    ["two-row-header.txt", 2, 3],
    ["sections.txt", 4, 4],
    ["no-number.txt", 3, 5],
    ["excel-paste.txt", 3, 3],
    ["merged.xlsx", 2, 3],
    ["merged.docx", 2, 3],
  ])("%s: %i tasks, %i requirements, exit 0", async (file, tasks, requirements) => {
    const { code, out, err } = await runCapturing("parse", fixture(file));
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toContain(`任务 ${tasks} 项，工作要求 ${requirements} 条`);
  });

  test("diagnostics name the task and the column", async () => {
    const { out } = await runCapturing("parse", fixture("no-number.txt"));
    expect(out).toContain("第6行 [注意] 完成时限“按省统一部署”无法识别，按时限待定处理〔任务2 · 完成时限〕");
  });

  test("--plan-year supplies the year of 年底前", async () => {
    const { out } = await runCapturing("parse", fixture("no-number.txt"), "--plan-year", "2020", "--json");
    expect(JSON.parse(out).tasks[0].requirements[0].deadline).toEqual({ raw: "年底前", kind: "by", date: "2020-12-31" });
  });
});

describe("an unrecognised header never gives a workbook on a guess", () => {
  test("parse and workbook refuse with the columns seen and how to say what they hold; no file is written", async () => {
    const parsed = await runCapturing("parse", fixture("unrecognised.txt"));
    expect(parsed.code).toBe(2);
    expect(parsed.err).toContain("看到的列：1 类别、2 事项、3 承办单位、4 办结时间");
    expect(parsed.err).toContain("--columns");
    const out = path.join(dir, "guess.xlsx");
    const written = await runCapturing("workbook", "--source", fixture("unrecognised.txt"), "--out", out);
    expect(written.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  test("a table without a header is read in the bundled order only once the order is confirmed", async () => {
    const out = path.join(dir, "noheader.xlsx");
    const refused = await runCapturing("workbook", "--source", path.join(QUIRKS, "no-header.txt"), "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("按默认顺序推测");
    expect(existsSync(out)).toBe(false);
    const confirmed = await runCapturing("workbook", "--source", path.join(QUIRKS, "no-header.txt"), "--out", out, "--columns", "1=no,2=lead,3=partners,4=task,5=text,6=responsible,7=deadline");
    expect(confirmed.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  test("--columns maps the header by name", async () => {
    const { code, out, err } = await runCapturing("parse", fixture("unrecognised.txt"), "--columns", "类别=task,事项=text,承办单位=responsible,办结时间=deadline");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toContain("任务 2 项，工作要求 2 条");
    expect(out).toContain("按确认的列对应关系读取表格");
  });

  test("a --columns word SOIL does not know is a clear mistake", async () => {
    const { code, err } = await runCapturing("parse", fixture("unrecognised.txt"), "--columns", "事项=要求");
    expect(code).toBe(2);
    expect(err).toContain("“要求”不是可用的用途");
  });
});

describe("soil workbook writes other tables with their own columns after SOIL's", () => {
  test.each(["merged.xlsx", "merged.docx", "year-columns.txt"])("%s", async (file) => {
    const out = path.join(dir, `${file}.xlsx`);
    const { code, err } = await runCapturing("workbook", "--source", fixture(file), "--out", out, "--as-of", "2019-06-01");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet(SHEETS.tasks)!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    // SOIL's columns first, where the functions read them; the source table's own after them.
    expect(headers.slice(0, TASK_HEADERS.length)).toEqual(TASK_HEADERS);
    const extra = headers.slice(TASK_HEADERS.length);
    if (file === "year-columns.txt") {
      expect(extra).toEqual(["备注"]);
      expect(sheet.getRow(2).getCell(TASK_HEADERS.length + 1).value).toBe("与省调查衔接");
      expect(sheet.getRow(2).getCell(1).value).toBe("1.1-2018");
    } else {
      expect(extra).toEqual(["类别", "备注"]);
      expect(sheet.getRow(2).getCell(TASK_HEADERS.length + 1).value).toBe("一、源头预防");
      expect(sheet.getRow(2).getCell(TASK_HEADERS.length + 2).value).toBe("按季度报送");
      expect(sheet.getRow(4).getCell(TASK_HEADERS.length + 1).value).toBe("二、风险管控");
    }
  });
});
