/**
 * The one definition of the SOIL workbook: sheets, columns, formats, validation, colours and
 * the formulas of the computed cells. The task pane (Office.js) and the portable .xlsx writer
 * (exceljs) are two renderers of it; the custom functions read rows in this column order.
 */
import { Day, dayFromParts, dayFromSerial, isoFromDay, MAX_SERIAL, serialFromDay } from "./dates";
import { DEADLINE_KIND_LABELS } from "./deadline";
import { allRequirements, ParsedTable, Requirement, Task } from "./model";
import { DUE_STATUSES, EXTENSION_APPROVED, EXTENSION_DECISIONS, PROGRESS_STATES } from "./status";
import { SUMMARY_STATUSES } from "./summary";
import { ALIAS_SEPARATORS_ACCEPTED, DepartmentRegistry, REGISTRY_HEADERS } from "./registry";
import { CADENCE_LABELS, CADENCES, MAX_REPORT_DAY, SupervisionRules } from "./rules";

export const SHEETS = {
  tasks: "任务清单",
  summary: "部门汇总",
  guide: "说明",
  archive: "归档",
  registry: "单位名录",
} as const;

/** Excel table name of the requirement table (ASCII: table names are identifiers). */
export const TASK_TABLE = "SoilTasks";
export const ARCHIVE_TABLE = "SoilArchive";
/** Excel table name of the 单位名录 (REGISTRY_HEADERS): what DEPTS / DEPTSUMMARY / SUMMARY take as `registry`. */
export const REGISTRY_TABLE = "SoilRegistry";
/** The 单位名录 table's header row (column A on); the bodies follow one a row in registry order. */
export const REGISTRY_HEADER_ROW = 1;
/** 单位名录 column widths in characters: 规范名称, 别称, 简称, 类别, 备注. */
export const REGISTRY_COLUMN_WIDTHS = [22, 36, 12, 10, 24] as const;
/** What the 单位名录 sheet says above its table. */
export const REGISTRY_NOTE =
  "本表是本工作簿的单位名录：“责任单位”等列按此归并（别称用顿号“、”分隔）。可在此增删单位、补充别称；改动后“部门汇总”随之重算，重新导入分工表时按此名录识别单位。";

/**
 * The 单位名录 note of a flavour. The portable file's 部门汇总 reads each body's row of the sheet with built-in
 * formulas (portableSummaryRows): it says how many 别称 they read, and that a body is cleared, not deleted
 * (a deleted row is #REF! there), and the rows not sorted (a reference to a cell does not follow a sort);
 * its rows are the bodies written. `where`: "pane" for the pane's built-in flavour (Excel without the SOIL
 * functions), where a re-import reads the table with the sheet and writes 部门汇总 again.
 */
export function registryNote(flavor: FormulaFlavor, registry: DepartmentRegistry, where: "file" | "pane" = "file"): string {
  if (flavor === "addin") return REGISTRY_NOTE;
  return (
    "本表是本工作簿的单位名录：“责任单位”等列按此归并（别称用顿号“、”分隔）。可在此修改单位名称、补充别称，" +
    `“部门汇总”按每个单位的规范名称、简称和前 ${portableAliasLimit(registry)} 个别称统计，改动后随之重算。` +
    "“部门汇总”按行引用本表：不再需要的单位请清空其内容，请勿删除整行或排序。" +
    // The pane's built-in formulas (Excel without the SOIL functions): a re-import reads the table with this sheet and writes 部门汇总 again.
    (where === "pane" ? "重新导入分工表时按此名录识别单位，并重写“部门汇总”。" : "")
  );
}

/** Which flavour of formulas a renderer writes. */
export type FormulaFlavor =
  /** SOIL.* custom functions: the add-in is loaded. */
  | "addin"
  /** Built-in functions only: computes in any spreadsheet program. */
  | "portable";

export type ColumnKey =
  | "id"
  | "taskNo"
  | "title"
  | "text"
  | "responsible"
  | "deadlineRaw"
  | "dueDate"
  | "progress"
  | "notes"
  | "lastFeedback"
  | "completedOn"
  | "extensionTo"
  | "extensionReason"
  | "extensionAsked"
  | "extensionDecision"
  | "dueStatus"
  | "daysLeft"
  | "feedbackLate"
  | "deadlineKind"
  | "startDate"
  | "partners";

/** source: written from the table on every import; input: typed by departments, never overwritten; computed: a formula. */
export type ColumnRole = "source" | "input" | "computed";
export type ColumnFormat = "text" | "integer" | "date" | "boolean" | "general";

export interface ColumnSpec {
  key: ColumnKey;
  header: string;
  role: ColumnRole;
  format: ColumnFormat;
  /** Width in characters (Excel column width units). */
  width: number;
  wrap?: boolean;
  /** Helper columns the formulas need but a reader does not. */
  hidden?: boolean;
  /**
   * Who types an input column: "department" (a responsible department, also in its own exported file)
   * or "office" (the supervising office only: the decision on an extension request).
   */
  editedBy?: "department" | "office";
}

