import * as React from "react";
import { Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { MergeIssue } from "../../core";
import type { DepartmentMergeOutcome } from "../excel/types";

export interface DepartmentMergeReportProps {
  /** The returned file's name. */
  fileName: string;
  outcome: DepartmentMergeOutcome;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  id: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const KIND_LABELS: Record<MergeIssue["kind"], string> = { conflict: "冲突", rejected: "拒绝", ignored: "忽略" };

/** What the merge of one returned file did, as text: counts, then every cell not merged as written. */
export function DepartmentMergeReport({ fileName, outcome }: DepartmentMergeReportProps): React.JSX.Element {
  const styles = useStyles();
  const { plan, lines } = outcome;
  const issues = [...plan.conflicts, ...plan.rejected, ...plan.ignored];
  return (
    <section className={styles.root} aria-label={`合并结果：${fileName}`}>
      <MessageBar intent={issues.length > 0 ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{fileName}</MessageBarTitle>
          {lines.join(" ")}
          {issues.length > 0 && " 未合并的内容已记在“合并冲突”工作表中。"}
        </MessageBarBody>
      </MessageBar>
      {issues.length > 0 && (
        <ul className={styles.list}>
          {issues.map((i, n) => (
            <li key={n} className={styles.item}>
              <span className={styles.id}>
                [{KIND_LABELS[i.kind]}] {i.id || "（无编号）"} {i.column}
              </span>
              部门：“{i.departmentValue}”，办公室：“{i.office}” <Caption1 className={styles.muted}>— {i.reason}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
