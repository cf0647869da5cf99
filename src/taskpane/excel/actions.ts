/** The real ExcelActions: each action is one Excel.run with a fresh session. */
import { assertImportable, Day, localDateTimeText, ParsedTable, SoilUserError, today } from "../../core";
import { CreateWorkbook, exportDepartmentFile, mergeDepartmentFile } from "./departmentFiles";
import { paneCapabilities } from "./lazyActions";
import { filterByDepartment, readStatusBoard, refreshBoard, selectRequirement, setAsOf } from "./board";
import { readWorkbookPlanYear } from "./guideSheet";
import { readWorkbookRegistry } from "./registrySheet";
import { populateWorkbook } from "./populate";
import { protectTaskSheet, unprotectTaskSheet } from "./protection";
import { readTaskSheetProtection } from "./protectionState";
import { decideExtension, readExtensionRequests, readFeedbackRound, writeQuarterlyReport } from "./supervision";
import { reimportWorkbook } from "./reimport";
import { ExcelFeatures } from "./requirements";
import { WorkbookSession } from "./session";
import { ExcelActions, ProgressListener } from "./types";

/**
 * Excel.run, or a test double's run. With a context first: a batch in an earlier run's request context, the way
 * Microsoft removes an event handler (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events).
 */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The pane's clock: today's date (as-of fallback, 归档日期) and the time shown in reports. */
export interface PaneClock {
  today(): Day;
  now(): Date;
}

const systemClock: PaneClock = { today, now: () => new Date() };

/** Excel.createWorkbook (ExcelApi 1.8), looked up when called: the global exists only inside Office. */
const officeCreateWorkbook: CreateWorkbook = async (base64) => {
  await Excel.createWorkbook(base64);
};

/** What tests replace: the clock, and Excel.createWorkbook (a global only inside Office). */
export interface ActionOptions {
  clock?: PaneClock;
  createWorkbook?: CreateWorkbook;
}

export function createExcelActions(run: ExcelRun, features: ExcelFeatures, options: ActionOptions = {}): ExcelActions {
  const clock = options.clock ?? systemClock;
  const createWorkbook = options.createWorkbook ?? officeCreateWorkbook;
  const withSession = <T>(work: (session: WorkbookSession) => Promise<T>, onProgress?: ProgressListener): Promise<T> => {
    if (!features.minimum) {
      return Promise.reject(new SoilUserError("此版本的 Excel 过旧，SOIL 无法使用（需要 ExcelApi 1.4 及以上）。", "请使用 Microsoft 365、Excel 2019 及以上版本，或网页版 Excel。"));
    }
    return run((context) => {
      const session = new WorkbookSession(context, features);
      if (onProgress) session.progress = onProgress;
      return work(session);
    });
  };
  /** The core's gate first: a table that cannot be imported (no table, columns unconfirmed, a cell over the limit) writes nothing. */
  const importing = async <T>(table: ParsedTable, work: (session: WorkbookSession) => Promise<T>, onProgress?: ProgressListener): Promise<T> => {
    assertImportable(table);
    return withSession(work, onProgress);
  };
  return {
    capabilities: paneCapabilities(features),
    populate: (table: ParsedTable, asOf: Day, onProgress) => importing(table, (s) => populateWorkbook(s, table, asOf), onProgress),
    reimport: (table: ParsedTable, today: Day, onProgress) => importing(table, (s) => reimportWorkbook(s, table, today), onProgress),
    readStatusBoard: () => withSession(readStatusBoard),
    readWorkbookRegistry: () => withSession(readWorkbookRegistry),
    readPlanYear: () => withSession(readWorkbookPlanYear),
    refresh: () => withSession(refreshBoard),
    filterByDepartment: (department: string | null, options = {}) => withSession((s) => filterByDepartment(s, department, options.shared ?? false)),
    selectRequirement: (id: string) => withSession((s) => selectRequirement(s, id)),
    setAsOf: (day: Day) => withSession((s) => setAsOf(s, day)),
    readFeedbackRound: () => withSession((s) => readFeedbackRound(s, clock.today())),
    readExtensionRequests: () => withSession((s) => readExtensionRequests(s, clock.today())),
    decideExtension: (id, verdict, password) => withSession((s) => decideExtension(s, id, verdict, password, clock.today())),
    writeQuarterlyReport: (quarter, onProgress) => withSession((s) => writeQuarterlyReport(s, quarter, clock.today(), localDateTimeText(clock.now())), onProgress),
    protectTaskSheet: (request) => withSession((s) => protectTaskSheet(s, request)),
    unprotectTaskSheet: (password) => withSession((s) => unprotectTaskSheet(s, password)),
    readTaskSheetProtection: () => withSession(readTaskSheetProtection),
    exportDepartmentFile: (department: string, today: Day, onProgress) => withSession((s) => exportDepartmentFile(s, department, today, createWorkbook), onProgress),
    mergeDepartmentFile: (bytes: Uint8Array, fileName: string, onProgress) => withSession((s) => mergeDepartmentFile(s, bytes, fileName), onProgress),
  };
}
