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
import { Day, ExtensionRequest, importProblem, MAX_TABLE_BYTES, parseTable, tooLargeError, Quarter, quarterOf, quartersBetween, RoundProgress, tableOverview } from "../../core";
import { describeError, PaneMessage } from "../excel/errors";
import { ChangeLogState, ExcelActions, ExtensionVerdict, PopulateOutcome, ProtectOutcome, ProtectRequest, ReimportOutcome, ReportOutcome, StatusBoard } from "../excel/types";
import { readSourceFile } from "../source/readSource";
import { AsOfBar } from "./AsOfBar";
import { DepartmentPicker } from "./DepartmentPicker";
import { DepartmentFilesPanel } from "./DepartmentFilesPanel";
import { DiagnosticsList } from "./DiagnosticsList";
import { ErrorNotice } from "./ErrorNotice";
import { ExtensionRequestList } from "./ExtensionRequestList";
import { FeedbackRoundPanel } from "./FeedbackRoundPanel";
import { BusyAction, PopulatePanel } from "./PopulatePanel";
import { ProtectionPanel } from "./ProtectionPanel";
import { QuarterlyReportPanel } from "./QuarterlyReportPanel";
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
  /** Starts the change log (修改记录) if it is not running; absent outside Excel. */
  startChangeLog?: () => Promise<ChangeLogState>;
}

/** The first quarter the report picker offers: the plan's tasks start in 2017. */
const FIRST_QUARTER: Quarter = { year: 2017, quarter: 1 };

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

type TabValue = "import" | "board" | "round" | "extensions" | "report";

