/**
 * Department files end to end with real files: the office's master (buildWorkbook, some typed values)
 * → `soil export` → departments edit their files (exceljs; one file re-saved by LibreOffice) while the
 * office edits the master → `soil merge` → LibreOffice recalculates the merged master and the exported
 * file, and their computed cells follow the merged inputs.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { runCli } from "../../src/cli/main";
import {
  columnIndex,
  ColumnKey,
  dayFromIso,
  DEPARTMENT_INFO_SHEET,
  departmentFileName,
  departmentRowIndexes,
  MERGE_LOG_HEADERS,
  MERGE_LOG_SHEET,
  SHEETS,
  SUMMARY_HEADERS,
  TASK_HEADERS,
  TASK_TABLE,
  COLUMNS_BEFORE_PARTNERS,
} from "../../src/core";
import { allRequirements } from "../../src/core/model";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { readDepartmentWorkbook, readMasterWorkbook } from "../../src/xlsx/readWorkbook";
import { DepartmentInput, expectedByCore, typeInputs } from "./departmentInput";
import { readTable, SEED_FILE } from "./seedTable";
import { computedSheets, convert, parseCsv, recalculatingProfile } from "./soffice";

const AS_OF = "2018-12-20";
const day = (iso: string) => dayFromIso(iso)!;
const table = readTable(SEED_FILE);
const ENV = "市环境保护局";
const FARM = "市农牧局";
const col = (key: ColumnKey) => columnIndex(key) + 1;

let work: string;
let profile: string;
/** own: 市环境保护局's rows it shares with nobody else of the two. */
let ids: { env: string[]; own: string[]; farm: string[]; shared: string; farmOnly: string };
/** Inputs the office typed before the export. */
const typedBefore = new Map<string, DepartmentInput>();
const logs: Record<string, string> = {};
let merged: Map<string, string[][]>;
let envFile: Map<string, string[][]>;
let mergeLog: string[][];
/** The master written before 参与部门 after the merge, as LibreOffice computed it. */
let olderMerged: Map<string, string[][]>;
const OLDER_MERGED = "旧版合并.xlsx";
/** Another office's table (类别 after SOIL's columns), for the master written before 参与部门. */
const SECTIONS = readTable(path.resolve(__dirname, "../fixtures/tables/sections.txt"));

/**
 * A master as SOIL wrote it before 参与部门 (issue #13): the same workbook without that column, so 类别 is
 * in its place; exported for 市环境保护局, filled in, merged back with `soil merge`.
 */
async function olderMasterMerged(): Promise<void> {
  const master = path.join(work, "旧版主表.xlsx");
  const book = buildWorkbook(SECTIONS, { asOf: day(AS_OF) });
  const table = book.getWorksheet(SHEETS.tasks)!.getTable(TASK_TABLE) as unknown as { removeColumns(at: number, count: number): void; commit(): void };
  table.removeColumns(COLUMNS_BEFORE_PARTNERS, 1);
  table.commit();
  await book.xlsx.writeFile(master);
  await cli("export", master, "--out", path.join(work, "旧版导出"), "--department", ENV, "--as-of", AS_OF);
  const file = path.join(work, "旧版导出", departmentFileName(ENV));
  await editWorkbook(file, (_sheet, rowOf) => {
    rowOf("2.1").getCell(col("notes")).value = "平台已上线";
    rowOf("2.1").getCell(col("progress")).value = "已完成";
    rowOf("2.1").getCell(col("completedOn")).value = new Date(Date.UTC(2018, 11, 1));
  });
  logs.olderMerge = await cli("merge", master, file, "--out", path.join(work, OLDER_MERGED));
}

async function cli(...argv: string[]): Promise<string> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  if (code !== 0) throw new Error(`soil ${argv.join(" ")} → ${code}: ${err}`);
  return out;
}

