import * as React from "react";
import { Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { LockClosedRegular, LockOpenRegular } from "@fluentui/react-icons";
import { columnIndexOfLetters, TASK_COLUMNS } from "../../core";
import type { ProtectOutcome, ProtectRequest } from "../excel/types";

export interface ProtectionPanelProps {
  departments: readonly string[];
  /** Excel on the web: one editable range per department (allowEditRanges). */
  perDepartmentSupported: boolean;
  password: string;
  onPasswordChange(password: string): void;
  busy: boolean;
  enabled: boolean;
  outcome: ProtectOutcome | null;
  /** Whether 任务清单 is protected now (null: not known): only the action that applies is offered. */
  isProtected: boolean | null;
  onProtect(request: ProtectRequest): void;
  onUnprotect(): void;
}

/** "H:N" → 状态、进展情况、…: the editable columns by the headers a clerk sees, not by letters. */
function columnHeadersOf(range: string): string {
  const [first, last = first] = range.split(":").map((l) => columnIndexOfLetters(l.trim()));
  return TASK_COLUMNS.slice(first, last + 1)
    .map((c) => `“${c.header}”`)
    .join("");
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  departments: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingVerticalXS, maxHeight: "240px", overflowY: "auto" },
  note: { color: tokens.colorNeutralForeground3 },
});

/** Protects 任务清单: structure locked, department columns open (or one range per department on the web). */
export function ProtectionPanel(props: ProtectionPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { departments, perDepartmentSupported, password, busy, enabled, outcome, isProtected } = props;
  const [perDepartment, setPerDepartment] = React.useState(false);
  const [passwords, setPasswords] = React.useState<Record<string, string>>({});
  const protect = () =>
    props.onProtect(
      perDepartment ? { password, departmentPasswords: Object.fromEntries(departments.map((d) => [d, passwords[d] ?? ""])) } : { password },
    );
  return (
    <div className={styles.root}>
      <Field label="保护密码（督办办公室保管，可不设）">
        <Input type="password" value={password} onChange={(_, d) => props.onPasswordChange(d.value)} disabled={busy} />
      </Field>
      <Checkbox
        checked={perDepartment}
        disabled={!perDepartmentSupported || busy}
        onChange={(_, d) => setPerDepartment(d.checked === true)}
        label={perDepartmentSupported ? "按单位分区：每个单位只能编辑本单位的行（各设密码）" : "按单位分区仅网页版 Excel 支持；桌面版请按单位导出文件"}
      />
      {perDepartment && (
        <div className={styles.departments} aria-label="各单位密码">
          {departments.map((d) => (
            <Field key={d} label={d} size="small">
              <Input size="small" type="password" value={passwords[d] ?? ""} onChange={(_, v) => setPasswords({ ...passwords, [d]: v.value })} />
            </Field>
          ))}
        </div>
      )}
      {password === "" && isProtected !== true && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>未设保护密码：任何人都可以在 Excel 的“审阅”选项卡中撤销保护。建议设置密码并由督办办公室保管。</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" icon={<LockClosedRegular />} disabled={!enabled || busy || isProtected === true} onClick={protect}>
          保护任务清单
        </Button>
        <Button icon={<LockOpenRegular />} disabled={!enabled || busy || isProtected !== true} onClick={props.onUnprotect}>
          撤销保护
        </Button>
      </div>
      <Caption1 className={styles.note}>保护后“编号”至“截止日期”、“参与部门”、计算列和“延期审批”锁定；状态、进展情况、日期和延期申请各列可填写。审批延期时窗格用此密码临时撤销保护。</Caption1>
      {outcome && (
        <Caption1 role="status">
          {outcome.editableColumns
            ? `已保护：各单位可编辑${columnHeadersOf(outcome.editableColumns)}各列（${outcome.editableColumns} 列），其余锁定。`
            : `已保护：${outcome.departmentRanges.length} 个单位各有一个可编辑区域（${outcome.departmentRanges.map((r) => `${r.department} ${r.rows} 行`).join("，")}）。`}
        </Caption1>
      )}
    </div>
  );
}