export const TASK_COLUMNS: readonly ColumnSpec[] = [
  { key: "id", header: "编号", role: "source", format: "text", width: 8 },
  { key: "taskNo", header: "序号", role: "source", format: "integer", width: 6 },
  { key: "title", header: "主要工作", role: "source", format: "text", width: 22, wrap: true },
  { key: "text", header: "工作要求", role: "source", format: "text", width: 48, wrap: true },
  { key: "responsible", header: "责任单位", role: "source", format: "text", width: 20, wrap: true },
  { key: "deadlineRaw", header: "完成时限", role: "source", format: "text", width: 11 },
  { key: "dueDate", header: "截止日期", role: "source", format: "date", width: 12 },
  { key: "progress", header: "状态", role: "input", format: "text", width: 9, editedBy: "department" },
  { key: "notes", header: "进展情况", role: "input", format: "text", width: 36, wrap: true, editedBy: "department" },
  { key: "lastFeedback", header: "最近反馈日期", role: "input", format: "date", width: 13, editedBy: "department" },
  { key: "completedOn", header: "完成日期", role: "input", format: "date", width: 12, editedBy: "department" },
  { key: "extensionTo", header: "申请延期至", role: "input", format: "date", width: 12, editedBy: "department" },
  { key: "extensionReason", header: "延期理由", role: "input", format: "text", width: 24, wrap: true, editedBy: "department" },
  { key: "extensionAsked", header: "申请日期", role: "input", format: "date", width: 12, editedBy: "department" },
  { key: "extensionDecision", header: "延期审批", role: "input", format: "text", width: 10, editedBy: "office" },
  { key: "dueStatus", header: "到期状态", role: "computed", format: "general", width: 10 },
  { key: "daysLeft", header: "剩余天数", role: "computed", format: "general", width: 9 },
  { key: "feedbackLate", header: "反馈逾期", role: "computed", format: "boolean", width: 9 },
  { key: "deadlineKind", header: "时限类型", role: "source", format: "text", width: 10, hidden: true },
  { key: "startDate", header: "起始日期", role: "source", format: "date", width: 12, hidden: true },
  // Issue #13, after every column a workbook in use reads by position (SOIL.*, 打印清单, 归档, department files).
  { key: "partners", header: "参与部门", role: "source", format: "text", width: 40, wrap: true },
];

export const TASK_HEADERS = TASK_COLUMNS.map((c) => c.header);

/** The first columns of a row, up to 延期审批: what SOIL.* functions take as `row` (no computed cell, so no circular reference). */
export const ROW_INPUT_WIDTH = TASK_COLUMNS.findIndex((c) => c.role === "computed");
/**
 * The narrowest `row` SOIL.* functions accept: up to 完成日期 (A:K), as workbooks written before the
 * extension columns pass it. Extension cells are read when the row is wider.
 */
export const ROW_MIN_WIDTH = TASK_COLUMNS.findIndex((c) => c.key === "completedOn") + 1;

/** Structure columns, 编号 to 截止日期 and 参与部门: locked when the office protects the task sheet. */
export const STRUCTURE_COLUMNS: readonly ColumnKey[] = TASK_COLUMNS.filter((c) => c.role === "source" && !c.hidden).map((c) => c.key);
/** Columns a responsible department types into (its own rows): editable under protection, exported per department. */
export const DEPARTMENT_COLUMNS: readonly ColumnKey[] = TASK_COLUMNS.filter((c) => c.editedBy === "department").map((c) => c.key);

/**
 * SOIL's columns a workbook written before 参与部门 has: its header ends at 起始日期 (then 类别 or the source's
 * kept columns may follow, which must never be taken for 参与部门).
 */
export const COLUMNS_BEFORE_PARTNERS = TASK_COLUMNS.findIndex((c) => c.key === "partners");

/**
 * How many of TASK_COLUMNS a task sheet's header row has, from A: all of them, or COLUMNS_BEFORE_PARTNERS in a
 * workbook written before 参与部门. Only the columns added later are looked at; checkTaskHeaders checks the rest.
 * Every reader and writer of a workbook's task sheet uses this, never TASK_COLUMNS.length.
 */
export function taskColumnCount(headers: readonly unknown[]): number {
  let count = COLUMNS_BEFORE_PARTNERS;
  while (count < TASK_COLUMNS.length && String(headers[count] ?? "").trim() === TASK_COLUMNS[count].header) count++;
  return count;
}

export function columnIndex(key: ColumnKey): number {
  return TASK_COLUMNS.findIndex((c) => c.key === key);
}

/** 0 → A, 25 → Z, 26 → AA */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, Z → 25, AA → 26: the inverse of columnLetter. */
export function columnIndexOfLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function letterOf(key: ColumnKey): string {
  return columnLetter(columnIndex(key));
}

