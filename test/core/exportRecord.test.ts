/** The signed export record of department files (core/exportRecord.ts): what it covers, what re-saving may change. */
import {
  assertExportRecord,
  BASELINE_COLUMNS,
  baselineMap,
  CellValue,
  dayFromIso,
  fileNameDepartmentWarning,
  isExportKey,
  newExportId,
  newExportKey,
  signExportRecord,
  SoilUserError,
} from "../../src/core";

const ON = dayFromIso("2018-12-01")!;
const row = (id: string, notes: string, due: CellValue = { date: dayFromIso("2018-12-31")! }): CellValue[] =>
  [id, ...BASELINE_COLUMNS.map((spec) => (spec.key === "notes" ? notes : spec.key === "dueDate" ? due : spec.key === "text" ? "工作要求\r\n第二行" : null))];

async function signed(rows: CellValue[][], department = "市环境保护局") {
  const key = newExportKey();
  const exportId = newExportId();
  const baseline = baselineMap(rows);
  const signature = await signExportRecord(key, exportId, department, ON, baseline);
  return { key, file: { department, exportedOn: ON as number | null, baseline, record: { exportId, signature } } };
}

test("a record verifies with the master's key, and with no other", async () => {
  const { key, file } = await signed([row("1.1", "已部署"), row("1.2", "")]);
  expect(isExportKey(key)).toBe(true);
  await expect(assertExportRecord(key, file, "f.xlsx")).resolves.toBeUndefined();
  await expect(assertExportRecord(newExportKey(), file, "f.xlsx")).rejects.toThrow(/不是从此主表导出的/);
  await expect(assertExportRecord(null, file, "f.xlsx")).rejects.toThrow(SoilUserError);
});

test.each([
  ["the department", (f: Awaited<ReturnType<typeof signed>>["file"]) => ({ ...f, department: "市农牧局" })],
  ["the export date", (f: Awaited<ReturnType<typeof signed>>["file"]) => ({ ...f, exportedOn: ON + 1 })],
  ["the export id", (f: Awaited<ReturnType<typeof signed>>["file"]) => ({ ...f, record: { ...f.record, exportId: "0" } })],
  ["a baseline value", (f: Awaited<ReturnType<typeof signed>>["file"]) => ({ ...f, baseline: new Map([...f.baseline].map(([id, v]) => [id, id === "1.2" ? { ...v, notes: "改过" } : v])) })],
  ["a baseline row added", (f: Awaited<ReturnType<typeof signed>>["file"]) => ({ ...f, baseline: new Map([...f.baseline, ["5.2", {}]]) })],
  ["a baseline row removed", (f: Awaited<ReturnType<typeof signed>>["file"]) => ({ ...f, baseline: new Map([...f.baseline].slice(1)) })],
])("changing %s breaks the record", async (_what, tamper) => {
  const { key, file } = await signed([row("1.1", "已部署"), row("1.2", "")]);
  await expect(assertExportRecord(key, tamper(file), "f.xlsx")).rejects.toThrow(/导出信息与主表的记录不符/);
});

test("what re-saving may change does not: dates as serial or text, _x000D_ for a carriage return, spaces around text; an 编号 twice counts once", async () => {
  const { key, file } = await signed([row("1.1", "已部署"), row("1.2", ""), row("1.1", "重复")]);
  expect([...file.baseline.keys()]).toEqual(["1.1", "1.2"]);
  const resaved = new Map(
    [...file.baseline].map(([id, v]) => [id, { ...v, dueDate: "2018-12-31", text: "工作要求_x000D_\n第二行", notes: ` ${String(v.notes ?? "")} ` }]),
  );
  await expect(assertExportRecord(key, { ...file, baseline: resaved }, "f.xlsx")).resolves.toBeUndefined();
});

test("the file name's department against the file's", () => {
  expect(fileNameDepartmentWarning("SOIL-市环境保护局.xlsx", "市环境保护局")).toBeNull();
  expect(fileNameDepartmentWarning("环保局交回.xlsx", "市环境保护局")).toBeNull();
  expect(fileNameDepartmentWarning("SOIL-市环保局.xlsx", "市环境保护局")).toBeNull();
  expect(fileNameDepartmentWarning("SOIL-市农牧局.xlsx", "市环境保护局")).toContain("文件名“SOIL-市农牧局.xlsx”写的是市农牧局");
  expect(fileNameDepartmentWarning("市农牧局-已填写(2).xlsx", "市环境保护局")).toContain("写的是市农牧局");
});
