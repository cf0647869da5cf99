/** `soil export` / `soil merge`: user mistakes are Chinese messages with exit code 2 (the flow itself: test/xlsx/departmentFiles.test.ts). */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { dayFromIso } from "../../src/core";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { readTable, SEED_FILE } from "../xlsx/seedTable";
import { runCapturing } from "./runCapturing";

let dir: string;
let master: string;

const run = runCapturing;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "soil-depcli-"));
  master = path.join(dir, "主表.xlsx");
  await buildWorkbook(readTable(SEED_FILE), { asOf: dayFromIso("2018-12-20") }).xlsx.writeFile(master);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("export of one department by an alias names the file after the canonical name", async () => {
  const { code, out } = await run("export", master, "--department", "市环保局", "--out", path.join(dir, "out"));
  expect(code).toBe(0);
  expect(out).toMatch(/市环境保护局：101 行 → .*SOIL-市环境保护局\.xlsx/);
  expect(out).toContain("导出 1 个部门文件");
});

test.each([
  [["export", "--department", "市环保局"], "请给出一个主表文件"],
  [["export", "MASTER", "--department", "市某某局", "--out", "OUT"], "没有责任单位为“市某某局”的工作要求"],
  [["export", "MASTER", "--as-of", "2018-13-01"], "不是有效日期"],
  [["export", "MASTER", "--department", "，、", "--out", "OUT"], '例如 --department 县环保局，或 --department "县环保局,县农业局"'],
  [["merge", "MASTER"], "请给出主表和至少一个部门交回的文件"],
  [["merge", "MASTER", "MASTER"], "不是 SOIL 导出的部门文件"],
  [["merge", "MASTER", "NOT_XLSX"], "不是 .xlsx 工作簿"],
  [["merge", "MASTER", "missing.xlsx"], "找不到文件"],
  [["merge", "MASTER", "MASTER", "--out", "MASTER"], "不能覆盖主表本身"],
  [["merge", "MASTER", "MASTER", "--bogus", "1"], "不认识的参数"],
])("%j → exit 2: %s", async (argv, message) => {
  const notXlsx = path.join(dir, "table.xlsx");
  writeFileSync(notXlsx, "不是工作簿");
  const args = argv.map((a) => (a === "MASTER" ? master : a === "NOT_XLSX" ? notXlsx : a === "missing.xlsx" ? path.join(dir, a) : a === "OUT" ? path.join(dir, "out") : a));
  const { code, err } = await run(...args);
  expect(code).toBe(2);
  expect(err).toContain(message);
});
