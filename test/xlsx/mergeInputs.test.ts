/**
 * Issue 14, "clear errors instead of crashes": masters and returned files that are valid but unusual
 * (re-saved by LibreOffice, every row cleared, absolute relationship targets) merge; a zip that unpacks to
 * hundreds of megabytes is refused before it costs memory (a cell over Excel's 32,767 characters: test/cli/cellLimit.test.ts).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { columnIndex, ColumnKey, dayFromIso, DEPARTMENT_INFO_SHEET, departmentFileName, EXPORT_KEY_SHEET, SHEETS } from "../../src/core";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { readDepartmentWorkbook, readMasterWorkbook } from "../../src/xlsx/readWorkbook";
import { runCapturing } from "../cli/runCapturing";
import { HOSTILE_DEPARTMENT_FILES, unpackingTo } from "../doubles/hostileWorkbooks";
import { readTable, SEED_FILE } from "./seedTable";
import { computedSheets, convert, recalculatingProfile } from "./soffice";

const AS_OF = "2018-12-20";
const ENV = "市环境保护局";
const col = (key: ColumnKey) => columnIndex(key) + 1;

let work: string;
let profile: string;
let master: string;
let envFile: string;

async function editTasks(file: string, edit: (sheet: ExcelJS.Worksheet) => void, out = file): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  edit(book.getWorksheet(SHEETS.tasks)!);
  await book.xlsx.writeFile(out);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "soil-mergeinputs-"));
  profile = recalculatingProfile();
  master = path.join(work, "主表.xlsx");
  await buildWorkbook(readTable(SEED_FILE), { asOf: dayFromIso(AS_OF) }).xlsx.writeFile(master);
  const { code, err } = await runCapturing("export", master, "--department", ENV, "--out", path.join(work, "export"), "--as-of", AS_OF);
  if (code !== 0) throw new Error(err);
  envFile = path.join(work, "export", departmentFileName(ENV));
  await editTasks(envFile, (sheet) => {
    sheet.getRow(2).getCell(col("notes")).value = "已部署";
  });
}, 120_000);

afterAll(() => {
  for (const dir of [work, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function notesOf(file: string, row: number): Promise<unknown> {
  const { table } = await readMasterWorkbook(readFileSync(file));
  return table.rows[row][col("notes") - 1];
}

test("a master opened and saved in LibreOffice (its table has no table style) merges", async () => {
  convert([master], "xlsx:Calc Office Open XML", path.join(work, "lo"), profile);
  const loMaster = path.join(work, "lo", "主表.xlsx");
  const out = path.join(work, "合并-lo.xlsx");
  const { code, err } = await runCapturing("merge", loMaster, envFile, "--out", out);
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(await notesOf(out, 0)).toBe("已部署");
  // LibreOffice opens the patched file of its own making and shows the merged cell.
  const tasks = computedSheets([out], [SHEETS.tasks], path.join(work, "csv-lo"), profile).get(out)!.get(SHEETS.tasks)!;
  expect(tasks[1][col("notes") - 1]).toBe("已部署");
}, 120_000);

test("a master whose rows were all cleared: the merge works and lists every row it could not place", async () => {
  const cleared = path.join(work, "清空.xlsx");
  await editTasks(
    master,
    (sheet) => {
      for (let r = 2; r <= sheet.rowCount; r++) for (let c = 1; c <= 20; c++) sheet.getRow(r).getCell(c).value = null;
    },
    cleared,
  );
  const { code, out, err } = await runCapturing("merge", cleared, envFile, "--out", path.join(work, "合并-清空.xlsx"));
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(out).toContain("主表中没有此编号");
});

/** The same package with every internal relationship target absolute ("/xl/…"), as some tools write. */
async function absoluteTargets(file: string, out: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const part of Object.keys(zip.files).filter((p) => p.endsWith(".rels"))) {
    const folder = part === "_rels/.rels" ? "" : part.replace(/_rels\/[^/]+$/, "");
    const text = await zip.file(part)!.async("string");
    zip.file(
      part,
      text.replace(/Target="([^"/][^"]*)"/g, (_, target: string) => {
        const parts = `${folder}${target}`.split("/");
        const resolved: string[] = [];
        for (const p of parts) if (p === "..") resolved.pop(); else resolved.push(p);
        return `Target="/${resolved.join("/")}"`;
      }),
    );
  }
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

