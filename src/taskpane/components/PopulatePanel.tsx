import * as React from "react";
import { Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular, TableAddRegular } from "@fluentui/react-icons";
import { PopulateOutcome } from "../excel/types";

export type BusyAction = "populate" | "reimport" | "board" | "report" | "protect" | null;

export interface PopulatePanelProps {
  /** Excel is there and the table has requirements. */
  enabled: boolean;
  busy: BusyAction;
  outcome: PopulateOutcome | null;
  onPopulate(): void;
  onReimport(): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  note: { color: tokens.colorNeutralForeground3 },
});

/** One click writes the workbook; when 任务清单 is already there, a re-import is offered instead. */
export function PopulatePanel(props: PopulatePanelProps): React.JSX.Element {
  const styles = useStyles();
  const { outcome, busy } = props;
  return (
    <section className={styles.root} aria-label="生成工作簿">
      <div className={styles.buttons}>
        <Button appearance="primary" icon={busy === "populate" ? <Spinner size="tiny" /> : <TableAddRegular />} disabled={!props.enabled || busy !== null} onClick={props.onPopulate}>
          生成工作簿
        </Button>
        <Button icon={busy === "reimport" ? <Spinner size="tiny" /> : <ArrowSyncRegular />} disabled={!props.enabled || busy !== null} onClick={props.onReimport}>
          按编号重新导入
        </Button>
      </div>
      <Caption1 className={styles.note}>生成：新建“任务清单”“部门汇总”“说明”“归档”“单位名录”五张工作表。重新导入：各单位已填写的状态、进展和日期保持不变。</Caption1>
      {outcome?.kind === "created" && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>已生成工作簿</MessageBarTitle>
            任务清单共 {outcome.rows} 条工作要求；请在“督办”页查看到期情况。
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "created" &&
        outcome.notices.map((notice) => (
          <MessageBar key={notice} intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ))}
      {outcome?.kind === "exists" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>当前工作簿已有“任务清单”</MessageBarTitle>
            为保护各单位已填写的内容，不会覆盖。可按编号重新导入：更新分工表内容，新增的要求追加到表尾，删除的移到“归档”。
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabled={busy !== null} onClick={props.onReimport}>
              重新导入
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </section>
  );
}
