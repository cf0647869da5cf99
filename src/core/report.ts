/**
 * The quarterly report to the leading group: a frozen snapshot (values, not formulas) of the
 * per-department summary, the overdue requirements and the late feedback at one as-of day, laid out
 * for A4 landscape. Defined here once; the task pane writes it with Office.js.
 */
import { shownInCell } from "./cellLimit";
import { Day, isoFromDay } from "./dates";
import { columnLetter, departmentListText, type CellValue, DATE_FORMAT, PERCENT_FORMAT } from "./layout";
import { DepartmentRegistry } from "./registry";
import { DEFAULT_CADENCE, FeedbackCadence } from "./rules";
import { Quarter, quarterCode, quarterEnd, quarterLabel, quarterStart, roundLabel } from "./rounds";
import { DueStatus } from "./status";
import { SUMMARY_HEADERS, SUMMARY_STATUSES, summarizeByDepartment, summaryRow } from "./summary";
import { SoilUserError } from "./errors";
import { marginsFor, PrintSetup } from "./printSetup";

/** One requirement evaluated at the report's as-of day. */
export interface ReportRow {
  id: string;
  text: string;
  responsible: readonly string[];
  deadlineRaw: string;
  /** The deadline due status used (an approved extension's date when there is one). */
  effectiveDue: Day | null;
  /** An approved extension moved the deadline. */
  extended: boolean;
  status: DueStatus;
  daysLeft: number | null;
  feedbackLate: boolean;
  lastFeedback: Day | null;
  progress: string;
  notes: string;
}

export type ReportCellFormat = "text" | "integer" | "date" | "percent";

export interface ReportBlock {
  /** 一、各责任单位完成情况 …, in the row above the headers. */
  title: string;
  titleRow: number;
  headerRow: number;
  headers: readonly string[];
  formats: readonly ReportCellFormat[];
  /** Width in characters each column of the block wants (its own, whatever the other blocks need). */
  widths: readonly number[];
  /** 0-based sheet column where each block column starts, and how many sheet columns it spans (merged across). */
  columns: readonly number[];
  spans: readonly number[];
  rows: CellValue[][];
  /** Shown in the first body row when there are no rows. */
  emptyText: string;
}

export interface ReportChart {
  title: string;
  /** Data of the summary block: first and last department rows (the 合计 row is left out). */
  firstRow: number;
  lastRow: number;
  /** 0-based column of the categories (department names) and of each series, with its name. */
  categoryColumn: number;
  series: { column: number; name: (typeof SUMMARY_STATUSES)[number] }[];
  /** Cells the chart covers ("A8", "I27"). */
  topLeft: string;
  bottomRight: string;
}

export interface QuarterlyReport {
  sheetName: string;
  quarter: Quarter;
  asOf: Day;
  title: string;
  /** Row 2: labels and values (统计日期, 反馈轮次 as roundLabel words it, 生成时间). */
  meta: CellValue[];
  metaFormats: readonly ReportCellFormat[];
  /** Where each meta cell starts on the grid and how many grid columns it spans (as a block's columns). */
  metaColumns: readonly number[];
  metaSpans: readonly number[];
  blocks: ReportBlock[];
  chart: ReportChart | null;
  /**
   * Column widths in characters, A onwards: the grid every block's own widths fall on (each block column
   * spans the grid columns between its edges), so the summary's counts sit under their headers.
   */
  columnWidths: readonly number[];
  /** Requirements overdue and requirements whose quarterly feedback is late (the late block lists departments). */
  counts: { overdue: number; feedbackLate: number };
  /** Rows repeated at the top of every printed page. */
  printTitleRows: string;
  /** Last used row (for the print area). */
  lastRow: number;
  lastColumn: number;
}