/**
 * The 说明 sheet: labelled cells that every formula refers to. B2..B6 keep the places they had before
 * issue #13 (workbooks already in use refer to them); the 督办规则 (B7..B10) follow.
 */
export const GUIDE_CELLS = {
  asOf: { label: "统计日期（所有公式以此为准）", address: "B2" },
  nextReport: { label: "下一次反馈截止日", address: "B3" },
  lastReport: { label: "上一次反馈截止日", address: "B4" },
  previousReport: { label: "再上一次反馈截止日", address: "B5" },
  dueSoonDays: { label: "临期提醒天数", address: "B6" },
  cadence: { label: "反馈周期（督办规则）", address: "B7" },
  reportDay: { label: "反馈截止日（每期首月几日前）", address: "B8" },
  planName: { label: "方案名称", address: "B9" },
  planYear: { label: "方案年份", address: "B10" },
} as const;
/** The 说明 cells of the 督办规则 and the as-of date: typed by the office (filled yellow), the others computed. */
export const GUIDE_INPUT_CELLS: readonly GuideCell[] = ["asOf", "dueSoonDays", "cadence", "reportDay", "planName", "planYear"];
export type GuideCell = keyof typeof GUIDE_CELLS;

export function guideRef(cell: GuideCell): string {
  const [, col, row] = /^([A-Z]+)(\d+)$/.exec(GUIDE_CELLS[cell].address)!;
  return `'${SHEETS.guide}'!$${col}$${row}`;
}

export const WORKBOOK_TITLE = "土壤污染防治重点任务督办表";
/** 说明 columns A (labels), B (values), C (notes), in characters. */
export const GUIDE_COLUMN_WIDTHS = [30, 14, 60] as const;
/** Fill of the two 说明 cells a clerk may change (as-of date, due-soon days). */
export const GUIDE_INPUT_FILL = "#FFF2CC";
export const GUIDE_NOTE_COLOR = "#595959";

/** Notes beside the 说明 cells (column C). `fixedAsOf`: the as-of cell holds a date, not =TODAY(). */
export function guideNotes(flavor: FormulaFlavor, fixedAsOf: boolean): Partial<Record<GuideCell, string>> {
  const asOf =
    flavor === "addin"
      ? "固定日期（不用 =TODAY()，以免每次改动都重算全部公式）；可在任务窗格中点“设为今天”，或直接改为任一日期"
      : fixedAsOf
        ? "生成文件时指定的日期；可改为其他日期"
        : "默认为打开文件当天（=TODAY()）；改为某一日期即可查看当时的情况";
  return {
    asOf,
    dueSoonDays: "距截止日期不超过此天数的工作要求显示为“临期”",
    cadence: `${CADENCES.map((c) => CADENCE_LABELS[c]).join(" / ")}：各单位多久反馈一次进展`,
    reportDay: "每期首月（每月反馈时为当月）的这一日前反馈，1–28",
    planYear: "完成时限未写年份（如“年底前”）时按此年份理解",
  };
}

/** The 督办规则 cells' values as the renderers write them. */
export function guideRuleValues(rules: SupervisionRules): Record<"cadence" | "reportDay" | "planName" | "planYear", CellValue> {
  return { cadence: CADENCE_LABELS[rules.cadence], reportDay: rules.day, planName: rules.planName, planYear: rules.planYear };
}

/** Lists and bounds of the 督办规则 cells (dropdown for the cadence, whole numbers for the day). */
export const GUIDE_VALIDATIONS = {
  cadence: { list: CADENCES.map((c) => CADENCE_LABELS[c]), title: "反馈周期", message: `请从下拉列表中选择：${CADENCES.map((c) => CADENCE_LABELS[c]).join("、")}` },
  reportDay: { min: 1, max: MAX_REPORT_DAY, title: "反馈截止日", message: `请输入 1 到 ${MAX_REPORT_DAY} 之间的整数（每个月都有的日子）` },
  dueSoonDays: { min: 0, max: 366, title: "临期提醒天数", message: "请输入 0 到 366 之间的整数" },
} as const;

