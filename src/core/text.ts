/** Cleaning of cell text as the document extraction left it. */

/**
 * Unicode format characters (category Cf): zero-width space U+200B, ZWNJ/ZWJ U+200C/D, marks U+200E/F,
 * bidi embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069, a BOM U+FEFF inside text, soft
 * hyphen U+00AD … None is visible, so none may make two names that look alike differ, or turn a file name
 * around (U+202E). Removed from every cell and header; parseTable says where (`invisibleCharacters`).
 */
export const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** Removes Unicode format characters (see FORMAT_CHARACTERS). */
export function stripFormatCharacters(text: string): string {
  return text.replace(FORMAT_CHARACTERS, "");
}

const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * Removes markup the extraction left in cells (<p>, </p>, <br/>) and decodes the few entities
 * that come with it, and invisible format characters. The result is plain text: nothing from a document is
 * ever treated as HTML.
 */
export function cleanCell(cell: string | undefined): string {
  if (!cell) return "";
  return stripFormatCharacters(cell)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, "")
    .replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e])
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

const HAN = /\p{Script=Han}/u;

/**
 * Joins text continued across a page break. A Han character on both sides of the break
 * (纪检监察 | 察机关) is an extraction repeat: it is kept once and reported.
 */
export function joinContinuedText(before: string, after: string): { text: string; repeated: string } {
  const last = before.slice(-1);
  if (last !== "" && last === after[0] && HAN.test(last)) {
    return { text: before + after.slice(1), repeated: last };
  }
  return { text: before + after, repeated: "" };
}

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 二十一 → 21, 五十六 → 56; null for anything else. */
export function chineseNumeral(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === "") return null;
  if (!m[2]) return m[1] && !m[3] ? NUMERALS[m[1]] : null;
  return (m[1] ? NUMERALS[m[1]] : 1) * 10 + (m[3] ? NUMERALS[m[3]] : 0);
}

/** The numbered heading of a 主要工作 cell: "（十二）强化土地利用监管责任。…" → {number: 12, title}. */
export function mainWorkHeading(mainWork: string): { number: number | null; title: string } {
  const m = /^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*/.exec(mainWork);
  const body = m ? mainWork.slice(m[0].length) : mainWork;
  const end = body.search(/[。；;，,]/);
  const title = (end >= 0 ? body.slice(0, end) : body).trim();
  return { number: m ? chineseNumeral(m[1]) : null, title };
}

/**
 * Splits `text` at the characters `separator` matches, outside parentheses only: 各县（市、区）政府 is one
 * name (full-width and half-width parentheses alike), 甲局、乙局 two. A closing parenthesis with none open is text.
 */
export function splitOutsideParentheses(text: string, separator: RegExp): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "（" || ch === "(") depth++;
    else if ((ch === "）" || ch === ")") && depth > 0) depth--;
    else if (depth === 0 && separator.test(ch)) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}
