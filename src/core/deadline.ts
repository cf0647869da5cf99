/**
 * Deadlines as the table writes them (完成时限): 2018年底, 2018年6月, 2020 年, 2017年起, 持续推进, or
 * nothing. Parsing is total: any text gives a Deadline, `unknown` when it cannot be read.
 */
import { Day, dayFromParts, dayFromText, lastDayOfMonth, partsFromDay, toHalfWidth } from "./dates";

export type DeadlineKind = "by" | "from" | "ongoing" | "none" | "unknown";

export interface Deadline {
  /** The text as written in the source (trimmed). */
  raw: string;
  kind: DeadlineKind;
  /** `by`: the last day of the period; `from`: the first day; otherwise null. */
  date: Day | null;
  /** The same deadline was written more than once in the cell (2018年底 2018年底). */
  repeated?: boolean;
  /** A year range (2017—2020年): its first day; `date` is the last day of the range. */
  from?: Day;
  /** The text had no year (年底前, 7月底前): the plan's year was supplied. */
  yearSupplied?: boolean;
  /** What a reader should know about how the text was read (several dates, then ongoing…). */
  note?: string;
}

export interface DeadlineOptions {
  /** The plan's year, for deadlines written without one (年底前, 7月底前). */
  planYear?: number;
}

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  by: "限期完成",
  from: "起始年份",
  ongoing: "持续推进",
  none: "未填写",
  unknown: "无法识别",
};

/** Words the table (and similar tables) use for work with no end date. */
const ONGOING_WORDS = ["持续推进", "持续进行", "持续开展", "长期坚持", "长期推进", "长期", "常态化", "持续", "常年", "定期", "逐年推进", "分年度推进"];
/** Recurring work: a kind with no end date (持续推进 in the workbook), never 时限待定. */
const RECURRING = /^(?:每年|每季度|每季|每月|每半年|每周|年度)(?:.*)$/;

/** Period words after 年 that still mean the end of that year. */
const YEAR_END = /^(?:年)?(?:底|末|年底|年末)?$/;

function compact(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, "");
}

/** "ab" repeated n >= 2 times → "ab"; otherwise null. */
function collapseRepetition(text: string): string | null {
  for (let len = 1; len <= text.length / 2; len++) {
    if (text.length % len !== 0) continue;
    const unit = text.slice(0, len);
    if (unit.repeat(text.length / len) === text) return unit;
  }
  return null;
}

function parseCompact(text: string, options: DeadlineOptions = {}): Omit<Deadline, "raw"> {
  if (text === "") return { kind: "none", date: null };
  if (ONGOING_WORDS.includes(text) || RECURRING.test(text)) return { kind: "ongoing", date: null };

  // 2017-2020年 / 2017—2020年 / 2017年—2020年: from the first year, by the end of the last.
  let r = /^(\d{4})年?[-—–~～至到](\d{4})年?(?:底|末)?(?:前|之前|以前|完成)*$/.exec(text);
  if (r) {
    const [a, b] = [Number(r[1]), Number(r[2])];
    if (!validYear(a) || !validYear(b) || b < a) return { kind: "unknown", date: null };
    return { kind: "by", date: dayFromParts(b, 12, 31), from: dayFromParts(a, 1, 1) };
  }


  // 自2017年起 / 2017年起 / 从2018年6月起 / 2017年开始
  let m: RegExpExecArray | null = /^(?:自|从)?(\d{4})年(?:(\d{1,2})月)?(?:起|开始|以来)$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = m[2] ? Number(m[2]) : 1;
    if (!validYear(year) || month < 1 || month > 12) return { kind: "unknown", date: null };
    return { kind: "from", date: dayFromParts(year, month, 1) };
  }

  // Optional leading 到/于/在 and trailing 前/之前/以前/完成, any number of them (2018年底前完成).
  const core = text.replace(/^(?:到|于|在|截至|截止)/, "").replace(/(?:之前|以前|前|完成|启动|开始|基本完成|全面完成)+$/, "");

  // 2018.12 / 2018-12 / 2018/12: by the end of that month.
  r = /^(\d{4})[.\-/](\d{1,2})$/.exec(core);
  if (r) {
    const [y, mo] = [Number(r[1]), Number(r[2])];
    if (!validYear(y) || mo < 1 || mo > 12) return { kind: "unknown", date: null };
    return { kind: "by", date: dayFromParts(y, mo, lastDayOfMonth(y, mo)) };
  }
  // 年底 / 7月底 / 7月: no year written; the plan's year when there is one.
  r = /^(?:今年|本年|当年)?(?:(?:年)?(?:底|末)|(\d{1,2})月(?:底|末|份)?)$/.exec(core);
  if (r) {
    if (options.planYear === undefined || !validYear(options.planYear)) return { kind: "unknown", date: null, note: "没有写年份，也没有方案年份可用" };
    const y = options.planYear;
    const mo = r[1] ? Number(r[1]) : 12;
    if (mo < 1 || mo > 12) return { kind: "unknown", date: null };
    return { kind: "by", date: dayFromParts(y, mo, lastDayOfMonth(y, mo)), yearSupplied: true };
  }

  // 2018年6月30日, 2018-06-30
  const date = dayFromText(core);
  if (date !== null) return validYear(partsFromDay(date).year) ? { kind: "by", date } : { kind: "unknown", date: null };
  // 2018年6月 / 2018年6月底
  m = /^(\d{4})年(\d{1,2})月(?:底|末|份)?$/.exec(core);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (!validYear(y) || mo < 1 || mo > 12) return { kind: "unknown", date: null };
    return { kind: "by", date: dayFromParts(y, mo, lastDayOfMonth(y, mo)) };
  }
  // 2018年上半年 / 下半年 / 第一季度
  m = /^(\d{4})年(上半年|下半年|第([一二三四1-4])季度)$/.exec(core);
  if (m) {
    const y = Number(m[1]);
    if (!validYear(y)) return { kind: "unknown", date: null };
    const quarter = m[3] ? "一二三四".indexOf(m[3]) + 1 || Number(m[3]) : m[2] === "上半年" ? 2 : 4;
    const month = quarter * 3;
    return { kind: "by", date: dayFromParts(y, month, lastDayOfMonth(y, month)) };
  }
  // 2018年底 / 2018年 / 2018年年底 / 2018
  m = /^(\d{4})(年.*)?$/.exec(core);
  if (m && YEAR_END.test(m[2] ?? "") && validYear(Number(m[1]))) {
    return { kind: "by", date: dayFromParts(Number(m[1]), 12, 31) };
  }
  return { kind: "unknown", date: null };
}

