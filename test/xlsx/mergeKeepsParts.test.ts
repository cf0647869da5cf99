/**
 * Issue 14, "nothing lost": the bundled plan's department files merged into a master that carries what
 * offices add in Excel (richMaster.ts). Every zip part other than the task sheet, workbook.xml (+ rels,
 * content types) and the new 合并冲突 part comes out byte for byte; in the task sheet only the merged cells
 * changed; LibreOffice then recalculates the merged master to what the core computes.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { columnIndex, columnLetter, ColumnKey, dayFromIso, departmentFileName, MERGE_LOG_SHEET, SHEETS, TASK_HEADERS } from "../../src/core";
import { allRequirements } from "../../src/core/model";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { runCapturing } from "../cli/runCapturing";
import { DepartmentInput, expectedByCore } from "./departmentInput";
import { ADDED_PARTS, ALLOW_EDIT_RANGES, LEGACY_PROTECTION, OFFICE_VALIDATION, richMaster } from "./richMaster";
import { readTable, SEED_FILE } from "./seedTable";
import { computedSheets, parseCsv, recalculatingProfile } from "./soffice";

const AS_OF = "2018-12-20";
const day = (iso: string) => dayFromIso(iso)!;
const table = readTable(SEED_FILE);
const col = (key: ColumnKey) => columnIndex(key) + 1;

let work: string;
let profile: string;
let masterZip: JSZip;
let mergedZip: JSZip;
let departments: string[];
let mergeMs: number;
let mergeOut: string;
/** What the merge must have written, per 编号: the first department to report on a row wins, later ones conflict. */
const expected = new Map<string, DepartmentInput>();

async function cli(...argv: string[]): Promise<string> {
  const { code, out, err } = await runCapturing(...argv);
  if (code !== 0) throw new Error(`soil ${argv.join(" ")} → ${code}: ${err}`);
  return out;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "soil-mergeparts-"));
  profile = recalculatingProfile();
  const plain = new Uint8Array(await buildWorkbook(table, { asOf: day(AS_OF) }).xlsx.writeBuffer());
  const master = path.join(work, "主表.xlsx");
  writeFileSync(master, await richMaster(plain));

  const exportLog = await cli("export", master, "--out", path.join(work, "export"), "--as-of", AS_OF);
  departments = [...exportLog.matchAll(/^(.+?)：\d+ 行 →/gm)].map((m) => m[1]);
  // Each department reports on its first row; one also adds a requirement of its own without 编号.
  for (const [n, department] of departments.entries()) {
    const file = path.join(work, "export", departmentFileName(department));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet(SHEETS.tasks)!;
    const row = sheet.getRow(2);
    const id = String(row.getCell(col("id")).value);
    row.getCell(col("progress")).value = "推进中";
    row.getCell(col("notes")).value = `${department}：已部署`;
    row.getCell(col("lastFeedback")).value = new Date(Date.UTC(2018, 11, 10));
    if (!expected.has(id)) expected.set(id, { progress: "推进中", notes: `${department}：已部署`, lastFeedback: day("2018-12-10") });
    if (n === 0) {
      const extra = sheet.getRow(sheet.rowCount + 1);
      extra.getCell(col("text")).value = "新增：开展土壤污染状况普查";
      extra.getCell(col("responsible")).value = department;
      extra.getCell(col("deadlineRaw")).value = "2019年底";
    }
    await book.xlsx.writeFile(file);
  }
  mergeOut = path.join(work, "合并.xlsx");
  const started = Date.now();
  await cli("merge", master, ...departments.map((d) => path.join(work, "export", departmentFileName(d))), "--out", mergeOut);
  mergeMs = Date.now() - started;
  masterZip = await JSZip.loadAsync(readFileSync(master));
  mergedZip = await JSZip.loadAsync(readFileSync(mergeOut));
}, 300_000);

