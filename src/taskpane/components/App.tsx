import * as React from "react";
import {
  Caption1,
  Divider,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  tokens,
  webLightTheme,
  Theme,
} from "@fluentui/react-components";
import { Day, parseTable, tableOverview } from "../../core";
import { describeError, PaneMessage } from "../excel/errors";
import { ExcelActions, PopulateOutcome, ReimportOutcome, StatusBoard } from "../excel/types";
import { readSourceFile } from "../source/readSource";
import { AsOfBar } from "./AsOfBar";
import { DepartmentPicker } from "./DepartmentPicker";
import { DiagnosticsList } from "./DiagnosticsList";
import { ErrorNotice } from "./ErrorNotice";
import { BusyAction, PopulatePanel } from "./PopulatePanel";
import { ReimportReport } from "./ReimportReport";
import { RequirementList } from "./RequirementList";
import { SourceKind, SourcePicker } from "./SourcePicker";
import { BOARD_FILTERS, BoardFilter, StatusCounters } from "./StatusCounters";
import { TablePreview } from "./TablePreview";

export interface AppProps {
  /** null outside Excel: the table can be previewed, nothing written. */
  actions: ExcelActions | null;
  bundledText: string;
  bundledName: string;
  today(): Day;
}

/** Fluent's web theme with Chinese UI fonts after Segoe UI (Office's look on every platform). */
const theme: Theme = {
  ...webLightTheme,
  fontFamilyBase: `"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif`,
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minHeight: "100vh", boxSizing: "border-box" },
  header: { display: "flex", flexDirection: "column" },
  subtitle: { color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  busy: { alignSelf: "flex-start" },
});

type TabValue = "import" | "board";

export function App({ actions, bundledText, bundledName, today }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabValue>("import");
  const [kind, setKind] = React.useState<SourceKind>("bundled");
  const [pasted, setPasted] = React.useState("");
  const [file, setFile] = React.useState<{ name: string; text: string } | null>(null);
  const [busy, setBusy] = React.useState<BusyAction>(null);
  const [error, setError] = React.useState<PaneMessage | null>(null);
  const [populated, setPopulated] = React.useState<PopulateOutcome | null>(null);
  const [report, setReport] = React.useState<ReimportOutcome | null>(null);
  const [board, setBoard] = React.useState<StatusBoard | null>(null);
  const [department, setDepartment] = React.useState<string | null>(null);
  const [filter, setFilter] = React.useState<BoardFilter>("all");

  const text = kind === "bundled" ? bundledText : kind === "paste" ? pasted : (file?.text ?? "");
  const table = React.useMemo(() => parseTable(text), [text]);
  const overview = React.useMemo(() => tableOverview(table), [table]);
  const ready = actions !== null && overview.requirements > 0;

  /** Runs an action with the busy flag; errors become the pane's message. */
  const attempt = async <T,>(what: BusyAction, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(what);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(describeError(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const loadBoard = async (work: (a: ExcelActions) => Promise<StatusBoard> = (a) => a.readStatusBoard()) => {
    if (!actions) return;
    const next = await attempt("board", () => work(actions));
    if (next) setBoard(next);
  };

  const onPopulate = async () => {
    if (!actions) return;
    setReport(null);
    const outcome = await attempt("populate", () => actions.populate(table, today()));
    if (outcome) setPopulated(outcome);
  };

  const onReimport = async () => {
    if (!actions) return;
    const outcome = await attempt("reimport", () => actions.reimport(table, today()));
    if (outcome) {
      setPopulated(null);
      setReport(outcome);
    }
  };

  const onFile = async (chosen: File) => {
    const textOfFile = await attempt(null, async () => readSourceFile(chosen.name, new Uint8Array(await chosen.arrayBuffer())));
    if (textOfFile !== undefined) setFile({ name: chosen.name, text: textOfFile });
  };

  const onDepartment = async (name: string | null) => {
    setDepartment(name);
    if (actions) await attempt("board", () => actions.filterByDepartment(name));
  };

  const onTab = (value: TabValue) => {
    setTab(value);
    if (value === "board" && board === null) void loadBoard();
  };

  const rows = (board?.rows ?? []).filter((r) => (department === null || r.responsible.includes(department)) && BOARD_FILTERS[filter].test(r));
  const departmentRows = (board?.rows ?? []).filter((r) => department === null || r.responsible.includes(department));
  const computedHere = board?.rows.some((r) => r.source === "pane") ?? false;

  return (
    <FluentProvider theme={theme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">土壤污染防治任务督办</Title3>
          <Caption1 className={styles.subtitle}>重点任务部门分工 · 进展督办</Caption1>
        </header>
        {actions === null && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>未连接 Excel：可以预览分工表；生成和督办需在 Excel 中打开本加载项。</MessageBarBody>
          </MessageBar>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, d) => onTab(d.value as TabValue)}>
          <Tab value="import">导入分工表</Tab>
          <Tab value="board">督办</Tab>
        </TabList>
        {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}

        {tab === "import" && (
          <>
            <section className={styles.section}>
              <Subtitle2 as="h2">1. 选择分工表</Subtitle2>
              <SourcePicker kind={kind} onKindChange={setKind} bundledName={bundledName} pasted={pasted} onPastedChange={setPasted} fileName={file?.name ?? null} onFile={(f) => void onFile(f)} />
            </section>
            <section className={styles.section}>
              <Subtitle2 as="h2">2. 核对预览</Subtitle2>
              <TablePreview overview={overview} departments={table.departments} />
              <DiagnosticsList diagnostics={table.diagnostics} />
            </section>
            <Divider />
            <section className={styles.section}>
              <Subtitle2 as="h2">3. 写入工作簿</Subtitle2>
              <PopulatePanel enabled={ready} busy={busy} outcome={populated} onPopulate={() => void onPopulate()} onReimport={() => void onReimport()} />
              {report && <ReimportReport report={report.report} notices={report.notices} />}
            </section>
          </>
        )}

        {tab === "board" && (
          <section className={styles.section}>
            <AsOfBar
              asOf={board?.asOf ?? null}
              busy={busy !== null || actions === null}
              onToday={() => void loadBoard(async (a) => (await a.setAsOf(today()), a.refresh()))}
              onRefresh={() => void loadBoard((a) => a.refresh())}
            />
            {busy === "board" && <Spinner className={styles.busy} size="tiny" label="正在读取工作簿…" />}
            {computedHere && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>部分到期状态尚未由 SOIL 函数算出（函数仍在加载或未加载），窗格按同一规则计算后显示。</MessageBarBody>
              </MessageBar>
            )}
            <DepartmentPicker departments={board?.departments ?? []} value={department} disabled={board === null || busy !== null} onChange={(d) => void onDepartment(d)} />
            <StatusCounters rows={departmentRows} active={filter} onChange={setFilter} />
            {board && <RequirementList rows={rows} onSelect={(id) => void (actions && attempt(null, () => actions.selectRequirement(id)))} />}
          </section>
        )}
      </main>
    </FluentProvider>
  );
}
