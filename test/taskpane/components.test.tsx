/** The pane's components rendered to HTML (react-dom/server): text from documents is escaped, never markup. */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { DepartmentPicker } from "../../src/taskpane/components/DepartmentPicker";
import { DiagnosticsList } from "../../src/taskpane/components/DiagnosticsList";
import { RequirementList } from "../../src/taskpane/components/RequirementList";
import { seedText } from "../doubles/seedVariants";

const HOSTILE = `<img src=x onerror="alert(1)">`;
const render = (node: React.ReactElement) => renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

describe("components render text only", () => {
  test("a diagnostic message with markup is shown as text", () => {
    const html = render(<DiagnosticsList diagnostics={[{ line: 7, severity: "warning", code: "columns", message: HOSTILE }]} />);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain("第 7 行");
  });

  test("a requirement text with markup is shown as text", () => {
    const html = render(
      <RequirementList
        rows={[{ id: "1.1", text: `<script>alert(1)</script>${HOSTILE}`, responsible: ["市环境保护局"], deadline: "2018年底", progress: "", dueStatus: "已逾期", daysLeft: -3, feedbackLate: true, source: "workbook" }]}
        onSelect={() => undefined}
      />,
    );
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("逾期 3 天");
  });

  test("outside Excel the pane previews the bundled table and disables writing", () => {
    const html = renderToStaticMarkup(<App actions={null} bundledText={seedText()} bundledName="内置" today={() => 0} />);
    expect(html).toContain("未连接 Excel");
    expect(html).toContain("诊断：错误 0 · 注意 10 · 说明 24");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>.*生成工作簿/);
  });
});

describe("the department picker says where the filter goes", () => {
  const picker = (sheetFilter: "view" | "ask", value: string | null) =>
    render(<DepartmentPicker departments={["市农牧局"]} value={value} disabled={false} onChange={() => undefined} sheetFilter={sheetFilter} onFilterSheet={() => undefined} />);

  test("without sheet views: a button to filter the table, and a plain warning that co-authors see it", () => {
    const html = picker("ask", "市农牧局");
    expect(html).toContain("在任务清单中也按此单位筛选");
    expect(html).toContain("其他人也会看到这一筛选");
    expect(picker("ask", null)).toContain("清除任务清单中的单位筛选");
  });

  test("with sheet views: no button, the filter is the user's own", () => {
    const html = picker("view", "市农牧局");
    expect(html).not.toContain("<button");
    expect(html).toContain("临时工作表视图");
  });
});
