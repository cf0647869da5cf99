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
}

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  by: "限期完成",
  from: "起始年份",
  ongoing: "持续推进",
  none: "未填写",
  unknown: "无法识别",
};

/** Words the table (and similar tables) use for work with no end date. */
const ONGOING_WORDS = ["持续推进", "持续进行", "持续开展", "长期坚持", "长期推进", "长期", "常态化"];

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

function parseCompact(text: string): Omit<Deadline, "raw"> {
  if (text === "") return { kind: "none", date: null };
  if (ONGOING_WORDS.includes(text)) return { kind: "ongoing", date: null };


  // 自2017年起 / 2017年起 / 从2018年6月起 / 2017年开始
  let m = /^(?:自|从)?(\d{4})年(?:(\d{1,2})月)?(?:起|开始|以来)$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = m[2] ? Number(m[2]) : 1;
    if (!validYear(year) || month < 1 || month > 12) return { kind: "unknown", date: null };
    return { kind: "from", date: dayFromParts(year, month, 1) };
  }

  // Optional leading 到/于/在 and trailing 前/之前/完成.
  const core = text.replace(/^(?:到|于|在|截至|截止)/, "").replace(/(?:之前|以前|前|完成)$/, "");

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

/** Reads a 完成时限 cell. Tolerates spaces, full-width digits and a deadline written twice. */
export function parseDeadline(raw: string | null | undefined): Deadline {
  const text = (raw ?? "").trim();
  const squeezed = compact(text);
  const parsed = parseCompact(squeezed);
  if (parsed.kind !== "unknown") return { raw: text, ...parsed };
  const once = collapseRepetition(squeezed);
  if (once !== null) {
    const again = parseCompact(once);
    if (again.kind !== "unknown" && again.kind !== "none") return { raw: text, ...again, repeated: true };
  }
  return { raw: text, ...parsed };
}