export const REPORT_SHEET_PREFIX = "季报";
/** A4 landscape, one page wide (the grid is about 120 characters: type stays above 8 pt), rows 1–2 on every page. */
export const REPORT_PRINT: PrintSetup = { orientation: "landscape", fit: "width", titleRows: [1, 2], margins: marginsFor("landscape"), centerHorizontally: true };
export const REPORT_FORMATS: Record<ReportCellFormat, string> = { text: "@", integer: "0", date: DATE_FORMAT, percent: PERCENT_FORMAT };
/** Rows kept free under the summary for the chart. */
const CHART_ROWS = 18;
/** The blocks' own column widths (characters); their edges line up where they can, so the grid stays coarse. */
const SUMMARY_WIDTHS = [20, 8, 8, 8, 8, 8, 8, 8, 8] as const;
const OVERDUE_WIDTHS = [6, 38, 16, 10, 14, 8, 8, 20] as const;
const LATE_WIDTHS = [20, 8, 92] as const;
/** Row 2: 统计日期 | date | 反馈轮次 | the round in words | 生成时间 | time. */
const META_WIDTHS = [20, 16, 16, 44, 8, 16] as const;

/** The grid of sheet columns on which every block's edges fall, and each block column's start and span on it. */
export function reportGrid(blockWidths: readonly (readonly number[])[]): { widths: number[]; columns: number[][]; spans: number[][] } {
  const edgesOf = (widths: readonly number[]) => widths.map((_, i) => widths.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const edges = [...new Set(blockWidths.flatMap(edgesOf))].sort((a, b) => a - b);
  const widths = edges.map((e, i) => e - (i === 0 ? 0 : edges[i - 1]));
  const columns: number[][] = [];
  const spans: number[][] = [];
  for (const block of blockWidths) {
    let start = 0;
    const cols: number[] = [];
    const sp: number[] = [];
    for (const end of edgesOf(block)) {
      const first = start === 0 ? 0 : edges.indexOf(start) + 1;
      const last = edges.indexOf(end);
      cols.push(first);
      sp.push(last - first + 1);
      start = end;
    }
    columns.push(cols);
    spans.push(sp);
  }
  return { widths, columns, spans };
}

/** The as-of day of a quarter's report: its last day, or the current as-of day while the quarter runs. */
export function reportAsOf(quarter: Quarter, currentAsOf: Day): Day {
  if (currentAsOf < quarterStart(quarter)) {
    throw new SoilUserError(`${quarterLabel(quarter)}尚未开始（统计日期为 ${isoFromDay(currentAsOf)}），无法生成该季度的报告。`, "请选择已开始的季度，或先把统计日期改到该季度内。");
  }
  return Math.min(quarterEnd(quarter), currentAsOf);
}

/** 季报2019Q1, or 季报2019Q1(2) … when earlier reports of that quarter are kept. */
export function reportSheetName(quarter: Quarter, existing: readonly string[]): string {
  const base = `${REPORT_SHEET_PREFIX}${quarterCode(quarter)}`;
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}(${i})`.toLowerCase())) return `${base}(${i})`;
}

function dateOrNull(day: Day | null): CellValue {
  return day === null ? null : { date: day };
}

/**
 * The report of `quarter` over rows evaluated at `asOf` (see reportAsOf). `generatedAt` is shown as text.
 * `withChart` false (a renderer that cannot draw charts) leaves no room for one.
 */
export function buildQuarterlyReport(
  rows: readonly ReportRow[],
  quarter: Quarter,
  asOf: Day,
  generatedAt: string,
  existingSheets: readonly string[],
  withChart = true,
  /** The workbook's 单位名录: the order of the departments (the bundled registry when not given). */
  registry?: DepartmentRegistry,
  /** The workbook's 督办规则 cadence (说明!B7:B8): the 反馈轮次 the report names (the default when not given). */
  cadence: FeedbackCadence = DEFAULT_CADENCE,
): QuarterlyReport {
  const summary = summarizeByDepartment(
    rows.map((r) => ({ responsible: r.responsible, status: r.status, feedbackLate: r.feedbackLate })),
    undefined,
    registry,
  );
  const overdue = rows.filter((r) => r.status === "已逾期");
  const late = rows.filter((r) => r.feedbackLate);

  const blocks: ReportBlock[] = [];
  const grid = reportGrid([SUMMARY_WIDTHS, OVERDUE_WIDTHS, LATE_WIDTHS, META_WIDTHS]);
  let row = 4;
  const addBlock = (block: Omit<ReportBlock, "titleRow" | "headerRow" | "columns" | "spans">, gapAfter = 1) => {
    const i = blocks.length;
    // A report shows the master's texts: one longer than a cell holds (a master saved by LibreOffice may have
    // one) is shown shortened with a marker, the master keeps it whole.
    const rows = block.rows.map((cells) => cells.map((c) => (typeof c === "string" ? shownInCell(c, "主表") : c)));
    blocks.push({ ...block, rows, titleRow: row, headerRow: row + 1, columns: grid.columns[i], spans: grid.spans[i] });
    row += 2 + Math.max(1, block.rows.length) + gapAfter;
  };

  const departments = summary.departments;
  addBlock({
    title: `一、各责任单位完成情况（${departments.length} 个单位）`,
    headers: SUMMARY_HEADERS,
    formats: ["text", "integer", ...SUMMARY_STATUSES.map(() => "integer" as const), "integer", "percent"],
    widths: SUMMARY_WIDTHS,
    rows: [...departments, summary.total].map((d) => summaryRow(d)),
    emptyText: "无工作要求",
  });
  const summaryBlock = blocks[0];
  let chart: ReportChart | null = null;
  if (withChart && departments.length > 0) {
    const firstStatusColumn = SUMMARY_HEADERS.indexOf(SUMMARY_STATUSES[0]);
    const lastSummaryColumn = summaryBlock.columns[summaryBlock.columns.length - 1] + summaryBlock.spans[summaryBlock.spans.length - 1] - 1;
    chart = {
      title: `各责任单位到期状态（${quarterLabel(quarter)}）`,
      firstRow: summaryBlock.headerRow + 1,
      lastRow: summaryBlock.headerRow + departments.length,
      categoryColumn: summaryBlock.columns[0],
      series: SUMMARY_STATUSES.map((name, i) => ({ column: summaryBlock.columns[firstStatusColumn + i], name })),
      topLeft: `A${row}`,
      bottomRight: `${columnLetter(lastSummaryColumn)}${row + CHART_ROWS - 1}`,
    };
    row += CHART_ROWS + 1;
  }
  addBlock({
    title: `二、已逾期的工作要求（${overdue.length} 条）`,
    headers: ["编号", "工作要求", "责任单位", "完成时限", "截止日期", "逾期天数", "状态", "进展情况"],
    formats: ["text", "text", "text", "text", "date", "integer", "text", "text"],
    widths: OVERDUE_WIDTHS,
    rows: overdue.map((r) => [
      r.id,
      r.text,
      departmentListText(r.responsible),
      r.extended ? `${r.deadlineRaw}（已批准延期）` : r.deadlineRaw,
      dateOrNull(r.effectiveDue),
      r.daysLeft === null ? null : -r.daysLeft,
      r.progress,
      r.notes,
    ]),
    emptyText: "无逾期的工作要求",
  });
  // Late feedback by department (the 编号 of each), not requirement by requirement: before the first round
  // every requirement is late, and the texts are in the workbook already.
  addBlock(
    {
      title: `三、${cadence.cadence === "quarterly" ? "季度" : ""}反馈逾期（${late.length} 条）`,
      headers: ["责任单位", "反馈逾期", "编号"],
      formats: ["text", "integer", "text"],
      widths: LATE_WIDTHS,
      rows: departments
        .map((d) => late.filter((r) => r.responsible.includes(d.department)))
        .map((mine, i): CellValue[] => [departments[i].department, mine.length, mine.map((r) => r.id).join("、")])
        .filter((r) => r[1] !== 0),
      emptyText: "无反馈逾期",
    },
    0,
  );

  return {
    sheetName: reportSheetName(quarter, existingSheets),
    quarter,
    asOf,
    title: `土壤污染防治重点任务督办季度报告（${quarterLabel(quarter)}）`,
    meta: ["统计日期", { date: asOf }, "反馈轮次", roundLabel(quarter, cadence), "生成时间", generatedAt],
    metaFormats: ["text", "date", "text", "text", "text", "text"],
    metaColumns: grid.columns[3],
    metaSpans: grid.spans[3],
    blocks,
    chart,
    columnWidths: grid.widths,
    counts: { overdue: overdue.length, feedbackLate: late.length },
    printTitleRows: "$1:$2",
    lastRow: row - 1,
    lastColumn: grid.widths.length - 1,
  };
}