test("files with absolute relationship targets (valid OPC) are read, exported and merged", async () => {
  const absMaster = path.join(work, "绝对路径-主表.xlsx");
  const absDept = path.join(work, "绝对路径-部门.xlsx");
  await absoluteTargets(master, absMaster);
  await absoluteTargets(envFile, absDept);
  expect(await (await JSZip.loadAsync(readFileSync(absMaster))).file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="/xl/worksheets/sheet1.xml"');
  expect((await readDepartmentWorkbook(readFileSync(absDept), "x.xlsx")).department).toBe(ENV);
  const out = path.join(work, "合并-绝对.xlsx");
  const { code, err } = await runCapturing("merge", absMaster, absDept, "--out", out);
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(await notesOf(out, 0)).toBe("已部署");
});


test("a small zip whose one string is 300 million characters is refused before it is unpacked", async () => {
  const bytes = await unpackingTo(readFileSync(envFile), 300_000_000);
  const heap = process.memoryUsage().rss;
  const started = Date.now();
  await expect(readDepartmentWorkbook(bytes, "炸弹.xlsx")).rejects.toThrow(/“炸弹\.xlsx”解压后 286\.\d MB，超过 SOIL 可读取的上限 100\.0 MB/);
  const ms = Date.now() - started;
  const grew = (process.memoryUsage().rss - heap) / 1024 / 1024;
  console.log(`zip of ${(bytes.length / 1024).toFixed(0)} KB unpacking to 300 M characters refused in ${ms} ms, RSS +${grew.toFixed(1)} MB`);
  expect(bytes.length).toBeLessThan(1024 * 1024);
  expect(ms).toBeLessThan(500);
  expect(grew).toBeLessThan(50);
  // The merge refuses it with the same message.
  const file = path.join(work, "炸弹.xlsx");
  writeFileSync(file, bytes);
  const { code, err } = await runCapturing("merge", master, file, "--out", path.join(work, "合并-炸弹.xlsx"));
  expect(code).toBe(2);
  expect(err).toContain("超过 SOIL 可读取的上限");
}, 60_000);


describe("forgery: the export record is the office's (issue 14)", () => {
  async function editInfo(out: string, edit: (info: ExcelJS.Worksheet) => void): Promise<string> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(envFile);
    edit(book.getWorksheet(DEPARTMENT_INFO_SHEET)!);
    const file = path.join(work, out);
    await book.xlsx.writeFile(file);
    return file;
  }
  const merge = (file: string) => runCapturing("merge", master, file, "--out", path.join(work, `合并-${path.basename(file)}`));

  test("a clerk who rewrites the department in 导出信息 cannot write into another department's rows", async () => {
    const forged = await editInfo("改单位.xlsx", (info) => {
      info.getCell(2, 2).value = "市农牧局";
    });
    const { code, err } = await merge(forged);
    expect(code).toBe(2);
    expect(err).toContain("“改单位.xlsx”的导出信息与主表的记录不符");
  });

  test("a clerk who rewrites the baseline (to overwrite the office's later edits) is refused", async () => {
    const forged = await editInfo("改原值.xlsx", (info) => {
      info.getCell(7, columnIndex("notes") + 1).value = "办公室后来写的";
    });
    const { code, err } = await merge(forged);
    expect(code).toBe(2);
    expect(err).toContain("导出信息与主表的记录不符");
  });

  test("a file without an export record (older SOIL, or the record deleted) is refused", async () => {
    const forged = await editInfo("无签名.xlsx", (info) => {
      info.getCell(5, 3).value = null;
    });
    const { code, err } = await merge(forged);
    expect(code).toBe(2);
    expect(err).toContain("没有导出签名");
  });

  test("a file exported from another master (another key) is refused", async () => {
    const other = path.join(work, "另一主表.xlsx");
    await buildWorkbook(readTable(SEED_FILE), { asOf: dayFromIso(AS_OF) }).xlsx.writeFile(other);
    expect((await runCapturing("export", other, "--department", ENV, "--out", path.join(work, "other"))).code).toBe(0);
    const { code, err } = await merge(path.join(work, "other", departmentFileName(ENV)));
    expect(code).toBe(2);
    expect(err).toContain("不是从此主表导出的");
  });

  test("a file named after another department merges as the department inside, with a warning", async () => {
    const renamed = path.join(work, "SOIL-市农牧局.xlsx");
    writeFileSync(renamed, readFileSync(envFile));
    const { code, out } = await merge(renamed);
    expect(code).toBe(0);
    expect(out).toContain(`注意：文件名“SOIL-市农牧局.xlsx”写的是市农牧局，文件中的责任单位却是${ENV}`);
  });

  test("export from a master without a signing key is refused (its files could not be verified)", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(master);
    book.removeWorksheet(book.getWorksheet(EXPORT_KEY_SHEET)!.id);
    const keyless = path.join(work, "无密钥主表.xlsx");
    await book.xlsx.writeFile(keyless);
    const { code, err } = await runCapturing("export", keyless, "--department", ENV, "--out", path.join(work, "keyless"));
    expect(code).toBe(2);
    expect(err).toContain("没有导出签名密钥");
  });
});

test.each(HOSTILE_DEPARTMENT_FILES.map((c) => [c.name, c] as const))("soil merge refuses %s (exit 2, nothing written)", async (_name, hostile) => {
  const file = path.join(work, hostile.file);
  writeFileSync(file, await hostile.bytes(new Uint8Array(readFileSync(envFile))));
  const out = path.join(work, `合并-${hostile.file}`);
  const { code, err } = await runCapturing("merge", master, file, "--out", out);
  expect(err).toMatch(hostile.refused);
  expect(code).toBe(2);
  expect(existsSync(out)).toBe(false);
}, 60_000);
