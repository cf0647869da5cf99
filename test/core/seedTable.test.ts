/**
 * The bundled table, parsed: golden files of every task and requirement (reviewed against the
 * source document line by line), plus the extraction quirks asserted one by one.
 */
import { readFileSync } from "fs";
import path from "path";
import { BUNDLED_SOURCE } from "../../src/cli/source";
import { allRequirements, isoFromDay, parseTable, ParsedTable, tableOverview } from "../../src/core";
import { expectGolden } from "../golden/golden";

const SOURCE = readFileSync(BUNDLED_SOURCE, "utf8");
const SOURCE_LINES = SOURCE.split("\n");
const table: ParsedTable = parseTable(SOURCE);
const byId = new Map(allRequirements(table).map((r) => [r.id, r]));
const req = (id: string) => {
  const r = byId.get(id);
  if (!r) throw new Error(`no requirement ${id}`);
  return r;
};

function requirementsTsv(t: ParsedTable): string {
  const lines = ["id\tline\tdeadline\tkind\tdate\tresponsible\ttext"];
  for (const r of allRequirements(t)) {
    const date = r.deadline.date === null ? "" : isoFromDay(r.deadline.date);
    lines.push([r.id, r.line, r.deadline.raw, r.deadline.kind, date, r.responsible.join("、"), r.text].join("\t"));
  }
  return lines.join("\n") + "\n";
}

function tasksTsv(t: ParsedTable): string {
  const lines = ["no\tline\trequirements\ttitle\tlead\tpartners"];
  for (const k of t.tasks) lines.push([k.no, k.line, k.requirements.length, k.title, k.lead.join("、"), k.partners.join("、")].join("\t"));
  return lines.join("\n") + "\n";
}