async function editWorkbook(file: string, edit: (sheet: ExcelJS.Worksheet, rowOf: (id: string) => ExcelJS.Row) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet(SHEETS.tasks)!;
  const rowOf = (id: string) => {
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === id) return sheet.getRow(r);
    throw new Error(`no row ${id}`);
  };
  edit(sheet, rowOf);
  await book.xlsx.writeFile(file);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "soil-depfiles-"));
  profile = recalculatingProfile();
  const requirements = allRequirements(table);
  const of = (d: string) => requirements.filter((r) => r.responsible.includes(d)).map((r) => r.id);
  const env = of(ENV);
  const farm = of(FARM);
  const own = env.filter((id) => !farm.includes(id));
  ids = { env, own, farm, shared: env.find((id) => farm.includes(id))!, farmOnly: farm.find((id) => !env.includes(id))! };
  typedBefore.set(own[0], { progress: "推进中", notes: "已部署", lastFeedback: day("2018-07-09") });
  typedBefore.set(own[3], { progress: "推进中", notes: "办公室原有记录" });

  // The office's master, with what was typed before the export.
  const master = path.join(work, "主表.xlsx");
  const book = buildWorkbook(table, { asOf: day(AS_OF) });
  typeInputs(book, typedBefore);
  await book.xlsx.writeFile(master);

  logs.export = await cli("export", master, "--out", path.join(work, "export"), "--as-of", AS_OF);
  const envPath = path.join(work, "export", departmentFileName(ENV));
  const farmPath = path.join(work, "export", departmentFileName(FARM));

  // 市环境保护局 edits with Excel-like writes: sorts (rows reordered), fills in, edits a structure cell,
  // types into a row of 市农牧局's that it pasted into its file, and a date as text.
  writeFileSync(path.join(work, "env-exported.xlsx"), readFileSync(envPath));
  await editWorkbook(envPath, (sheet, rowOf) => {
    const a = rowOf(own[1]);
    const b = rowOf(own[5]);
    for (let c = 1; c <= TASK_HEADERS.length; c++) {
      if (c >= col("dueStatus") && c <= col("feedbackLate")) continue;
      const v = a.getCell(c).value;
      a.getCell(c).value = b.getCell(c).value;
      b.getCell(c).value = v;
    }
    rowOf(own[1]).getCell(col("progress")).value = "已完成";
    rowOf(own[1]).getCell(col("completedOn")).value = new Date(Date.UTC(2018, 10, 30));
    rowOf(own[0]).getCell(col("lastFeedback")).value = "2018年12月10日";
    rowOf(own[3]).getCell(col("notes")).value = "部门改过";
    rowOf(own[2]).getCell(col("text")).value = "部门改写的工作要求";
    rowOf(ids.shared).getCell(col("notes")).value = "环保局：已联合推进";
    const extra = sheet.getRow(sheet.rowCount + 1);
    extra.getCell(col("id")).value = ids.farmOnly;
    extra.getCell(col("responsible")).value = FARM;
    extra.getCell(col("progress")).value = "已完成";
  });
  // 市农牧局 edits its file, which LibreOffice then re-saves (another program's .xlsx).
  await editWorkbook(farmPath, (_sheet, rowOf) => {
    rowOf(ids.shared).getCell(col("notes")).value = "农牧局：已联合推进";
    rowOf(ids.farmOnly).getCell(col("lastFeedback")).value = new Date(Date.UTC(2018, 11, 5));
    rowOf(ids.farmOnly).getCell(col("progress")).value = "推进中";
  });
  convert([farmPath], "xlsx:Calc Office Open XML", path.join(work, "lo"), profile);

  // Meanwhile the office edits the master: a cell 市环境保护局 also changes.
  const office = new ExcelJS.Workbook();
  await office.xlsx.readFile(master);
  const tasks = office.getWorksheet(SHEETS.tasks)!;
  for (let r = 2; r <= tasks.rowCount; r++) if (tasks.getRow(r).getCell(1).value === own[3]) tasks.getRow(r).getCell(col("notes")).value = "办公室改过";
  await office.xlsx.writeFile(master);

  logs.merge = await cli("merge", master, envPath, path.join(work, "lo", departmentFileName(FARM)), "--out", path.join(work, "合并.xlsx"));

  await olderMasterMerged();

  const sheets = computedSheets(
    [path.join(work, "合并.xlsx"), path.join(work, "env-exported.xlsx"), path.join(work, OLDER_MERGED)],
    [SHEETS.tasks, SHEETS.summary, SHEETS.guide],
    path.join(work, "csv"),
    profile,
  );
  merged = sheets.get(path.join(work, "合并.xlsx"))!;
  envFile = sheets.get(path.join(work, "env-exported.xlsx"))!;
  olderMerged = sheets.get(path.join(work, OLDER_MERGED))!;
  mergeLog = parseCsv(readFileSync(path.join(work, "csv", `合并-${MERGE_LOG_SHEET}.csv`), "utf8"));
}, 300_000);