/** Lines of the 说明 sheet after the labelled cells. */
export const GUIDE_TEXT: readonly string[] = [
  "使用方法",
  "1. 各责任单位在“任务清单”中找到本单位的工作要求（可在“责任单位”列筛选），在“状态”列选择 未启动 / 推进中 / 已完成。",
  "2. 在“进展情况”中填写工作进展，在“最近反馈日期”中填写本次反馈的日期（打开 SOIL 加载项时，修改进展情况会自动填写）；完成的工作填写“完成日期”。",
  "3. 请按上方的“反馈周期”和“反馈截止日”反馈进展（下一次截止日见上方）；“反馈逾期”为 TRUE（是）表示上一次反馈未按时填写。",
  "4. 需要延期的，请在截止日期前填写“申请延期至”“延期理由”和“申请日期”；“延期审批”由督办办公室填写（待审批 / 同意 / 不同意），同意后到期状态按新的日期计算，原“截止日期”保留。",
  "5. “到期状态”“剩余天数”“反馈逾期”和“部门汇总”由公式自动计算，请勿手工修改；统计日期可改为任一日期以查看当时的情况。",
  "6. 到期状态：已完成、已逾期、临期（距截止日期不超过临期提醒天数）、按期推进、持续推进、未到期（起始年份未到）、时限待定。",
  "7. 重新导入新版分工表时，各单位填写的状态、进展情况、日期和延期申请保持不变；新增的工作要求追加在表尾，删除的移到“归档”工作表。",
  "8. 督办办公室保护“任务清单”后，“编号”至“截止日期”、“参与部门”、计算列和“延期审批”不能修改，各单位填写的列仍可编辑。",
  "9. “单位名录”工作表列出本工作簿的责任单位及其别称；“反馈周期”“反馈截止日”“临期提醒天数”等督办规则可在上方修改，所有公式随之重算。",
];

/**
 * The 说明 lines of the portable workbook (npm run workbook, department files): what that file does, without
 * the add-in's features it lacks (the automatic 最近反馈日期, re-import, protection from the pane).
 */
export const PORTABLE_GUIDE_TEXT: readonly string[] = [
  GUIDE_TEXT[0],
  GUIDE_TEXT[1],
  "2. 在“进展情况”中填写工作进展，在“最近反馈日期”中填写本次反馈的日期（请手工填写）；完成的工作填写“完成日期”。",
  GUIDE_TEXT[3],
  GUIDE_TEXT[4],
  GUIDE_TEXT[5],
  GUIDE_TEXT[6],
  "7. 本文件不需要加载项：所有公式都是表格软件的内置函数，在 Excel、WPS 表格和 LibreOffice 中均可计算；请保存为 .xlsx 格式。",
];

/** The 说明 lines for a flavour: the add-in's workbook or the portable file. */
export function guideText(flavor: FormulaFlavor): readonly string[] {
  return flavor === "addin" ? GUIDE_TEXT : PORTABLE_GUIDE_TEXT;
}

export interface StatusStyle {
  fill: string;
  font: string;
}

/** Colours of 到期状态 (conditional formats on the row, keyed on the 到期状态 helper column). */
export const STATUS_STYLES: Partial<Record<(typeof DUE_STATUSES)[number], StatusStyle>> = {
  已逾期: { fill: "#F8D7DA", font: "#9C0006" },
  临期: { fill: "#FFEB9C", font: "#9C5700" },
  已完成: { fill: "#C6EFCE", font: "#006100" },
  时限待定: { fill: "#EDEDED", font: "#595959" },
};

/**
 * The formula of the conditional format that colours a task row with STATUS_STYLES[status]: relative
 * to the first data row of the range it applies to, with the 到期状态 column fixed.
 */
export function statusRuleFormula(status: (typeof DUE_STATUSES)[number], firstRow = 2, statusColumn = letterOf("dueStatus")): string {
  return `=$${statusColumn}${firstRow}="${status}"`;
}

export const DATE_FORMAT = "yyyy-mm-dd";

/**
 * Checks on the cells departments type. A word typed into a date column would silently make the
 * row count as neither completed nor reported, so date columns only take dates.
 */
export type InputValidation =
  | { kind: "list"; column: ColumnKey; list: readonly string[]; title: string; message: string }
  | { kind: "date"; column: ColumnKey; minDate: Day; title: string; message: string };

/**
 * The dates the sheet takes: its date validation starts at 2000-01-01, and Excel shows no day after
 * 9999-12-31. A date read anywhere (a cell, --as-of, a quarter) outside it is refused with
 * `dateRangeProblem`'s message rather than counted: 0018-12-01 or serial 0 (1899-12-31) is a typing slip.
 */
export const INPUT_DATE_RANGE: { readonly min: Day; readonly max: Day } = { min: dayFromParts(2000, 1, 1), max: dayFromSerial(MAX_SERIAL)! };
const EARLIEST_INPUT_DATE = INPUT_DATE_RANGE.min;

/** Why `day` is not a date the sheet takes (`what` names it: “完成日期”, 统计日期 …), or null when it is one. */
export function dateRangeProblem(day: Day, what: string): string | null {
  if (day >= INPUT_DATE_RANGE.min && day <= INPUT_DATE_RANGE.max) return null;
  return `${what}的日期 ${isoFromDay(day)} 超出了表格允许的范围（${isoFromDay(INPUT_DATE_RANGE.min)} 至 ${isoFromDay(INPUT_DATE_RANGE.max)}）`;
}

