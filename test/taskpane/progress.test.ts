/** Long actions say how far they are: each step in order, and the rows written while 任务清单 is filled. */
import { dayFromIso } from "../../src/core";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import type { Progress } from "../../src/taskpane/excel/progress";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { FakeWorkbook } from "../doubles/fakeExcel";
import { syntheticTable } from "../doubles/tables";

const AS_OF = dayFromIso("2018-12-05")!;

function setUp() {
  const book = new FakeWorkbook();
  return createExcelActions(book.run, detectFeatures(book.isSetSupported));
}

describe("progress of long actions", () => {
  test("populate: four steps in order, rows written counted up to the table's size", async () => {
    const actions = setUp();
    const table = syntheticTable(1950);
    const heard: Progress[] = [];
    await actions.populate(table, AS_OF, (p) => heard.push(p));
    expect(heard.map((p) => p.step)).toEqual([...heard.map((p) => p.step)].sort((a, b) => a - b));
    expect(new Set(heard.map((p) => `${p.step}/${p.steps} ${p.what}`))).toEqual(new Set(["1/4 检查工作簿", "2/4 新建工作表", "3/4 写入任务清单", "4/4 部门汇总、图表与计算"]));
    const rows = heard.filter((p) => p.step === 3).map((p) => p.done);
    expect(rows[0]).toBe(0);
    expect(rows[rows.length - 1]).toBe(1950);
    // 1,950 rows go in several blocks: the count moves more than once.
    expect(rows.length).toBeGreaterThan(2);
    expect(heard.filter((p) => p.step === 3).every((p) => p.total === 1950)).toBe(true);
  });

  test("re-import and report say their steps", async () => {
    const actions = setUp();
    await actions.populate(syntheticTable(195), AS_OF);
    const steps = async (work: (listen: (p: Progress) => void) => Promise<unknown>) => {
      const heard: string[] = [];
      await work((p) => heard.push(`${p.step}/${p.steps} ${p.what}`));
      return heard;
    };
    await expect(steps((l) => actions.reimport(syntheticTable(200), AS_OF, l))).resolves.toEqual(["1/4 读取任务清单并按编号比对", "2/4 更新 0 条工作要求", "3/4 归档 0 条、追加 5 条", "4/4 计算列、样式与部门汇总"]);
    await expect(steps((l) => actions.writeQuarterlyReport({ year: 2018, quarter: 4 }, l))).resolves.toEqual(["1/2 读取任务清单并统计", "2/2 写入“季报2018Q4”工作表"]);
  });
});
