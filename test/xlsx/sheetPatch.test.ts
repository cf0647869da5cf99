/** Cell-level patches of worksheet parts and of a master's package (the merge's writer), read back by exceljs. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { dayFromIso, DepartmentMergePlan, MERGE_LOG_HEADERS, MERGE_LOG_SHEET, SHEETS, SoilUserError } from "../../src/core";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { mergeIntoMasterFile } from "../../src/xlsx/mergeWorkbook";
import { patchCells } from "../../src/xlsx/sheetPatch";
import { resolveTarget, relativeTarget, unpackedSize } from "../../src/xlsx/xlsxPackage";
import { readTable, SEED_FILE } from "./seedTable";

const SHEET = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
  `<cols><col min="2" max="2" width="9" style="7" customWidth="1"/></cols><sheetData>${rows}</sheetData><sheetProtection password="ABCD" sheet="1"/></worksheet>`;

test("text is an inline string (never a formula), styles are kept, cells and rows are created in order with their column's style", () => {
  const xml = SHEET('<row r="1"><c r="A1" s="3"><v>1</v></c><c r="C1"><f>A1*2</f><v>2</v></c></row><row r="4"><c><v>9</v></c><c><v>8</v></c></row>');
  const { xml: out, formulasRemoved } = patchCells(
    xml,
    [
      { row: 1, column: 0, value: "=WEBSERVICE(\"http://x\")" },
      { row: 1, column: 2, value: null },
      { row: 1, column: 1, value: { date: dayFromIso("2018-12-10")! } },
      { row: 3, column: 1, value: "新行" },
      { row: 4, column: 2, value: 7 },
    ],
    "sheet.xml",
  );
  expect(formulasRemoved).toEqual(["C1"]);
  expect(out).toContain(
    '<sheetData><row r="1"><c r="A1" s="3" t="inlineStr"><is><t xml:space="preserve">=WEBSERVICE("http://x")</t></is></c><c r="B1" s="7"><v>43444</v></c><c r="C1"/></row>' +
      '<row r="3"><c r="B3" s="7" t="inlineStr"><is><t xml:space="preserve">新行</t></is></c></row>' +
      '<row r="4"><c r="A4"><v>9</v></c><c r="B4"><v>8</v></c><c r="C4"><v>7</v></c></row></sheetData>',
  );
  // Outside <sheetData>, the part is as it was.
  expect(out.endsWith('</sheetData><sheetProtection password="ABCD" sheet="1"/></worksheet>')).toBe(true);
});

test("rows without r= (placed by their order) are patched through the whole part, the row numbers made explicit where written", () => {
  const xml = SHEET("<row><c><v>1</v></c></row><row><c><v>2</v></c></row>");
  const { xml: out } = patchCells(xml, [{ row: 2, column: 1, value: "乙" }, { row: 4, column: 0, value: "丁" }], "sheet.xml");
  expect(out).toContain('<sheetData><row><c><v>1</v></c></row><row><c r="A2"><v>2</v></c><c r="B2" s="7" t="inlineStr"><is><t xml:space="preserve">乙</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve">丁</t></is></c></row></sheetData>');
});

test("an empty <sheetData/> gets its rows", () => {
  const { xml } = patchCells(SHEET("").replace("<sheetData></sheetData>", "<sheetData/>"), [{ row: 3, column: 0, value: "甲" }, { row: 2, column: 0, value: 1 }], "sheet.xml");
  expect(xml).toContain('<sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">甲</t></is></c></row></sheetData><sheetProtection');
});

test("characters XML cannot hold, a literal _xHHHH_ and a carriage return survive as the department wrote them", async () => {
  const text = "甲\u0001乙_x0041_丙\r\n丁";
  const { xml } = patchCells(SHEET('<row r="1"><c r="A1"><v>1</v></c></row>'), [{ row: 1, column: 0, value: text }], "sheet.xml");
  expect(xml).toContain("甲_x0001_乙_x005F_x0041_丙&#13;\n丁");
  const merged = await mergeIntoMasterFile(new Uint8Array(await buildWorkbook(readTable(SEED_FILE)).xlsx.writeBuffer()), [{ ...plan(text, "x"), conflicts: [] }]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(merged as unknown as ArrayBuffer);
  const read = workbook.getWorksheet(SHEETS.tasks)!.getCell("I2").value;
  // The carriage return and the text around the escapes are kept (how a reader decodes _xHHHH_ is its own affair).
  expect(String(read)).toContain("\r\n丁");
  expect(String(read)).toContain("甲");
});

test("the anchor of a shared formula is not overwritten: a Chinese message names the cell", () => {
  const xml = SHEET('<row r="2"><c r="I2"><f t="shared" ref="I2:I9" si="0">A2</f><v>1</v></c></row>');
  expect(() => patchCells(xml, [{ row: 2, column: 8, value: "x" }], "sheet.xml")).toThrow(SoilUserError);
  expect(() => patchCells(xml, [{ row: 2, column: 8, value: "x" }], "sheet.xml")).toThrow(/I2 是共享公式或数组公式的首个单元格/);
});

test("relationship targets: relative, parent folders and absolute ones resolve to the same part", () => {
  expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
  expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/d.xml")).toBe("xl/drawings/d.xml");
  expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
  expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet9.xml")).toBe("worksheets/sheet9.xml");
  expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/d.xml")).toBe("../drawings/d.xml");
  expect(unpackedSize(new TextEncoder().encode("no zip"))).toBeNull();
});

function plan(notes: string, logged: string): DepartmentMergePlan {
  return {
    department: "市环境保护局",
    updates: [{ rowIndex: 0, id: "1.1", key: "notes", value: notes }],
    conflicts: [{ kind: "conflict", department: "市环境保护局", id: "1.2", column: "进展情况", office: "办公室", departmentValue: logged, baseline: "", reason: "冲突" }],
    rejected: [],
    ignored: [],
    report: { department: "市环境保护局", rowsInFile: 2, rowsMatched: 2, rowsChanged: 1, applied: 1, sameValue: 0, conflicts: 1, rejected: 0, ignored: 0, missingIds: [] },
  };
}

test("merging into a merged master appends to its 合并冲突; a formula replaced drops calcChain.xml (Excel rebuilds it)", async () => {
  const book = buildWorkbook(readTable(SEED_FILE), { asOf: dayFromIso("2018-12-20") });
  book.getWorksheet(SHEETS.tasks)!.getCell("I2").value = { formula: "\"办公室公式\"" };
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  // A calcChain as Excel writes it, naming the formula the merge will replace.
  zip.file("xl/calcChain.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="I2" i="1"/></calcChain>');
  zip.file("xl/_rels/workbook.xml.rels", (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
  zip.file("[Content_Types].xml", (await zip.file("[Content_Types].xml")!.async("string")).replace("</Types>", '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
  const master = await zip.generateAsync({ type: "uint8array" });

  const once = await mergeIntoMasterFile(master, [plan("第一次", "甲")]);
  const onceZip = await JSZip.loadAsync(once);
  expect(onceZip.file("xl/calcChain.xml")).toBeNull();
  expect(await onceZip.file("xl/_rels/workbook.xml.rels")!.async("string")).not.toContain("calcChain");
  expect(await onceZip.file("[Content_Types].xml")!.async("string")).not.toContain("calcChain");
  const twice = await mergeIntoMasterFile(once, [plan("第二次", "乙")]);
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(twice as unknown as ArrayBuffer);
  expect(read.getWorksheet(SHEETS.tasks)!.getCell("I2").value).toBe("第二次");
  const log = read.getWorksheet(MERGE_LOG_SHEET)!;
  expect([1, 2, 3, 4].map((r) => [log.getCell(r, 1).value, log.getCell(r, 5).value])).toEqual([
    [MERGE_LOG_HEADERS[0], MERGE_LOG_HEADERS[4]],
    ["市环境保护局", "甲"],
    ["市环境保护局", "乙"],
    [null, null],
  ]);
  expect(read.worksheets.filter((s) => s.name === MERGE_LOG_SHEET)).toHaveLength(1);
});
