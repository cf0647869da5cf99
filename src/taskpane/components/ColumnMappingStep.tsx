import * as React from "react";
import { Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, tokens } from "@fluentui/react-components";
import { CARD_STYLE } from "./cardStyle";
import { COLUMN_ROLES, ColumnMapping, ROLE_LABELS, TableColumns, TableRole } from "../../core";

export interface ColumnMappingStepProps {
  columns: TableColumns;
  /** Reads the table again with the mapping the user chose. */
  onConfirm(mapping: ColumnMapping): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  column: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    ...CARD_STYLE,
    minWidth: 0,
  },
  sample: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  dropdown: { minWidth: 0 },
});

/** Roles a column may be given, with their labels, in the drop-down's order. */
const OPTIONS = COLUMN_ROLES.map((role) => ({ role, label: ROLE_LABELS[role] }));

/**
 * The column-mapping step: shown when SOIL cannot tell what the table's columns hold (no header it
 * knows, or only a guessed order). Each column with a drop-down of what it holds and its first cells as
 * a preview; nothing is written before the user confirms.
 */
export function ColumnMappingStep({ columns, onConfirm }: ColumnMappingStepProps): React.JSX.Element {
  const styles = useStyles();
  const [roles, setRoles] = React.useState<TableRole[]>(() => columns.roles.map((r) => r as TableRole));
  React.useEffect(() => setRoles(columns.roles.map((r) => r as TableRole)), [columns]);
  // A table without a header is mapped by column number; a header by its names.
  const positional = columns.status === "guessed";
  const hasText = roles.includes("text") || roles.includes("mainWork") || roles.includes("year");
  const hasResponsible = roles.includes("responsible") || roles.includes("lead");
  const confirm = () => {
    const mapping: ColumnMapping = {};
    columns.names.forEach((name, i) => (mapping[positional ? String(i + 1) : name] = roles[i] ?? "ignore"));
    onConfirm(mapping);
  };
  return (
    <section className={styles.root} aria-label="列对应">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{positional ? "表格没有表头，请确认各列内容" : "没有认出表头，请说明各列内容"}</MessageBarTitle>
          SOIL 不会按猜测的列顺序写入工作簿。请为每一列选择它的内容，至少需要“工作要求”和“责任单位”（或“牵头单位”）。
        </MessageBarBody>
      </MessageBar>
      {columns.names.map((name, i) => {
        const samples = columns.preview.map((row) => row[i] ?? "").filter((c) => c !== "").slice(0, 2);
        return (
          <div key={`${i}-${name}`} className={styles.column}>
            <Field label={`第 ${i + 1} 列：${name}`}>
              {/* A native select (Fluent Select): no pop-up positioning code in the first screen's bundle. */}
              <Select
                className={styles.dropdown}
                size="small"
                value={roles[i] ?? "ignore"}
                onChange={(_, d) => setRoles((old) => old.map((r, k) => (k === i ? (d.value as TableRole) : r)))}
              >
                {OPTIONS.map((o) => (
                  <option key={o.role} value={o.role}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
            {samples.map((s, k) => (
              <Caption1 key={k} className={styles.sample} title={s}>
                {s}
              </Caption1>
            ))}
          </div>
        );
      })}
      <Button appearance="primary" disabled={!hasText || !hasResponsible} onClick={confirm}>
        按此对应读取
      </Button>
    </section>
  );
}
