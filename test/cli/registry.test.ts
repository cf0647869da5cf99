/** `--registry` and the 督办规则 options of `soil parse` / `npm run workbook` (issue #13). */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { BUNDLED_SOURCE } from "../../src/cli/source";
import { columnIndex, GUIDE_CELLS, SHEETS, TABLE_HEADERS } from "../../src/core";
import { readDepartmentWorkbook, readMasterWorkbook } from "../../src/xlsx/readWorkbook";
import { runCapturing as run } from "./runCapturing";

const COUNTY = [
  TABLE_HEADERS.join("\t"),
  ["1", "县环境保护局", "县农业局", "（一）开展详查。", "开展农用地详查。", "县环境保护局", "2018年底"].join("\t"),
  ["", "", "", "", "建立详查数据库。", "县环保局、县农业局", "2019年6月"].join("\t"),
].join("\n");

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "soil-registry-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

function responsibleOf(out: string): string[] {
  const json = JSON.parse(out);
  return json.tasks.flatMap((t: { requirements: { responsible: string[] }[] }) => t.requirements.map((r) => r.responsible.join("、")));
}

describe("soil parse --registry", () => {
  test("a county's table: its own registry by default; under 邯郸市2017 its bodies are additions, never a refusal", async () => {
    const county = file("某县.txt", COUNTY);
    const own = await run("parse", county);
    expect(own.code).toBe(0);
    expect(own.out).toContain("单位名录：本表（2 个单位）");
    expect(own.out).toContain("分工表中的单位都在单位名录中");
    const handan = await run("parse", county, "--registry", "handan-2017");
    expect(handan.code).toBe(0);
    expect(handan.out).toContain("单位名录：邯郸市2017（36 个单位）");
    expect(handan.out).toContain("3 个单位将加入单位名录：县环境保护局、县环保局、县农业局");
    expect(handan.out).toContain("“县环保局”可能是“县环境保护局”的别称");
  });

  test("the reform preset reads the bundled table under the 2019 names", async () => {
    const { code, out } = await run("parse", BUNDLED_SOURCE, "--json", "--registry", "2018–19机构改革");
    expect(code).toBe(0);
    const responsible = responsibleOf(out);
    expect(responsible[0]).toBe("市生态环境局");
    expect(responsible.join("、")).not.toMatch(/市环境保护局|市农牧局|市国土资源局/);
  });

  test("an office's own TSV: 县农业局 is its own body, and an alias holds only there", async () => {
    const tsv = file("名录.tsv", "规范名称\t别称\t简称\t类别\t备注\n县生态环境分局\t县环境保护局、县环保局\t\t县直部门\t\n县农业局\t\t\t县直部门\t\n");
    const { code, out } = await run("parse", file("某县2.txt", COUNTY), "--json", "--registry", tsv);
    expect(code).toBe(0);
    expect(responsibleOf(out)).toEqual(["县生态环境分局", "县生态环境分局、县农业局"]);
  });

  test("a workbook's 单位名录 sheet as the registry, and bad registries refused with a Chinese message", async () => {
    const out = path.join(dir, "book.xlsx");
    expect((await run("workbook", "--source", BUNDLED_SOURCE, "--out", out, "--registry", "reform-2019")).code).toBe(0);
    const parsed = await run("parse", BUNDLED_SOURCE, "--json", "--registry", out);
    expect(parsed.code).toBe(0);
    expect(responsibleOf(parsed.out)[0]).toBe("市生态环境局");
    const unknown = await run("parse", BUNDLED_SOURCE, "--registry", "上海市");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/不认识的单位名录“上海市”/);
    const clash = await run("parse", BUNDLED_SOURCE, "--registry", file("冲突.tsv", "规范名称\t别称\n甲局\t乙局\n乙局\t\n"));
    expect(clash.code).toBe(2);
    expect(clash.err).toMatch(/“乙局”同时属于“甲局”和“乙局”/);
  });
});

