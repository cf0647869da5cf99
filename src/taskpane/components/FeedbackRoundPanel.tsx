import * as React from "react";
import { Badge, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { DepartmentRound, feedbackRoundLabel, isoFromDay, RoundProgress } from "../../core";

export interface FeedbackRoundPanelProps {
  progress: RoundProgress;
  onSelect(id: string): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  round: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  department: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  name: { marginRight: "auto" },
  meta: { color: tokens.colorNeutralForeground3 },
  rowButton: {
    border: "none",
    background: "none",
    padding: 0,
    color: tokens.colorBrandForegroundLink,
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
  },
  ids: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  heading: { marginTop: tokens.spacingVerticalS },
});

const STATE_COLOR = { 已全部反馈: "success", 待反馈: "warning", 逾期未反馈: "danger" } as const;

function roundLine(progress: RoundProgress): string {
  const { round } = progress;
  const when = round.open ? (round.daysLeft === 0 ? "今天截止" : `还有 ${round.daysLeft} 天`) : `已过截止日 ${-round.daysLeft} 天`;
  return `${feedbackRoundLabel(round)}：${when}`;
}

function DepartmentLine({ d, onSelect }: { d: DepartmentRound; onSelect(id: string): void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <li>
      <div className={styles.department}>
        <span className={styles.name}>{d.department}</span>
        <Caption1 className={styles.meta}>
          已反馈 {d.updated}/{d.owing}
          {d.updatedLate > 0 ? `（补报 ${d.updatedLate}）` : ""}
        </Caption1>
        <Badge size="small" appearance="tint" color={STATE_COLOR[d.state]}>
          {d.state}
        </Badge>
      </div>
      {d.missing.length > 0 && (
        <div className={styles.ids} role="group" aria-label={`${d.department}未反馈的工作要求`}>
          {d.missing.map((id) => (
            <button key={id} type="button" className={styles.rowButton} onClick={() => onSelect(id)} title="在任务清单中选中这一行">
              {id}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

/** The quarter's feedback round: deadline and days left, departments done / waiting / late, the rows still missing. */
export function FeedbackRoundPanel({ progress, onSelect }: FeedbackRoundPanelProps): React.JSX.Element {
  const styles = useStyles();
  const count = (state: DepartmentRound["state"]) => progress.departments.filter((d) => d.state === state).length;
  const open = progress.departments.filter((d) => d.state !== "已全部反馈");
  const done = progress.departments.filter((d) => d.state === "已全部反馈");
  return (
    <div className={styles.root}>
      <div className={styles.round} role="status">
        <Body1Strong>{roundLine(progress)}</Body1Strong>
        <Caption1 className={styles.meta}>反馈日期晚于 {isoFromDay(progress.round.windowAfter)} 的计为本轮已反馈；已完成的工作要求不再需要反馈。</Caption1>
        <div className={styles.counts}>
          <Badge appearance="tint" color="success">已全部反馈 {count("已全部反馈")}</Badge>
          {progress.round.open ? <Badge appearance="tint" color="warning">待反馈 {count("待反馈")}</Badge> : <Badge appearance="tint" color="danger">逾期未反馈 {count("逾期未反馈")}</Badge>}
          <Badge appearance="outline">未反馈的工作要求 {progress.missingRows.length}</Badge>
        </div>
      </div>
      {open.length > 0 && (
        <>
          <Body1Strong className={styles.heading}>{progress.round.open ? "尚未反馈的单位" : "逾期未反馈的单位"}</Body1Strong>
          <ul className={styles.list}>
            {open.map((d) => (
              <DepartmentLine key={d.department} d={d} onSelect={onSelect} />
            ))}
          </ul>
        </>
      )}
      {done.length > 0 && (
        <>
          <Body1Strong className={styles.heading}>已全部反馈的单位</Body1Strong>
          <ul className={styles.list}>
            {done.map((d) => (
              <DepartmentLine key={d.department} d={d} onSelect={onSelect} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
