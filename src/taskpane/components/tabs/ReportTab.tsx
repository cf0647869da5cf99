import * as React from "react";
import { Divider, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { Day, Quarter, reportQuarters } from "../../../core";
import type { ExcelActions, Progress, ProtectOutcome, ProtectRequest, ReportOutcome, StatusBoard } from "../../excel/types";
import { DepartmentFilesPanel } from "../DepartmentFilesPanel";
import { ErrorNotice } from "../ErrorNotice";
import { OperationProgress } from "../OperationProgress";
import { ProtectionPanel } from "../ProtectionPanel";
import { QuarterlyReportPanel } from "../QuarterlyReportPanel";
import { usePaneAction } from "./usePaneAction";

export interface ReportTabProps {
  actions: ExcelActions | null;
  today(): Day;
  /** The workbook's as-of date as the pane last read or set it; shared by the tabs. */
  asOf: Day | null;
  onAsOf(day: Day | null): void;
  /** The office's protection password, kept in memory only (also used to approve extensions). */
  password: string;
  onPasswordChange(password: string): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** 报告与权限: the quarterly report, protection of 任务清单, and the department files. */
export function ReportTab({ actions, today, asOf, onAsOf, password, onPasswordChange }: ReportTabProps): React.JSX.Element {
  const styles = useStyles();
  const action = usePaneAction<"board" | "report" | "protect">();
  // The table as it stands: its departments (protection, department files) and its deadlines (the quarters offered).
  const [board, setBoard] = React.useState<StatusBoard | null>(null);
  const [reportOutcome, setReportOutcome] = React.useState<ReportOutcome | null>(null);
  const [protectOutcome, setProtectOutcome] = React.useState<ProtectOutcome | null>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [sheetProtected, setSheetProtected] = React.useState<boolean | null>(null);

  React.useEffect(() => {
    if (!actions) return;
    void action.run("board", async () => ({ board: await actions.readStatusBoard(), isProtected: await actions.readTaskSheetProtection() })).then((next) => {
      if (!next) return;
      setBoard(next.board);
      setSheetProtected(next.isProtected);
      onAsOf(next.board.asOf);
    });
  }, [actions, action.run, onAsOf]);

  const quarters = React.useMemo(() => reportQuarters(board?.rows.map((r) => r.deadline) ?? [], asOf ?? today()), [board, asOf, today]);

  const onReport = async (quarter: Quarter) => {
    if (!actions) return;
    setProgress(null);
    const outcome = await action.run("report", () => actions.writeQuarterlyReport(quarter, setProgress));
    if (outcome) setReportOutcome(outcome);
  };
  const onProtect = async (request: ProtectRequest) => {
    if (!actions) return;
    const outcome = await action.run("protect", () => actions.protectTaskSheet(request));
    if (outcome) {
      setProtectOutcome(outcome);
      setSheetProtected(true);
    }
  };
  const onUnprotect = async () => {
    if (!actions) return;
    const done = await action.run("protect", async () => (await actions.unprotectTaskSheet(password), true));
    if (done) {
      setProtectOutcome(null);
      setSheetProtected(false);
    }
  };

  return (
    <div className={styles.root}>
      {action.error && <ErrorNotice error={action.error} onDismiss={action.dismiss} />}
      <section className={styles.section}>
        <Subtitle2 as="h2">季度报告</Subtitle2>
        <QuarterlyReportPanel quarters={quarters} busy={action.busy !== null} enabled={actions !== null} outcome={reportOutcome} onWrite={(q) => void onReport(q)} />
        {action.busy === "report" && <OperationProgress label="生成季度报告" progress={progress} />}
      </section>
      <Divider />
      <section className={styles.section}>
        <Subtitle2 as="h2">保护任务清单</Subtitle2>
        <ProtectionPanel
          departments={board?.departments ?? []}
          perDepartmentSupported={actions?.capabilities.perDepartmentProtection ?? false}
          password={password}
          onPasswordChange={onPasswordChange}
          busy={action.busy !== null}
          enabled={actions !== null}
          outcome={protectOutcome}
          isProtected={sheetProtected}
          onProtect={(r) => void onProtect(r)}
          onUnprotect={() => void onUnprotect()}
        />
      </section>
      <Divider />
      <section className={styles.section}>
        <Subtitle2 as="h2">部门文件（导出与合并）</Subtitle2>
        <DepartmentFilesPanel
          departments={board?.departments ?? []}
          disabled={actions === null || board === null}
          exportFile={(d, onProgress) => actions!.exportDepartmentFile(d, today(), onProgress)}
          mergeFile={(bytes, name, onProgress) => actions!.mergeDepartmentFile(bytes, name, onProgress)}
          onError={action.fail}
        />
      </section>
    </div>
  );
}
