/**
 * The portable workbook's 部门汇总 follows its 单位名录 (issue #13): each department row names the body from
 * the registry sheet, and counts the task rows whose 责任单位 holds its 规范名称, 简称 or any of its 别称. The
 * written file is edited the way an office would (exceljs), recalculated by LibreOffice, and compared with the
 * domain core summarising the same rows under the same renaming.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { dayFromIso } from "../../src/core/dates";
import {
  columnIndex,
  portableAliasLimit,
  portableSummaryRows,
  REGISTRY_HEADER_ROW,
  registryNote,
  responsibleDepartments,
  SHEETS,
  SUMMARY_HEADERS,
} from "../../src/core";
import { allRequirements } from "../../src/core/model";
import { BUNDLED_REGISTRY } from "../../src/core/presets";
import { ALIAS_SEPARATOR, REGISTRY_HEADERS } from "../../src/core/registry";
import { DepartmentSummary, SUMMARY_STATUSES, summarizeByDepartment } from "../../src/core/summary";
import { workbookRegistry } from "../../src/core/tableRegistry";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { expectedByCore, sampleInputs, typeInputs } from "./departmentInput";
import { readTable, SEED_FILE } from "./seedTable";
import { computedSheets, recalculatingProfile } from "./soffice";

const seed = readTable(SEED_FILE);
const inputs = sampleInputs(seed);
const AS_OF = dayFromIso("2018-12-20")!;
const departments = responsibleDepartments(seed);
const registry = workbookRegistry(seed, BUNDLED_REGISTRY);
const expected = expectedByCore(seed, inputs, AS_OF).rows;
const rowsOf = (name: string) => expected.filter((e) => e.requirement.responsible.includes(name));

// X: the body with the most rows, renamed. Y and Z: two bodies sharing a row, Y with rows of its own too; Y is
// folded into Z (Y's registry row cleared, Y made Z's last 别称 the formulas read).
const X = [...departments].sort((a, b) => rowsOf(b).length - rowsOf(a).length)[0];
const [Y, Z] = (() => {
  for (const e of expected) {
    const [a, b] = e.requirement.responsible;
    if (b === undefined || a === X || b === X) continue;
    if (rowsOf(a).some((r) => !r.requirement.responsible.includes(b))) return [a, b];
    if (rowsOf(b).some((r) => !r.requirement.responsible.includes(a))) return [b, a];
  }
  throw new Error("the seed has no joint row to fold");
})();
const RENAMED = `${X}（更名）`;
// A new 简称 of X (the bundled ones are also 别称), and one of X's rows written with it.
const X_SHORT = "更名后简称";
const SHORTENED = rowsOf(X)[0];
// A row of Z or Y (not both) whose 责任单位 is emptied: no 别称 list may count it.
const EMPTIED = [...rowsOf(Z), ...rowsOf(Y)].find((e) => !(e.requirement.responsible.includes(Y) && e.requirement.responsible.includes(Z)))!.requirement.id;

// A and B: renamed to names holding a 、 (as 各县（市、区）政府 does), the one not a piece of the other's.
// C: given a 别称 holding a 、 inside parentheses (an accepted proposal can be one): read whole, never in halves
// that would find A's rows.
const [A, B, C] = departments.filter((d) => ![X, Y, Z].includes(d) && rowsOf(d).length > 0).slice(0, 3);
const C_ALIAS = "各县（市、区）人民政府";
const WITH_COMMA: Record<string, string> = { [A]: "各县（市、区）政府", [B]: "各县（市、区）环保局" };
const withComma = (n: string) => WITH_COMMA[n] ?? n;

interface Case {
  name: string;
  edit: (book: ExcelJS.Workbook) => void;
  /** The 责任单位 of a row after the edit, as the core should read it. */
  responsible: (id: string, names: readonly string[]) => string[];
  /** The names column of 部门汇总 after the edit. */
  shown: (name: string) => string;
}

function registryRow(book: ExcelJS.Workbook, name: string): ExcelJS.Row {
  const sheet = book.getWorksheet(SHEETS.registry)!;
  for (let r = REGISTRY_HEADER_ROW + 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === name) return sheet.getRow(r);
  throw new Error(`${name} not in 单位名录`);
}

