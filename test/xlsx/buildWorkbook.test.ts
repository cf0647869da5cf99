/**
 * The portable workbook as written, read back with exceljs: every formula comes from layout.ts,
 * text from the source stays text, the 说明 cells and the summary are where the formulas expect them.
 */
import ExcelJS from "exceljs";
import { dayFromIso, serialFromDay } from "../../src/core/dates";
import { SoilUserError } from "../../src/core/errors";
import {
  columnIndex,
  computedFormulas,
  GUIDE_CELLS,
  PORTABLE_GUIDE_TEXT,
  guideFormulas,
  portableSummaryRows,
  responsibleDepartments,
  SHEETS,
  SUMMARY_HEADERS,
  TASK_COLUMNS,
  taskRows,
} from "../../src/core";
import { allRequirements, ParsedTable } from "../../src/core/model";
import { BUNDLED_REGISTRY } from "../../src/core/presets";
import { workbookRegistry } from "../../src/core/tableRegistry";
import { parseTable } from "../../src/core/parseTable";
import { buildWorkbook, WorkbookOptions } from "../../src/xlsx/buildWorkbook";
import { ooxmlFormula } from "../../src/xlsx/cells";
import { FORMULA_TEXT_FILE, readTable, SEED_FILE } from "./seedTable";

const seed = readTable(SEED_FILE);

/** Written to bytes and read back: what a program opening the file gets. */
async function written(table: ParsedTable, options: WorkbookOptions = {}): Promise<ExcelJS.Workbook> {
  const bytes = await buildWorkbook(table, options).xlsx.writeBuffer();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  return book;
}

const cellOf = (sheet: ExcelJS.Worksheet, address: string) => sheet.getCell(address);

test("task rows: source values from taskRows, formulas exactly computedFormulas(row, portable)", async () => {
  const book = await written(seed, { asOf: dayFromIso("2018-12-20") });
  const sheet = book.getWorksheet(SHEETS.tasks)!;
  const expected = taskRows(seed, { flavor: "portable" });
  expect(sheet.rowCount).toBe(expected.length + 1);
  expected.forEach((cells, i) => {
    const row = sheet.getRow(i + 2);
    const formulas = computedFormulas(i + 2, "portable");
    TASK_COLUMNS.forEach((spec, c) => {
      const cell = row.getCell(c + 1);
      const value = cells[c];
      if (spec.role === "computed") {
        expect(cell.formula).toBe(ooxmlFormula(formulas[spec.key as keyof typeof formulas]));
      } else if (value !== null && typeof value === "object" && "date" in value) {
        expect(cell.value).toEqual(new Date(Date.UTC(1899, 11, 30) + serialFromDay(value.date) * 86_400_000));
      } else {
        expect([spec.header, cell.value ?? null]).toEqual([spec.header, value]);
      }
    });
  });
});

