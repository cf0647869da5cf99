import { parseTable, tableToJson } from "../../src/core";
import { documentXmlLines, docxText } from "../../src/taskpane/source/docxText";
import { decodeText, readSourceFile } from "../../src/taskpane/source/readSource";
import { cell, docxOf } from "../doubles/docx";
import { seedText } from "../doubles/seedVariants";

describe(".docx source", () => {
  test("the seed table as a Word table parses exactly like the text extraction", async () => {
    const seed = seedText();
    const text = await docxText(await docxOf(seed.split("\n")));
    const fromDocx = tableToJson(parseTable(text));
    const fromText = tableToJson(parseTable(seed));
    expect(fromDocx.tasks).toEqual(fromText.tasks);
    expect(fromDocx.tasks.flatMap((t) => t.requirements)).toHaveLength(195);
  });

  test("merged cells, several paragraphs in a cell, entities and tabs", () => {
    const xml =
      `<w:tbl><w:tr>${cell("序号")}${cell("牵头部门\n与参与", '<w:gridSpan w:val="2"/>')}${cell("A & B\tC")}</w:tr>` +
      `<w:tr>${cell("", "<w:vMerge/>")}${cell("<p>")}</w:tr></w:tbl>`;
    expect(documentXmlLines(xml)).toEqual(["序号\t牵头部门与参与\t\tA & B C", "\t<p>"]);
  });

  test("not a Word file: a Chinese message", async () => {
    await expect(docxText(new TextEncoder().encode("plain text"))).rejects.toThrow(/不是有效的 Word 文档/);
    await expect(readSourceFile("表.xlsx", new Uint8Array())).rejects.toThrow(/不支持的文件类型/);
  });

  test(".txt in UTF-8 (with BOM) or GBK", async () => {
    expect(decodeText(new TextEncoder().encode("\uFEFF序号\t牵头部门"))).toBe("序号\t牵头部门");
    const gbk = Uint8Array.from([0xd0, 0xf2, 0xba, 0xc5]); // 序号 in GBK
    expect(await readSourceFile("分工表.TXT", gbk)).toBe("序号");
  });
});
