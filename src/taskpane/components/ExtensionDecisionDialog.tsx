import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import { ExtensionRequest, isoFromDay } from "../../core";
import type { ExtensionVerdict } from "../excel/types";

export interface ExtensionDecisionDialogProps {
  /** The request and the verdict the office clicked; null: no dialog. */
  asking: { request: ExtensionRequest; verdict: ExtensionVerdict } | null;
  onConfirm(): void;
  onCancel(): void;
}

const useStyles = makeStyles({
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** What the decision will write and change, to confirm before it is written (it cannot be undone from the pane). */
export function decisionConsequence(request: ExtensionRequest, verdict: ExtensionVerdict): string {
  const to = request.extensionTo === null ? "—" : isoFromDay(request.extensionTo);
  const original = request.originalDue === null ? "原时限" : isoFromDay(request.originalDue);
  return verdict === "同意"
    ? `到期状态和剩余天数改按 ${to} 计算；原截止日期 ${original} 保留在表中。`
    : `到期状态仍按原截止日期 ${original} 计算。`;
}

/** 同意 / 不同意 asks first: which row, what goes into 延期审批, what it changes. */
export function ExtensionDecisionDialog({ asking, onConfirm, onCancel }: ExtensionDecisionDialogProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <Dialog open={asking !== null} onOpenChange={(_, d) => !d.open && onCancel()} modalType="alert">
      <DialogSurface>
        {asking && (
          <DialogBody>
            <DialogTitle>
              {asking.verdict}编号 {asking.request.id} 的延期申请？
            </DialogTitle>
            <DialogContent className={styles.text}>
              <span>{asking.request.responsible.join("、")}：{asking.request.text}</span>
              <span>
                将在该行的“延期审批”中写入“{asking.verdict}”。{decisionConsequence(asking.request, asking.verdict)}
              </span>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={onConfirm}>
                确定{asking.verdict}
              </Button>
              <Button onClick={onCancel}>取消</Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
