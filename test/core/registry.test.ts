/**
 * The office's own registry (issue #13): tables of other offices read with their own bodies, Handan's
 * table under the 2019 names, aliases that hold in one registry and not in another, additions and
 * proposals, and the renaming preset moving a filled-in workbook.
 */
import {
  additionsSummary,
  allRequirements,
  BUNDLED_REGISTRY,
  canonicalDepartment,
  DepartmentRegistry,
  ExistingTaskTable,
  isShortening,
  parseTable,
  parseTableWithOwnRegistry,
  planReimport,
  registryAdditions,
  registryConflicts,
  registryFromTable,
  registryFromTsv,
  registryPreset,
  registryToTsv,
  registryWithAdditions,
  registryFromRows,
  resolveDepartments,
  summarizeByDepartment,
  TABLE_HEADERS,
  TASK_HEADERS,
  taskRows,
} from "../../src/core";
import { mapSeedCells } from "../doubles/hostileInputs";
import { seedText } from "../doubles/seedVariants";

const REFORM = registryPreset("reform-2019")!.registry;

/** A county's table: none of its bodies is in any preset; 县环保局 is written short once. */
const COUNTY_TABLE = [
  "某县土壤污染防治工作方案重点任务分工",
  TABLE_HEADERS.join("\t"),
  ["1", "县环境保护局", "县农业农村局、县财政局", "（一）开展详查。", "开展农用地详查。", "县环境保护局牵头", "2018年底"].join("\t"),
  ["", "", "", "", "建立详查数据库。", "县环保局、县自然资源局", "2019年6月"].join("\t"),
  ["2", "县农业农村局", "县 财政局", "（二）安全利用。", "划定农用地类别。", "县农业农村局", "2020年底"].join("\t"),
  ["", "", "", "", "落实安全利用方案。", "县农业农村局、各乡镇政府", "持续推进"].join("\t"),
  ["3", "县自然资源局", "", "（三）建设用地。", "建立污染地块名录。", "县自然资源局", "2018年底"].join("\t"),
  ["", "", "", "", "开展调查评估。", "县环境保护局", "2018年底"].join("\t"),
].join("\n");

