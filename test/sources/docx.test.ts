import { parseGrid, parseTable, tableToJson } from "../../src/core";
import { documentXmlGrid, docxGrid } from "../../src/sources/docx";
import { readTableSource } from "../../src/sources/tableSource";
import { decodeText, readSourceFile } from "../../src/taskpane/source/readSource";
import { cell, docxOf } from "../doubles/docx";
import { seedText } from "../doubles/seedVariants";

describe(".docx source", () => {
  test("the seed table as a Word table parses exactly like the text extraction, lines included", async () => {
    const seed = seedText();
    const fromDocx = parseGrid(await docxGrid(await docxOf(seed.split("\n"))));
    const fromText = parseTable(seed);
    expect(tableToJson(fromDocx)).toEqual(tableToJson(fromText));
    expect(fromDocx.tasks.map((t) => t.requirements.map((r) => r.line))).toEqual(fromText.tasks.map((t) => t.requirements.map((r) => r.line)));
    expect(fromDocx.tasks.flatMap((t) => t.requirements)).toHaveLength(195);
  });

  test("merged cells give their text to every place they cover; paragraphs of a cell are list items; entities and tabs", () => {
    const xml =
      `<w:tbl><w:tr>${cell("序号")}${cell("牵头部门\n与参与", '<w:gridSpan w:val="2"/>')}${cell("A & B\tC")}</w:tr>` +
      `<w:tr>${cell("", "<w:vMerge/>")}${cell("<p>")}</w:tr></w:tbl>`;
    expect(documentXmlGrid(xml)).toEqual([
      { cells: ["序号", "牵头部门\n与参与", "牵头部门\n与参与", "A & B C"], line: 1, merged: [false, false, true, false] },
      { cells: ["序号", "<p>"], line: 2, merged: [true, false] },
    ]);
  });

  test("not a Word file: a Chinese message", async () => {
    await expect(docxGrid(new TextEncoder().encode("plain text"))).rejects.toThrow(/不是有效的 Word 文档/);
    await expect(readSourceFile("表.pdf", new TextEncoder().encode("%PDF-1.4"))).rejects.toThrow(/PDF/);
    await expect(readSourceFile("表.odt", new Uint8Array([1]))).rejects.toThrow(/不支持的文件类型/);
  });

  test("PDF and .doc are refused with how to get the table out of them", async () => {
    const pdf = readTableSource("方案.pdf", new TextEncoder().encode("%PDF-1.7 ..."));
    await expect(pdf).rejects.toMatchObject({ message: expect.stringMatching(/PDF/), hint: expect.stringMatching(/另存为 \.docx/) });
    const doc = readTableSource("方案.doc", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
    await expect(doc).rejects.toMatchObject({ hint: expect.stringMatching(/另存为” \.docx 或 \.xlsx/) });
  });

  test(".txt in UTF-8 (with BOM) or GBK", async () => {
    expect(decodeText(new TextEncoder().encode("\uFEFF序号\t牵头部门"))).toBe("序号\t牵头部门");
    const gbk = Uint8Array.from([0xd0, 0xf2, 0xba, 0xc5]); // 序号 in GBK
    expect(await readSourceFile("分工表.TXT", gbk)).toEqual({ kind: "text", text: "序号", csv: false });
  });
});
