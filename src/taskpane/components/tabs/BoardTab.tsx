import * as React from "react";
import { makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import type { Day } from "../../../core";
import type { ExcelActions, StatusBoard } from "../../excel/types";
import { AsOfBar } from "../AsOfBar";
import { DepartmentPicker } from "../DepartmentPicker";
import { ErrorNotice } from "../ErrorNotice";
import { RequirementList } from "../RequirementList";
import { BOARD_FILTERS, BoardFilter, StatusCounters } from "../StatusCounters";
import { usePaneAction } from "./usePaneAction";

export interface BoardTabProps {
  actions: ExcelActions | null;
  today(): Day;
  /** The workbook's as-of date (说明!B2) as the pane last read or set it; shared by the tabs. */
  asOf: Day | null;
  onAsOf(day: Day | null): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  busy: { alignSelf: "flex-start" },
});

/** 督办: the as-of date, one department's rows (filtered in the table too), counts by status, a click selects a row. */
export function BoardTab({ actions, today, asOf, onAsOf }: BoardTabProps): React.JSX.Element {
  const styles = useStyles();
  const action = usePaneAction<"board">();
  const [board, setBoard] = React.useState<StatusBoard | null>(null);
  const [department, setDepartment] = React.useState<string | null>(null);
  const [filter, setFilter] = React.useState<BoardFilter>("all");

  const load = React.useCallback(
    async (work: (a: ExcelActions) => Promise<StatusBoard>) => {
      if (!actions) return;
      const next = await action.run("board", () => work(actions));
      if (next) {
        setBoard(next);
        onAsOf(next.asOf);
      }
    },
    [actions, action.run, onAsOf],
  );
  React.useEffect(() => void load((a) => a.readStatusBoard()), [load]);
  // Another tab moved the as-of date: recalculate and read again (once per date, even if the read fails).
  const followed = React.useRef<Day | null>(null);
  React.useEffect(() => {
    if (!board || asOf === null || board.asOf === asOf || followed.current === asOf) return;
    followed.current = asOf;
    void load((a) => a.refresh());
  }, [asOf, board, load]);

  const onDepartment = async (name: string | null) => {
    setDepartment(name);
    if (actions) await action.run("board", () => actions.filterByDepartment(name));
  };
  const onSelect = (id: string) => void (actions && action.run(null, () => actions.selectRequirement(id)));

  const departmentRows = (board?.rows ?? []).filter((r) => department === null || r.responsible.includes(department));
  const rows = departmentRows.filter((r) => BOARD_FILTERS[filter].test(r));
  const computedHere = board?.rows.some((r) => r.source === "pane") ?? false;

  return (
    <section className={styles.root}>
      {action.error && <ErrorNotice error={action.error} onDismiss={action.dismiss} />}
      <AsOfBar
        asOf={board?.asOf ?? asOf}
        busy={action.busy !== null || actions === null}
        onToday={() => void load(async (a) => (await a.setAsOf(today()), a.refresh()))}
        onRefresh={() => void load((a) => a.refresh())}
      />
      {action.busy === "board" && <Spinner className={styles.busy} size="tiny" label="正在读取工作簿…" />}
      {computedHere && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>部分到期状态尚未由 SOIL 函数算出（函数仍在加载或未加载），窗格按同一规则计算后显示。</MessageBarBody>
        </MessageBar>
      )}
      <DepartmentPicker
        departments={board?.departments ?? []}
        value={department}
        disabled={board === null || action.busy !== null}
        onChange={(d) => void onDepartment(d)}
        sheetFilter={actions?.capabilities.sheetViews ? "view" : "ask"}
        onFilterSheet={() => void (actions && action.run("board", () => actions.filterByDepartment(department, { shared: true })))}
      />
      <StatusCounters rows={departmentRows} active={filter} onChange={setFilter} />
      {board && <RequirementList rows={rows} onSelect={onSelect} />}
    </section>
  );
}
