/** The import step's parts for other offices' tables (issue #12), rendered to HTML: place of a diagnostic, the mapping step, the source options, progress. */
import * as React from "react";
import { readFileSync } from "fs";
import path from "path";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { parseTable, tableOverview } from "../../src/core";
import { ColumnMappingStep } from "../../src/taskpane/components/ColumnMappingStep";
import { DiagnosticsList } from "../../src/taskpane/components/DiagnosticsList";
import { SourceOptions } from "../../src/taskpane/components/SourceOptions";
import { TablePreview } from "../../src/taskpane/components/TablePreview";
import { asMapping, memoryStore } from "../../src/taskpane/excel/columnMappingStore";
import { needsMapping, needsPlanYear } from "../../src/taskpane/source/useParsedTable";

const render = (node: React.ReactElement) => renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
const fixture = (name: string) => parseTable(readFileSync(path.resolve(__dirname, `../fixtures/tables/${name}.txt`), "utf8"));

describe("the import step for other offices' tables", () => {
  test("a diagnostic names the task and the column", () => {
    const html = render(<DiagnosticsList diagnostics={[{ line: 6, severity: "warning", code: "unknown-deadline", message: "无法识别", task: 12, column: "完成时限" }]} />);
    expect(html).toContain("任务12 · 完成时限");
    expect(html).toContain("第 6 行");
  });

  test("an unrecognised header: the mapping step lists each column and its first cells; confirming needs text and someone responsible", () => {
    const t = fixture("unrecognised");
    expect(needsMapping(t)).toBe(true);
    const html = render(<ColumnMappingStep columns={t.columns!} onConfirm={() => undefined} />);
    for (const name of ["第 1 列：类别", "第 2 列：事项", "第 3 列：承办单位", "第 4 列：办结时间"]) expect(html).toContain(name);
    expect(html).toContain("完善监测网络。");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>按此对应读取/);
    expect(needsMapping(fixture("sections"))).toBe(false);
  });

  test("the plan's year is asked for when deadlines have none; the sheet picker shows for a workbook of several sheets", () => {
    expect(needsPlanYear(fixture("no-number"))).toBe(true);
    expect(needsPlanYear(fixture("sections"))).toBe(false);
    const html = render(<SourceOptions sheetNames={["分工", "说明"]} sheet="分工" onSheetChange={() => undefined} askYear planYear={2018} onPlanYearChange={() => undefined} />);
    expect(html).toContain("工作表");
    expect(html).toContain('value="2018"');
    expect(render(<SourceOptions sheetNames={[]} sheet={null} onSheetChange={() => undefined} askYear={false} planYear={null} onPlanYearChange={() => undefined} />)).not.toContain("方案年份");
  });

  test("a large table being read shows 已读 n / N 行", () => {
    const html = render(<TablePreview overview={tableOverview(parseTable(""))} departments={[]} progress={{ done: 5000, total: 20001 }} />);
    expect(html).toContain("已读 5000 / 20001 行");
  });

  test("a kept mapping is read back only when it is one", async () => {
    expect(asMapping({ 事项: "text", 单位: "responsible" })).toEqual({ 事项: "text", 单位: "responsible" });
    expect(asMapping({ 事项: "formula" })).toBeNull();
    expect(asMapping("text")).toBeNull();
    const store = memoryStore();
    await store.save({ 事项: "text" });
    expect(store.load()).toEqual({ 事项: "text" });
  });
});