export const INPUT_VALIDATIONS: readonly InputValidation[] = [
  { kind: "list", column: "progress", list: PROGRESS_STATES, title: "状态", message: `请从下拉列表中选择：${PROGRESS_STATES.join("、")}` },
  {
    kind: "list",
    column: "extensionDecision",
    list: EXTENSION_DECISIONS,
    title: "延期审批",
    message: `由督办办公室填写：${EXTENSION_DECISIONS.join("、")}`,
  },
  ...(["lastFeedback", "completedOn", "extensionTo", "extensionAsked"] as const).map((column) => ({
    kind: "date" as const,
    column,
    minDate: EARLIEST_INPUT_DATE,
    title: TASK_COLUMNS.find((c) => c.key === column)!.header,
    message: "请输入日期（2000-01-01 之后），例如 2018-06-30",
  })),
];
export const PERCENT_FORMAT = "0.0%";
/** Shows a TRUE/FALSE result as 是/否 where booleans are numbers (LibreOffice, WPS); Excel shows TRUE/FALSE. */
export const BOOLEAN_FORMAT = '"是";"是";"否"';

/**
 * Number format per column format. Text columns are "@" so that what is written stays text: a cell
 * from the document that starts with = + - @ never becomes a formula, and 1.10 never becomes 1.1.
 */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  integer: "0",
  date: DATE_FORMAT,
  boolean: BOOLEAN_FORMAT,
  general: "General",
};
export const STATUS_LIST = PROGRESS_STATES;
export const HEADER_FILL = "#5B7B3A";
export const HEADER_FONT = "#FFFFFF";

/** A cell value as written: text, number, boolean, a date (as a Day) or a formula. */
export type CellValue = string | number | boolean | null | { date: Day } | { formula: string };

/** Text from an imported document that a spreadsheet would read as a formula or a sign. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/**
 * How the 责任单位 column holds joint responsibility: canonical names joined by 、. The portable
 * summary formulas search for "、name、" in it; readers go back through resolveDepartments.
 */
export const DEPARTMENT_SEPARATOR = "、";

export function departmentListText(names: readonly string[]): string {
  return names.join(DEPARTMENT_SEPARATOR);
}

function requirementSourceCells(task: Task, r: Requirement): Record<ColumnKey, CellValue> {
  return {
    id: r.id,
    taskNo: task.no,
    title: task.title,
    text: r.text,
    responsible: departmentListText(r.responsible),
    deadlineRaw: r.deadline.raw,
    dueDate: r.deadline.kind === "by" && r.deadline.date !== null ? { date: r.deadline.date } : null,
    progress: "未启动",
    notes: null,
    lastFeedback: null,
    completedOn: null,
    extensionTo: null,
    extensionReason: null,
    extensionAsked: null,
    extensionDecision: null,
    dueStatus: null,
    daysLeft: null,
    feedbackLate: null,
    deadlineKind: DEADLINE_KIND_LABELS[r.deadline.kind],
    startDate: r.deadline.kind === "from" && r.deadline.date !== null ? { date: r.deadline.date } : null,
    partners: departmentListText(task.partners),
  };
}

/** The formulas of a task row's computed cells (row is the 1-based sheet row). */
export function computedFormulas(row: number, flavor: FormulaFlavor): Record<"dueStatus" | "daysLeft" | "feedbackLate", string> {
  const asOf = guideRef("asOf");
  const c = (key: ColumnKey) => `${letterOf(key)}${row}`;
  if (flavor === "addin") {
    const rowRange = `$A${row}:$${columnLetter(ROW_INPUT_WIDTH - 1)}${row}`;
    return {
      dueStatus: `=SOIL.STATUS(${rowRange},${asOf},${guideRef("dueSoonDays")})`,
      daysLeft: `=IFERROR(SOIL.DAYSLEFT(${rowRange},${asOf}),"")`,
      // The cadence cells of 督办规则: a workbook whose office set another cadence computes with it.
      feedbackLate: `=SOIL.FEEDBACKLATE(${rowRange},${asOf},${guideRef("cadence")},${guideRef("reportDay")})`,
    };
  }
  // Dates as the report reads them (functions/cells.ts): a time of day is dropped (INT, never rounded), and a
  // 完成日期 counts from the sheet's first date on: serial 0 (1899-12-31, or 0 typed) is no date; N() keeps a
  // date typed as text out as before.
  const completedOn = `N(${c("completedOn")})`;
  const done = `OR(${c("progress")}="已完成",AND(${completedOn}>=${serialFromDay(INPUT_DATE_RANGE.min)},INT(${completedOn})<=${asOf}))`;
  const lastFeedback = `IF(ISNUMBER(${c("lastFeedback")}),INT(${c("lastFeedback")}),${c("lastFeedback")})`;
  const kind = c("deadlineKind");
  const L = DEADLINE_KIND_LABELS;
  // An approved extension (see effectiveDeadline) replaces the deadline with its date.
  const approved = `AND(${c("extensionDecision")}="${EXTENSION_APPROVED}",ISNUMBER(${c("extensionTo")}))`;
  const due = `IF(${approved},${c("extensionTo")},${c("dueDate")})`;
  const hasDue = `OR(${approved},${kind}="${L.by}")`;
  return {
    dueStatus:
      `=IF(${done},"已完成",IF(${hasDue},IF(${asOf}>${due},"已逾期",IF(${due}-${asOf}<=${guideRef("dueSoonDays")},"临期","按期推进")),` +
      `IF(${kind}="${L.from}",IF(${asOf}<${c("startDate")},"未到期","持续推进"),IF(${kind}="${L.ongoing}","持续推进","时限待定"))))`,
    daysLeft: `=IF(${hasDue},${due}-${asOf},"")`,
    feedbackLate: `=AND(NOT(${done}),OR(${c("lastFeedback")}="",${lastFeedback}<=${guideRef("previousReport")}))`,
  };
}

