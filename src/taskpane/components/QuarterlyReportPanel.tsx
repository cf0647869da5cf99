import * as React from "react";
import { Button, Caption1, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { DocumentTableRegular } from "@fluentui/react-icons";
import { Quarter, quarterCode, quarterFromCode, quarterLabel } from "../../core";
import type { ReportOutcome } from "../excel/types";

export interface QuarterlyReportPanelProps {
  /** Quarters offered, newest first. */
  quarters: readonly Quarter[];
  busy: boolean;
  enabled: boolean;
  outcome: ReportOutcome | null;
  onWrite(quarter: Quarter): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
});

/** One click: a 季报 sheet for the chosen quarter (values, A4 landscape, chart); earlier ones are kept. */
export function QuarterlyReportPanel({ quarters, busy, enabled, outcome, onWrite }: QuarterlyReportPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [picked, setPicked] = React.useState<string | null>(null);
  // The list follows the workbook's as-of date once it is read: a pick no longer offered falls back to the newest.
  const codes = quarters.map(quarterCode);
  const code = picked !== null && codes.includes(picked) ? picked : (codes[0] ?? "");
  const chosen = quarterFromCode(code);
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Field label="季度">
          <Select value={code} onChange={(_, d) => setPicked(d.value)} disabled={busy}>
            {quarters.map((q) => (
              <option key={quarterCode(q)} value={quarterCode(q)}>
                {quarterLabel(q)}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" icon={<DocumentTableRegular />} disabled={!enabled || busy || chosen === null} onClick={() => chosen && onWrite(chosen)}>
          生成季度报告
        </Button>
      </div>
      <Caption1 className={styles.note}>报告为数值快照（不随表格变化），统计日期取该季度最后一天（本季度取当前统计日期）；以前生成的报告保留。</Caption1>
      {outcome && (
        <Caption1 role="status">
          已生成“{outcome.sheetName}”：逾期 {outcome.overdue} 条，反馈逾期 {outcome.feedbackLate} 条。{outcome.notices.join(" ")}
        </Caption1>
      )}
    </div>
  );
}
