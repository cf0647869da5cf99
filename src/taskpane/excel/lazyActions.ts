/**
 * The ExcelActions the pane starts with: every Office.js renderer (populate, re-import, the board, the quarter's
 * work, protection, department files) is loaded as a chunk of its own on the first action, so the first screen
 * (choose a table, preview it) does not wait for code it does not run. Same pattern as exceljs in departmentFiles.ts.
 */
import type { ActionOptions, ExcelRun } from "./actions";
import type { ExcelFeatures } from "./requirements";
import type { ExcelActions, PaneCapabilities } from "./types";

/** What the pane may offer on this Excel: known from the requirement sets alone, before any code is loaded. */
export function paneCapabilities(features: ExcelFeatures): PaneCapabilities {
  return { perDepartmentProtection: features.allowEditRanges, sheetViews: features.sheetViews };
}

type Action = Exclude<keyof ExcelActions, "capabilities">;

/** Every action by name: a new action added to ExcelActions fails to compile until it is listed here. */
const ACTIONS: Record<Action, true> = {
  populate: true,
  reimport: true,
  readStatusBoard: true,
  readWorkbookRegistry: true,
  readPlanYear: true,
  refresh: true,
  filterByDepartment: true,
  selectRequirement: true,
  setAsOf: true,
  readFeedbackRound: true,
  readExtensionRequests: true,
  decideExtension: true,
  writeQuarterlyReport: true,
  protectTaskSheet: true,
  unprotectTaskSheet: true,
  readTaskSheetProtection: true,
  exportDepartmentFile: true,
  mergeDepartmentFile: true,
};

export function lazyExcelActions(run: ExcelRun, features: ExcelFeatures, options: ActionOptions = {}): ExcelActions {
  let loaded: Promise<ExcelActions> | null = null;
  const real = () => {
    loaded ??= import(/* webpackChunkName: "excel" */ "./actions").then(
      (m) => m.createExcelActions(run, features, options),
      (error: unknown) => {
        loaded = null; // a failed download (network) is tried again on the next click
        throw error;
      },
    );
    return loaded;
  };
  const actions: Record<string, unknown> = { capabilities: paneCapabilities(features) };
  for (const name of Object.keys(ACTIONS) as Action[]) {
    actions[name] = async (...args: unknown[]) => ((await real())[name] as (...a: unknown[]) => Promise<unknown>)(...args);
  }
  return actions as unknown as ExcelActions;
}
