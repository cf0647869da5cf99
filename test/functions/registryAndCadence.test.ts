/**
 * What SOIL.DEPTS / DEPTSUMMARY / SUMMARY compute with the 单位名录 table as their optional last argument,
 * and NEXTREPORT / FEEDBACKLATE with the cadence cells (issue #13), at the level of the computations the
 * functions wrap (src/functions/evaluate.ts): defaults unchanged, so existing workbooks keep computing.
 */
import { columnIndex, isoFromSerial, registryPreset, registryRows, REGISTRY_HEADERS, ROW_INPUT_WIDTH } from "../../src/core";
import { departmentsOf, departmentSummaryOf, feedbackLateOf, nextReportOf, summaryOf } from "../../src/functions/evaluate";
import { seedSheet, serial, tableRange } from "./fixtures";

const sheet = seedSheet();
const table = tableRange(sheet);
const REFORM = registryPreset("reform-2019")!.registry;
/** SoilRegistry[#All] as Excel passes it (header, then rows). */
const reformRange = [[...REGISTRY_HEADERS], ...registryRows(REFORM)];
const cityRange = [[...REGISTRY_HEADERS], ["市农业局", "", "", "市直部门", ""], ["市畜牧局", "", "", "市直部门", ""]];

describe("the registry as the last argument", () => {
  test("DEPTS: an alias in one registry and not in another", () => {
    expect(departmentsOf("市农业局、市环保局")).toEqual([["市农牧局"], ["市环境保护局"]]);
    expect(departmentsOf("市农业局、市环保局", reformRange)).toEqual([["市农业农村局"], ["市生态环境局"]]);
    expect(departmentsOf("市农业局", cityRange)).toEqual([["市农业局"]]);
    // The table body without its header reads the same (columns in 单位名录 order).
    expect(departmentsOf("市农业局", cityRange.slice(1))).toEqual([["市农业局"]]);
  });

  test("SUMMARY under the reform registry: the renamed bodies carry the old ones' counts, in the registry's order", () => {
    const old = summaryOf(table, serial("2018-12-20"), 30);
    const renamed = summaryOf(table, serial("2018-12-20"), 30, undefined, undefined, reformRange);
    const row = (rows: (string | number)[][], name: string) => rows.find((r) => r[0] === name)!.slice(1);
    expect(row(renamed, "市生态环境局")).toEqual(row(old, "市环境保护局"));
    expect(row(renamed, "市农业农村局")).toEqual(row(old, "市农牧局"));
    expect(renamed[1][0]).toBe("市生态环境局");
    expect(renamed[renamed.length - 1]).toEqual(old[old.length - 1]); // 合计 unchanged
    expect(departmentSummaryOf(table, "市环保局", serial("2018-12-20"), 30, reformRange)).toEqual([row(old, "市环境保护局")]);
  });

  test("a registry range that is no table is #VALUE! with a message", () => {
    expect(() => departmentsOf("市农业局", "单位名录")).toThrow(/单位名录应为/);
  });
});

describe("cadence cells for NEXTREPORT and FEEDBACKLATE", () => {
  const rowOf = (lastFeedback: string, progress = "推进中") => {
    const cells = [...sheet[0].cells];
    cells[columnIndex("progress")] = progress;
    cells[columnIndex("completedOn")] = "";
    cells[columnIndex("lastFeedback")] = lastFeedback === "" ? "" : serial(lastFeedback);
    return [cells.slice(0, ROW_INPUT_WIDTH)];
  };

  test("defaults unchanged: quarterly by the 10th", () => {
    expect(isoFromSerial(nextReportOf(serial("2019-03-05")))).toBe("2019-04-10");
    expect(isoFromSerial(nextReportOf(serial("2019-03-05"), "", ""))).toBe("2019-04-10");
  });

  test("monthly by the 28th: the next deadline and the lateness of a February report on 29 March", () => {
    expect(isoFromSerial(nextReportOf(serial("2019-03-05"), "每月", 28))).toBe("2019-03-28");
    expect(isoFromSerial(nextReportOf(serial("2019-03-29"), "每月", 28))).toBe("2019-04-28");
    expect(feedbackLateOf(rowOf("2019-02-27"), serial("2019-03-29"), "每月", 28)).toBe(true);
    expect(feedbackLateOf(rowOf("2019-03-01"), serial("2019-03-29"), "每月", 28)).toBe(false);
    expect(feedbackLateOf(rowOf("2019-02-27"), serial("2019-03-29"))).toBe(false); // quarterly: reported for Q1
    expect(() => nextReportOf(serial("2019-03-05"), "每月", 31)).toThrow(/反馈截止日“31”无效/);
  });
});

test("SUMMARY's column form (what the pane writes) takes the 单位名录 after the two columns", () => {
  const column = (key: Parameters<typeof columnIndex>[0], header: string) => [[header], ...sheet.map((r) => [r.cells[columnIndex(key)]])];
  const responsible = column("responsible", "责任单位");
  const status = [["到期状态"], ...sheet.map(() => ["按期推进"])];
  const late = [["反馈逾期"], ...sheet.map(() => [false])];
  const rows = summaryOf(responsible, null, null, status, late, reformRange);
  expect(rows[1][0]).toBe("市生态环境局");
  expect(rows.map((r) => r[0])).not.toContain("市环境保护局");
});

describe("SUMMARY / DEPTSUMMARY over the whole table (workbooks written before) with the cadence cells", () => {
  const asOf = serial("2019-03-29");
  const late = (rows: (string | number)[][]) => rows[rows.length - 1][7];
  test("omitted: 反馈逾期 by quarterly-by-the-10th as before; given: by the cadence, as FEEDBACKLATE counts it", () => {
    // 1.1 reported on 27 February: in time for the quarter, late for March's round by the 28th.
    const typed = table.map((row, i) => (i === 1 ? row.map((v, c) => (c === columnIndex("progress") ? "推进中" : c === columnIndex("lastFeedback") ? serial("2019-02-27") : v)) : row));
    const before = summaryOf(typed, asOf, 30);
    expect(summaryOf(typed, asOf, 30, undefined, undefined, undefined, "", "")).toEqual(before);
    const monthly = summaryOf(typed, asOf, 30, undefined, undefined, undefined, "每月", 28);
    const body = typed.slice(1);
    const byFunction = (c?: string, d?: number) => body.filter((row) => row[0] !== "" && feedbackLateOf([row.slice(0, ROW_INPUT_WIDTH)], asOf, c, d)).length;
    expect(late(before)).toBe(byFunction());
    expect(late(monthly)).toBe(byFunction("每月", 28));
    expect(late(monthly)).not.toBe(late(before));
    const department = String(typed[1][columnIndex("responsible")]).split("、")[0];
    expect(departmentSummaryOf(typed, department, asOf, 30, undefined, "每月", 28)[0][6]).toBe(monthly.find((r) => r[0] === department)![7]);
    expect(() => summaryOf(typed, asOf, 30, undefined, undefined, undefined, "每周", 1)).toThrow(/反馈周期“每周”/);
  });
});