describe("a county's table, no body of which any preset knows", () => {
  const table = parseTable(COUNTY_TABLE);

  test("is read with a registry built from the table: every body, canonical first, the shortening an alias", () => {
    expect(table.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(table.registry!.label).toBe("本表");
    expect(table.registry!.entries.map((e) => e.name)).toEqual(["县环境保护局", "县自然资源局", "县农业农村局", "县财政局", "各乡镇政府"]);
    expect(table.registry!.entries[0].aliases).toEqual(["县环保局"]);
    expect(allRequirements(table).map((r) => r.responsible.join("、"))).toEqual([
      "县环境保护局",
      "县环境保护局、县自然资源局",
      "县农业农村局",
      "县农业农村局、各乡镇政府",
      "县自然资源局",
      "县环境保护局",
    ]);
    expect(table.tasks[1].partners).toEqual(["县财政局"]); // the stray space dropped
  });

  test("the preview's count of bodies is the registry's", () => {
    expect(table.departments).toHaveLength(table.registry!.entries.length);
    expect(registryAdditions(table, table.registry!)).toEqual([]);
  });

  test("under the bundled registry every body would be an addition, none a refusal", () => {
    const underHandan = parseTable(COUNTY_TABLE, { registry: BUNDLED_REGISTRY });
    const additions = registryAdditions(underHandan, BUNDLED_REGISTRY);
    expect(additions.map((a) => a.name)).toEqual(["县环境保护局", "县环保局", "县自然资源局", "县农业农村局", "县财政局", "各乡镇政府"]);
    expect(additionsSummary(additions)).toBe("6 个单位将加入单位名录");
  });
});

describe("Handan's table written with the names of the 2018–19 reform", () => {
  const renamed = mapSeedCells((cells, header) => {
    if (header) return cells;
    return cells.map((c, i) =>
      [1, 2, 5].includes(i)
        ? c
            .replace(/市环境保护局|市环保局/g, "市生态环境局")
            .replace(/市农牧局/g, "市农业农村局")
            .replace(/市卫生计生委/g, "市卫生健康委员会")
            .replace(/市安全监管局/g, "市应急管理局")
        : c,
    );
  });

  test("under the bundled registry the new names are additions (never a refusal)", () => {
    const table = parseTable(renamed, { registry: BUNDLED_REGISTRY });
    const added = registryAdditions(table, BUNDLED_REGISTRY).map((a) => a.name);
    expect(added).toEqual(expect.arrayContaining(["市生态环境局", "市农业农村局", "市卫生健康委员会", "市应急管理局"]));
  });

  test("under the reform preset every renamed body is known and counts as the old ones did", () => {
    const old = parseTable(seedText());
    const table = parseTable(renamed, { registry: REFORM });
    const additions = registryAdditions(table, REFORM).map((a) => a.name);
    expect(additions).toEqual(["省环境保护厅", "省财政厅", "省林业厅"]); // the seed's province bodies, as today
    const count = (t: typeof table, name: string) => allRequirements(t).filter((r) => r.responsible.includes(name)).length;
    expect(count(table, "市生态环境局")).toBe(count(old, "市环境保护局"));
    expect(count(table, "市农业农村局")).toBe(count(old, "市农牧局"));
    expect(count(table, "市应急管理局")).toBe(count(old, "市安全监管局"));
    expect(allRequirements(table)).toHaveLength(195);
  });
});

describe("aliases apply only within the registry in use", () => {
  const ownAgri: DepartmentRegistry = { label: "某市", entries: [{ name: "市农业局", aliases: [] }, { name: "市畜牧局", aliases: [] }] };

  test("市农业局 is 市农牧局 in Handan 2017, 市农业农村局 after the reform, itself elsewhere", () => {
    expect(resolveDepartments("市农业局", BUNDLED_REGISTRY).names).toEqual(["市农牧局"]);
    expect(resolveDepartments("市农业局", REFORM).names).toEqual(["市农业农村局"]);
    expect(resolveDepartments("市农业局", ownAgri)).toEqual({ names: ["市农业局"], notes: [] });
    expect(canonicalDepartment("市农牧局", ownAgri)).toBeNull();
  });

  test("a table of that city keeps its 市农业局 and 市畜牧局 apart", () => {
    const text = [TABLE_HEADERS.join("\t"), ["1", "市农业局", "市畜牧局", "（一）甲。", "要求。", "市农业局、市畜牧局", "2020年底"].join("\t")].join("\n");
    expect(parseTable(text, { registry: ownAgri }).tasks[0].requirements[0].responsible).toEqual(["市农业局", "市畜牧局"]);
    expect(parseTable(text, { registry: BUNDLED_REGISTRY }).tasks[0].requirements[0].responsible).toEqual(["市农牧局", "市畜牧局"]);
  });
});

describe("additions and proposals", () => {
  const registry: DepartmentRegistry = { label: "某市", entries: [{ name: "市环境保护局", aliases: [] }, { name: "市农牧局", aliases: [] }] };
  const cell = (responsible: string) => [TABLE_HEADERS.join("\t"), ["1", "", "", "（一）甲。", "要求。", responsible, "2020年底"].join("\t")].join("\n");

  test("a near miss (市环保 局, 市环竟保护局) is proposed as an alias; accepting it resolves the name", () => {
    for (const written of ["市环保 局", "市环竟保护局"]) {
      const table = parseTable(cell(written), { registry });
      const additions = registryAdditions(table, registry);
      expect(additions).toEqual([{ name: written.replace(" ", ""), proposal: { kind: "alias", of: "市环境保护局" } }]);
      const accepted = registryWithAdditions(registry, additions, new Set([additions[0].name]));
      expect(parseTable(cell(written), { registry: accepted }).tasks[0].requirements[0].responsible).toEqual(["市环境保护局"]);
      const declined = registryWithAdditions(registry, additions);
      expect(declined.entries.map((e) => e.name)).toEqual(["市环境保护局", "市农牧局", written.replace(" ", "")]);
    }
  });

  test("two known bodies run together are split; with one misspelt, the split is proposed", () => {
    expect(parseTable(cell("市环境保护局市农牧 局"), { registry }).tasks[0].requirements[0].responsible).toEqual(["市环境保护局", "市农牧局"]);
    const table = parseTable(cell("市环境保护局市农木局"), { registry });
    const additions = registryAdditions(table, registry);
    expect(additions[0].proposal).toEqual({ kind: "split", parts: ["市环境保护局", "市农牧局"], pieces: ["市环境保护局", "市农木局"] });
    const accepted = registryWithAdditions(registry, additions, new Set(["市环境保护局市农木局"]));
    expect(parseTable(cell("市环境保护局市农木局"), { registry: accepted }).tasks[0].requirements[0].responsible).toEqual(["市环境保护局", "市农牧局"]);
  });

  test("shortening: same first and last character, in order", () => {
    expect(isShortening("市环保局", "市环境保护局")).toBe(true);
    expect(isShortening("市国土局", "市国土资源局")).toBe(true);
    expect(isShortening("市发改委", "市发展和改革委员会")).toBe(false);
    expect(isShortening("市财政局", "市公安局")).toBe(false);
  });
});

describe("registry as data", () => {
  test("the presets have no spelling claimed by two bodies", () => {
    expect(registryConflicts(BUNDLED_REGISTRY)).toEqual([]);
    expect(registryConflicts(REFORM)).toEqual([]);
  });

  test("TSV round trip: 别称 separated by 、, header found by 规范名称, comments skipped", () => {
    const tsv = "# 某县单位名录\n规范名称\t别称\t简称\t类别\t备注\n县环境保护局\t县环保局、县环保 分局\t县环保局\t县直部门\t\n县财政局\n";
    const registry = registryFromTsv(tsv, "某县");
    expect(registry.entries).toEqual([
      { name: "县环境保护局", aliases: ["县环保局", "县环保分局"], short: "县环保局", category: "县直部门" },
      { name: "县财政局", aliases: [] },
    ]);
    expect(registryFromTsv(registryToTsv(registry), "某县")).toEqual(registry);
  });

  test("a 别称 with a 、 inside parentheses stays one name, as in 责任单位; the other separators still split", () => {
    const registry = registryFromRows([["规范名称", "别称"], ["各县（市、区）政府", "各县（市、区）人民政府，各县(市、区)政府\n县区政府；；"]], "某市");
    expect(registry.entries[0].aliases).toEqual(["各县（市、区）人民政府", "各县(市、区)政府", "县区政府"]);
    expect(resolveDepartments("各县（市、区）人民政府、市财政局", { ...registry, entries: [...registry.entries, { name: "市财政局", aliases: [] }] }).names).toEqual(["各县（市、区）政府", "市财政局"]);
  });

  test("the bundled table is read with 邯郸市2017 by default, exactly as with it given", () => {
    const byDefault = parseTable(seedText());
    expect(byDefault.registry).toBe(BUNDLED_REGISTRY);
    expect(parseTable(seedText(), { registry: BUNDLED_REGISTRY })).toEqual(byDefault);
    expect(byDefault.departments).toHaveLength(39);
  });

  test("preset none: the bundled table read with its own names: names run together split, page-break repeats dropped", () => {
    const own = parseTableWithOwnRegistry(seedText());
    const names = own.registry!.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["市环境保护局", "市国土资源局", "市安全监管局", "市委宣传部", "市教育局"]));
    expect(names.filter((n) => /局.*市|源局源局/.test(n))).toEqual([]);
    expect(registryFromTable(own.tasks).entries.map((e) => e.name)).toEqual(names);
    // Without Handan's aliases the table's own spellings stay apart, except the shortenings it proves.
    expect(own.registry!.entries.find((e) => e.name === "市环境保护局")!.aliases).toEqual(["市环保局"]);
  });
});

