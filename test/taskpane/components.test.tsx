/** The pane's components rendered to HTML (react-dom/server): text from documents is escaped, never markup. */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { DepartmentPicker } from "../../src/taskpane/components/DepartmentPicker";
import { DiagnosticsList } from "../../src/taskpane/components/DiagnosticsList";
import { RegistryStep } from "../../src/taskpane/components/RegistryStep";
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

describe("the import step's registry", () => {
  test("the bundled table under 邯郸市2017: 3 bodies of the province will be added, listed by name", () => {
    const html = renderToStaticMarkup(<App actions={null} bundledText={seedText()} bundledName="内置" today={() => 0} />);
    expect(html).toContain("单位名录（按此识别和归并责任单位）");
    expect(html).toContain("邯郸市2017");
    expect(html).toContain("3 个单位将加入单位名录");
    for (const name of ["省环境保护厅", "省财政厅", "省林业厅"]) expect(html).toContain(name);
  });

  test("a near miss is offered as an alias to accept, text escaped", () => {
    const html = render(
      <RegistryStep
        options={[{ id: "handan-2017", label: "邯郸市2017" }]}
        chosen="handan-2017"
        onChoose={() => undefined}
        additions={[{ name: "市环竟保护局", proposal: { kind: "alias", of: "市环境保护局" } }, { name: HOSTILE }]}
        accepted={new Set()}
        onToggleProposal={() => undefined}
      />,
    );
    expect(html).toContain("2 个单位将加入单位名录");
    expect(html).toContain("可能是笔误：作为“市环境保护局”的别称");
    expect(html).not.toContain("<img");
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