describe("the bundled key-task table", () => {
  test("has 56 tasks and 195 requirements, every task numbered in order", () => {
    expect(table.tasks.map((t) => t.no)).toEqual(Array.from({ length: 56 }, (_, i) => i + 1));
    expect(tableOverview(table)).toMatchObject({ tasks: 56, requirements: 195 });
    expect(table.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("tasks match the golden file", () => {
    expectGolden(path.join(__dirname, "../golden/seed.tasks.tsv"), tasksTsv(table));
  });

  test("requirements match the golden file", () => {
    expectGolden(path.join(__dirname, "../golden/seed.requirements.tsv"), requirementsTsv(table));
  });

  test("diagnostics match the golden file", () => {
    const text = table.diagnostics.map((d) => `${d.line}\t${d.severity}\t${d.code}\t${d.message}`).join("\n") + "\n";
    expectGolden(path.join(__dirname, "../golden/seed.diagnostics.tsv"), text);
  });

  test("ids are <task>.<k> in table order, unique", () => {
    for (const t of table.tasks) t.requirements.forEach((r, k) => expect(r.id).toBe(`${t.no}.${k + 1}`));
    expect(new Set(allRequirements(table).map((r) => r.id)).size).toBe(195);
  });

  test("every requirement's text stands in the source at its line (no text invented)", () => {
    const joined = new Set(["53.4", "49.1", "49.2"]);
    for (const r of allRequirements(table)) {
      if (joined.has(r.id)) continue;
      const cells = SOURCE_LINES[r.line - 1].split("\t");
      expect(cells[4].replace(/<\/?p>/g, "").trim()).toBe(r.text);
    }
  });

  test("every source row with a 工作要求 is a requirement, a continuation, a split or a reported duplicate (none lost)", () => {
    const lines = SOURCE_LINES.map((l, i) => ({ cells: l.split("\t"), line: i + 1 })).filter(
      ({ cells }) => cells.length >= 7 && cells[0] !== "序号" && cells[4].trim() !== "",
    );
    expect(lines).toHaveLength(196);
    const startLines = new Set(allRequirements(table).map((r) => r.line));
    const accounted = new Map([
      [264, "duplicate-row"],
      [291, "continued"],
    ]);
    for (const { line } of lines) {
      if (startLines.has(line)) continue;
      const code = accounted.get(line);
      expect(table.diagnostics.some((d) => d.line === line && d.code === code)).toBe(true);
    }
  });
});

describe("extraction quirks in the bundled table", () => {
  test("the main work of task 3 continues after the page break", () => {
    const t3 = table.tasks[2];
    expect(t3.mainWork.endsWith("鼓励社会机构参与土壤监测。到2020年，建设完成全市土壤监测体系。")).toBe(true);
    expect(t3.requirements.map((r) => r.deadline.raw)).toEqual(["2017年底", "2017年底", "2020年底", "持续推进"]);
  });

  test("the lead of task 5 continues across the break with 源局 repeated on both sides", () => {
    expect(table.tasks[4].lead).toEqual(["市环境保护局", "市国土资源局", "市农牧局"]);
    expect(table.tasks[4].requirements).toHaveLength(6);
  });

  test("the partners of task 33 continue across the break (市农牧 | 局等)", () => {
    expect(table.tasks[32].partners).toEqual(["市财政局", "市国土资源局", "市规划局", "市农牧局"]);
    expect(table.diagnostics.some((d) => d.code === "unknown-department" && d.message.includes("市农牧”"))).toBe(false);
  });

  test("requirement 53.4 continues across the break and keeps 察 once", () => {
    expect(req("53.4").text).toBe(
      "对失职渎职、弄虚作假的,由各级政府负有生态环境和资源保护监管职责的工作部门查清事实,区分责任,按照干部管理权限将有关材料及时移交纪检监察" +
        "机关或者组织（人事）部门根据情节轻重，予以诫勉、责令公开道歉、组织处理或党纪政纪处分；对构成犯罪的，依法追究刑事责任，已经调离、提拔或退休的，也要终身追究责任。",
    );
    expect(req("53.5").text.startsWith("督促各地加强对生产经营活动")).toBe(true);
  });

  test("<p> tags are removed from every cell", () => {
    for (const t of table.tasks) {
      expect(t.mainWork).not.toMatch(/<\/?p>/);
      for (const r of t.requirements) expect(r.text).not.toMatch(/<\/?p>/);
    }
    expect(req("35.2").text).toBe("指导督促各县加强对污染地块治理修复工程的环境监管。");
  });

  test("stray spaces inside names and 牵头 are removed", () => {
    expect(req("18.5").responsible).toEqual(["市规划局", "市环境保护局", "市商务局"]);
    expect(req("18.1").responsible).toEqual(["市发展改革委"]);
    expect(req("18.4").responsible).toEqual(["市发展改革委", "市环境保护局"]);
  });

  test("names written without a separator are split", () => {
    expect(table.tasks[20].lead).toEqual(["市环境保护局", "市安全监管局"]);
    expect(table.tasks[53].partners.slice(0, 2)).toEqual(["市委宣传部", "市教育局"]);
  });

  test("aliases resolve to the canonical names the table also uses", () => {
    expect(req("41.1").responsible).toEqual(["市财政局", "市发展改革委", "市环境保护局"]); // 市环保局
    expect(req("24.1").responsible).toEqual(["市环境保护局", "市工业和信息化局"]); // 市工业信息化局
    expect(req("15.4").responsible).toEqual(["市发展改革委"]); // 市发展和改革委员会
    expect(req("43.1").responsible).toEqual(["人行邯郸市中心支行"]); // 人行邯郸市支行
    for (const alias of ["市环保局", "市工业信息化局", "市发展和改革委员会", "人行邯郸市支行"]) {
      expect(table.departments).not.toContain(alias);
    }
  });

  test("the merged cell of task 49 is split into two requirements, the textless row giving the second its assignment", () => {
    const t49 = table.tasks[48];
    expect(t49.requirements.map((r) => [r.text, r.deadline.raw])).toEqual([
      ["加强组织领导，落实土壤污染防治属地责任，成立土壤污染防治工作领导小组和办事机构。", "2017年底"],
      ["督促各市、县政府成立相应领导机构，制定本行政区域土壤环境保护与综合治理实施方案，确定重点任务和治理目标，分解年度工作任务，抓好工作落实。", "持续推进"],
    ]);
  });

  test("the unnumbered block in task 34 belongs to task 34", () => {
    const t34 = table.tasks[33];
    expect(t34.requirements).toHaveLength(3);
    expect(req("34.3").text).toBe("以拟开发建设居住、商业、学校、医疗和养老机构等项目的污染地块为重点，组织开展污染地块治理与修复。");
    expect(t34.partners).toContain("市建设局");
    expect(table.diagnostics.some((d) => d.line === 210 && d.code === "sub-block")).toBe(true);
  });

  test("the deadline written twice counts once; the empty one is none; 持续进行 is ongoing", () => {
    expect(req("21.4").deadline).toMatchObject({ raw: "2018年底 2018年底", kind: "by", repeated: true });
    expect(isoFromDay(req("21.4").deadline.date!)).toBe("2018-12-31");
    expect(req("22.1").deadline).toEqual({ raw: "", kind: "none", date: null });
    expect(req("22.3").deadline.kind).toBe("ongoing");
    expect(table.diagnostics.some((d) => d.line === 147 && d.code === "missing-deadline")).toBe(true);
  });

  test("the exact duplicate row of task 46 is dropped and reported", () => {
    expect(table.tasks[45].requirements).toHaveLength(3);
    expect(table.diagnostics.find((d) => d.code === "duplicate-row")).toMatchObject({ line: 264 });
  });

  test("provincial bodies are not in the registry: kept as written and reported", () => {
    expect(req("44.1").responsible).toEqual(["省环境保护厅", "省财政厅"]);
    expect(table.departments.slice(-3)).toEqual(["省环境保护厅", "省财政厅", "省林业厅"]);
    expect(table.diagnostics.filter((d) => d.code === "unknown-department").map((d) => d.line)).toEqual([256, 256, 267]);
  });

  test("departments: 35 registry bodies, the collective 市有关部门, 3 unknown provincial ones", () => {
    expect(table.departments).toHaveLength(39);
  });
});