describe("the renaming preset moving a filled-in workbook", () => {
  test("re-importing with the reform registry renames 责任单位 only: typed cells kept, every renamed row listed", () => {
    const old = parseTable(seedText());
    const rows = taskRows(old, { flavor: "addin" }).map((r) => r.map((c) => (c !== null && typeof c === "object" ? ("date" in c ? 0 : "") : c)));
    // A department typed into row 1.1.
    rows[0][8] = "已完成详查布点。";
    rows[0][7] = "推进中";
    const existing: ExistingTaskTable = { headers: TASK_HEADERS, rows };
    const plan = planReimport(existing, parseTable(seedText(), { registry: REFORM }));
    const renamedRows = allRequirements(old).filter((r) => r.responsible.some((n) => canonicalDepartment(n, REFORM) !== n && canonicalDepartment(n, REFORM) !== null));
    expect(plan.report.responsibleChanged.map((c) => c.id)).toEqual(renamedRows.map((r) => r.id));
    expect(plan.report.responsibleChanged[0]).toEqual({ id: "1.1", before: "市环境保护局", after: "市生态环境局" });
    expect(plan.report.textChanged).toEqual([]);
    for (const u of plan.updates) expect(Object.keys(u.cells)).not.toContain("notes");
    expect(plan.archive).toEqual([]);
    expect(plan.additions).toEqual([]);
    // The summary under the new names: one row per renamed body, counts carried over.
    const summary = summarizeByDepartment(
      allRequirements(parseTable(seedText(), { registry: REFORM })).map((r) => ({ responsible: r.responsible, status: "按期推进" as const, feedbackLate: false })),
      undefined,
      REFORM,
    );
    expect(summary.departments[0].department).toBe("市生态环境局");
  });
});

test("accepting a proposal that names another new body of the same table", () => {
  const table = parseTable(COUNTY_TABLE, { registry: BUNDLED_REGISTRY });
  const additions = registryAdditions(table, BUNDLED_REGISTRY);
  expect(additions.find((a) => a.name === "县环保局")!.proposal).toEqual({ kind: "alias", of: "县环境保护局" });
  const accepted = registryWithAdditions(BUNDLED_REGISTRY, additions, new Set(["县环保局"]));
  expect(accepted.entries.find((e) => e.name === "县环境保护局")!.aliases).toEqual(["县环保局"]);
  expect(accepted.entries).toHaveLength(BUNDLED_REGISTRY.entries.length + 5);
  expect(parseTable(COUNTY_TABLE, { registry: accepted }).tasks[0].requirements[1].responsible).toEqual(["县环境保护局", "县自然资源局"]);
});
