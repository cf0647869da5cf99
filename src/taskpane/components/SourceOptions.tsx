import * as React from "react";
import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";

export interface SourceOptionsProps {
  /** Sheets of a chosen .xlsx (the picker shows when there are several). */
  sheetNames: readonly string[];
  sheet: string | null;
  onSheetChange(name: string): void;
  /** Whether the table has deadlines written without a year (年底前, 7月底前). */
  askYear: boolean;
  /** The year used for them: the user's, or the one found in the title above the table. */
  planYear: number | null;
  onPlanYearChange(year: number | null): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  year: { width: "96px" },
});

/** How to read the chosen table: which sheet of a workbook, and the plan's year for deadlines written without one. */
export function SourceOptions(props: SourceOptionsProps): React.JSX.Element | null {
  const styles = useStyles();
  const [yearText, setYearText] = React.useState(props.planYear === null ? "" : String(props.planYear));
  React.useEffect(() => setYearText(props.planYear === null ? "" : String(props.planYear)), [props.planYear]);
  if (props.sheetNames.length < 2 && !props.askYear) return null;
  return (
    <div className={styles.root}>
      {props.sheetNames.length > 1 && (
        <Field label="工作表">
          <Select size="small" value={props.sheet ?? props.sheetNames[0]} onChange={(_, d) => d.value && props.onSheetChange(d.value)}>
            {props.sheetNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {props.askYear && (
        <Field label="方案年份（用于“年底前”等未写年份的时限）" validationMessage={yearText !== "" && !/^\d{4}$/.test(yearText) ? "请输入四位年份" : undefined}>
          <Input
            className={styles.year}
            size="small"
            inputMode="numeric"
            value={yearText}
            onChange={(_, d) => {
              setYearText(d.value);
              if (d.value === "") props.onPlanYearChange(null);
              else if (/^\d{4}$/.test(d.value)) props.onPlanYearChange(Number(d.value));
            }}
          />
        </Field>
      )}
    </div>
  );
}