afterAll(() => {
  for (const dir of [work, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const parts = (zip: JSZip) => Object.keys(zip.files).filter((p) => !zip.files[p].dir).sort();
const bytesOf = (zip: JSZip, part: string) => zip.file(part)!.async("nodebuffer");
const textOf = (zip: JSZip, part: string) => zip.file(part)!.async("string");
const CHANGED = ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"];

test("the bundled plan's department files merge (timing and sizes reported)", () => {
  expect(departments.length).toBe(27);
  const sizes = [path.join(work, "主表.xlsx"), mergeOut].map((f) => readFileSync(f).length);
  console.log(`merge of ${departments.length} files: ${mergeMs} ms; master ${sizes[0]} B (${parts(masterZip).length} parts) → merged ${sizes[1]} B (${parts(mergedZip).length} parts)`);
  expect(expected.size).toBeGreaterThan(10);
});

test("every part but the task sheet, workbook.xml, its rels and content types is byte for byte the master's; one part is added", async () => {
  const before = parts(masterZip);
  const after = parts(mergedZip);
  for (const p of ADDED_PARTS) expect(before).toContain(p);
  const added = after.filter((p) => !before.includes(p));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
  expect(before.filter((p) => !after.includes(p))).toEqual([]);
  const differing: string[] = [];
  for (const p of before) if (!(await bytesOf(masterZip, p)).equals(await bytesOf(mergedZip, p))) differing.push(p);
  expect(differing.sort()).toEqual([...CHANGED].sort());
});

test("workbook.xml, its rels and content types gain only the 合并冲突 sheet and its print area and titles (protection and every sheet kept)", async () => {
  const [wb0, wb1] = await Promise.all([textOf(masterZip, "xl/workbook.xml"), textOf(mergedZip, "xl/workbook.xml")]);
  const entry = /<sheet name="合并冲突" sheetId="\d+" r:id="(rId\d+)"\/>/.exec(wb1)!;
  expect(entry).not.toBeNull();
  // The new sheet's print area and title row, local to it (core/printSetup.ts, printSetupXml.ts).
  const logIndex = [...wb1.matchAll(/<sheet /g)].length - 1;
  const printNames = new RegExp(`<definedName name="_xlnm\\.Print_(Area|Titles)" localSheetId="${logIndex}">'合并冲突'![^<]*</definedName>`, "g");
  expect(wb1.match(printNames)).toHaveLength(2);
  expect(wb1.replace(entry[0], "").replace(printNames, "")).toBe(wb0);
  expect(wb1).toContain('<workbookProtection lockStructure="1"/>');
  const added = parts(mergedZip).filter((p) => !parts(masterZip).includes(p))[0].replace(/^xl\//, "");
  const [rels0, rels1] = await Promise.all([textOf(masterZip, "xl/_rels/workbook.xml.rels"), textOf(mergedZip, "xl/_rels/workbook.xml.rels")]);
  expect(rels1.replace(`<Relationship Id="${entry[1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${added}"/>`, "")).toBe(rels0);
  const [ct0, ct1] = await Promise.all([textOf(masterZip, "[Content_Types].xml"), textOf(mergedZip, "[Content_Types].xml")]);
  expect(ct1.replace(`<Override PartName="/xl/${added}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, "")).toBe(ct0);
});

/** Each cell of a worksheet part, serialised alike on both sides. */
function cellsOf(xml: string): Map<string, string> {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const out = new Map<string, string>();
  const cells = doc.getElementsByTagName("c");
  for (let i = 0; i < cells.length; i++) out.set(cells[i].getAttribute("r")!, new XMLSerializer().serializeToString(cells[i]));
  return out;
}

test("in the task sheet only the merged cells changed; everything outside <sheetData> is byte for byte the master's", async () => {
  const [xml0, xml1] = await Promise.all([textOf(masterZip, "xl/worksheets/sheet1.xml"), textOf(mergedZip, "xl/worksheets/sheet1.xml")]);
  const outside = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, "");
  expect(outside(xml1)).toBe(outside(xml0));
  for (const kept of [LEGACY_PROTECTION, ALLOW_EDIT_RANGES, OFFICE_VALIDATION, '<legacyDrawing r:id="rIdVml1"/>']) expect(xml1).toContain(kept);

  const [cells0, cells1] = [cellsOf(xml0), cellsOf(xml1)];
  const changed = [...new Set([...cells0.keys(), ...cells1.keys()])].filter((ref) => cells0.get(ref) !== cells1.get(ref)).sort();
  const rowOf = (id: string) => allIds().indexOf(id) + 2;
  const expectedRefs = [...expected.keys()].flatMap((id) => (["progress", "notes", "lastFeedback"] as const).map((k) => `${columnLetter(col(k) - 1)}${rowOf(id)}`)).sort();
  expect(changed).toEqual(expectedRefs);
  // Styles kept, text as inline strings, dates as serials, no formula.
  for (const ref of changed) {
    const s0 = /\ss="(\d+)"/.exec(cells0.get(ref) ?? "")?.[1];
    expect(/\ss="(\d+)"/.exec(cells1.get(ref)!)?.[1]).toBe(s0);
    expect(cells1.get(ref)).not.toContain("<f>");
  }
  const notesRef = `${columnLetter(col("notes") - 1)}${rowOf([...expected.keys()][0])}`;
  expect(cells1.get(notesRef)).toMatch(/t="inlineStr".*<t xml:space="preserve">.+：已部署<\/t>/);
  // Rows without a merged cell are byte for byte the master's (each written row is re-serialised on its own).
  const rowsOf = (xml: string) => new Map([...xml.matchAll(/<row r="(\d+)"[\s\S]*?<\/row>/g)].map((m) => [Number(m[1]), m[0]]));
  const [rows0, rows1] = [rowsOf(xml0), rowsOf(xml1)];
  const written = new Set(changed.map((ref) => Number(/\d+$/.exec(ref)![0])));
  expect([...rows0.keys()].filter((r) => !written.has(r) && rows0.get(r) !== rows1.get(r))).toEqual([]);
  expect(rows1.size).toBe(rows0.size);
  // The dynamic-array anchor the merge did not touch keeps its cm=.
  expect(cells1.get("P2")).toContain('cm="1"');
});

function allIds(): string[] {
  return allRequirements(table).map((r) => r.id);
}

test("LibreOffice recalculates the merged master: merged inputs and computed columns as the core has them; 合并冲突 lists the conflicts and the row without 编号", () => {
  const sheets = computedSheets([mergeOut], [SHEETS.tasks, MERGE_LOG_SHEET], path.join(work, "csv"), profile).get(mergeOut)!;
  const [header, ...rows] = sheets.get(SHEETS.tasks)!;
  expect(header).toEqual(TASK_HEADERS);
  const core = expectedByCore(table, expected, day(AS_OF));
  const c = (key: ColumnKey) => columnIndex(key);
  expect(rows.map((r) => [r[c("id")], r[c("progress")], r[c("notes")], r[c("lastFeedback")], r[c("dueStatus")], r[c("feedbackLate")]])).toEqual(
    core.rows.map((e) => {
      const i = expected.get(e.requirement.id);
      return [e.requirement.id, i?.progress ?? "未启动", i?.notes ?? "", i ? "2018-12-10" : "", e.status, e.feedbackLate ? "是" : "否"];
    }),
  );
  const log = parseCsv(readFileSync(path.join(work, "csv", `合并-${MERGE_LOG_SHEET}.csv`), "utf8"));
  expect(log[0][0]).toBe("部门");
  const noId = log.filter((r) => r[1] === "" && r[0] === departments[0]);
  expect(noId.map((r) => [r[2], r[4]])).toEqual([
    ["工作要求", "新增：开展土壤污染状况普查"],
    ["责任单位", departments[0]],
    ["完成时限", "2019年底"],
  ]);
  expect(log.filter((r) => r[2] === "进展情况" && r[6].includes("办公室和部门都修改了")).length).toBe(departments.length - expected.size);
});
