import * as React from "react";
import { Caption1, FluentProvider, makeStyles, MessageBar, MessageBarBody, Spinner, Tab, TabList, Theme, Title3, tokens, webLightTheme } from "@fluentui/react-components";
import type { Day } from "../../core";
import type { ColumnMappingStore } from "../excel/columnMappingStore";
import type { ChangeLogState, ExcelActions } from "../excel/types";
import { ImportTab } from "./tabs/ImportTab";

// The first screen is 导入; the other tabs are chunks of their own, loaded when first opened (webpack dynamic imports).
const BoardTab = React.lazy(() => import(/* webpackChunkName: "tab-board" */ "./tabs/BoardTab").then((m) => ({ default: m.BoardTab })));
const FeedbackTab = React.lazy(() => import(/* webpackChunkName: "tab-round" */ "./tabs/FeedbackTab").then((m) => ({ default: m.FeedbackTab })));
const ExtensionsTab = React.lazy(() => import(/* webpackChunkName: "tab-extensions" */ "./tabs/ExtensionsTab").then((m) => ({ default: m.ExtensionsTab })));
const ReportTab = React.lazy(() => import(/* webpackChunkName: "tab-report" */ "./tabs/ReportTab").then((m) => ({ default: m.ReportTab })));

export interface AppProps {
  /** null outside Excel: the table can be previewed, nothing written. */
  actions: ExcelActions | null;
  /** The bundled table's text and name; null while its chunk loads. */
  bundledText: string | null;
  bundledName: string | null;
  today(): Day;
  /** Starts the change log (修改记录) if it is not running; absent outside Excel. */
  startChangeLog?: () => Promise<ChangeLogState>;
  /** Where the workbook keeps the column mapping a user confirmed (re-import); absent outside Excel. */
  mappingStore?: ColumnMappingStore;
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
  loading: { alignSelf: "flex-start" },
  // Excel desktop's narrow pane is about 320 px wide: the five tabs (17 characters) fit from 300 px on with the
  // padding halved; should they still not fit (a larger font, zoom), the strip scrolls by itself, never the page.
  tabs: { overflowX: "auto", overflowY: "hidden", scrollbarWidth: "thin", flexShrink: 0 },
  tab: { "@media (max-width: 360px)": { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS } },
  tabContent: { "@media (max-width: 360px)": { paddingLeft: 0, paddingRight: 0 } },
});

const TABS = [
  { value: "import", label: "导入" },
  { value: "board", label: "督办" },
  { value: "round", label: "季度反馈" },
  { value: "extensions", label: "延期申请" },
  { value: "report", label: "报告与权限" },
] as const;
type TabValue = (typeof TABS)[number]["value"];

/**
 * The pane: a header and the tabs. Each tab owns its state and reads the workbook when first opened; a tab
 * once opened stays mounted (hidden) so what it showed is still there when the user comes back. App holds only
 * what tabs share: the workbook's as-of date, the office's protection password, the change log's state, and a
 * count of table writes (a populate or re-import makes the other tabs read the table again).
 */
export function App({ actions, bundledText, bundledName, today, startChangeLog, mappingStore }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabValue>("import");
  const [opened, setOpened] = React.useState<ReadonlySet<TabValue>>(() => new Set(["import"]));
  const [asOf, setAsOf] = React.useState<Day | null>(null);
  const [password, setPassword] = React.useState("");
  const [changeLog, setChangeLog] = React.useState<ChangeLogState | null>(null);
  const [writes, setWrites] = React.useState(0);

  const ensureChangeLog = React.useCallback(() => {
    if (startChangeLog) void startChangeLog().then(setChangeLog);
  }, [startChangeLog]);
  React.useEffect(ensureChangeLog, [ensureChangeLog]);

  const onWritten = React.useCallback(
    (kind: "created" | "reimported") => {
      setWrites((n) => n + 1);
      if (kind === "created") ensureChangeLog();
    },
    [ensureChangeLog],
  );

  const onTab = (value: TabValue) => {
    setTab(value);
    setOpened((before) => (before.has(value) ? before : new Set([...before, value])));
  };

  const panel = (value: TabValue): React.ReactNode => {
    const shared = { actions, today, asOf, onAsOf: setAsOf };
    switch (value) {
      case "import":
        return <ImportTab actions={actions} bundledText={bundledText} bundledName={bundledName} today={today} onWritten={onWritten} mappingStore={mappingStore} />;
      case "board":
        return <BoardTab key={writes} {...shared} />;
      case "round":
        return <FeedbackTab key={writes} {...shared} changeLog={changeLog} />;
      case "extensions":
        return <ExtensionsTab key={writes} actions={actions} password={password} />;
      case "report":
        return <ReportTab key={writes} {...shared} password={password} onPasswordChange={setPassword} />;
    }
  };

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
        <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => onTab(d.value as TabValue)}>
          {TABS.map((t) => (
            <Tab key={t.value} className={styles.tab} content={{ className: styles.tabContent }} id={`tab-${t.value}`} value={t.value} aria-controls={opened.has(t.value) ? `panel-${t.value}` : undefined}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        {TABS.filter((t) => opened.has(t.value)).map((t) => (
          <div key={t.value} id={`panel-${t.value}`} role="tabpanel" aria-labelledby={`tab-${t.value}`} hidden={tab !== t.value}>
            <React.Suspense fallback={<Spinner className={styles.loading} size="tiny" label="正在加载…" />}>{panel(t.value)}</React.Suspense>
          </div>
        ))}
      </main>
    </FluentProvider>
  );
}
