import * as React from "react";
import { Caption1, makeStyles, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import type { ExtensionRequest } from "../../../core";
import type { ExcelActions, ExtensionVerdict } from "../../excel/types";
import { ErrorNotice } from "../ErrorNotice";
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

  const load = React.useCallback(
    async (work: (a: ExcelActions) => Promise<ExtensionRequest[]>) => {
      if (!actions) return;
      const next = await action.run("board", () => work(actions));
      if (next) setRequests(next);
    },
    [actions, action.run],
  );
  React.useEffect(() => void load((a) => a.readExtensionRequests()), [load]);
  const onSelect = (id: string) => void (actions && action.run(null, () => actions.selectRequirement(id)));
  const onDecide = (id: string, verdict: ExtensionVerdict) => void load((a) => a.decideExtension(id, verdict, password));

  return (
    <section className={styles.root}>
      {action.error && <ErrorNotice error={action.error} onDismiss={action.dismiss} />}
      <Subtitle2 as="h2">延期申请审批</Subtitle2>
      {action.busy === "board" && <Spinner className={styles.busy} size="tiny" label="正在读取工作簿…" />}
      {requests && <ExtensionRequestList requests={requests} busy={action.busy !== null || actions === null} onSelect={onSelect} onDecide={onDecide} />}
      <Caption1 className={styles.note}>同意后，到期状态和剩余天数按“申请延期至”计算；原“截止日期”和审批结果保留在表中。任务清单受保护时，使用“报告与权限”页填写的保护密码。</Caption1>
    </section>
  );
}
