/**
 * One small table per extraction quirk (test/fixtures/quirks/<name>.txt), its parse stored beside
 * it as <name>.expected.json (reviewed by hand; UPDATE_GOLDEN=1 rewrites for review).
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { parseTable, tableToJson } from "../../src/core";
import { expectGolden } from "../golden/golden";

const DIR = path.resolve(__dirname, "../fixtures/quirks");
const fixtures = readdirSync(DIR).filter((f) => f.endsWith(".txt"));

const parse = (name: string) => parseTable(readFileSync(path.join(DIR, `${name}.txt`), "utf8"));
const codes = (name: string) => parse(name).diagnostics.map((d) => d.code);

describe("quirk fixtures match their expected parse", () => {
  test.each(fixtures)("%s", (file) => {
    const json = tableToJson(parseTable(readFileSync(path.join(DIR, file), "utf8")));
    expectGolden(path.join(DIR, file.replace(/\.txt$/, ".expected.json")), JSON.stringify(json, null, 2) + "\n");
  });
});

describe("each quirk is handled and reported", () => {
  test("a header repeated at a page break starts no task and loses no row", () => {
    const t = parse("header-repeated");
    expect(t.tasks.map((k) => [k.no, k.requirements.length])).toEqual([
      [2, 2],
      [3, 2],
    ]);
  });
  test("main work continued after the break", () => {
    expect(parse("main-work-continued").tasks[0].mainWork).toMatch(/参与土壤监测。到2020年/);
    expect(codes("main-work-continued")).toContain("continued");
  });
  test("lead continued with the characters at the break repeated", () => {
    const t = parse("lead-continued-overlap");
    expect(t.tasks[0].lead).toEqual(["市环境保护局", "市国土资源局", "市农牧局"]);
    expect(t.diagnostics.find((d) => d.code === "continued")?.message).toMatch(/源局/);
  });
  test("partners continued across the break", () => {
    expect(parse("partners-continued").tasks[0].partners).toContain("市农牧局");
  });
  test("requirement continued with a repeated character", () => {
    const t = parse("requirement-continued-repeated-char");
    expect(t.tasks[0].requirements[1].text).toMatch(/纪检监察机关或者组织/);
    expect(codes("requirement-continued-repeated-char")).toContain("repeated-chars");
  });
  test("<p> tags", () => {
    expect(JSON.stringify(tableToJson(parse("p-tags")))).not.toMatch(/<\/?p>/);
  });
  test("stray spaces and separators", () => {
    expect(parse("stray-spaces").tasks[0].requirements[1].responsible).toEqual(["市规划局", "市环境保护局", "市商务局"]);
    expect(parse("names-without-separator").tasks[0].lead).toEqual(["市环境保护局", "市安全监管局"]);
  });
  test("aliases", () => {
    expect(parse("aliases").departments).not.toContain("市环保局");
    expect(codes("aliases").filter((c) => c === "department-alias")).toHaveLength(4);
  });
  test("merged cell + textless row", () => {
    expect(parse("merged-cell").tasks[0].requirements).toHaveLength(2);
    expect(codes("merged-cell")).toContain("merged-cell");
  });
  test("unnumbered sub-block", () => {
    expect(parse("sub-block").tasks[0].requirements.map((r) => r.id)).toEqual(["34.1", "34.2", "34.3"]);
    expect(codes("sub-block")).toContain("sub-block");
  });
  test("repeated, empty and unreadable deadlines", () => {
    expect(codes("repeated-deadline")).toContain("repeated-deadline");
    expect(codes("empty-deadline")).toContain("missing-deadline");
    expect(codes("formula-and-markup")).toContain("unknown-deadline");
  });
  test("duplicate row", () => {
    expect(parse("duplicate-row").tasks[0].requirements).toHaveLength(3);
    expect(codes("duplicate-row")).toContain("duplicate-row");
  });
  test("unknown department kept as written", () => {
    expect(parse("unknown-department").tasks[0].requirements[0].responsible).toEqual(["省环境保护厅", "省财政厅"]);
  });
  test("a table without its header is still read, with a warning", () => {
    const t = parse("no-header");
    expect(t.tasks[0].requirements).toHaveLength(3);
    expect(t.diagnostics[0].code).toBe("no-header");
  });
  test("text that looks like a formula or markup stays plain text, markup stripped", () => {
    const t = parse("formula-and-markup");
    const texts = t.tasks[0].requirements.map((r) => r.text);
    expect(texts[0]).toBe('=HYPERLINK("http://example.invalid","点我")');
    expect(texts[1]).toBe("+86 电话核实。");
    expect(texts[3]).toBe("alert(1)整改要求。");
    expect(t.tasks[0].requirements[1].deadline.kind).toBe("by"); // full-width digits and spaces
  });
});

describe("input that is not a table", () => {
  test.each([
    ["empty", "", "input", /分工表是空的/],
    ["blank lines", " \r\n\t\n\u3000", "input", /分工表是空的/],
    ["prose", "这不是表格。\n只是一段文字。", "no-header", /没有找到任务分工表/],
    ["binary", "\u0000\u0001PK\u0003\u0004\uFFFD\uFFFD", "input", /不是文本文件/],
  ])("%s: no tasks, one clear error", (_name, text, code, message) => {
    const t = parseTable(text);
    expect(t.tasks).toEqual([]);
    expect(t.diagnostics).toHaveLength(1);
    expect(t.diagnostics[0]).toMatchObject({ severity: "error", code, message: expect.stringMatching(message) });
  });
});