const aliasColumn = REGISTRY_HEADERS.indexOf("别称") + 1;
const aliasesOf = (row: ExcelJS.Row) => String(row.getCell(aliasColumn).value ?? "").split(ALIAS_SEPARATOR).filter(Boolean);

const CASES: Case[] = [
  { name: "unedited", edit: () => undefined, responsible: (_id, names) => [...names], shown: (n) => n },
  {
    name: "renamed",
    edit: (book) => {
      const row = registryRow(book, X);
      // Typed with a full-width comma, as offices do (the core reads it as a separator too).
      row.getCell(aliasColumn).value = [X, ...aliasesOf(row)].join("，");
      // Typed with stray spaces: one inside, a full-width one (as an IME types it) after it.
      row.getCell(1).value = `${RENAMED.slice(0, 2)} ${RENAMED.slice(2)}\u3000`;
      row.getCell(REGISTRY_HEADERS.indexOf("简称") + 1).value = X_SHORT;
      const tasks = book.getWorksheet(SHEETS.tasks)!;
      const cell = tasks.getCell(1 + expected.indexOf(SHORTENED) + 1, columnIndex("responsible") + 1);
      cell.value = String(cell.value).replace(X, X_SHORT);
    },
    responsible: (_id, names) => names.map((n) => (n === X ? RENAMED : n)),
    shown: (n) => (n === X ? RENAMED : n),
  },
  {
    name: "folded",
    edit: (book) => {
      const z = registryRow(book, Z);
      const own = aliasesOf(z);
      // Fillers up to the limit, Y in the last slot the formulas read.
      const fillers = Array.from({ length: portableAliasLimit(registry) - own.length - 1 }, (_, i) => `虚设单位${i + 1}`);
      // Y on a line of its own (Alt+Enter in the cell).
      z.getCell(aliasColumn).value = `${[...own, ...fillers].join(ALIAS_SEPARATOR)}\n${Y}`;
      const y = registryRow(book, Y);
      REGISTRY_HEADERS.forEach((_h, c) => (y.getCell(c + 1).value = null));
      const tasks = book.getWorksheet(SHEETS.tasks)!;
      for (let r = 2; r <= tasks.rowCount; r++) {
        if (tasks.getCell(r, columnIndex("id") + 1).value === EMPTIED) tasks.getCell(r, columnIndex("responsible") + 1).value = null;
      }
    },
    responsible: (id, names) => (id === EMPTIED ? [] : names.map((n) => (n === Y ? Z : n))),
    shown: (n) => (n === Y ? "" : n),
  },
  {
    name: "names-with-a-comma",
    edit: (book) => {
      const c = registryRow(book, C);
      c.getCell(aliasColumn).value = [...aliasesOf(c), C_ALIAS].join(ALIAS_SEPARATOR);
      for (const name of [A, B]) registryRow(book, name).getCell(1).value = WITH_COMMA[name];
      const tasks = book.getWorksheet(SHEETS.tasks)!;
      expected.forEach((e, i) => (tasks.getCell(2 + i, columnIndex("responsible") + 1).value = e.requirement.responsible.map(withComma).join("、")));
    },
    responsible: (_id, names) => names.map(withComma),
    shown: withComma,
  },
];

let work: string;
let profile: string;
const computed = new Map<string, string[][]>();

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "soil-registry-summary-"));
  profile = recalculatingProfile();
  const written = buildWorkbook(seed, { asOf: AS_OF });
  typeInputs(written, inputs);
  const buffer = await written.xlsx.writeBuffer();
  const files: string[] = [];
  for (const c of CASES) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as ArrayBuffer);
    c.edit(book);
    const file = path.join(work, `${c.name}.xlsx`);
    await book.xlsx.writeFile(file);
    files.push(file);
  }
  const sheets = computedSheets(files, [SHEETS.summary], path.join(work, "csv"), profile);
  CASES.forEach((c, i) => computed.set(c.name, sheets.get(files[i])!.get(SHEETS.summary)!));
}, 180_000);