/**
 * Formulas of the 说明 sheet's derived dates from the as-of date and the 督办规则 cells (built-in functions:
 * they compute everywhere). Periods start in January and every m months (m from 反馈周期); the deadline
 * of a period is its first month's 反馈截止日 day. DATE carries a month past 12 or below 1 into the next or
 * previous year in Excel and LibreOffice alike.
 */
export function guideFormulas(flavor: FormulaFlavor): Record<"nextReport" | "lastReport" | "previousReport", string> {
  const a = guideRef("asOf");
  const cad = guideRef("cadence");
  const day = guideRef("reportDay");
  const m = `IF(${cad}="${CADENCE_LABELS.monthly}",1,IF(${cad}="${CADENCE_LABELS["half-yearly"]}",6,IF(${cad}="${CADENCE_LABELS.yearly}",12,3)))`;
  const start = `INT((MONTH(${a})-1)/${m})*${m}+1`;
  const here = `DATE(YEAR(${a}),${start},${day})`;
  const next = `=IF(${a}<=${here},${here},DATE(YEAR(${a}),${start}+${m},${day}))`;
  const last = `=IF(${here}<${a},${here},DATE(YEAR(${a}),${start}-${m},${day}))`;
  const lastRef = guideRef("lastReport");
  return {
    nextReport: flavor === "addin" ? `=SOIL.NEXTREPORT(${a},${cad},${day})` : next,
    lastReport: last,
    previousReport: `=DATE(YEAR(${lastRef}),MONTH(${lastRef})-${m},${day})`,
  };
}

/** The as-of cell: a fixed date in the add-in (one non-volatile input), =TODAY() in the portable file. */
export function asOfCell(flavor: FormulaFlavor, asOf: Day | null): CellValue {
  if (asOf !== null) return { date: asOf };
  return flavor === "portable" ? { formula: "=TODAY()" } : null;
}

export interface TaskRowsOptions {
  flavor: FormulaFlavor;
  /** Sheet row of the first data row (the header is one above). */
  firstRow?: number;
}

/** The task sheet's rows, header excluded, as cells in TASK_COLUMNS order. */
export function taskRows(table: ParsedTable, options: TaskRowsOptions): CellValue[][] {
  const firstRow = options.firstRow ?? 2;
  const rows: CellValue[][] = [];
  for (const task of table.tasks) {
    for (const r of task.requirements) {
      const cells = requirementSourceCells(task, r);
      const formulas = computedFormulas(firstRow + rows.length, options.flavor);
      cells.dueStatus = { formula: formulas.dueStatus };
      cells.daysLeft = { formula: formulas.daysLeft };
      cells.feedbackLate = { formula: formulas.feedbackLate };
      rows.push(TASK_COLUMNS.map((c) => cells[c.key]));
    }
  }
  return rows;
}

/** The source cells (role "source") of one requirement, by column key. */
export function sourceCells(task: Task, r: Requirement): Partial<Record<ColumnKey, CellValue>> {
  const all = requirementSourceCells(task, r);
  const out: Partial<Record<ColumnKey, CellValue>> = {};
  for (const c of TASK_COLUMNS) if (c.role === "source") out[c.key] = all[c.key];
  return out;
}

/** 部门汇总 column widths in characters: 责任单位, then the counts. */
export function summaryColumnWidth(index: number): number {
  return index === 0 ? 24 : 10;
}

/**
 * 别称 the portable 部门汇总 reads per body: the longest list written with room for the office to add 4,
 * at least 8. Aliases after it are not counted there (the add-in's SOIL.SUMMARY reads them all).
 */
export function portableAliasLimit(registry: DepartmentRegistry): number {
  return Math.max(8, ...registry.entries.map((e) => e.aliases.length + 4));
}

/** Where a registry column of the 单位名录 body at `index` (registry order) is: an absolute reference. */
function registryCellRef(header: (typeof REGISTRY_HEADERS)[number], index: number): string {
  return `'${SHEETS.registry}'!$${columnLetter(REGISTRY_HEADERS.indexOf(header))}$${REGISTRY_HEADER_ROW + 1 + index}`;
}

