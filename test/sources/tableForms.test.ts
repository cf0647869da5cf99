/**
 * The same table in every form SOIL reads: the bundled plan as text, as a Word table and as an Excel
 * sheet (built here from the seed) gives the same model, lines included; and the merged-cell fixtures
 * (test/fixtures/tables/merged.xlsx / merged.docx, written by makeBinaryFixtures.ts beside them) match
 * their expected parse.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import { allRequirements, parseTable, tableToJson } from "../../src/core";
import { parseSource, readTableSource } from "../../src/sources/tableSource";
import { docxOf } from "../doubles/docx";
import { seedText } from "../doubles/seedVariants";
import { expectGolden } from "../golden/golden";

const DIR = path.resolve(__dirname, "../fixtures/tables");

async function seedXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("分工表");
  seedText()
    .split("\n")
    .forEach((line, r) => line.split("\t").forEach((c, k) => c !== "" && (sheet.getCell(r + 1, k + 1).value = /^\d+$/.test(c) ? Number(c) : c)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const model = (t: ReturnType<typeof parseTable>) => ({
  json: tableToJson(t),
  lines: allRequirements(t).map((r) => [r.id, r.line]),
});

describe("the bundled table in three forms gives one model", () => {
  const fromText = model(parseTable(seedText()));
  test(".docx", async () => {
    expect(model(parseSource(await readTableSource("分工表.docx", await docxOf(seedText().split("\n")))))).toEqual(fromText);
  });
  test(".xlsx", async () => {
    const fromXlsx = model(parseSource(await readTableSource("分工表.xlsx", await seedXlsx())));
    expect(fromXlsx).toEqual(fromText);
    expect(fromXlsx.lines).toHaveLength(195);
  });
});

describe("merged cells in .xlsx and .docx", () => {
  test.each(["merged.xlsx", "merged.docx"])("%s matches its expected parse", async (file) => {
    const table = parseSource(await readTableSource(file, readFileSync(path.join(DIR, file))));
    expectGolden(path.join(DIR, `${file}.expected.json`), JSON.stringify(tableToJson(table), null, 2) + "\n");
  });

  test("both forms give the same tasks: merges read as their top-left value, no merge copy is a second task or a warning", async () => {
    const [x, d] = await Promise.all(["merged.xlsx", "merged.docx"].map(async (f) => parseSource(await readTableSource(f, readFileSync(path.join(DIR, f))))));
    expect(tableToJson(x).tasks).toEqual(tableToJson(d).tasks);
    expect(x.tasks.map((t) => [t.no, t.title, t.category, t.requirements.map((r) => r.id)])).toEqual([
      [1, "严控污染源", "一、源头预防", ["1.1", "1.2"]],
      [2, "管控农用地", "二、风险管控", ["2.1"]],
    ]);
    // A line break in a cell separates two names; the date cell reads as Excel shows it.
    expect(x.tasks[0].partners).toEqual(["市工业和信息化局", "市发展改革委", "市环境保护局"]);
    expect(x.tasks[0].requirements[0].deadline.raw).toBe("2019年6月30日");
    expect(x.tasks[0].requirements[0].extras).toEqual({ 备注: "按季度报送" });
    expect(x.diagnostics.filter((d) => ["duplicate-task", "sub-block", "department-split"].includes(d.code))).toEqual([]);
    expect(x.diagnostics[0].message).toBe("读取工作表“分工”（工作簿共 2 张：分工、说明）");
  });

  test("another sheet by name or number; a sheet that is not there is named with the ones that are", async () => {
    const bytes = readFileSync(path.join(DIR, "merged.xlsx"));
    const second = await readTableSource("merged.xlsx", bytes, { sheet: "2" });
    expect(second.kind === "grid" && second.sheetName).toBe("说明");
    await expect(readTableSource("merged.xlsx", bytes, { sheet: "汇总" })).rejects.toMatchObject({ hint: expect.stringMatching(/分工、说明/) });
  });
});