test("text that looks like a formula is written as a string, never as a formula", async () => {
  const table = readTable(FORMULA_TEXT_FILE);
  const texts = allRequirements(table).map((r) => r.text);
  expect(texts.map((t) => t.slice(0, 4))).toEqual(["=1+1", "+86 ", "-1 开", "@SUM", "=HYP"]);
  const sheet = (await written(table)).getWorksheet(SHEETS.tasks)!;
  texts.forEach((text, i) => {
    const cell = sheet.getCell(i + 2, columnIndex("text") + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(text);
    expect(cell.formula).toBeUndefined();
    // Text format, so that editing the cell in Excel keeps it text.
    expect(cell.numFmt).toBe("@");
  });
});

test("说明: =TODAY() by default, the fixed date with --as-of, then the report formulas and 30 days", async () => {
  const today = (await written(seed)).getWorksheet(SHEETS.guide)!;
  expect(cellOf(today, GUIDE_CELLS.asOf.address).formula).toBe("TODAY()");
  const fixed = (await written(seed, { asOf: dayFromIso("2018-03-15") })).getWorksheet(SHEETS.guide)!;
  expect(cellOf(fixed, GUIDE_CELLS.asOf.address).value).toEqual(new Date(Date.UTC(2018, 2, 15)));
  const formulas = guideFormulas("portable");
  for (const sheet of [today, fixed]) {
    for (const key of ["nextReport", "lastReport", "previousReport"] as const) {
      expect(cellOf(sheet, GUIDE_CELLS[key].address).formula).toBe(ooxmlFormula(formulas[key]));
      expect(cellOf(sheet, GUIDE_CELLS[key].address).numFmt).toBe("yyyy-mm-dd");
    }
    expect(cellOf(sheet, GUIDE_CELLS.dueSoonDays.address).value).toBe(30);
    for (const spec of Object.values(GUIDE_CELLS)) {
      expect(sheet.getCell(`A${spec.address.slice(1)}`).value).toBe(spec.label);
    }
    const column = sheet.getColumn(1).values.filter((v): v is string => typeof v === "string");
    // The portable file's own guide: nothing about the add-in it does not have.
    expect(column.slice(-PORTABLE_GUIDE_TEXT.length)).toEqual(PORTABLE_GUIDE_TEXT);
    expect(column.join("\n")).not.toMatch(/加载项时|重新导入|任务窗格/);
  }
});

test("部门汇总: header, then portableSummaryRows for the responsible departments (read from 单位名录) and the total", async () => {
  const sheet = (await written(seed)).getWorksheet(SHEETS.summary)!;
  expect(sheet.getRow(1).values).toEqual([undefined, ...SUMMARY_HEADERS]);
  const departments = responsibleDepartments(seed);
  const rows = portableSummaryRows(departments, allRequirements(seed).length, workbookRegistry(seed, BUNDLED_REGISTRY));
  expect(sheet.rowCount).toBe(rows.length + 1);
  rows.forEach((cells, i) => {
    cells.forEach((value, c) => {
      const cell = sheet.getCell(i + 2, c + 1);
      if (value !== null && typeof value === "object" && "formula" in value) expect(cell.formula).toBe(ooxmlFormula(value.formula));
      else expect(cell.value).toBe(value);
    });
  });
  expect(sheet.getCell(rows.length + 1, 1).value).toBe("合计");
});

test("metadata and calculation on load", async () => {
  const created = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  const book = buildWorkbook(seed, { created, sourceName: "分工表.txt" });
  expect(book.creator).toBe("SOIL");
  expect(book.title).toBe("土壤污染防治重点任务督办表");
  expect(book.description).toContain("分工表.txt");
  expect(book.created).toEqual(created);
  expect(book.calcProperties.fullCalcOnLoad).toBe(true);
});

test("long requirements get taller rows (Excel does not fit row heights when it opens a file)", async () => {
  const sheet = (await written(seed)).getWorksheet(SHEETS.tasks)!;
  const requirements = allRequirements(seed);
  const longest = requirements.reduce((best, r, i) => (r.text.length > requirements[best].text.length ? i : best), 0);
  // 工作要求 is 48 units wide, about 23 Chinese characters a line.
  const lines = Math.ceil(requirements[longest].text.length / 23);
  expect(lines).toBeGreaterThan(4);
  expect(sheet.getRow(longest + 2).height).toBeGreaterThanOrEqual(15 * lines);
  // 1.1: 工作要求 fits on one line, but 参与部门 (40 units: 40 × 23 / 48 ≈ 19 characters a line) names six bodies, 38 characters: 2 lines.
  expect(requirements[0].text.length).toBeLessThan(23);
  const partners = sheet.getRow(2).getCell(columnIndex("partners") + 1).value as string;
  expect(partners).toBe("市财政局、市国土资源局、市工业和信息化局、市农牧局、市林业局、市卫生计生委");
  const perLine = (TASK_COLUMNS[columnIndex("partners")].width * 23) / 48;
  expect(Math.ceil(partners.length / perLine)).toBe(2);
  expect(sheet.getRow(2).height).toBeGreaterThanOrEqual(15 * 2);
});

test("a table without any requirement is a user error, not a broken file", () => {
  expect(() => buildWorkbook(parseTable("没有表格的通知正文\n"))).toThrow(SoilUserError);
});