afterAll(() => {
  for (const dir of [work, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const countsOf = (s: DepartmentSummary) => [s.total, ...SUMMARY_STATUSES.map((k) => s.byStatus[k]), s.feedbackLate];

function expectedSummary(c: Case): (string | number)[][] {
  const rows = expected.map((e) => ({ responsible: c.responsible(e.requirement.id, e.requirement.responsible), status: e.status, feedbackLate: e.feedbackLate }));
  const { departments: byName, total } = summarizeByDepartment(rows, departments.map(c.shown));
  const named = new Map(byName.map((s) => [s.department, s]));
  // A cleared body: its row shows nothing and counts nothing (an empty 规范名称 matches no 责任单位).
  return [...departments.map((d) => [c.shown(d), ...countsOf(named.get(c.shown(d))!)]), ["合计", ...countsOf(total)]];
}

describe.each(CASES.map((c) => [c.name, c] as const))("部门汇总 of the %s 单位名录, recalculated by LibreOffice", (_name, c) => {
  test("names and counts equal the core's summary of the rows read under that registry", () => {
    const [header, ...rows] = computed.get(c.name)!;
    expect(header).toEqual([...SUMMARY_HEADERS]);
    const actual = rows.map((r) => [r[0], ...r.slice(1, SUMMARY_HEADERS.length - 1).map(Number)]);
    expect(actual).toEqual(expectedSummary(c));
  });
});

test("the edits move counts as an office expects", () => {
  const row = (c: string, name: string) => computed.get(c)!.find((r) => r[0] === name)!;
  const unedited = (name: string) => row("unedited", name);
  // Renamed: the same counts under the new name (a row written with the 简称 included).
  expect(row("renamed", RENAMED).slice(1)).toEqual(unedited(X).slice(1));
  expect(computed.get("renamed")!.some((r) => r[0] === X)).toBe(false);
  // Folded: Z gains Y's rows it did not share (the shared row once), less the emptied row; the total stays.
  const shared = rowsOf(Y).filter((e) => e.requirement.responsible.includes(Z)).length;
  expect(shared).toBeGreaterThan(0);
  expect(Number(row("folded", Z)[1])).toBe(rowsOf(Z).length + rowsOf(Y).length - shared - 1);
  expect(row("folded", "合计")).toEqual(unedited("合计"));
  // A name holding a 、 is one name: A's rows are not counted for B, nor B's for A.
  expect(rowsOf(B).some((e) => !e.requirement.responsible.includes(A))).toBe(true);
  expect(row("names-with-a-comma", WITH_COMMA[A]).slice(1)).toEqual(unedited(A).slice(1));
  expect(row("names-with-a-comma", WITH_COMMA[B]).slice(1)).toEqual(unedited(B).slice(1));
  // C's 别称 with a 、 inside parentheses: no half of it finds A's 各县（市、区）政府 rows.
  expect(row("names-with-a-comma", C).slice(1)).toEqual(unedited(C).slice(1));
  // Joint responsibility: the shared rows count for each body.
  expect(Number(unedited(Y)[1]) + Number(unedited(Z)[1])).toBe(rowsOf(Y).length + rowsOf(Z).length);
});

test("each department row names its body from 单位名录; every formula is under Excel's 8,192 characters", () => {
  const rows = portableSummaryRows(departments, allRequirements(seed).length, registry);
  rows.slice(0, -1).forEach((cells, i) => {
    const at = registry.entries.findIndex((e) => e.name === departments[i]) + REGISTRY_HEADER_ROW + 1;
    expect(cells[0]).toEqual({ formula: `=SUBSTITUTE(SUBSTITUTE('${SHEETS.registry}'!$A$${at}," ",""),"\u3000","")` });
  });
  const formulas = rows.flat().flatMap((v) => (v !== null && typeof v === "object" && "formula" in v ? [v.formula] : []));
  expect(Math.max(...formulas.map((f) => f.length))).toBeLessThan(8192);
});

test("the 单位名录 note says how many 别称 部门汇总 reads and that rows are cleared, not deleted or sorted", () => {
  const sheet = buildWorkbook(seed, { asOf: AS_OF }).getWorksheet(SHEETS.registry)!;
  const note = sheet.getCell(REGISTRY_HEADER_ROW, REGISTRY_HEADERS.length + 2).value;
  expect(note).toBe(registryNote("portable", registry));
  // The bundled registry lists at most 3 别称 a body: 3 + 4 of room, at least 8.
  expect(portableAliasLimit(registry)).toBe(8);
  expect(note).toContain("前 8 个别称");
  expect(note).toMatch(/请勿删除整行或排序/);
});
