/*
 * Boots the task pane after Office.onReady. In Excel it passes the real Excel actions; in a plain
 * browser (no host) it uses an injected Excel test double when there is one (the end-to-end test),
 * otherwise the pane previews tables without Excel.
 */
import { createRoot } from "react-dom/client";
import { today } from "../core";
import { App } from "./components/App";
import type { ExcelRun } from "./excel/actions";
import { documentSettingsStore, memoryStore } from "./excel/columnMappingStore";
import type { CreateWorkbook } from "./excel/departmentFiles";
import { lazyExcelActions } from "./excel/lazyActions";
import { detectFeatures, ExcelFeatures, IsSetSupported } from "./excel/requirements";
import { ChangeLogState, ExcelActions } from "./excel/types";

declare global {
  interface Window {
    /** An Excel test double (run + isSetSupported), injected by tests before the page loads. */
    __SOIL_EXCEL__?: { run: ExcelRun; isSetSupported: IsSetSupported; createWorkbook?: CreateWorkbook };
  }
}

interface ExcelHost {
  run: ExcelRun;
  features: ExcelFeatures;
  /** Excel.createWorkbook, or the double's; undefined: Office's own. */
  createWorkbook?: CreateWorkbook;
}

function excelHost(host: Office.HostType | null): ExcelHost | null {
  if (host === Office.HostType.Excel) {
    const isSetSupported: IsSetSupported = (name, version) => Office.context.requirements.isSetSupported(name, version);
    const run = ((first: Excel.RequestContext | ((c: Excel.RequestContext) => Promise<unknown>), batch?: (c: Excel.RequestContext) => Promise<unknown>) =>
      batch ? Excel.run(first as Excel.RequestContext, batch) : Excel.run(first as (c: Excel.RequestContext) => Promise<unknown>)) as ExcelRun;
    return { run, features: detectFeatures(isSetSupported) };
  }
  const double = window.__SOIL_EXCEL__;
  return double ? { run: double.run, features: detectFeatures(double.isSetSupported), createWorkbook: double.createWorkbook } : null;
}

/**
 * Asks Office to load the add-in (its shared runtime, without showing the pane) whenever this workbook is
 * opened again, so that the change log runs from the start (SharedRuntime 1.1; Office remembers it per document).
 */
async function loadWithWorkbook(host: ExcelHost): Promise<void> {
  // The set and the method itself: an older Office.js may lack Office.addin.setStartupBehavior whatever the host reports.
  if (!host.features.loadOnOpen || typeof Office === "undefined" || typeof Office.addin?.setStartupBehavior !== "function") return;
  try {
    await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
  } catch (error) {
    console.warn("SOIL: setStartupBehavior failed", error);
  }
}

/**
 * Starts the change log once: it runs while the add-in is loaded (the pane open, or the shared runtime
 * loaded with the workbook). It needs 任务清单, so in a workbook not populated yet it is "off" and the pane
 * asks again after populating. Failures only go to the console: the log must never stand in the way of the pane.
 */
function changeLogStarter(host: ExcelHost): () => Promise<ChangeLogState> {
  let started: Promise<ChangeLogState> | null = null;
  return () => {
    if (!host.features.changeEvents) return Promise.resolve("unsupported");
    // The change log's code comes with the Excel actions' chunk, after the first screen.
    started ??= import(/* webpackChunkName: "excel" */ "./excel/changeLog").then(({ startChangeLog }) => startChangeLog(host.run, host.features, { now: () => new Date(), today: () => today() }, (message) => console.warn(message))).then(
      (log): ChangeLogState => {
        if (log) void loadWithWorkbook(host);
        return log ? "on" : "unsupported";
      },
      () => {
        started = null;
        return "off";
      },
    );
    return started;
  };
}

void Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  const host = excelHost(info.host ?? null);
  const actions: ExcelActions | null = host ? lazyExcelActions(host.run, host.features, { createWorkbook: host.createWorkbook }) : null;
  const mappingStore = info.host === Office.HostType.Excel ? documentSettingsStore(Office.context.document.settings) : host ? memoryStore() : undefined;
  const root = createRoot(container);
  // Made once: App is rendered twice (before and after the bundled table arrives) and must see the same props.
  const startChangeLog = host ? changeLogStarter(host) : undefined;
  const todayOfUser = () => today();
  const render = (bundled: { name: string; text: string } | null) =>
    root.render(
      <App
        actions={actions}
        bundledText={bundled?.text ?? null}
        bundledName={bundled?.name ?? null}
        today={todayOfUser}
        startChangeLog={startChangeLog}
        mappingStore={mappingStore}
      />,
    );
  // The bundled table is data (18 KiB gzip), not code the first screen needs: the pane shows at once and
  // the table's preview follows when its chunk arrives.
  render(null);
  void import(/* webpackChunkName: "seed" */ "./source/seedTable").then((seed) => render({ name: seed.BUNDLED_TABLE_NAME, text: seed.BUNDLED_TABLE_TEXT }));
});
