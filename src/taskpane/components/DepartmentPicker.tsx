import * as React from "react";
import { Button, Caption1, Combobox, Field, makeStyles, Option, tokens } from "@fluentui/react-components";

export interface DepartmentPickerProps {
  departments: readonly string[];
  value: string | null;
  disabled: boolean;
  onChange(department: string | null): void;
  /**
   * How the task table in the workbook follows the pick: "view" in a temporary sheet view of the user's own (Excel on
   * the web), "ask" only when the user presses the button, since a table filter is seen by every co-author.
   * Omitted: the pick is only a choice (e.g. whose file to export).
   */
  sheetFilter?: "view" | "ask";
  /** The button of "ask": filter the task table itself for the department picked (or clear that filter). */
  onFilterSheet?(): void;
}

const ALL = "全部单位";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3 },
  button: { alignSelf: "flex-start" },
});

/** Picks a responsible department: the pane's list shows its rows; the task table follows as `sheetFilter` says. */
export function DepartmentPicker({ departments, value, disabled, onChange, sheetFilter, onFilterSheet }: DepartmentPickerProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label="责任单位">
        <Combobox
          aria-label="责任单位"
          placeholder="选择单位（可输入筛选）"
          disabled={disabled}
          value={value ?? ALL}
          selectedOptions={[value ?? ALL]}
          onOptionSelect={(_, d) => onChange(!d.optionValue || d.optionValue === ALL ? null : d.optionValue)}
        >
          <Option value={ALL}>{ALL}</Option>
          {departments.map((d) => (
            <Option key={d} value={d}>
              {d}
            </Option>
          ))}
        </Combobox>
      </Field>
      {sheetFilter === "view" && (
        <Caption1 className={styles.note}>任务清单在您自己的临时工作表视图中按单位筛选，其他协作者看到的表格不受影响。</Caption1>
      )}
      {sheetFilter === "ask" && (
        <>
          <Button className={styles.button} size="small" disabled={disabled} onClick={onFilterSheet}>
            {value === null ? "清除任务清单中的单位筛选" : "在任务清单中也按此单位筛选"}
          </Button>
          <Caption1 className={styles.note}>表格筛选是共享的：同时打开此工作簿的其他人也会看到这一筛选。只在窗格中查看时不必筛选表格。</Caption1>
        </>
      )}
    </div>
  );
}