afterAll(() => {
  for (const dir of [work, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What the merge should have made of the typed cells. */
function mergedInputs(): Map<string, DepartmentInput> {
  const inputs = new Map([...typedBefore].map(([k, v]) => [k, { ...v }]));
  const set = (id: string, input: DepartmentInput) => inputs.set(id, { ...inputs.get(id), ...input });
  set(ids.own[1], { progress: "已完成", completedOn: day("2018-11-30") });
  set(ids.own[0], { lastFeedback: day("2018-12-10") });
  set(ids.own[3], { notes: "办公室改过" });
  set(ids.shared, { notes: "环保局：已联合推进" });
  set(ids.farmOnly, { progress: "推进中", lastFeedback: day("2018-12-05") });
  return inputs;
}

test("soil export writes one file per department, each with only its rows", async () => {
  expect(logs.export).toContain(`${ENV}：${ids.env.length} 行`);
  const files = [ENV, FARM].map((d) => path.join(work, "export", departmentFileName(d)));
  files.forEach((f) => expect(existsSync(f)).toBe(true));
  const exported = await readDepartmentWorkbook(readFileSync(path.join(work, "env-exported.xlsx")));
  expect(exported.department).toBe(ENV);
  expect(exported.table.rows.map((r) => r[0])).toEqual(ids.env);
  expect([...exported.baseline.keys()]).toEqual(ids.env);
  const master = await readMasterWorkbook(readFileSync(path.join(work, "主表.xlsx")));
  expect(departmentRowIndexes(master.table, "市环保局").map((i) => master.table.rows[i][0])).toEqual(ids.env);
  // The baseline sheet is hidden from the department, the task sheet protected with department columns open.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(work, "env-exported.xlsx"));
  expect(book.getWorksheet(DEPARTMENT_INFO_SHEET)!.state).toBe("veryHidden");
  const tasks = book.getWorksheet(SHEETS.tasks)!;
  expect((tasks as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  expect(tasks.getRow(2).getCell(col("notes")).protection).toMatchObject({ locked: false });
  expect(tasks.getRow(2).getCell(col("text")).protection).toBeUndefined();
  expect(tasks.getRow(2).getCell(col("extensionDecision")).protection).toBeUndefined();
});

test("the file re-saved by LibreOffice is still read as 市农牧局's file", async () => {
  const returned = await readDepartmentWorkbook(readFileSync(path.join(work, "lo", departmentFileName(FARM))));
  expect(returned.department).toBe(FARM);
  expect(returned.baseline.size).toBe(ids.farm.length);
  expect(returned.overwrittenFormulas).toEqual([]);
});

test("LibreOffice recalculates the exported file: its computed cells are right for its rows", () => {
  const [header, ...rows] = envFile.get(SHEETS.tasks)!;
  expect(header).toEqual(TASK_HEADERS);
  const expected = expectedByCore(table, typedBefore, day(AS_OF)).rows.filter((e) => e.requirement.responsible.includes(ENV));
  const c = (key: ColumnKey) => columnIndex(key);
  expect(rows.map((r) => [r[c("id")], r[c("dueStatus")], r[c("daysLeft")], r[c("feedbackLate")]])).toEqual(
    expected.map((e) => [e.requirement.id, e.status, e.daysLeft === null ? "" : String(e.daysLeft), e.feedbackLate ? "是" : "否"]),
  );
  const [, dept, total] = envFile.get(SHEETS.summary)!;
  expect(dept.slice(0, 2)).toEqual([ENV, String(ids.env.length)]);
  expect(total.slice(0, 2)).toEqual(["合计", String(ids.env.length)]);
});

test("soil merge reports each file", () => {
  expect(logs.merge).toContain(`${ENV}：文件中 ${ids.env.length + 1} 行，可合并 ${ids.env.length} 行；更新 4 个单元格（3 行）`);
  expect(logs.merge).toContain("冲突 1 个");
  expect(logs.merge).toContain(`${FARM}：文件中 ${ids.farm.length} 行，可合并 ${ids.farm.length} 行；更新 2 个单元格（1 行）`);
});

test("LibreOffice recalculates the merged master: typed cells and computed columns follow the merged inputs", () => {
  const [header, ...rows] = merged.get(SHEETS.tasks)!;
  expect(header).toEqual(TASK_HEADERS);
  const inputs = mergedInputs();
  const expected = expectedByCore(table, inputs, day(AS_OF));
  const c = (key: ColumnKey) => columnIndex(key);
  expect(rows.map((r) => [r[c("id")], r[c("progress")], r[c("notes")], r[c("lastFeedback")], r[c("completedOn")]])).toEqual(
    expected.rows.map((e) => {
      const i = inputs.get(e.requirement.id) ?? {};
      const iso = (d?: number) => (d === undefined ? "" : new Date(d * 86_400_000).toISOString().slice(0, 10));
      return [e.requirement.id, i.progress ?? "未启动", i.notes ?? "", iso(i.lastFeedback), iso(i.completedOn)];
    }),
  );
  expect(rows.map((r) => [r[c("id")], r[c("dueStatus")], r[c("feedbackLate")]])).toEqual(
    expected.rows.map((e) => [e.requirement.id, e.status, e.feedbackLate ? "是" : "否"]),
  );
  // The 2 rows whose outcome the merge changed, spelled out.
  const row = (id: string) => rows.find((r) => r[0] === id)!;
  expect(row(ids.own[1])[c("dueStatus")]).toBe("已完成");
  expect(row(ids.own[0])[c("feedbackLate")]).toBe("否");
  // The structure cell the department rewrote is the office's.
  expect(row(ids.own[2])[c("text")]).toBe(allRequirements(table).find((r) => r.id === ids.own[2])!.text);
  // 部门汇总 counts the merged completion.
  const summary = merged.get(SHEETS.summary)!;
  const envRow = summary.find((r) => r[0] === ENV)!;
  const envExpected = expected.summary.departments.find((s) => s.department === ENV)!;
  expect(envRow[SUMMARY_HEADERS.indexOf("已完成")]).toBe(String(envExpected.byStatus.已完成));
});

test("the merged master keeps the master's validations as they are and recalculates on open", async () => {
  // The merge patches cells only (issue 14): the validations are the master's, whatever wrote them.
  const validations = async (file: string) => {
    const zip = await JSZip.loadAsync(readFileSync(file));
    return /<dataValidations[\s\S]*<\/dataValidations>/.exec(await zip.file("xl/worksheets/sheet1.xml")!.async("string"))![0];
  };
  expect(await validations(path.join(work, "合并.xlsx"))).toBe(await validations(path.join(work, "主表.xlsx")));
  const zip = await JSZip.loadAsync(readFileSync(path.join(work, "合并.xlsx")));
  expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('fullCalcOnLoad="1"');
});

test("合并冲突 lists the conflict, the row it had no right to change, the structure edit and the second department's conflict", () => {
  const [header, ...rows] = mergeLog;
  expect(header).toEqual([...MERGE_LOG_HEADERS]);
  const brief = rows.map((r) => r.slice(0, 6));
  expect(brief).toEqual([
    [ENV, ids.own[3], "进展情况", "办公室改过", "部门改过", "办公室原有记录"],
    [ENV, ids.farmOnly, "状态", "未启动", "已完成", ""],
    [ENV, ids.own[2], "工作要求", allRequirements(table).find((r) => r.id === ids.own[2])!.text, "部门改写的工作要求", allRequirements(table).find((r) => r.id === ids.own[2])!.text],
    [FARM, ids.shared, "进展情况", "环保局：已联合推进", "农牧局：已联合推进", ""],
  ]);
  expect(rows[1][6]).toContain("无权修改");
});

test("a master written before 参与部门 (类别 in its place): export and merge work, 类别 untouched, LibreOffice computes", async () => {
  const exported = await readDepartmentWorkbook(readFileSync(path.join(work, "旧版导出", departmentFileName(ENV))));
  // The department's file has the current layout; this master has no 参与部门 to give it, and 类别 is not taken for it.
  expect(exported.table.headers.slice(COLUMNS_BEFORE_PARTNERS - 1)).toEqual(["起始日期", "参与部门"]);
  expect(exported.table.rows.map((r) => [r[0], r[COLUMNS_BEFORE_PARTNERS] ?? null])).toEqual([["1.1", null], ["2.1", null]]);
  expect(logs.olderMerge).toContain(`${ENV}：文件中 2 行，可合并 2 行；更新 3 个单元格（1 行）`);

  const [header, ...rows] = olderMerged.get(SHEETS.tasks)!;
  expect(header).toEqual([...TASK_HEADERS.slice(0, COLUMNS_BEFORE_PARTNERS), "类别"]);
  const c = (key: ColumnKey) => columnIndex(key);
  const typed = new Map([["2.1", { progress: "已完成", notes: "平台已上线", completedOn: day("2018-12-01") }]]);
  const status = new Map(expectedByCore(SECTIONS, typed, day(AS_OF)).rows.map((e) => [e.requirement.id, e.status]));
  expect(rows.map((r) => [r[c("id")], r[c("progress")], r[c("notes")], r[c("dueStatus")], r[COLUMNS_BEFORE_PARTNERS]])).toEqual([
    ["1.1", "未启动", "", status.get("1.1"), "一、基础能力建设 / （一）调查监测"],
    ["2.1", "已完成", "平台已上线", "已完成", "一、基础能力建设 / （一）调查监测"],
    ["3.1", "未启动", "", status.get("3.1"), "二、风险管控"],
    ["4.1", "未启动", "", status.get("4.1"), "二、风险管控"],
  ]);
});
