import * as React from "react";
import { Combobox, Field, Option } from "@fluentui/react-components";

export interface DepartmentPickerProps {
  departments: readonly string[];
  value: string | null;
  disabled: boolean;
  onChange(department: string | null): void;
}

const ALL = "全部单位";

/** Picks a responsible department; the task table is filtered to its rows. */
export function DepartmentPicker({ departments, value, disabled, onChange }: DepartmentPickerProps): React.JSX.Element {
  return (
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
  );
}
