import * as React from "react";
import { Badge, Body1, Caption1, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { TableOverview } from "../../core";

export interface TablePreviewProps {
  overview: TableOverview;
  departments: readonly string[];
  /** A large table being read in chunks: rows read so far of all. */
  progress?: { done: number; total: number } | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS + " " + tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  numbers: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  number: { display: "flex", flexDirection: "column" },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  departments: { color: tokens.colorNeutralForeground2 },
});

/** What the table holds, before anything is written. */
export function TablePreview({ overview, departments, progress }: TablePreviewProps): React.JSX.Element {
  const styles = useStyles();
  if (progress) {
    return (
      <section className={styles.root} aria-label="分工表预览" aria-busy="true">
        <Caption1 role="status">
          正在读取分工表：已读 {progress.done} / {progress.total} 行
        </Caption1>
        <ProgressBar value={progress.total === 0 ? 0 : progress.done / progress.total} />
      </section>
    );
  }
  const numbers: [string, number][] = [
    ["任务", overview.tasks],
    ["工作要求", overview.requirements],
    ["涉及单位", overview.departments],
  ];
  return (
    <section className={styles.root} aria-label="分工表预览">
      <div className={styles.numbers}>
        {numbers.map(([label, value]) => (
          <div key={label} className={styles.number}>
            <span className={styles.value}>{value}</span>
            <Caption1>{label}</Caption1>
          </div>
        ))}
      </div>
      <Body1>完成时限</Body1>
      <div className={styles.badges}>
        {Object.entries(overview.deadlineKinds).map(([kind, n]) => (
          <Badge key={kind} appearance="tint" color={kind === "无法识别" && n > 0 ? "danger" : "informative"}>
            {kind} {n}
          </Badge>
        ))}
      </div>
      <Caption1 className={styles.departments}>{departments.join("、")}</Caption1>
    </section>
  );
}
