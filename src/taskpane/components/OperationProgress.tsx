import * as React from "react";
import { Caption1, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { Progress } from "../excel/types";

export interface OperationProgressProps {
  /** What the action is (生成工作簿); shown before the step. */
  label: string;
  /** The last step heard; null before the first one (the bar then runs without a value). */
  progress: Progress | null;
  /** A count the panel keeps itself (e.g. 文件 2 / 3), shown after the step. */
  extra?: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  text: { color: tokens.colorNeutralForeground2 },
});

/** "第 3/4 步：写入任务清单（已写入 120/195 行）" over a bar: a long action says what it does and how far it is. */
export function OperationProgress({ label, progress, extra }: OperationProgressProps): React.JSX.Element {
  const styles = useStyles();
  const counted = progress?.done !== undefined && progress.total ? progress.done / progress.total : 0;
  // Within a step, the rows move the bar between the step's start and its end.
  const value = progress ? Math.min(1, (progress.step - 1 + counted) / progress.steps) : undefined;
  const step = progress ? `第 ${progress.step}/${progress.steps} 步：${progress.what}` : "正在开始…";
  const rows = progress?.done !== undefined && progress.total !== undefined ? `（${progress.done}/${progress.total} 行）` : "";
  const text = `${label} · ${step}${rows}${extra ? ` · ${extra}` : ""}`;
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <ProgressBar value={value} thickness="large" aria-label={label} />
      <Caption1 className={styles.text}>{text}</Caption1>
    </div>
  );
}
