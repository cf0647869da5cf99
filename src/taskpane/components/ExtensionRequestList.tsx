import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CARD_STYLE } from "./cardStyle";
import { ExtensionRequest, isoFromDay } from "../../core";
import type { ExtensionVerdict } from "../excel/types";

export interface ExtensionRequestListProps {
  requests: readonly ExtensionRequest[];
  busy: boolean;
  onDecide(id: string, verdict: ExtensionVerdict): void;
  onSelect(id: string): void;
}

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    ...CARD_STYLE,
    padding: tokens.spacingHorizontalS,
  },
  top: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  id: {
    fontWeight: tokens.fontWeightSemibold,
    border: "none",
    background: "none",
    padding: 0,
    cursor: "pointer",
    fontFamily: "inherit",
    color: tokens.colorBrandForegroundLink,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  text: {
    fontSize: tokens.fontSizeBase200,
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  problem: {
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  empty: { color: tokens.colorNeutralForeground3 },
});

const date = (day: number | null) => (day === null ? "—" : isoFromDay(day));

/** Extension requests, pending first: original deadline → requested date, reason, and 同意 / 不同意 for the office. */
export function ExtensionRequestList({
  requests,
  busy,
  onDecide,
  onSelect,
}: ExtensionRequestListProps): React.JSX.Element {
  const styles = useStyles();
  if (requests.length === 0)
    return (
      <Caption1 className={styles.empty}>
        目前没有延期申请。各单位在“申请延期至”“延期理由”中填写即为申请。
      </Caption1>
    );
  const pending = requests.some((r) => r.pending);
  return (
    <>
      {pending && (
        <Caption1 className={styles.empty}>
          审批结果写入“延期审批”列。任务清单受保护时，保护在写入的同一次请求中短暂撤销、随即恢复，其他协作者的编辑不受影响。
        </Caption1>
      )}
      <ul className={styles.list} aria-label="延期申请">
        {requests.map((r) => (
          <li key={r.id} className={styles.item}>
            <span className={styles.top}>
              <button
                type="button"
                className={styles.id}
                onClick={() => onSelect(r.id)}
                title="在任务清单中选中这一行"
              >
                {r.id}
              </button>
              <Badge
                size="small"
                appearance="tint"
                color={
                  r.pending ? "warning" : r.approved ? "success" : "danger"
                }
              >
                {r.pending ? "待审批" : r.extensionDecision}
              </Badge>
              <Caption1 className={styles.meta}>
                {r.responsible.join("、")}
              </Caption1>
            </span>
            <span className={styles.text}>{r.text}</span>
            <Caption1>
              原时限 {r.deadlineRaw || "无"}（截止 {date(r.originalDue)}）→
              申请延期至 {date(r.extensionTo)}，
              {r.extensionAsked === null
                ? "未填申请日期"
                : `${date(r.extensionAsked)} 提出`}
            </Caption1>
            <Caption1>理由：{r.extensionReason || "（未填写）"}</Caption1>
            {r.problems.map((p) => (
              <span key={p} className={styles.problem}>
                {p}
              </span>
            ))}
            {r.pending && (
              <span className={styles.actions}>
                <Button
                  size="small"
                  appearance="primary"
                  disabled={busy || r.problems.length > 0}
                  onClick={() => onDecide(r.id, "同意")}
                >
                  同意
                </Button>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => onDecide(r.id, "不同意")}
                >
                  不同意
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
