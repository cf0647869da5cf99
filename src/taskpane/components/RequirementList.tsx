import * as React from "react";
import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { CARD_STYLE } from "./cardStyle";
import { BoardRow } from "../excel/types";
import { StatusBadge } from "./StatusBadge";

export interface RequirementListProps {
  rows: readonly BoardRow[];
  onSelect(id: string): void;
}

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    width: "100%",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    ...CARD_STYLE,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    textAlign: "left",
    fontFamily: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  id: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  text: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  empty: { color: tokens.colorNeutralForeground3 },
});

function daysText(days: number | null): string {
  if (days === null) return "";
  return days < 0 ? `逾期 ${-days} 天` : `剩 ${days} 天`;
}

/** Requirements with their status; a click selects the row in 任务清单. */
export function RequirementList({ rows, onSelect }: RequirementListProps): React.JSX.Element {
  const styles = useStyles();
  if (rows.length === 0) return <Caption1 className={styles.empty}>没有符合条件的工作要求。</Caption1>;
  return (
    <ul className={styles.list} aria-label="工作要求">
      {rows.map((r) => (
        <li key={r.id}>
          <button type="button" className={styles.item} onClick={() => onSelect(r.id)} title="在任务清单中选中这一行">
            <span className={styles.top}>
              <span className={styles.id}>{r.id}</span>
              <StatusBadge status={r.dueStatus} />
              {r.feedbackLate && (
                <Badge size="small" appearance="outline" color="danger">
                  反馈逾期
                </Badge>
              )}
              <Caption1 className={styles.meta}>
                {r.deadline || "无时限"} {daysText(r.daysLeft)}
              </Caption1>
            </span>
            <span className={styles.text}>{r.text}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
