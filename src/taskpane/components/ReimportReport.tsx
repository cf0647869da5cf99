import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { ReimportReport as Report, TextChange } from "../../core";

export interface ReimportReportProps {
  report: Report;
  /** What this Excel left out (e.g. a chart it refused), in Chinese. */
  notices?: readonly string[];
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  id: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  before: { color: tokens.colorPaletteRedForeground1, textDecorationLine: "line-through" },
  after: { color: tokens.colorPaletteGreenForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

function Changes({ changes }: { changes: TextChange[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {changes.map((c) => (
        <li key={c.id} className={styles.item}>
          <span className={styles.id}>{c.id}</span>
          <span className={styles.before}>{c.before || "（空）"}</span> → <span className={styles.after}>{c.after || "（空）"}</span>
        </li>
      ))}
    </ul>
  );
}

/** What a re-import changed: added, archived, text and deadline changes under the same id. */
export function ReimportReport({ report, notices = [] }: ReimportReportProps): React.JSX.Element {
  const styles = useStyles();
  const sections: { title: string; count: number; body: () => React.ReactNode }[] = [
    {
      title: "新增的工作要求（追加在表尾）",
      count: report.added.length,
      body: () => (
        <ul className={styles.list}>
          {report.added.map((a) => (
            <li key={a.id} className={styles.item}>
              <span className={styles.id}>{a.id}</span>
              {a.text} <span className={styles.muted}>（{a.responsible}）</span>
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: "已移到“归档”的工作要求",
      count: report.archived.length,
      body: () => (
        <ul className={styles.list}>
          {report.archived.map((a) => (
            <li key={a.id} className={styles.item}>
              <span className={styles.id}>{a.id}</span>
              {a.text}
              {a.typedCells > 0 && <span className={styles.muted}>（含各单位已填写内容 {a.typedCells} 项，已一并归档）</span>}
            </li>
          ))}
        </ul>
      ),
    },
    { title: "工作要求文字变更", count: report.textChanged.length, body: () => <Changes changes={report.textChanged} /> },
    { title: "完成时限变更", count: report.deadlineChanged.length, body: () => <Changes changes={report.deadlineChanged} /> },
    { title: "责任单位变更", count: report.responsibleChanged.length, body: () => <Changes changes={report.responsibleChanged} /> },
  ];
  return (
    <section className={styles.root} aria-label="重新导入结果">
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>重新导入完成</MessageBarTitle>
          新增 {report.added.length} · 归档 {report.archived.length} · 更新 {report.updated} · 未变 {report.unchanged}
          {report.rowsWithoutId > 0 && `；无编号的行 ${report.rowsWithoutId} 行保持不变`}。各单位填写的内容均未改动。
        </MessageBarBody>
      </MessageBar>
      {[...report.warnings, ...notices].map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <Accordion multiple collapsible defaultOpenItems={sections.filter((s) => s.count > 0).map((s) => s.title)}>
        {sections.map((s) => (
          <AccordionItem key={s.title} value={s.title} disabled={s.count === 0}>
            <AccordionHeader size="small">
              {s.title}（{s.count}）
            </AccordionHeader>
            <AccordionPanel>{s.count > 0 ? s.body() : <Caption1>无</Caption1>}</AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
