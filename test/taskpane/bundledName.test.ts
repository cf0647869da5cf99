/**
 * The bundled table's name in the pane is read from the seed's own title (the plan's name is data): the
 * row of one text right above the first header, as the source text has it.
 */
import { readFileSync } from "fs";
import { BUNDLED_SOURCE } from "../../src/cli/source";
import { textGrid } from "../../src/core";
import { tableTitle } from "../../src/core/tableTitle";
import { bundledTableName } from "../../src/taskpane/source/bundledName";

const SEED = readFileSync(BUNDLED_SOURCE, "utf8");
const HEADER = "序号\t牵头部门\t参与部门\t主要工作\t工作要求\t责任单位\t完成时限";
const ROW = "1\t甲局\t乙局\t（一）开展调查。\t完成调查。\t甲局牵头\t2020年底";

describe("the bundled table's name", () => {
  test("is the seed's title line above its first header, 《》 dropped, marked 内置", () => {
    const lines = SEED.split("\n").map((l) => l.trim());
    const header = lines.findIndex((l) => l.startsWith("序号\t"));
    const title = lines.slice(0, header).filter(Boolean).pop()!;
    expect(title).toMatch(/^《.+》重点任务部门分工$/);
    expect(bundledTableName(SEED)).toBe(`${title.replace(/[《》]/g, "")}（内置）`);
  });

  test("follows the text: another plan's title, or 内置分工表 when the table has none", () => {
    expect(bundledTableName(["某县分工方案", "", "《某县土壤污染防治工作方案》重点任务分工", HEADER, ROW].join("\n"))).toBe("某县土壤污染防治工作方案重点任务分工（内置）");
    expect(bundledTableName([HEADER, ROW].join("\n"))).toBe("内置分工表");
    expect(bundledTableName("")).toBe("内置分工表");
  });
});

describe("tableTitle", () => {
  test("takes the nearest row of one text above the header, not a row of several cells", () => {
    expect(tableTitle(textGrid(["附件1", "甲方案任务分工", "说明\t另一格", HEADER, ROW].join("\n")))).toBe("甲方案任务分工");
    expect(tableTitle(textGrid(["附件1", "甲方案任务分工", HEADER, ROW, "表后的文字"].join("\n")))).toBe("甲方案任务分工");
  });

  test("is null without a header or without text above it", () => {
    expect(tableTitle(textGrid(["只有标题", "没有表头"].join("\n")))).toBeNull();
    expect(tableTitle(textGrid([HEADER, ROW].join("\n")))).toBeNull();
  });
});
