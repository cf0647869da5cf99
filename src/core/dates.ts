/**
 * Calendar days as plain integers, and their conversion to ISO text and Excel date serials.
 *
 * A `Day` counts days since 1970-01-01 (UTC); it has no time of day and no time zone, which is
 * exactly what a deadline is. Excel serials count from 1899-12-31 = 1, with Excel's inherited
 * Lotus bug: serial 60 is 1900-02-29, a day that never existed. Serials from 61 on are offset
 * by one from the true count, so real dates use the epoch 1899-12-30 there.
 */

export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 (from 1900-03-01 on, serial = day + 25569). */
const SERIAL_OF_EPOCH = 25_569;
/** Excel's non-existent 1900-02-29. */
export const PHANTOM_LEAP_SERIAL = 60;
/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2_958_465;

/** The UTC time of a calendar day; years 0–99 stay years 0–99 (Date.UTC would read them as 1900–1999). */
function utcTime(year: number, monthIndex: number, dayOfMonth: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, dayOfMonth);
  return date.getTime();
}

export function dayFromParts(year: number, month: number, dayOfMonth: number): Day {
  return Math.round(utcTime(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

/**
 * The calendar day of a JavaScript Date as file readers give it (exceljs: the cell's date-time as UTC).
 * A time of day is dropped, never rounded: 2019-01-10 18:00 is 2019-01-10.
 */
export function dayFromJsDate(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function partsFromDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** True when the numbers name a real calendar day (2018-02-30 is not one). */
export function isValidDate(year: number, month: number, dayOfMonth: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(dayOfMonth)) return false;
  if (month < 1 || month > 12 || dayOfMonth < 1) return false;
  return dayOfMonth <= lastDayOfMonth(year, month);
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(utcTime(year, month, 0)).getUTCDate();
}

export function isoFromDay(day: Day): string {
  const { year, month, day: d } = partsFromDay(day);
  const yyyy = String(year).padStart(4, "0");
  return `${yyyy}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Parses YYYY-MM-DD (also with / or . separators); null when it is not a real date. */
export function dayFromIso(text: string): Day | null {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? dayFromParts(y, mo, d) : null;
}

/** A time of day after a date ("2019-01-10 18:00", "2019-01-10T18:00:00.000"): dropped, the day is the date's. */
const TIME_OF_DAY = /(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * A date written as text: 2018-06-30, 2018/6/30, 2018.6.30 or 2018年6月30日 (日 optional), with spaces
 * and full-width digits tolerated, and a time of day ignored (truncated, never rounded); null when it is
 * not a real date.
 */
export function dayFromText(text: string): Day | null {
  const compact = toHalfWidth(text).trim().replace(TIME_OF_DAY, "").replace(/\s+/g, "");
  const iso = dayFromIso(compact);
  if (iso !== null) return iso;
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(compact);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? dayFromParts(y, mo, d) : null;
}

/** Today in the local calendar of the machine (what a clerk means by "today"). */
export function today(now: Date = new Date()): Day {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Excel serial → Day. Fractions (times of day) are dropped. Returns null for serials Excel
 * cannot show as a date (below 1, above 9999-12-31) and for the phantom 1900-02-29.
 */
export function dayFromSerial(serial: number): Day | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL || whole === PHANTOM_LEAP_SERIAL) return null;
  // Before the phantom day Excel's count is one less than the true one.
  return whole < PHANTOM_LEAP_SERIAL ? whole - SERIAL_OF_EPOCH + 1 : whole - SERIAL_OF_EPOCH;
}

/** Day → Excel serial (inverse of dayFromSerial on every day Excel can show). */
export function serialFromDay(day: Day): number {
  const serial = day + SERIAL_OF_EPOCH;
  return serial <= PHANTOM_LEAP_SERIAL ? serial - 1 : serial;
}

/** The date Excel shows for a serial, as ISO text ("1900-02-29" for the phantom day). */
export function isoFromSerial(serial: number): string | null {
  if (Math.floor(serial) === PHANTOM_LEAP_SERIAL) return "1900-02-29";
  const day = dayFromSerial(serial);
  return day === null ? null : isoFromDay(day);
}

/** Full-width digits and letters → ASCII, ideographic space → space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/** "2026-11-28 14:05" in the machine's local time (what a clerk reads as the time a report was made). */
export function localDateTimeText(now: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}`;
}
