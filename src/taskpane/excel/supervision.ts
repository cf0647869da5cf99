/**
 * The office's quarterly work on a filled-in workbook: the feedback round, the extension requests and
 * the quarterly report. Each reads the table once and evaluates the rows at one as-of day
 * (evaluateRows.ts).
 */
import {
  buildQuarterlyReport,
  checkTaskHeaders,
  Day,
  DepartmentRegistry,
  EXTENSION_DECISIONS,
  FeedbackCadence,
  extensionRequests,
  ExtensionRequest,
  isoFromDay,
  letterOf,
  Quarter,
  quarterLabel,
  reportAsOf,
  roundProgress,
  RoundProgress,
  SoilUserError,
} from "../../core";
import { evaluateRows, EvaluatedRow } from "../../functions/evaluateRows";
import { loadGuideSettings } from "./guideSheet";
import { sheetNames } from "./populate";
import { ownWrites } from "./ownWrites";
import { withProtectionLifted } from "./protection";
import { readTaskTable } from "./readTasks";
import { writeReportSheet } from "./reportSheet";
import { WorkbookSession } from "./session";

interface EvaluatedTable {
  asOf: Day;
  rows: EvaluatedRow[];
  /** 督办规则's cadence (说明!B7:B8). */
  cadence: FeedbackCadence;
  /** The workbook's 单位名录 (undefined: the bundled registry). */
  registry: DepartmentRegistry | undefined;
}

/** Reads 说明 and the table (read access: works on a protected sheet) and evaluates the rows at `pickAsOf(workbook's as-of)`. */
async function readEvaluated(session: WorkbookSession, pickAsOf: (workbookAsOf: Day) => Day, today: Day): Promise<EvaluatedTable> {
  const settings = loadGuideSettings(session.context);
  const { rows, headers, registry: own } = await readTaskTable(session, "read");
  const registry = own ?? undefined;
  // Columns are read by position: a workbook of another layout (an older SOIL) must not be read, nor written.
  checkTaskHeaders(headers, "工作簿中");
  const { asOf: workbookAsOf, dueSoonDays, cadence } = settings();
  const asOf = pickAsOf(workbookAsOf ?? today);
  return { asOf, rows: evaluateRows(rows, asOf, dueSoonDays, cadence, registry), cadence, registry };
}

/** Where each department stands in the feedback round of the workbook's as-of date. */
export async function readFeedbackRound(session: WorkbookSession, today: Day): Promise<RoundProgress> {
  const { asOf, rows, cadence, registry } = await readEvaluated(session, (day) => day, today);
  return roundProgress(rows, asOf, cadence, registry);
}

/** Every extension request in the table, pending ones first. */
export async function readExtensionRequests(session: WorkbookSession, today: Day): Promise<ExtensionRequest[]> {
  const { rows } = await readEvaluated(session, (day) => day, today);
  return extensionRequests(rows);
}

export type ExtensionVerdict = "同意" | "不同意";

/**
 * Writes the office's decision into 延期审批 of the row with 编号 `id` (found again at the time of the
 * click). A request with problems (no reason, asked after the deadline …) cannot be approved. The
 * column is locked under protection, so the protection is lifted for this one write with `password`.
 */
export async function decideExtension(session: WorkbookSession, id: string, verdict: ExtensionVerdict, password: string, today: Day): Promise<ExtensionRequest[]> {
  if (!EXTENSION_DECISIONS.includes(verdict)) throw new SoilUserError(`未知的审批结果“${verdict}”。`);
  const requests = await readExtensionRequests(session, today);
  const request = requests.find((r) => r.id === id);
  if (!request) throw new SoilUserError(`编号 ${id} 没有延期申请（或表格刚被修改）。`, "请点“刷新”后重试。");
  if (verdict === "同意" && request.problems.length > 0) {
    throw new SoilUserError(`编号 ${id} 的延期申请不能批准：${request.problems.join("；")}。`, "可选择“不同意”，或请责任单位补充后再审批。");
  }
  const row = request.rowIndex + 2;
  await withProtectionLifted(session, password, (sheet) => {
    const cell = `${letterOf("extensionDecision")}${row}`;
    ownWrites.add(cell);
    sheet.getRange(cell).values = [[verdict]];
    // An approved request is fixed: under protection the department can no longer move its date or reason
    // (a new request goes through the office, which unlocks them).
    if (verdict === "同意" && session.features.protection) {
      sheet.getRange(`${letterOf("extensionTo")}${row}:${letterOf("extensionAsked")}${row}`).format.protection.locked = true;
    }
  });
  return readExtensionRequests(session, today);
}

export interface ReportOutcome {
  sheetName: string;
  asOf: Day;
  overdue: number;
  feedbackLate: number;
  notices: string[];
}

/** Writes the report of `quarter` on a new sheet (earlier ones are kept) and shows it. */
export async function writeQuarterlyReport(session: WorkbookSession, quarter: Quarter, today: Day, generatedAt: string): Promise<ReportOutcome> {
  session.progress({ step: 1, steps: 2, what: "读取任务清单并统计" });
  const names = await sheetNames(session);
  const { asOf, rows, registry, cadence } = await readEvaluated(session, (day) => reportAsOf(quarter, day), today);
  if (rows.length === 0) throw new SoilUserError("任务清单中没有工作要求，无法生成报告。");
  const report = buildQuarterlyReport(rows, quarter, asOf, generatedAt, names, true, registry, cadence);
  session.progress({ step: 2, steps: 2, what: `写入“${report.sheetName}”工作表` });
  const notices = await writeReportSheet(session, report);
  const unreadable = rows.filter((r) => r.problem !== null);
  if (unreadable.length > 0) {
    notices.push(`${unreadable.length} 行有无法识别的单元格（如 ${unreadable[0].id}：${unreadable[0].problem}），报告按可识别的内容统计。`);
  }
  return {
    sheetName: report.sheetName,
    asOf,
    overdue: rows.filter((r) => r.status === "已逾期").length,
    feedbackLate: rows.filter((r) => r.feedbackLate).length,
    notices: [`${quarterLabel(quarter)}报告的统计日期为 ${isoFromDay(asOf)}。`, ...notices],
  };
}