describe("npm run workbook: 督办规则 options", () => {
  test("--cadence 每月 --report-day 28 is written into 说明; a day past the 28th is refused", async () => {
    const out = path.join(dir, "monthly.xlsx");
    const result = await run("workbook", "--source", BUNDLED_SOURCE, "--out", out, "--cadence", "每月", "--report-day", "28", "--plan-name", "某市土壤方案");
    expect(result.code).toBe(0);
    expect(result.out).toContain("督办规则：每月28日前反馈进展");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const guide = book.getWorksheet(SHEETS.guide)!;
    expect([GUIDE_CELLS.cadence, GUIDE_CELLS.reportDay, GUIDE_CELLS.planName].map((c) => guide.getCell(c.address).value)).toEqual(["每月", 28, "某市土壤方案"]);
    expect(book.getWorksheet(SHEETS.registry)!.getCell("A2").value).toBe("市环境保护局");
    const bad = await run("workbook", "--source", BUNDLED_SOURCE, "--out", path.join(dir, "bad.xlsx"), "--report-day", "31");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/反馈截止日“31”无效/);
  });
});

describe("department files follow the master's 单位名录", () => {
  test("a county's master: one file per county body, the collective 各有关部门 (泛指) gets none", async () => {
    const source = file(
      "某县-有关.txt",
      [
        TABLE_HEADERS.join("\t"),
        ["1", "县环境保护局", "", "（一）开展详查。", "开展农用地详查。", "县环境保护局、县有关部门", "2018年底"].join("\t"),
        ["", "", "", "", "建立详查数据库。", "县农业局", "2019年6月"].join("\t"),
      ].join("\n"),
    );
    const master = path.join(dir, "county-master.xlsx");
    expect((await run("workbook", "--source", source, "--out", master)).code).toBe(0);
    const out = path.join(dir, "county-files");
    const exported = await run("export", master, "--out", out, "--as-of", "2019-01-15");
    expect(exported.code).toBe(0);
    const { readdirSync } = await import("fs");
    expect(readdirSync(out).sort()).toEqual(["SOIL-县农业局.xlsx", "SOIL-县环境保护局.xlsx"].sort());
  });

  test("export and merge read the master's 单位名录: 县环保局 is 县环境保护局 there (and not in the bundled registry)", async () => {
    const source = file("某县-别称.txt", COUNTY);
    const master = path.join(dir, "county-alias-master.xlsx");
    expect((await run("workbook", "--source", source, "--out", master)).code).toBe(0);
    // The office retypes 1.2's 责任单位 with the short name its 单位名录 lists as an alias.
    const office = new ExcelJS.Workbook();
    await office.xlsx.readFile(master);
    const tasks = office.getWorksheet(SHEETS.tasks)!;
    expect(tasks.getRow(3).getCell(1).value).toBe("1.2");
    tasks.getRow(3).getCell(columnIndex("responsible") + 1).value = "县环保局、县农业局";
    await office.xlsx.writeFile(master);
    const out = path.join(dir, "county-alias-files");
    expect((await run("export", master, "--department", "县环保局", "--out", out, "--as-of", "2019-01-15")).code).toBe(0);
    // Both requirements are the body's: 1.2 names it by the alias the master's registry holds.
    const fileName = path.join(out, "SOIL-县环境保护局.xlsx");
    const returned = await readDepartmentWorkbook(readFileSync(fileName));
    expect(returned.table.rows.map((r) => r[0])).toEqual(["1.1", "1.2"]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(fileName);
    book.getWorksheet(SHEETS.tasks)!.getRow(3).getCell(columnIndex("progress") + 1).value = "推进中";
    await book.xlsx.writeFile(fileName);
    const merged = path.join(dir, "county-alias-merged.xlsx");
    const result = await run("merge", master, fileName, "--out", merged);
    expect(result.code).toBe(0);
    const after = await readMasterWorkbook(readFileSync(merged), "merged.xlsx");
    const row = after.table.rows.find((r) => r[0] === "1.2")!;
    expect(row[columnIndex("progress")]).toBe("推进中");
  });
});

