import * as React from "react";
import { Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import type { ExtensionRequest } from "../../../core";
import type { ExcelActions, ExtensionVerdict } from "../../excel/types";
import { ErrorNotice } from "../ErrorNotice";
import { decisionConsequence, ExtensionDecisionDialog } from "../ExtensionDecisionDialog";
import { ExtensionRequestList } from "../ExtensionRequestList";
import { usePaneAction } from "./usePaneAction";

export interface ExtensionsTabProps {
  actions: ExcelActions | null;
  /** The office's protection password (entered on 报告与权限), to lift the protection for the decision. */
  password: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  busy: { alignSelf: "flex-start" },
  note: { color: tokens.colorNeutralForeground3 },
});

/** 延期申请: the requests departments typed, pending first, with 同意 / 不同意 for the office. */
export function ExtensionsTab({ actions, password }: ExtensionsTabProps): React.JSX.Element {
  const styles = useStyles();
  const action = usePaneAction<"board">();
  const [requests, setRequests] = React.useState<ExtensionRequest[] | null>(null);
  const [asking, setAsking] = React.useState<{ request: ExtensionRequest; verdict: ExtensionVerdict } | null>(null);
  /** What the last decision wrote: the card moves to the decided ones, so the pane says where it went. */
  const [written, setWritten] = React.useState<string | null>(null);

  const load = React.useCallback(
    async (work: (a: ExcelActions) => Promise<ExtensionRequest[]>) => {
      if (!actions) return undefined;
      const next = await action.run("board", () => work(actions));
      if (next) setRequests(next);
      return next;
    },
    [actions, action.run],
  );
  React.useEffect(() => void load((a) => a.readExtensionRequests()), [load]);
  const onSelect = (id: string) => void (actions && action.run(null, () => actions.selectRequirement(id)));
  const onDecide = (id: string, verdict: ExtensionVerdict) => {
    const request = requests?.find((r) => r.id === id);
    if (request) setAsking({ request, verdict });
  };
  const onConfirm = async () => {
    if (!asking) return;
    const { request, verdict } = asking;
    setAsking(null);
    setWritten(null);
    const next = await load((a) => a.decideExtension(request.id, verdict, password));
    if (next) setWritten(`已在编号 ${request.id} 的“延期审批”中写入“${verdict}”。${decisionConsequence(request, verdict)}该申请已移到列表下方的已审批部分。`);
  };

  return (
    <section className={styles.root}>
      {action.error && <ErrorNotice error={action.error} onDismiss={action.dismiss} />}
      <Subtitle2 as="h2">延期申请审批</Subtitle2>
      {written && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{written}</MessageBarBody>
        </MessageBar>
      )}
      {action.busy === "board" && <Spinner className={styles.busy} size="tiny" label="正在读取工作簿…" />}
      {requests && <ExtensionRequestList requests={requests} busy={action.busy !== null || actions === null} onSelect={onSelect} onDecide={onDecide} />}
      <ExtensionDecisionDialog asking={asking} onConfirm={() => void onConfirm()} onCancel={() => setAsking(null)} />
      <Caption1 className={styles.note}>同意后，到期状态和剩余天数按“申请延期至”计算；原“截止日期”和审批结果保留在表中。任务清单受保护时，使用“报告与权限”页填写的保护密码。</Caption1>
    </section>
  );
}