function validYear(year: number): boolean {
  return year >= 1900 && year <= 9999;
}

/**
 * Several dates in one cell (2017年底前启动，2020年底前完成; a line per date; 2018年底，长期坚持): the last
 * date is the deadline, a trailing ongoing word noted. Null unless every piece reads.
 */
function parsePieces(text: string, options: DeadlineOptions): Omit<Deadline, "raw"> | null {
  const pieces = text.split(/[，,；;。\n]+/).map(compact).filter((p) => p !== "");
  if (pieces.length < 2) return null;
  const parsed = pieces.map((p) => parseCompact(p, options));
  if (parsed.some((p) => p.kind === "unknown" || p.kind === "none")) return null;
  const dated = parsed.filter((p) => p.kind === "by");
  const ongoingAfter = parsed[parsed.length - 1].kind === "ongoing";
  const lastDated = dated[dated.length - 1] ?? null;
  if (!lastDated) return { ...parsed[parsed.length - 1], note: "写有多个时限，按最后一个理解" };
  const note = ongoingAfter ? "到期后长期坚持：截止日期按所写日期" : dated.length > 1 ? "写有多个日期，以最后的日期为截止日期" : undefined;
  const out: Omit<Deadline, "raw"> = { kind: "by", date: lastDated.date };
  if (note) out.note = note;
  if (parsed.some((p) => p.yearSupplied)) out.yearSupplied = true;
  return out;
}

function clean(d: Omit<Deadline, "raw">, raw: string): Deadline {
  const out: Deadline = { raw, kind: d.kind, date: d.date };
  if (d.repeated) out.repeated = true;
  if (d.from !== undefined) out.from = d.from;
  if (d.yearSupplied) out.yearSupplied = true;
  if (d.note && d.kind !== "unknown") out.note = d.note;
  return out;
}

/** Reads a 完成时限 cell. Tolerates spaces, full-width digits, a deadline written twice and several dates. */
export function parseDeadline(raw: string | null | undefined, options: DeadlineOptions = {}): Deadline {
  const text = (raw ?? "").trim();
  const squeezed = compact(text);
  const parsed = parseCompact(squeezed, options);
  if (parsed.kind !== "unknown") return clean(parsed, text);
  const once = collapseRepetition(squeezed);
  if (once !== null) {
    const again = parseCompact(once, options);
    if (again.kind !== "unknown" && again.kind !== "none") return clean({ ...again, repeated: true }, text);
  }
  const pieces = parsePieces(text, options);
  if (pieces) return clean(pieces, text);
  return clean(parsed, text);
}
