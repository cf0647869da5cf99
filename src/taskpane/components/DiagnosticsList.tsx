import * as React from "react";
import { Badge, Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { Diagnostic, diagnosticPlace, Severity } from "../../core";

export interface DiagnosticsListProps {
  diagnostics: readonly Diagnostic[];
}

const LABELS: Record<Severity, string> = { error: "错误", warning: "注意", info: "说明" };
const COLORS = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    maxHeight: "240px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "auto auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    fontSize: tokens.fontSizeBase200,
  },
  line: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  place: { display: "block", fontWeight: tokens.fontWeightSemibold },
  hint: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** The parser's judgements with their source lines, to review before writing (text only, never HTML). */
export function DiagnosticsList({ diagnostics }: DiagnosticsListProps): React.JSX.Element {
  const styles = useStyles();
  const [importantOnly, setImportantOnly] = React.useState(true);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  const shown = importantOnly ? diagnostics.filter((d) => d.severity !== "info") : diagnostics;
  return (
    <section aria-label="解析诊断">
      <div className={styles.header}>
        <Caption1>
          诊断：错误 {counts.error} · 注意 {counts.warning} · 说明 {counts.info}
        </Caption1>
        <Checkbox checked={importantOnly} onChange={(_, d) => setImportantOnly(d.checked === true)} label="只看错误和注意" />
      </div>
      {shown.length === 0 ? (
        <Caption1 className={styles.empty}>没有需要核对的问题。</Caption1>
      ) : (
        // Focusable, so the list scrolls with the keyboard too (it has no control inside).
        <ul className={styles.list} tabIndex={0} aria-label="诊断列表">
          {shown.map((d, i) => (
            <li key={i} className={styles.item}>
              <Badge size="small" appearance="tint" color={COLORS[d.severity]}>
                {LABELS[d.severity]}
              </Badge>
              <span className={styles.line}>第 {d.line} 行</span>
              <span>
                {diagnosticPlace(d) && <span className={styles.place}>{diagnosticPlace(d)}</span>}
                {d.message}
                {d.hint && <span className={styles.hint}>{d.hint}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
