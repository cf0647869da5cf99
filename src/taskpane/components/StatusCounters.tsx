import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CARD_STYLE } from "./cardStyle";
import { STATUS_STYLES } from "../../core";
import { BoardRow } from "../excel/types";

export type BoardFilter = "all" | "overdue" | "dueSoon" | "feedbackLate";

export const BOARD_FILTERS: Record<BoardFilter, { label: string; test(row: BoardRow): boolean }> = {
  all: { label: "全部", test: () => true },
  overdue: { label: "已逾期", test: (r) => r.dueStatus === "已逾期" },
  dueSoon: { label: "临期", test: (r) => r.dueStatus === "临期" },
  feedbackLate: { label: "反馈逾期", test: (r) => r.feedbackLate },
};

export interface StatusCountersProps {
  rows: readonly BoardRow[];
  active: BoardFilter;
  onChange(filter: BoardFilter): void;
}

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "repeat(4, 1fr)", gap: tokens.spacingHorizontalXS },
  tile: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    ...CARD_STYLE,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    fontFamily: "inherit",
    textAlign: "left",
  },
  active: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const TILE_COLORS: Partial<Record<BoardFilter, string | undefined>> = {
  overdue: STATUS_STYLES.已逾期?.font,
  dueSoon: STATUS_STYLES.临期?.font,
  feedbackLate: STATUS_STYLES.已逾期?.font,
};

/** Counts of what needs attention; each tile filters the list below. */
export function StatusCounters({ rows, active, onChange }: StatusCountersProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label="到期情况">
      {(Object.keys(BOARD_FILTERS) as BoardFilter[]).map((key) => (
        <button key={key} type="button" aria-pressed={active === key} className={mergeClasses(styles.tile, active === key && styles.active)} onClick={() => onChange(key)}>
          <span className={styles.count} style={{ color: TILE_COLORS[key] }}>
            {rows.filter(BOARD_FILTERS[key].test).length}
          </span>
          <span className={styles.label}>{BOARD_FILTERS[key].label}</span>
        </button>
      ))}
    </div>
  );
}
