/** The 部门文件 panel and its merge report rendered to HTML: what departments typed is shown as text, never markup. */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DepartmentMergePlan } from "../../src/core";
import { DepartmentFilesPanel } from "../../src/taskpane/components/DepartmentFilesPanel";
import { DepartmentMergeReport } from "../../src/taskpane/components/DepartmentMergeReport";

const HOSTILE = `<img src=x onerror="alert(1)">`;
const render = (node: React.ReactElement) => renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
const never = () => Promise.reject(new Error("not called"));

const plan: DepartmentMergePlan = {
  department: "市环境保护局",
  updates: [{ rowIndex: 0, id: "1.1", key: "notes", value: "已部署" }],
  conflicts: [{ kind: "conflict", department: "市环境保护局", id: "2.2", column: "进展情况", office: "办公室填写", departmentValue: HOSTILE, baseline: "", reason: "办公室和部门都修改了此单元格，保留办公室的值" }],
  rejected: [{ kind: "rejected", department: "市环境保护局", id: "", column: "状态", office: "", departmentValue: "已完成", baseline: "", reason: "部门文件第 9 行没有编号（手工添加的行），未合并" }],
  ignored: [],
  report: { department: "市环境保护局", rowsInFile: 3, rowsMatched: 2, rowsChanged: 1, applied: 1, sameValue: 0, conflicts: 1, rejected: 1, ignored: 0, missingIds: [] },
};

test("the merge report shows the counts and every cell not merged, as text", () => {
  const html = render(<DepartmentMergeReport fileName={`SOIL-市环境保护局${HOSTILE}.xlsx`} outcome={{ plan, lines: ["市环境保护局：更新 1 个单元格，冲突 1 个，拒绝 1 个。"] }} />);
  expect(html).not.toContain("<img");
  expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  expect(html).toContain("更新 1 个单元格");
  expect(html).toContain("[冲突] 2.2 进展情况");
  expect(html).toContain("[拒绝] （无编号） 状态");
  expect(html).toContain("“合并冲突”工作表");
});

test("the panel offers the departments, an 导出 button and a button that opens the file input; disabled outside a workbook", () => {
  const props = { departments: ["市环境保护局", "市农牧局"], exportFile: never, mergeFile: never, onError: () => undefined };
  const html = render(<DepartmentFilesPanel {...props} disabled={false} />);
  expect(html).toContain("部门文件");
  expect(html).toMatch(/<button[^>]*disabled=""[^>]*>导出/); // no department chosen yet
  // The browser's file input is hidden behind a labelled button in Chinese (no "Choose Files / No file chosen").
  expect(html).toMatch(/<input type="file" accept=".xlsx" multiple="" hidden="" aria-label="合并交回的文件"/);
  expect(html).toMatch(/<button[^>]*>.*选择交回的文件合并…<\/button>/);
  const off = render(<DepartmentFilesPanel {...props} disabled />);
  expect(off).toMatch(/<input type="file"[^>]* disabled=""/);
  expect(off).toMatch(/<button[^>]*disabled=""[^>]*>.*选择交回的文件合并…/);
});
