/**
 * Options several commands share: the as-of date a workbook holds itself (说明!B2), which `report` and `export`
 * use when none is given (--as-of itself: dateOption.ts), several --department names, and options npm swallowed.
 */
import type ExcelJS from "exceljs";
import { Day, dayFromSerial, dayFromText } from "../core/dates";
import { SoilUserError } from "../core/errors";
import { GUIDE_CELLS, SHEETS } from "../core/layout";
import { readCellValue } from "../xlsx/readWorkbook";

/**
 * The as-of date the workbook holds in 说明!B2 when it is a fixed date (the add-in writes one; an office may type
 * one); null when it is =TODAY() (the portable file's default), empty, or not a date.
 */
export function workbookAsOf(workbook: ExcelJS.Workbook): Day | null {
  const cell = workbook.getWorksheet(SHEETS.guide)?.getCell(GUIDE_CELLS.asOf.address);
  if (!cell) return null;
  const raw = cell.value;
  // =TODAY() means "the day it is opened": the caller's today, not the result cached when it was last saved.
  if (raw !== null && typeof raw === "object" && !(raw instanceof Date) && ("formula" in raw || "sharedFormula" in raw)) return null;
  const value = readCellValue(cell);
  if (typeof value === "number") return dayFromSerial(value);
  if (typeof value === "string") return dayFromText(value);
  return null;
}

/**
 * Names given to --department: one, or several separated by commas or 、 ("甲局,乙局"); each is
 * exported, none silently dropped.
 */
export function departmentNames(text: string): string[] {
  const names = text
    .split(/[,，、;；]/)
    .map((n) => n.trim())
    .filter((n) => n !== "");
  if (names.length === 0) throw new SoilUserError(`“${text}”中没有单位名称`, "例如 --department 县环保局，或 --department \"县环保局,县农业局\"");
  return names;
}

/** Options npm itself takes when `--` is forgotten after `npm run soil` (see swallowedByNpm). */
const OPTION_NAMES = ["department", "out", "as-of", "quarter", "source", "json", "force"] as const;

/**
 * `npm run soil export x.xlsx --department A` without `--`: npm reads --department as its own setting
 * (npm_config_department=true in the environment) and passes only "A" on as a plain argument. Returns the
 * options npm took, so the CLI can say so instead of misreading the rest.
 */
export function swallowedByNpm(env: NodeJS.ProcessEnv): string[] {
  // Only under SOIL's own scripts (package.json: soil, workbook), not e.g. a test run started by npm.
  if (env.npm_lifecycle_event !== "soil" && env.npm_lifecycle_event !== "workbook") return [];
  return OPTION_NAMES.filter((name) => env[`npm_config_${name.replace(/-/g, "_")}`] !== undefined).map((name) => `--${name}`);
}
