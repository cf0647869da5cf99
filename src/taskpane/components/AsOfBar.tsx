import * as React from "react";
import { Body1Strong, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, CalendarTodayRegular } from "@fluentui/react-icons";
import { Day, isoFromDay } from "../../core";

export interface AsOfBarProps {
  asOf: Day | null;
  busy: boolean;
  onToday(): void;
  onRefresh(): void;
}

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  date: { display: "flex", flexDirection: "column", marginRight: "auto" },
});

/** The as-of date every formula uses (说明!B2), with 设为今天 and 刷新. */
export function AsOfBar({ asOf, busy, onToday, onRefresh }: AsOfBarProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.date}>
        <Caption1>统计日期</Caption1>
        <Body1Strong>{asOf === null ? "未设置" : isoFromDay(asOf)}</Body1Strong>
      </div>
      <Button size="small" icon={<CalendarTodayRegular />} disabled={busy} onClick={onToday}>
        设为今天
      </Button>
      <Button size="small" icon={<ArrowClockwiseRegular />} disabled={busy} onClick={onRefresh}>
        刷新
      </Button>
    </div>
  );
}
