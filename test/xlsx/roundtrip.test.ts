/**
 * The portable workbook survives LibreOffice: opened there, it shows the frozen header; saved back
 * as .xlsx (soffice --convert-to) and read with exceljs, it keeps the 状态 dropdowns, the table and
 * its autofilter, the date formats, the hidden helper columns and the status colours.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { dayFromIso } from "../../src/core/dates";
import {
  columnLetter,
  DATE_FORMAT,
  PERCENT_FORMAT,
  SHEETS,
  STATUS_LIST,
  STATUS_STYLES,
  statusRuleFormula,
  SUMMARY_HEADERS,
  TASK_COLUMNS,
  TASK_HEADERS,
  TASK_TABLE,
} from "../../src/core";
import { EXPORT_KEY_SHEET } from "../../src/core/exportRecord";
import { allRequirements } from "../../src/core/model";
import { PRINT_SHEET } from "../../src/core/printSetup";
import { DUE_STATUSES } from "../../src/core/status";
import { argb, ooxmlFormula } from "../../src/xlsx/cells";
import { writeWorkbookFile } from "../../src/xlsx/writeWorkbookFile";
import { readTable, SEED_FILE } from "./seedTable";
import { convert, FrozenPanes, frozenPanes, recalculatingProfile } from "./soffice";

const table = readTable(SEED_FILE);
const ROWS = allRequirements(table).length;
const LAST_ROW = ROWS + 1;
const LAST_COLUMN = columnLetter(TASK_COLUMNS.length - 1);

let work: string;
let profile: string;
const books: Record<"written" | "after LibreOffice", ExcelJS.Workbook> = {} as never;
let panes: FrozenPanes[];

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "soil-roundtrip-"));
  profile = recalculatingProfile();
  const file = path.join(work, "SOIL.xlsx");
  await writeWorkbookFile(table, file, { asOf: dayFromIso("2018-12-20") });
  convert([file], "xlsx:Calc Office Open XML", path.join(work, "lo"), profile);
  panes = frozenPanes(file, profile);
  for (const [name, f] of [
    ["written", file],
    ["after LibreOffice", path.join(work, "lo", "SOIL.xlsx")],
  ] as const) {
    books[name] = new ExcelJS.Workbook();
    await books[name].xlsx.readFile(f);
  }
}, 180_000);

afterAll(() => {
  for (const dir of [work, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const tasks = (book: ExcelJS.Workbook) => book.getWorksheet(SHEETS.tasks)!;
// exceljs keeps these parsed parts in the sheet model but does not type them.
interface SheetModel {
  tables?: { name: string; tableRef: string; autoFilterRef: string; columns: { name: string }[] }[];
  dataValidations?: Record<string, ExcelJS.DataValidation | undefined>;
  conditionalFormattings?: { ref: string; rules: (ExcelJS.ConditionalFormattingRule & { formulae?: string[]; color?: { argb: string } })[] }[];
}
const model = (sheet: ExcelJS.Worksheet) => sheet.model as unknown as SheetModel;

test("LibreOffice opens the file with the header rows of 任务清单, 部门汇总 and 打印清单 frozen", () => {
  // The probe cannot show the very hidden key sheet: it reports the view of the sheet shown before it.
  expect(panes.filter((p) => p.frozen && p.sheet !== EXPORT_KEY_SHEET)).toEqual([
    { sheet: SHEETS.tasks, frozen: true, splitRow: 1, splitColumn: 0 },
    { sheet: SHEETS.summary, frozen: true, splitRow: 1, splitColumn: 0 },
    { sheet: PRINT_SHEET, frozen: true, splitRow: 1, splitColumn: 0 },
  ]);
});

test("the written file freezes the header row of 任务清单", () => {
  expect(tasks(books.written).views[0]).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
});

describe.each(["written", "after LibreOffice"] as const)("%s", (name) => {
  test("sheets in order, metadata", () => {
    const book = books[name];
    // The signing key of department-file exports sits in a very hidden sheet at the end (core/exportRecord.ts).
    expect(book.worksheets.map((s) => s.name)).toEqual([SHEETS.tasks, SHEETS.summary, SHEETS.guide, SHEETS.registry, PRINT_SHEET, EXPORT_KEY_SHEET]);
    // LibreOffice has no "very hidden": it keeps the sheet hidden.
    expect(book.getWorksheet(EXPORT_KEY_SHEET)!.state).toBe(name === "written" ? "veryHidden" : "hidden");
    expect(book.creator).toBe("SOIL");
    expect(book.title).toBe("土壤污染防治重点任务督办表");
  });

  test(`the table ${TASK_TABLE} with its autofilter covers the header and every requirement`, () => {
    const found = model(tasks(books[name])).tables ?? [];
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: TASK_TABLE, tableRef: `A1:${LAST_COLUMN}${LAST_ROW}`, autoFilterRef: `A1:${LAST_COLUMN}${LAST_ROW}` });
    expect(found[0].columns.map((c) => c.name)).toEqual(TASK_HEADERS);
    expect(tasks(books[name]).getRow(1).values).toEqual([undefined, ...TASK_HEADERS]);
  });

  test("every 状态 cell has the dropdown 未启动/推进中/已完成", () => {
    const validations = model(tasks(books[name])).dataValidations ?? {};
    const letter = columnLetter(TASK_COLUMNS.findIndex((c) => c.key === "progress"));
    for (let row = 2; row <= LAST_ROW; row++) {
      const v = validations[`${letter}${row}`];
      expect(v?.type).toBe("list");
      expect(v?.formulae[0]).toBe(`"${STATUS_LIST.join(",")}"`);
      expect(v?.showErrorMessage).toBe(true);
    }
  });

  test("最近反馈日期 and 完成日期 take only dates from 2000-01-01 on", () => {
    const validations = model(tasks(books[name])).dataValidations ?? {};
    for (const key of ["lastFeedback", "completedOn"]) {
      const letter = columnLetter(TASK_COLUMNS.findIndex((c) => c.key === key));
      for (let row = 2; row <= LAST_ROW; row++) {
        const v = validations[`${letter}${row}`];
        expect([key, row, v?.type, v?.operator, Number(v?.formulae[0])]).toEqual([key, row, "date", "greaterThanOrEqual", 36526]);
      }
    }
  });

  test("date columns carry yyyy-mm-dd on every data row; helper columns stay hidden; widths from the layout", () => {
    const sheet = tasks(books[name]);
    TASK_COLUMNS.forEach((spec, i) => {
      const column = sheet.getColumn(i + 1);
      expect([spec.header, column.hidden]).toEqual([spec.header, spec.hidden === true]);
      expect([spec.header, column.width]).toEqual([spec.header, spec.width]);
      if (spec.format !== "date") return;
      for (let row = 2; row <= LAST_ROW; row++) expect([spec.header, row, sheet.getCell(row, i + 1).numFmt]).toEqual([spec.header, row, DATE_FORMAT]);
    });
    expect(sheet.getCell("G2").value).toEqual(new Date(Date.UTC(2018, 11, 31)));
  });

  test("status colours: one expression rule per coloured 到期状态 over the whole rows", () => {
    const formats = model(tasks(books[name])).conditionalFormattings ?? [];
    expect([...new Set(formats.map((f) => f.ref))]).toEqual([`A2:${LAST_COLUMN}${LAST_ROW}`]);
    const rules = formats.flatMap((f) => f.rules);
    const byFormula = new Map(rules.map((r) => [r.formulae?.[0], r]));
    for (const status of DUE_STATUSES) {
      const style = STATUS_STYLES[status];
      if (!style) continue;
      const rule = byFormula.get(ooxmlFormula(statusRuleFormula(status)));
      expect(rule?.type).toBe("expression");
      expect(rule?.style?.fill).toMatchObject({ bgColor: { argb: argb(style.fill) } });
      expect(rule?.style?.font?.color).toEqual({ argb: argb(style.font) });
    }
    expect(rules).toHaveLength(Object.keys(STATUS_STYLES).length);
  });

  test("部门汇总: percent format and data bars on 已逾期 and 完成率", () => {
    const sheet = books[name].getWorksheet(SHEETS.summary)!;
    const percent = SUMMARY_HEADERS.indexOf("完成率") + 1;
    expect(sheet.getCell(2, percent).numFmt).toBe(PERCENT_FORMAT);
    const bars = (model(sheet).conditionalFormattings ?? []).filter((f) => f.rules.some((r) => r.type === "dataBar"));
    const letterOf = (header: (typeof SUMMARY_HEADERS)[number]) => columnLetter(SUMMARY_HEADERS.indexOf(header));
    const departments = sheet.rowCount - 2; // header and 合计
    expect(bars.map((b) => b.ref).sort()).toEqual([`${letterOf("已逾期")}2:${letterOf("已逾期")}${departments + 1}`, `${letterOf("完成率")}2:${letterOf("完成率")}${departments + 1}`].sort());
  });
});
