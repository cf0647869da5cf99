/** The 说明 sheet through Office.js: the as-of date every formula reads (a fixed date, not =TODAY()), the report dates, the how-to. */
import {
  Day,
  dayFromSerial,
  DATE_FORMAT,
  DEFAULT_DUE_SOON_DAYS,
  GUIDE_CELLS,
  GUIDE_COLUMN_WIDTHS,
  GUIDE_INPUT_FILL,
  GUIDE_NOTE_COLOR,
  GUIDE_TEXT,
  GuideCell,
  guideFormulas,
  guideNotes,
  guideRuleValues,
  cadenceFromCells,
  DEFAULT_CADENCE,
  DEFAULT_RULES,
  FeedbackCadence,
  SupervisionRules,
  planYearFromCell,
  serialFromDay,
  SHEETS,
  WORKBOOK_TITLE,
} from "../../core";
import { rowHeightFor, wrappedLines } from "../../xlsx/cells";
import { columnWidthPoints } from "./cells";
import type { FormulaDialect } from "./requirements";
import type { WorkbookSession } from "./session";

const NOTES = guideNotes("addin", true);

function rowOf(address: string): number {
  return Number(/\d+$/.exec(address)![0]);
}

export function writeGuideSheet(sheet: Excel.Worksheet, asOf: Day, dialect: FormulaDialect, rules: SupervisionRules = DEFAULT_RULES): void {
  const ruleValues = guideRuleValues(rules);
  GUIDE_COLUMN_WIDTHS.forEach((width, i) => (sheet.getRange(`${"ABC"[i]}:${"ABC"[i]}`).format.columnWidth = columnWidthPoints(width)));
  const title = sheet.getRange("A1");
  title.values = [[WORKBOOK_TITLE]];
  title.format.font.bold = true;
  title.format.font.size = 14;

  let lastRow = 1;
  for (const key of Object.keys(GUIDE_CELLS) as GuideCell[]) {
    const row = rowOf(GUIDE_CELLS[key].address);
    lastRow = Math.max(lastRow, row);
    sheet.getRange(`A${row}`).values = [[GUIDE_CELLS[key].label]];
    const cell = sheet.getRange(GUIDE_CELLS[key].address);
    cell.format.font.bold = true;
    cell.format.horizontalAlignment = "Left";
    if (key === "dueSoonDays") {
      cell.values = [[rules.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS]];
      cell.format.fill.color = GUIDE_INPUT_FILL;
    } else if (key === "cadence" || key === "reportDay" || key === "planName" || key === "planYear") {
      // Text cells as text: a plan name that starts with = stays a name.
      if (key === "cadence" || key === "planName") cell.numberFormat = [["@"]];
      cell.values = [[(ruleValues[key] ?? "") as string | number]];
      cell.format.fill.color = GUIDE_INPUT_FILL;
    } else if (key === "asOf") {
      cell.numberFormat = [[DATE_FORMAT]];
      cell.values = [[serialFromDay(asOf)]];
      cell.format.fill.color = GUIDE_INPUT_FILL;
    }
    const note = NOTES[key];
    if (note) {
      const noteCell = sheet.getRange(`C${row}`);
      noteCell.values = [[note]];
      noteCell.format.font.color = GUIDE_NOTE_COLOR;
    }
  }
  const first = lastRow + 2;
  const last = first + GUIDE_TEXT.length - 1;
  const text = sheet.getRange(`A${first}:A${last}`);
  text.numberFormat = GUIDE_TEXT.map(() => ["@"]);
  text.values = GUIDE_TEXT.map((line) => [line]);
  sheet.getRange(`A${first}`).format.font.bold = true;
  // Each line across A:C, wrapped, so it prints whole on the page (ExcelApi 1.2 merge; Excel does not fit merged rows: heights set).
  const lines = sheet.getRange(`A${first}:C${last}`);
  lines.merge(true);
  lines.format.wrapText = true;
  lines.format.verticalAlignment = "Top";
  const textWidth = GUIDE_COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
  GUIDE_TEXT.forEach((line, i) => {
    const count = wrappedLines(line, textWidth);
    if (count > 1) sheet.getRange(`${first + i}:${first + i}`).format.rowHeight = rowHeightFor(count);
  });
  writeReportDates(sheet, dialect);
}

