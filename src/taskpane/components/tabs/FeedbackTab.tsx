import * as React from "react";
import { Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import type { Day, RoundProgress } from "../../../core";
import type { ChangeLogState, ExcelActions } from "../../excel/types";
import { AsOfBar } from "../AsOfBar";
import { ErrorNotice } from "../ErrorNotice";
import { FeedbackRoundPanel } from "../FeedbackRoundPanel";
import { usePaneAction } from "./usePaneAction";

export interface FeedbackTabProps {
  actions: ExcelActions | null;
  today(): Day;
  /** The workbook's as-of date as the pane last read or set it; shared by the tabs. */
  asOf: Day | null;
  onAsOf(day: Day | null): void;
  /** Whether edits are being logged to 修改记录 (null: not known yet). */
  changeLog: ChangeLogState | null;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  busy: { alignSelf: "flex-start" },
  note: { color: tokens.colorNeutralForeground3 },
});

/** 季度反馈: the round of the as-of date, which departments have reported, the rows still missing. */
export function FeedbackTab({ actions, today, asOf, onAsOf, changeLog }: FeedbackTabProps): React.JSX.Element {
  const styles = useStyles();
  const action = usePaneAction<"board">();
  const [round, setRound] = React.useState<RoundProgress | null>(null);

  const load = React.useCallback(
    async (before?: (a: ExcelActions) => Promise<void>) => {
      if (!actions) return undefined;
      const next = await action.run("board", async () => (before && (await before(actions)), actions.readFeedbackRound()));
      if (next) setRound(next);
      return next;
    },
    [actions, action.run],
  );
  React.useEffect(() => void load(), [load]);
  // Another tab moved the as-of date: read the round of the new date (once per date, even if the read fails).
  const followed = React.useRef<Day | null>(null);
  React.useEffect(() => {
    if (!round || asOf === null || round.round.asOf === asOf || followed.current === asOf) return;
    followed.current = asOf;
    void load();
  }, [asOf, round, load]);

  const onToday = () => {
    const day = today();
    void load((a) => a.setAsOf(day)).then((next) => next && onAsOf(day));
  };
  const onSelect = (id: string) => void (actions && action.run(null, () => actions.selectRequirement(id)));

  return (
    <section className={styles.root}>
      {action.error && <ErrorNotice error={action.error} onDismiss={action.dismiss} />}
      <AsOfBar asOf={round?.round.asOf ?? asOf} busy={action.busy !== null || actions === null} onToday={onToday} onRefresh={() => void load()} />
      {action.busy === "board" && <Spinner className={styles.busy} size="tiny" label="正在读取工作簿…" />}
      {round && <FeedbackRoundPanel progress={round} onSelect={onSelect} />}
      {changeLog && changeLog !== "off" && (
        <Caption1 className={styles.note}>
          {changeLog === "on"
            ? "修改记录已开启：本窗格打开期间，您对状态、进展情况、日期和延期申请的修改记入“修改记录”工作表；修改进展情况时自动填写最近反馈日期。"
            : "此版本 Excel 不支持修改事件（需 ExcelApi 1.7），不记录修改，请各单位手工填写最近反馈日期。"}
        </Caption1>
      )}
    </section>
  );
}