export function App({ actions, bundledText, bundledName, today, startChangeLog }: AppProps): React.JSX.Element {
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
  const [round, setRound] = React.useState<RoundProgress | null>(null);
  const [requests, setRequests] = React.useState<ExtensionRequest[] | null>(null);
  const [reportOutcome, setReportOutcome] = React.useState<ReportOutcome | null>(null);
  const [protectOutcome, setProtectOutcome] = React.useState<ProtectOutcome | null>(null);
  /** The office's protection password, kept in memory only (used again to approve extensions). */
  const [password, setPassword] = React.useState("");
  const [changeLog, setChangeLog] = React.useState<ChangeLogState | null>(null);

  const ensureChangeLog = React.useCallback(() => {
    if (startChangeLog) void startChangeLog().then(setChangeLog);
  }, [startChangeLog]);
  React.useEffect(ensureChangeLog, [ensureChangeLog]);

  const text = kind === "bundled" ? bundledText : kind === "paste" ? pasted : (file?.text ?? "");
  const table = React.useMemo(() => parseTable(text), [text]);
  const overview = React.useMemo(() => tableOverview(table), [table]);
  // The core's import gate (no table, columns missing, another plan): the preview shows why, the button stays off.
  const importable = React.useMemo(() => importProblem(table) === null, [table]);
  const ready = actions !== null && overview.requirements > 0 && importable;

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
    if (outcome?.kind === "created") ensureChangeLog();
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
    // A file over the limit is refused from its size, before reading it.
    const textOfFile = await attempt(null, async () => {
      if (chosen.size > MAX_TABLE_BYTES) throw tooLargeError(chosen.size, `“${chosen.name}”`);
      return readSourceFile(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
    });
    if (textOfFile !== undefined) setFile({ name: chosen.name, text: textOfFile });
  };

  const onDepartment = async (name: string | null) => {
    setDepartment(name);
    if (actions) await attempt("board", () => actions.filterByDepartment(name));
  };

  const onRound = async () => {
    if (!actions) return;
    const next = await attempt("board", () => actions.readFeedbackRound());
    if (next) setRound(next);
  };

  const onRequests = async (work: (a: ExcelActions) => Promise<ExtensionRequest[]> = (a) => a.readExtensionRequests()) => {
    if (!actions) return;
    const next = await attempt("board", () => work(actions));
    if (next) setRequests(next);
  };

  const onReport = async (quarter: Quarter) => {
    if (!actions) return;
    const outcome = await attempt("report", () => actions.writeQuarterlyReport(quarter));
    if (outcome) setReportOutcome(outcome);
  };

  const onProtect = async (request: ProtectRequest) => {
    if (!actions) return;
    const outcome = await attempt("protect", () => actions.protectTaskSheet(request));
    if (outcome) setProtectOutcome(outcome);
  };

  const onUnprotect = async () => {
    if (!actions) return;
    const done = await attempt("protect", async () => (await actions.unprotectTaskSheet(password), true));
    if (done) setProtectOutcome(null);
  };

  const onSelect = (id: string) => void (actions && attempt(null, () => actions.selectRequirement(id)));

  const onTab = (value: TabValue) => {
    setTab(value);
    if ((value === "board" || value === "report") && board === null) void loadBoard();
    if (value === "round" && round === null) void onRound();
    if (value === "extensions" && requests === null) void onRequests();
  };

  const rows = (board?.rows ?? []).filter((r) => (department === null || r.responsible.includes(department)) && BOARD_FILTERS[filter].test(r));
  const departmentRows = (board?.rows ?? []).filter((r) => department === null || r.responsible.includes(department));
  const computedHere = board?.rows.some((r) => r.source === "pane") ?? false;
  const quarters = quartersBetween(FIRST_QUARTER, quarterOf(board?.asOf ?? today()));

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
        <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => onTab(d.value as TabValue)}>
          <Tab value="import">导入</Tab>
          <Tab value="board">督办</Tab>
          <Tab value="round">季度反馈</Tab>
          <Tab value="extensions">延期申请</Tab>
          <Tab value="report">报告与权限</Tab>
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
            <DepartmentPicker
              departments={board?.departments ?? []}
              value={department}
              disabled={board === null || busy !== null}
              onChange={(d) => void onDepartment(d)}
              sheetFilter={actions?.capabilities.sheetViews ? "view" : "ask"}
              onFilterSheet={() => void (actions && attempt("board", () => actions.filterByDepartment(department, { shared: true })))}
            />
            <StatusCounters rows={departmentRows} active={filter} onChange={setFilter} />
            {board && <RequirementList rows={rows} onSelect={onSelect} />}
          </section>
        )}

        {tab === "round" && (
          <section className={styles.section}>
            <AsOfBar
              asOf={round?.round.asOf ?? null}
              busy={busy !== null || actions === null}
              onToday={() => void (actions && attempt("board", () => actions.setAsOf(today())).then(onRound))}
              onRefresh={() => void onRound()}
            />
            {busy === "board" && <Spinner className={styles.busy} size="tiny" label="正在读取工作簿…" />}
            {round && <FeedbackRoundPanel progress={round} onSelect={onSelect} />}
            {changeLog && changeLog !== "off" && (
              <Caption1 className={styles.subtitle}>
                {changeLog === "on"
                  ? "修改记录已开启：本窗格打开期间，您对状态、进展情况、日期和延期申请的修改记入“修改记录”工作表；修改进展情况时自动填写最近反馈日期。"
                  : "此版本 Excel 不支持修改事件（需 ExcelApi 1.7），不记录修改，请各单位手工填写最近反馈日期。"}
              </Caption1>
            )}
          </section>
        )}

        {tab === "extensions" && (
          <section className={styles.section}>
            <Subtitle2 as="h2">延期申请审批</Subtitle2>
            {busy === "board" && <Spinner className={styles.busy} size="tiny" label="正在读取工作簿…" />}
            {requests && (
              <ExtensionRequestList
                requests={requests}
                busy={busy !== null || actions === null}
                onSelect={onSelect}
                onDecide={(id: string, verdict: ExtensionVerdict) => void onRequests((a) => a.decideExtension(id, verdict, password))}
              />
            )}
            <Caption1 className={styles.subtitle}>同意后，到期状态和剩余天数按“申请延期至”计算；原“截止日期”和审批结果保留在表中。任务清单受保护时，使用“报告与权限”页填写的保护密码。</Caption1>
          </section>
        )}

        {tab === "report" && (
          <>
            <section className={styles.section}>
              <Subtitle2 as="h2">季度报告</Subtitle2>
              <QuarterlyReportPanel quarters={quarters} busy={busy !== null} enabled={actions !== null} outcome={reportOutcome} onWrite={(q) => void onReport(q)} />
            </section>
            <Divider />
            <section className={styles.section}>
              <Subtitle2 as="h2">保护任务清单</Subtitle2>
              <ProtectionPanel
                departments={board?.departments ?? []}
                perDepartmentSupported={actions?.capabilities.perDepartmentProtection ?? false}
                password={password}
                onPasswordChange={setPassword}
                busy={busy !== null}
                enabled={actions !== null}
                outcome={protectOutcome}
                onProtect={(r) => void onProtect(r)}
                onUnprotect={() => void onUnprotect()}
              />
            </section>
            <Divider />
            <section className={styles.section}>
              <Subtitle2 as="h2">部门文件（导出与合并）</Subtitle2>
              <DepartmentFilesPanel
                departments={board?.departments ?? []}
                disabled={actions === null || board === null}
                exportFile={(d) => actions!.exportDepartmentFile(d, today())}
                mergeFile={(bytes, name) => actions!.mergeDepartmentFile(bytes, name)}
                onError={(e) => setError(describeError(e))}
              />
            </section>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