/**
 * Whether each task row's 责任单位 (the range `resp`) names the body at registry `index`: a column of
 * TRUE/FALSE, built-in functions only. Each name is looked for as "、name、" in "、"&责任单位&"、": the 规范名称
 * and the 简称 whole (a name such as 各县（市、区）政府 holds a 、), the 别称 split into `slots` pieces at 、 (and
 * the other separators registryFromRows reads): MID of the text with each 、 widened to as many spaces as the
 * text is long, the classic split, so a piece never runs into the next. An empty name or piece counts for
 * nothing (a cleared 规范名称 or a short 别称 list matches no row, not even an empty 责任单位); MMULT adds a row's
 * 别称 hits and the sum is tested > 0, so a row counts once however many of the body's names it holds (joint
 * responsibility: once for each body). No IF/ROW/TRANSPOSE: SUMPRODUCT evaluates its arguments as arrays
 * without Ctrl+Shift+Enter (example 3 of https://support.microsoft.com/office/sumproduct-function-16753e75-9f68-4874-94ac-4d2145a2fd2e),
 * MMULT and the {…} constants included, in Excel 2016/2019 as in LibreOffice. FIND, not SEARCH: no wildcards
 * (a * ? ~ in a name is itself), case-sensitive (names are typed as 责任单位 holds them), and LibreOffice
 * recalculates the plan at 10x in about half the time SEARCH takes (rows × slots calls per count).
 */
function registryMatch(index: number, slots: number, resp: string): string {
  const sep = DEPARTMENT_SEPARATOR;
  const within = `"${sep}"&${resp}&"${sep}"`;
  const found = (name: string) => `ISNUMBER(FIND("${sep}"&${name}&"${sep}",${within}))*(${name}<>"")`;
  const aliasCell = registryCellRef("别称", index);
  // The 别称 cell without spaces, with the other separators registryFromRows accepts turned into 、 (a line break is CHAR(10)).
  const aliases = ALIAS_SEPARATORS_ACCEPTED.reduce((text, other) => `SUBSTITUTE(${text},${other === "\n" ? "CHAR(10)" : `"${other}"`},"${sep}")`, withoutSpaces(aliasCell));
  // A slot as wide as the cell is long (so a piece never runs into the next), at most PORTABLE_NAME_LENGTH: a text
  // is at most 32,767 characters in Excel (#VALUE! beyond), and the cell widened is about (separators + 1) × width.
  const width = `MIN(LEN(${aliasCell})+1,${PORTABLE_NAME_LENGTH})`;
  const starts = `{${Array.from({ length: slots }, (_, i) => i).join(",")}}*${width}+1`;
  const piece = `TRIM(MID(SUBSTITUTE(${aliases},"${sep}",REPT(" ",${width})),${starts},${width}))`;
  // A 别称 with a 、 inside parentheses (各县（市、区）人民政府) is split here, unlike in registryFromRows: its halves
  // have one parenthesis without the other and count for nothing (under-counting, never counting another body's rows).
  const balanced = (open: string, close: string) => `(ISERROR(FIND("${open}",${piece}))=ISERROR(FIND("${close}",${piece})))`;
  const ones = `{${Array.from({ length: slots }, () => 1).join(";")}}`;
  const name = withoutSpaces(registryCellRef("规范名称", index));
  const short = withoutSpaces(registryCellRef("简称", index));
  return `((${found(name)}+${found(short)}+MMULT(${found(piece)}*${balanced("（", "）")}*${balanced("(", ")")},${ones}))>0)`;
}

/** Longest name a 别称 slot of the portable 部门汇总 holds whole (see registryMatch). */
const PORTABLE_NAME_LENGTH = 64;

/** A cell's text without spaces, half- or full-width (U+3000, as an IME types it): as squeezeName reads a name. */
function withoutSpaces(ref: string): string {
  return `SUBSTITUTE(SUBSTITUTE(${ref}," ",""),"\u3000","")`;
}

/**
 * The 部门汇总 sheet in the portable flavour: one row per department with built-in formulas over the task
 * sheet (SUMPRODUCT with FIND/SEARCH, so that joint responsibility counts for each). With `registry` (the one the
 * 单位名录 sheet holds, in its order, from REGISTRY_HEADER_ROW): column A shows the body's 规范名称 from that
 * sheet and the counts match its 简称 and 别称 too, so renaming a body or adding an alias there recalculates the
 * summary (issue #13). Without it (a department's file has no 单位名录): the name as text, matched as written.
 */
