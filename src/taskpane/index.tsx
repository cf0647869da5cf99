/*
 * Boots the task pane after Office.onReady. In Excel it passes the real Excel actions; in a plain
 * browser (no host) it uses an injected Excel test double when there is one (the end-to-end test),
 * otherwise the pane previews tables without Excel.
 */
import { createRoot } from "react-dom/client";
import { today } from "../core";
import { App } from "./components/App";
import { createExcelActions, ExcelRun } from "./excel/actions";
import { detectFeatures, IsSetSupported } from "./excel/requirements";
import { ExcelActions } from "./excel/types";
import { BUNDLED_TABLE_NAME, BUNDLED_TABLE_TEXT } from "./source/seedTable";

declare global {
  interface Window {
    /** An Excel test double (run + isSetSupported + display language), injected by tests before the page loads. */
    __SOIL_EXCEL__?: { run: ExcelRun; isSetSupported: IsSetSupported; displayLanguage?: string };
  }
}

function excelActions(host: Office.HostType | null): ExcelActions | null {
  if (host === Office.HostType.Excel) {
    const run: ExcelRun = (batch) => Excel.run(batch);
    const isSetSupported: IsSetSupported = (name, version) => Office.context.requirements.isSetSupported(name, version);
    return createExcelActions(run, detectFeatures(isSetSupported, Office.context.displayLanguage));
  }
  const double = window.__SOIL_EXCEL__;
  return double ? createExcelActions(double.run, detectFeatures(double.isSetSupported, double.displayLanguage)) : null;
}

void Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<App actions={excelActions(info.host ?? null)} bundledText={BUNDLED_TABLE_TEXT} bundledName={BUNDLED_TABLE_NAME} today={() => today()} />);
});
