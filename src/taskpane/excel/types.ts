/**
 * What the task pane can ask of the workbook. Components get an `ExcelActions` as a prop and
 * never call Excel themselves, so they render and test without Excel.
 */
import type { Day, DepartmentRegistry, DueStatus, ExtensionRequest, ParsedTable, Quarter, ReimportReport, RoundProgress } from "../../core";
import type { BoardFilterScope } from "./board";
import type { DepartmentExport, DepartmentMergeOutcome } from "./departmentFiles";
import type { ProtectOutcome, ProtectRequest } from "./protection";
import type { Progress, ProgressListener } from "./progress";
import type { ExtensionVerdict, ReportOutcome } from "./supervision";

export type { BoardFilterScope, DepartmentExport, DepartmentMergeOutcome, ExtensionVerdict, Progress, ProgressListener, ProtectOutcome, ProtectRequest, ReportOutcome };

export type PopulateOutcome =
  | { kind: "created"; rows: number; notices: string[] }
  /** 任务清单 is already there: the pane offers a re-import instead of overwriting typed cells. */
  | { kind: "exists" };

export interface ReimportOutcome {
  report: ReimportReport;
  /** What was left out on this Excel (e.g. a chart Excel refused), in Chinese. */
  notices: string[];
}

/** One requirement as the workbook has it now. */
export interface BoardRow {
  id: string;
  text: string;
  responsible: string[];
  deadline: string;
  progress: string;
  dueStatus: DueStatus | null;
  daysLeft: number | null;
  feedbackLate: boolean;
  /** "workbook": read from the computed columns; "pane": the SOIL formula had no value yet, computed here from the row. */
  source: "workbook" | "pane";
}

export interface StatusBoard {
  asOf: Day | null;
  rows: BoardRow[];
  /** Departments named in 责任单位, registry order. */
  departments: string[];
}

/** The change log: "on" while edits are logged, "off" (no 任务清单 yet), "unsupported" before ExcelApi 1.7. */
export type ChangeLogState = "on" | "off" | "unsupported";

/** What this Excel offers beyond the basics, for the pane to show or hide options. */
export interface PaneCapabilities {
  /** Excel on the web: one editable range per department (allowEditRanges, ExcelApiOnline 1.1). */
  perDepartmentProtection: boolean;
  /** Excel on the web: the department filter in a temporary sheet view of the user's own (ExcelApiOnline 1.1). */
  sheetViews: boolean;
}

export interface ExcelActions {
  readonly capabilities: PaneCapabilities;
  /** Long actions take an `onProgress` that hears each step (and rows written) as it happens. */
  populate(table: ParsedTable, asOf: Day, onProgress?: ProgressListener): Promise<PopulateOutcome>;
  /** `today` is the date written to 归档日期. */
  reimport(table: ParsedTable, today: Day, onProgress?: ProgressListener): Promise<ReimportOutcome>;
  readStatusBoard(): Promise<StatusBoard>;
  /** The workbook's 单位名录 with the office's edits (null without one): the registry a table is read again with. */
  readWorkbookRegistry(): Promise<DepartmentRegistry | null>;
  /** The workbook's 方案年份 (说明!B10, as the office set it), null without one: what a re-import reads year-less deadlines with. */
  readPlanYear(): Promise<number | null>;
  /** Recalculates the workbook's built-in formulas (not SOIL's: they follow their arguments), then reads the board again. */
  refresh(): Promise<StatusBoard>;
  /**
   * null shows every department again. In a temporary sheet view where Excel has them; elsewhere the shared table
   * filter only with `shared` (every co-author sees it), otherwise nothing in the workbook ("pane").
   */
  filterByDepartment(department: string | null, options?: { shared?: boolean }): Promise<BoardFilterScope>;
  selectRequirement(id: string): Promise<void>;
  setAsOf(day: Day): Promise<void>;
  /** The feedback round of the workbook's as-of date: which departments have updated all their rows. */
  readFeedbackRound(): Promise<RoundProgress>;
  readExtensionRequests(): Promise<ExtensionRequest[]>;
  /** Writes 同意 / 不同意 into 延期审批 (lifting the sheet's protection with `password` for that write); the list again. */
  decideExtension(id: string, verdict: ExtensionVerdict, password: string): Promise<ExtensionRequest[]>;
  /** A new 季报 sheet for the quarter (a snapshot in values, A4 landscape, with a chart). */
  writeQuarterlyReport(quarter: Quarter, onProgress?: ProgressListener): Promise<ReportOutcome>;
  protectTaskSheet(request: ProtectRequest): Promise<ProtectOutcome>;
  unprotectTaskSheet(password: string): Promise<void>;
  /** Whether 任务清单 is protected now; null where Excel cannot tell or the sheet is not there. */
  readTaskSheetProtection(): Promise<boolean | null>;
  /** The department's rows as a workbook of its own (aliases accepted), opened in Excel or returned for a download; `today` is the export date. */
  exportDepartmentFile(department: string, today: Day, onProgress?: ProgressListener): Promise<DepartmentExport>;
  /** Merges a department's returned .xlsx into the task table; conflicts and rejections go to 合并冲突. */
  mergeDepartmentFile(bytes: Uint8Array, fileName: string, onProgress?: ProgressListener): Promise<DepartmentMergeOutcome>;
}