/** The derived report dates (B3..B5), in the flavour this Excel computes (a re-import rewrites them). */
export function writeReportDates(sheet: Excel.Worksheet, dialect: FormulaDialect): void {
  for (const [key, formula] of Object.entries(guideFormulas(dialect.flavor))) {
    const cell = sheet.getRange(GUIDE_CELLS[key as keyof ReturnType<typeof guideFormulas>].address);
    cell.numberFormat = [[DATE_FORMAT]];
    cell.formulas = [[formula]];
  }
}

/** 说明's 方案年份 as read: `present` only where the row carries its label (a workbook older than 督办规则 has a line of text there). */
export interface PlanYearCell {
  present: boolean;
  /** The year the cell holds, null when blank or no year. */
  year: number | null;
}

/** Queues a read of 说明's 方案年份 row (label and value); the result is readable after the next sync. */
export function loadPlanYearCell(sheet: Excel.Worksheet): () => PlanYearCell {
  const row = rowOf(GUIDE_CELLS.planYear.address);
  const range = sheet.getRange(`A${row}:B${row}`).load("values");
  return () => {
    const [label, value] = range.values[0];
    const present = String(label ?? "").trim() === GUIDE_CELLS.planYear.label;
    return { present, year: present ? planYearFromCell(value) : null };
  };
}

/** Writes 方案年份 (说明!B10), the year a re-import read year-less deadlines with, so the next re-import reads them alike. */
export function writePlanYear(sheet: Excel.Worksheet, year: number): void {
  sheet.getRange(GUIDE_CELLS.planYear.address).values = [[year]];
}

/**
 * The workbook's 方案年份 (说明!B10, as the office set it), or null: no 说明 sheet, no such row, or no year in it.
 * Two syncs: the sheet names, then the row (a sheet that is not there is never navigated).
 */
export async function readWorkbookPlanYear(session: WorkbookSession): Promise<number | null> {
  const { context } = session;
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  if (!sheets.items.some((s) => s.name === SHEETS.guide)) return null;
  const read = loadPlanYearCell(sheets.getItem(SHEETS.guide));
  await context.sync();
  return read().year;
}

/** Sets the as-of date (说明!B2); every SOIL formula depends on it, so Excel recalculates them. */
export function writeAsOf(sheet: Excel.Worksheet, day: Day): void {
  const cell = sheet.getRange(GUIDE_CELLS.asOf.address);
  cell.numberFormat = [[DATE_FORMAT]];
  cell.values = [[serialFromDay(day)]];
}

export interface GuideSettings {
  /** 说明!B2 as Excel holds it (a serial, or whatever a clerk typed). */
  asOfValue: unknown;
  /** 说明!B2 as a day, null when it is no date. */
  asOf: Day | null;
  /** 说明!B6, undefined when blank or not a number. */
  dueSoonDays: number | undefined;
  /** 说明!B6 as Excel holds it. */
  dueSoonValue: unknown;
  /** 督办规则 (说明!B7:B8): the feedback cadence; the default where the cells are blank (a workbook older than them) or invalid. */
  cadence: FeedbackCadence;
  /** 说明!B7:B8 as Excel holds them (for SOIL functions that take the cells). */
  cadenceValues: [unknown, unknown];
}

/** Queues a read of the as-of date and the due-soon days; the result is readable after the next sync. */
export function loadGuideSettings(context: Excel.RequestContext): () => GuideSettings {
  const guide = context.workbook.worksheets.getItem(SHEETS.guide);
  const asOf = guide.getRange(GUIDE_CELLS.asOf.address).load("values");
  const soon = guide.getRange(GUIDE_CELLS.dueSoonDays.address).load("values");
  const rules = guide.getRange(`${GUIDE_CELLS.cadence.address}:${GUIDE_CELLS.reportDay.address}`).load("values");
  return () => {
    const asOfValue = asOf.values[0][0];
    const soonValue = soon.values[0][0];
    const cadenceValues: [unknown, unknown] = [rules.values[0][0], rules.values[1][0]];
    return {
      cadence: cadenceFromCells(cadenceValues[0], cadenceValues[1]) ?? DEFAULT_CADENCE,
      cadenceValues,
      asOfValue,
      asOf: typeof asOfValue === "number" ? dayFromSerial(asOfValue) : null,
      dueSoonDays: typeof soonValue === "number" && soonValue >= 0 ? Math.floor(soonValue) : undefined,
      dueSoonValue: soonValue,
    };
  };
}