export function portableSummaryRows(departments: readonly string[], taskRowCount: number, registry?: DepartmentRegistry): CellValue[][] {
  const first = 2;
  const last = Math.max(first, first + taskRowCount - 1);
  const col = (key: ColumnKey) => `'${SHEETS.tasks}'!$${letterOf(key)}$${first}:$${letterOf(key)}$${last}`;
  const resp = col("responsible");
  const status = col("dueStatus");
  const late = col("feedbackLate");
  const slots = registry ? portableAliasLimit(registry) : 0;
  const rows: CellValue[][] = [];
  departments.forEach((name, i) => {
    const r = first + i;
    const sep = DEPARTMENT_SEPARATOR;
    const at = registry ? registry.entries.findIndex((e) => e.name === name) : -1;
    const mine = at >= 0 ? registryMatch(at, slots, resp) : `ISNUMBER(SEARCH("${sep}"&$A${r}&"${sep}","${sep}"&${resp}&"${sep}"))`;
    rows.push([
      // Without spaces, as the counts read it; a cleared 规范名称 shows empty, not 0.
      at >= 0 ? { formula: `=${withoutSpaces(registryCellRef("规范名称", at))}` } : name,
      { formula: `=SUMPRODUCT(--${mine})` },
      ...SUMMARY_STATUSES.map((s) => ({ formula: `=SUMPRODUCT(${mine}*(${status}="${s}"))` })),
      { formula: `=SUMPRODUCT(${mine}*(${late}=TRUE))` },
      { formula: `=IF(B${r}=0,0,C${r}/B${r})` },
    ]);
  });
  const totalRow = first + departments.length;
  rows.push([
    "合计",
    { formula: `=COUNTA(${col("id")})` },
    ...SUMMARY_STATUSES.map((s) => ({ formula: `=COUNTIF(${status},"${s}")` })),
    { formula: `=COUNTIF(${late},TRUE)` },
    { formula: `=IF(B${totalRow}=0,0,C${totalRow}/B${totalRow})` },
  ]);
  return rows;
}

/**
 * The add-in's 部门汇总: one spilling SOIL.SUMMARY over three columns of the task table, 责任单位 and the computed
 * 到期状态 / 反馈逾期 (which already hold the as-of day and due-soon days), not the whole table: a custom function
 * is handed at most 5 MB (office-js #4654), and the whole table with its long texts is 5.5 MB at 100x the plan.
 * SoilTasks[#All] as the only range still works (workbooks written before).
 */
export function addinSummaryFormula(): string {
  const column = (key: ColumnKey) => `${TASK_TABLE}[[#All],[${TASK_COLUMNS.find((c) => c.key === key)!.header}]]`;
  // The 单位名录 last: editing the sheet (an alias, a body) recalculates the summary.
  return `=SOIL.SUMMARY(${column("responsible")},${guideRef("asOf")},${guideRef("dueSoonDays")},${column("dueStatus")},${column("feedbackLate")},${REGISTRY_TABLE}[#All])`;
}

/** Departments that appear as responsible, in registry order: the rows of 部门汇总. */
export function responsibleDepartments(table: ParsedTable): string[] {
  const seen = new Set(allRequirements(table).flatMap((r) => r.responsible));
  return table.departments.filter((d) => seen.has(d));
}

export function serialOf(value: { date: Day }): number {
  return serialFromDay(value.date);
}

/**
 * The 归档 sheet: a requirement removed from a newer table, as its row stood up to 完成日期
 * (source and typed cells, nothing recomputed), then the day it was archived.
 */
export const ARCHIVE_COLUMNS: readonly Pick<ColumnSpec, "header" | "format" | "width" | "wrap">[] = [
  ...TASK_COLUMNS.slice(0, ROW_INPUT_WIDTH),
  { header: "归档日期", format: "date", width: 12 },
];

/**
 * Columns after SOIL's own for what the source table holds beyond them (issue #12): 类别 (its section
 * rows) and the columns SOIL does not use (备注…), kept as text. They come after every column the SOIL
 * functions and formulas read, so those keep their positions. A name SOIL's own columns already use
 * is prefixed with 原表.
 */
export const CATEGORY_HEADER = "类别";
export const EXTRA_COLUMN_WIDTH = 18;

export interface ExtraColumns {
  headers: string[];
  /** One row per requirement, in taskRows order. */
  rows: string[][];
}

export function extraColumns(table: ParsedTable): ExtraColumns {
  const categories = table.tasks.some((t) => t.category !== undefined);
  const kept = table.extraColumns ?? [];
  const taken = new Set<string>(TASK_HEADERS);
  const headers: string[] = [];
  for (const name of [...(categories ? [CATEGORY_HEADER] : []), ...kept]) {
    let header = taken.has(name) ? `原表${name}` : name;
    while (taken.has(header)) header = `原表${header}`;
    taken.add(header);
    headers.push(header);
  }
  const rows: string[][] = [];
  for (const task of table.tasks) {
    for (const r of task.requirements) rows.push([...(categories ? [task.category ?? ""] : []), ...kept.map((name) => r.extras?.[name] ?? "")]);
  }
  return { headers, rows };
}
