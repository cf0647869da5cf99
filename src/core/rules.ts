/**
 * 督办规则: the plan's settings that every computation reads — the plan's name and year (deadlines
 * written without a year use it), the feedback cadence (how often departments report, and by which day
 * of the period's first month, or of each month), and the due-soon window. Defaults are data
 * (presets/rules/default.json); a workbook keeps its own in 说明 (layout.ts GUIDE_CELLS).
 */
import { DEFAULT_RULES_DATA } from "./presets";

export const CADENCES = ["monthly", "quarterly", "half-yearly", "yearly"] as const;
export type Cadence = (typeof CADENCES)[number];

/** How the cadence is written in the workbook's 说明 cell (and shown in the pane). */
export const CADENCE_LABELS: Record<Cadence, string> = { monthly: "每月", quarterly: "每季度", "half-yearly": "每半年", yearly: "每年" };
/** Months in one period: periods start in January and every this many months after. */
export const CADENCE_MONTHS: Record<Cadence, number> = { monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12 };

/** The report deadline rule: the `day`-th of each period's first month. */
export interface FeedbackCadence {
  cadence: Cadence;
  /** 1..28: every month has it. */
  day: number;
}

export interface SupervisionRules extends FeedbackCadence {
  planName: string;
  /** The plan's year, for deadlines written without one (年底前); null when the table's title gives none. */
  planYear: number | null;
  dueSoonDays: number;
}

/** The last day of the month a report day may be: every month has a 28th. */
export const MAX_REPORT_DAY = 28;

export function cadenceOfText(text: unknown): Cadence | null {
  const t = String(text ?? "").trim();
  const found = CADENCES.find((c) => c === t || CADENCE_LABELS[c] === t || CADENCE_LABELS[c].replace("每", "按") === t);
  return found ?? (t === "每季" || t === "季度" ? "quarterly" : t === "月度" ? "monthly" : t === "半年" ? "half-yearly" : t === "年度" ? "yearly" : null);
}

export const DEFAULT_RULES: SupervisionRules = {
  planName: DEFAULT_RULES_DATA.planName,
  planYear: null,
  cadence: cadenceOfText(DEFAULT_RULES_DATA.cadence) ?? "quarterly",
  day: DEFAULT_RULES_DATA.reportDay,
  dueSoonDays: DEFAULT_RULES_DATA.dueSoonDays,
};

export const DEFAULT_CADENCE: FeedbackCadence = { cadence: DEFAULT_RULES.cadence, day: DEFAULT_RULES.day };

/** A cadence from cells as typed (说明's cells, a function's arguments): blank cells take the default; bad ones null. */
export function cadenceFromCells(cadence: unknown, day: unknown, fallback: FeedbackCadence = DEFAULT_CADENCE): FeedbackCadence | null {
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  const c = blank(cadence) ? fallback.cadence : cadenceOfText(cadence);
  const d = blank(day) ? fallback.day : Number(typeof day === "string" ? day.trim() : day);
  if (c === null || !Number.isInteger(d) || d < 1 || d > MAX_REPORT_DAY) return null;
  return { cadence: c, day: d };
}

/** 每季度首月N日前（1月、4月、7月、10月） / 每月N日前: the rule in words, for 说明 and the pane. */
export function cadenceText(c: FeedbackCadence): string {
  switch (c.cadence) {
    case "monthly":
      return `每月${c.day}日前`;
    case "quarterly":
      return `每季度首月${c.day}日前（1月、4月、7月、10月）`;
    case "half-yearly":
      return `每半年首月${c.day}日前（1月、7月）`;
    default:
      return `每年1月${c.day}日前`;
  }
}

/**
 * 方案年份 as a cell holds it (2019, "2019", "2019年"), or null when it holds no year: blank, a word, a
 * fraction, or a year outside the dates the sheet takes (2000–9999, as INPUT_DATE_RANGE).
 */
export function planYearFromCell(value: unknown): number | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim().replace(/年$/, "") : "";
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 2000 ? year : null;
}
