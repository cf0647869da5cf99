/**
 * Division-of-labour tables as other offices publish them (issue #12): one fixture per layout in
 * test/fixtures/tables/<name>.txt, written for SOIL in those shapes, its parse stored beside it as
 * <name>.expected.json (reviewed by hand; UPDATE_GOLDEN=1 rewrites for review), and what each layout
 * must give asserted one by one.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { allRequirements, assertImportable, importProblem, isoFromDay, parseColumnMapping, parseTable, tableToJson } from "../../src/core";
import { expectGolden } from "../golden/golden";

const DIR = path.resolve(__dirname, "../fixtures/tables");
const text = (name: string) => readFileSync(path.join(DIR, `${name}.txt`), "utf8");
const parse = (name: string) => parseTable(text(name));
const ids = (name: string) => allRequirements(parse(name)).map((r) => r.id);

describe("table layouts match their expected parse", () => {
  test.each(readdirSync(DIR).filter((f) => f.endsWith(".txt")))("%s", (file) => {
    const json = tableToJson(parseTable(readFileSync(path.join(DIR, file), "utf8")));
    expectGolden(path.join(DIR, file.replace(/\.txt$/, ".expected.json")), JSON.stringify(json, null, 2) + "\n");
  });
});

describe("each layout is read, and every judgement is said", () => {
  test("year columns under a two-row header: one requirement per filled year cell, due at that year's end, ids that stay", () => {
    const t = parse("year-columns");
    expect(ids("year-columns")).toEqual(["1.1-2018", "1.1-2019", "2.1-2019", "2.1-2020", "3.1-2018"]);
    expect(allRequirements(t).map((r) => isoFromDay(r.deadline.date!))).toEqual(["2018-12-31", "2019-12-31", "2019-12-31", "2020-12-31", "2018-12-31"]);
    expect(allRequirements(t)[0].text).toBe("完成农用地土壤污染状况调查（2018年：完成点位布设和采样）");
    expect(allRequirements(t)[0].extras).toEqual({ 备注: "与省调查衔接" });
    expect(t.extraColumns).toEqual(["备注"]);
    expect(t.diagnostics.filter((d) => d.code === "year-split").map((d) => d.line)).toEqual([2, 4, 5, 6]);
    // A year cell filled in later moves no other requirement's id.
    const filled = text("year-columns").replace("建立污染地块名录\t市国土资源局\t\t", "建立污染地块名录\t市国土资源局\t启动编制\t");
    expect(allRequirements(parseTable(filled)).map((r) => r.id)).toEqual(["1.1-2018", "1.1-2019", "2.1-2018", "2.1-2019", "2.1-2020", "3.1-2018"]);
  });

  test("责任单位 over 牵头部门 | 配合部门: the lower row names the columns, the 牵头 units are responsible", () => {
    const t = parse("two-row-header");
    expect(t.tasks.map((k) => [k.no, k.title, k.lead, k.partners])).toEqual([
      [1, "加强耕地保护", ["市国土资源局", "市农牧局"], ["市农牧局", "市财政局"]],
      [2, "严控新增污染", ["市环境保护局"], ["市发展改革委", "市工业和信息化局"]],
    ]);
    expect(allRequirements(t).map((r) => r.responsible)).toEqual([["市国土资源局"], ["市农牧局"], ["市环境保护局"]]);
    expect(t.diagnostics.find((d) => /责任单位取牵头单位/.test(d.message))).toMatchObject({ line: 1, severity: "warning" });
  });

  test("section rows are the 类别 of the tasks under them, never a task's text and never an error", () => {
    const t = parse("sections");
    expect(t.tasks.map((k) => k.category)).toEqual(["一、基础能力建设 / （一）调查监测", "一、基础能力建设 / （一）调查监测", "二、风险管控", "二、风险管控"]);
    expect(allRequirements(t).some((r) => /基础能力|风险管控/.test(r.text))).toBe(false);
    expect(t.diagnostics.filter((d) => d.code === "section").map((d) => d.line)).toEqual([2, 3, 6]);
    expect(t.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("no 序号 column: a task per change of the task cell, numbered in order, said once", () => {
    const t = parse("no-number");
    expect(t.tasks.map((k) => [k.no, k.title, k.requirements.length])).toEqual([
      [1, "推进详查", 2],
      [2, "加强执法", 2],
      [3, "治理修复", 1],
    ]);
    expect(t.diagnostics.filter((d) => d.code === "numbering").map((d) => d.message)).toEqual(["表中没有序号列，任务按出现顺序编号"]);
    // 年底前 / 7月底前: the year of the title above the table, said on each line.
    expect(t.planYear).toBe(2018);
    expect(t.diagnostics.filter((d) => d.code === "year-supplied").map((d) => [d.line, d.task, d.column])).toEqual([
      [3, 1, "完成时限"],
      [4, 1, "完成时限"],
    ]);
    expect(parseTable(text("no-number"), { planYear: 2019 }).tasks[0].requirements[1].deadline.date).toBe(Date.UTC(2019, 6, 31) / 86400000);
  });

  test("an Excel paste: quoted cells keep their line breaks, a line break separates names, CRLF lines counted", () => {
    const t = parse("excel-paste");
    const [a, b, c] = allRequirements(t);
    expect(a.text).toBe("开展\"净土\"宣传。\n进社区、进学校。");
    expect(a.responsible).toEqual(["市环境保护局", "市农牧局"]);
    expect(c.responsible).toEqual(["市发展改革委", "市工业和信息化局"]);
    expect(t.diagnostics.some((d) => d.code === "department-split")).toBe(false);
    expect(isoFromDay(b.deadline.date!)).toBe("2019-12-31");
    expect([a.line, b.line, c.line]).toEqual([2, 5, 7]);
  });

  test("quotes in the text itself (not Excel's quoting) stay as written", () => {
    const header = "序号\t牵头部门\t参与部门\t主要工作\t工作要求\t责任单位\t完成时限";
    const t = parseTable(`${header}\n1\t市环境保护局\t\t（一）任务。\t"净土"\t市环境保护局\t2018年底\n\t\t\t\t""\t市财政局\t2019年底\n`);
    expect(allRequirements(t).map((r) => r.text)).toEqual(['"净土"', '""']);
  });

  test("a header SOIL does not know: refused with the columns it saw; read with the user's mapping", () => {
    const t = parse("unrecognised");
    expect(t.columns).toMatchObject({ status: "unrecognised", names: ["类别", "事项", "承办单位", "办结时间"] });
    expect(() => assertImportable(t)).toThrow(/看到的列：1 类别、2 事项、3 承办单位、4 办结时间/);
    const mapped = parseTable(text("unrecognised"), { columns: parseColumnMapping("类别=task,事项=text,承办单位=responsible,办结时间=deadline") });
    expect(importProblem(mapped)).toBeNull();
    expect(mapped.columns?.status).toBe("confirmed");
    expect(allRequirements(mapped).map((r) => [r.id, r.text, r.responsible[0]])).toEqual([
      ["1.1", "完善监测网络。", "市环境保护局"],
      ["2.1", "开展专项执法。", "市公安局"],
    ]);
  });

  test("a header with an empty cell is mapped by the names it has and the empty column's number", () => {
    const text = "类别\t事项\t\t办结时间\n监测\t完善监测网络。\t市环境保护局\t2018年底\n";
    const t = parseTable(text, { columns: parseColumnMapping("类别=task,事项=text,第3列=responsible,办结时间=deadline") });
    expect(allRequirements(t).map((r) => [r.text, r.responsible])).toEqual([["完善监测网络。", ["市环境保护局"]]]);
  });

  test("a table without a header is read in the bundled order but never imported on that guess", () => {
    const noHeader = readFileSync(path.resolve(__dirname, "../fixtures/quirks/no-header.txt"), "utf8");
    const t = parseTable(noHeader);
    expect(t.columns?.status).toBe("guessed");
    expect(() => assertImportable(t)).toThrow(/按默认顺序推测/);
    const confirmed = parseTable(noHeader, { columns: parseColumnMapping("1=no,2=lead,3=partners,4=task,5=text,6=responsible,7=deadline") });
    expect(importProblem(confirmed)).toBeNull();
    expect(allRequirements(confirmed).map((r) => r.id)).toEqual(allRequirements(t).map((r) => r.id));
  });
});
