/**
 * Every check on what a user hands SOIL, in one place: bytes → text (UTF-8, GBK, UTF-16 with BOM),
 * binary files, the size limit and the table's header (columns in any order, missing ones named); the
 * names of a table's bodies are never a reason to refuse it (tableRegistry.ts adds them). The CLI (src/cli/source.ts) and the pane (src/taskpane/source) decode through
 * here; parseTable reads headers and reports text problems through here; and `assertImportable` is the
 * gate both front ends pass before anything is written.
 */
import { allRequirements, Diagnostic, ParsedTable } from "./model";
import { SoilUserError } from "./errors";
import { ColumnReading, TableRole, combineHeaderRows, headerName, isLowerHeaderRow, knownNames, ROLE_HEADER_NAMES, rolesOfNames } from "./columns";
import { FORMAT_CHARACTERS } from "./text";
import { cellLengthProblem } from "./cellLimit";
import { sourceCells, TASK_COLUMNS } from "./layout";

/** The table's seven columns as the plan writes them. */
export const TABLE_HEADERS = ["序号", "牵头部门", "参与部门", "主要工作", "工作要求", "责任单位", "完成时限"] as const;
export type Column = "no" | "lead" | "partners" | "mainWork" | "text" | "responsible" | "deadline";
export const DEFAULT_ORDER: readonly Column[] = ["no", "lead", "partners", "mainWork", "text", "responsible", "deadline"];

/**
 * The largest table SOIL reads: 16 MiB. The plan's table is 80 KB for 195 requirements (about 420 bytes
 * each), so 16 MiB is about 40,000 requirements — 200 times the plan and twice the 100x synthetic plan
 * that the tests and `npm run bench` show to work end to end (parse, Excel writes, LibreOffice). Anything
 * bigger is not a key-task table (a wrong file, a whole archive pasted), and reading it would freeze the
 * pane for seconds and hold a workbook whose summary formulas no spreadsheet recalculates in useful time.
 */
export const MAX_TABLE_BYTES = 16 * 1024 * 1024;

/** What a user can do about an unreadable file. */
const SAVE_AS_TEXT = "请在 Word 或 Excel 中将分工表另存为“文本文件（制表符分隔）”（UTF-8 或 GBK 编码），或选择 .docx 文件，或复制表格后粘贴。";

export type TextEncodingName = "UTF-8" | "GBK" | "Big5" | "UTF-16LE" | "UTF-16BE";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export function tooLargeError(bytes: number, name: string): SoilUserError {
  return new SoilUserError(
    `${name}过大（${megabytes(bytes)} MB），超过 SOIL 可读取的上限 ${MAX_TABLE_BYTES / 1024 / 1024} MB`,
    "上限约合 4 万条工作要求，是本方案分工表（195 条、80 KB）的 200 倍。请确认选择的是分工表本身；确需导入更大的表，请拆分后分别导入。",
  );
}

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Control characters that text tables never hold (tab, line breaks and form feed are fine). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

function looksBinary(text: string): boolean {
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls > 0 && controls * 200 > text.length;
}

function decodeOrNull(label: string, bytes: Uint8Array): string | null {
  // 0xFF is no GBK or Big5 byte; browsers refuse it, but Node's ICU decoder drops it silently even when fatal.
  if ((label === "gbk" || label === "big5") && bytes.includes(0xff)) return null;
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes of a text table → text. UTF-8 (with or without BOM), then GBK (what Chinese Windows saves as
 * “ANSI”) or Big5, whichever reads as Chinese, and UTF-16 with a BOM (Excel's “Unicode 文本”) or without. Empty, oversized, binary and undecodable
 * files throw a SoilUserError naming the file. Runs the same in Node (full ICU) and in the browser.
 */
export function decodeTableBytes(bytes: Uint8Array, name = "该文件"): DecodedText {
  const quoted = name === "该文件" ? name : `“${name}”`;
  if (bytes.length === 0) throw new SoilUserError(`${quoted}是空的`, "请选择导出的分工表文本文件。");
  if (bytes.length > MAX_TABLE_BYTES) throw tooLargeError(bytes.length, quoted);
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    throw new SoilUserError(`${quoted}是压缩格式的文档（如 .docx、.xlsx），不是文本文件`, "Word 文档请在任务窗格中以 .docx 导入；" + SAVE_AS_TEXT);
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new SoilUserError(`${quoted}是旧版 Office 文档（.doc 或 .xls），不是文本文件`, SAVE_AS_TEXT);
  }
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw new SoilUserError(`${quoted}是 PDF 文件，SOIL 不能从 PDF 中读取表格`, SAVE_AS_TEXT);

  let decoded: DecodedText | null = null;
  if (startsWith(bytes, 0xff, 0xfe)) decoded = withEncoding(decodeOrNull("utf-16le", bytes.subarray(2)), "UTF-16LE");
  else if (startsWith(bytes, 0xfe, 0xff)) decoded = withEncoding(decodeOrNull("utf-16be", bytes.subarray(2)), "UTF-16BE");
  else if (startsWith(bytes, 0xef, 0xbb, 0xbf)) decoded = withEncoding(decodeOrNull("utf-8", bytes.subarray(3)), "UTF-8");
  else if (bytes.includes(0)) {
    const utf16 = utf16WithoutBom(bytes);
    decoded = utf16 === null ? null : withEncoding(decodeOrNull(utf16.toLowerCase(), bytes), utf16);
    if (decoded === null || !/[\t\n]/.test(decoded.text)) throw binaryError(quoted);
  } else decoded = withEncoding(decodeOrNull("utf-8", bytes), "UTF-8") ?? chineseLegacyEncoding(bytes, quoted);

  if (decoded === null) {
    throw new SoilUserError(
      `${quoted}既不是 UTF-8 也不是 GBK 编码的文本（也不是 Big5 或 UTF-16），可能已损坏或是其他编码`,
      SAVE_AS_UTF8,
    );
  }
  if (looksBinary(decoded.text)) throw binaryError(quoted);
  return decoded;
}

const SAVE_AS_UTF8 = "请用记事本打开后“另存为”，编码选 UTF-8，再重新导入。";

/**
 * UTF-16 saved without a BOM (some tools do): every ASCII character (tab, line break, digit) puts a NUL
 * byte at odd positions (little-endian) or even ones (big-endian), while CJK characters rarely hold one.
 * A file whose NULs sit almost all on one side is read as UTF-16 of that order; anything else with NULs
 * is binary.
 */
function utf16WithoutBom(bytes: Uint8Array): "UTF-16LE" | "UTF-16BE" | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = bytes.length / 2;
  if (odd * 50 >= pairs && even * 4 <= odd) return "UTF-16LE";
  if (even * 50 >= pairs && odd * 4 <= even) return "UTF-16BE";
  return null;
}

/**
 * The commonest characters of Chinese official text, simplified and traditional, with the words of the
 * table's header: what a correct decoding is full of and a wrong one (mojibake) almost never shows.
 */
const COMMON_CHINESE = new Set(
  "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部度家电電力里裏如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内內数數正心反你明看原又么利比或但质質气氣第向道命此变變条條只没結解问問意建月公无無系军軍很情者最立代想已通并提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別她手角期根论論运運农農指几幾九区區强強放决決西被干做必战戰先回则則任取据據处處府研序号號牵牽头參参与與主要工作求责責任单單位完成时時限市县縣局委环環境保护護土壤污染防治督办辦监監管督查落实實推进進".replace(/\s/g, ""),
);

/** Common characters among the first 100,000 of a text: enough to tell two decodings apart, fast on 16 MB. */
function commonChineseCount(text: string): number {
  let n = 0;
  for (const ch of text.slice(0, 100_000)) if (COMMON_CHINESE.has(ch)) n++;
  return n;
}

/**
 * Bytes that are not UTF-8: GBK (Chinese Windows' “ANSI”) or Big5 (traditional Chinese). Many byte runs
 * decode in both, one of them as mojibake: the decoding with more of the commonest characters wins.
 * When neither stands out, the file is refused naming both encodings rather than read wrongly.
 */
function chineseLegacyEncoding(bytes: Uint8Array, quoted: string): DecodedText | null {
  const gbk = withEncoding(decodeOrNull("gbk", bytes), "GBK");
  const big5 = withEncoding(decodeOrNull("big5", bytes), "Big5");
  if (gbk === null || big5 === null) return gbk ?? big5;
  const [g, b] = [commonChineseCount(gbk.text), commonChineseCount(big5.text)];
  if (g > b * 2) return gbk;
  if (b > g * 2) return big5;
  throw new SoilUserError(`无法确定${quoted}的编码：按 GBK 和按 Big5 都能读出文字，但都不像通顺的中文（已尝试 UTF-8、GBK、Big5）`, SAVE_AS_UTF8);
}

function withEncoding(text: string | null, encoding: TextEncodingName): DecodedText | null {
  return text === null ? null : { text: text.replace(/^\uFEFF/, ""), encoding };
}

function binaryError(quoted: string): SoilUserError {
  return new SoilUserError(`${quoted}不是文本文件（含有二进制数据）`, SAVE_AS_TEXT);
}

/** UTF-8 size of a text, counted only when it could be over the limit. */
function utf8Bytes(text: string): number {
  if (text.length * 3 <= MAX_TABLE_BYTES) return text.length; // a lower bound that is enough here
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
  }
  return bytes;
}

/** Names of the format characters a clerk may meet, for messages; others are shown by code point. */
const FORMAT_CHARACTER_NAMES: Record<string, string> = {
  "\u00AD": "软连字符",
  "\u200B": "零宽空格",
  "\u200C": "零宽不连字",
  "\u200D": "零宽连字",
  "\u200E": "从左至右标记",
  "\u200F": "从右至左标记",
  "\u2060": "零宽不换行",
  "\uFEFF": "字节顺序标记（BOM）",
};

function formatCharacterName(ch: string): string {
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = FORMAT_CHARACTER_NAMES[ch] ?? (/[\u202A-\u202E\u2066-\u2069]/.test(ch) ? "文字方向控制符" : "不可见格式字符");
  return `${name} ${code}`;
}

/** A line that held invisible characters: where, and which. */
export interface InvisibleCharacterNote {
  /** 1-based line of the text. */
  line: number;
  message: string;
}

/**
 * The text without Unicode format characters (zero-width spaces, bidi controls, a BOM inside the text …:
 * see text.ts FORMAT_CHARACTERS), and one note per line that held any: which characters, in which cells
 * (column numbers counted by tabs), what the cell now reads. 甲\u200B局 is then 甲局, and a
 * header 序\u200B号 is 序号. Lines are split the way parseTable splits them, so note lines are its lines.
 */
export function invisibleCharacters(text: string): { text: string; notes: InvisibleCharacterNote[] } {
  FORMAT_CHARACTERS.lastIndex = 0;
  if (!FORMAT_CHARACTERS.test(text)) return { text, notes: [] };
  const notes: InvisibleCharacterNote[] = [];
  const lines = text.split(/(\r\n|\n|\r)/);
  for (let i = 0; i < lines.length; i += 2) {
    const cells = lines[i].split("\t");
    const found = cells.flatMap((cell, c) => {
      const chars = cell.match(FORMAT_CHARACTERS);
      if (!chars) return [];
      const cleaned = cell.replace(FORMAT_CHARACTERS, "").trim();
      const shown = cleaned.length > 20 ? `${cleaned.slice(0, 20)}…` : cleaned;
      return [`第 ${c + 1} 列“${shown}”中有 ${chars.length} 个（${[...new Set(chars)].map(formatCharacterName).join("、")}）`];
    });
    if (found.length === 0) continue;
    lines[i] = lines[i].replace(FORMAT_CHARACTERS, "");
    notes.push({ line: i / 2 + 1, message: `发现不可见字符，已删除：${found.join("；")}` });
  }
  return { text: lines.join(""), notes };
}

/** A problem with the whole text (pasted or decoded) that stops reading it: empty, too large, binary. */
export function textProblem(text: string): SoilUserError | null {
  if (text.trim() === "") return new SoilUserError("分工表是空的", "请粘贴或选择含“序号、牵头部门、参与部门、主要工作、工作要求、责任单位、完成时限”表头的分工表。");
  const bytes = utf8Bytes(text);
  if (bytes > MAX_TABLE_BYTES) return tooLargeError(bytes, "分工表");
  if (looksBinary(text)) return binaryError("这段内容");
  return null;
}

export type HeaderReading =
  /** One entry per cell: its column, or null for a column SOIL does not use (备注…, kept as an extra column). */
  | { kind: "header"; columns: (Column | null)[]; ignored: string[] }
  | { kind: "incomplete"; missing: string[]; repeated: string[] };

/** Roles that one column at most may hold. */
const SINGLE_ROLES: readonly TableRole[] = ["no", "mainWork", "text", "lead", "partners", "responsible", "deadline"];

/**
 * Reads a row as the table's header, by the meaning of its names (columns.ts). Columns may come in
 * any order; columns SOIL does not use are kept. A row naming three known columns (one of them
 * 序号, the task or the requirement) is a header; it is incomplete when it has no requirement text or
 * nobody responsible (责任单位 or 牵头单位), or names a column twice. Anything else is not a header (null).
 */
function judgeHeader(reading: ColumnReading): HeaderReading | null {
  const found = new Set(reading.roles);
  if (knownNames(reading.names) < 3 || !(found.has("no") || found.has("text") || found.has("mainWork"))) return null;
  const missing: string[] = [];
  if (!found.has("text") && !found.has("mainWork") && !found.has("year")) missing.push("工作要求");
  if (!found.has("responsible") && !found.has("lead")) missing.push("责任单位");
  const repeated = SINGLE_ROLES.filter((role) => reading.roles.filter((r) => r === role).length > 1).map((role) => ROLE_HEADER_NAMES[role as Column]);
  if (missing.length > 0 || repeated.length > 0) return { kind: "incomplete", missing, repeated };
  const columns = reading.roles.map((r) => ((SINGLE_ROLES as readonly string[]).includes(r) ? (r as Column) : null));
  return { kind: "header", columns, ignored: reading.names.filter((n, i) => n !== "" && reading.roles[i] === "extra") };
}

export function readHeader(cells: readonly string[]): HeaderReading | null {
  return judgeHeader(rolesOfNames(cells.map(headerName)));
}

/**
 * A header at this row, of one row or two (the next row naming the columns under group names such as
 * 责任单位 or 实施进度): the reading and how many rows it takes, or why it cannot be read.
 */
export function readHeaderRows(
  names: readonly string[],
  next: readonly string[],
): { reading: ColumnReading; consumed: number } | { incomplete: { message: string; hint: string }; reading: ColumnReading; consumed: number } | null {
  const two = next.length > 0 && isLowerHeaderRow(names, next);
  const reading = rolesOfNames(two ? combineHeaderRows(names, next) : names);
  const judged = judgeHeader(reading);
  if (!judged) return null;
  const consumed = two ? 2 : 1;
  if (judged.kind === "incomplete") return { incomplete: incompleteHeaderMessage(judged), reading, consumed };
  return { reading, consumed };
}

/** The message for a header with columns missing or repeated. */
export function incompleteHeaderMessage(reading: { missing: string[]; repeated: string[] }): { message: string; hint: string } {
  const parts: string[] = [];
  if (reading.missing.length > 0) parts.push(`缺少${reading.missing.map((n) => `“${n}”`).join("")}列`);
  if (reading.repeated.length > 0) parts.push(`${reading.repeated.map((n) => `“${n}”`).join("")}列出现了不止一次`);
  return {
    message: `表头${parts.join("，")}，无法确定各列内容，未读取该表`,
    hint:
      "分工表至少需要工作要求和责任单位（或牵头单位）两列，列名可用常见写法（如 工作措施、主责单位、完成时间）。" +
      "请补全表头后重新导入，或说明各列的内容：命令行用 --columns，任务窗格中在“列对应”一步逐列选择。",
  };
}

/** Diagnostic codes that mean the table must not be written. */
const BLOCKING = new Set<Diagnostic["code"]>(["input", "missing-columns", "no-header"]);

/** The first source cell longer than Excel holds in a cell, named by line and column; null when all fit. */
function overlongCell(table: ParsedTable): string | null {
  for (const task of table.tasks) {
    for (const r of task.requirements) {
      const cells = sourceCells(task, r);
      for (const column of TASK_COLUMNS) {
        const problem = cellLengthProblem(cells[column.key], `第 ${r.line} 行的“${column.header}”`);
        if (problem !== null) return `${problem}，SOIL 不截断分工表的内容，未导入`;
      }
      // The source table's own columns and the 类别, written after SOIL's.
      for (const [header, value] of [["类别", task.category ?? ""], ...Object.entries(r.extras ?? {})]) {
        const problem = cellLengthProblem(value, `第 ${r.line} 行的“${header}”`);
        if (problem !== null) return `${problem}，SOIL 不截断分工表的内容，未导入`;
      }
    }
  }
  return null;
}

/** Why a parsed table cannot be imported, or null when it can. */
export function importProblem(table: ParsedTable, name?: string): SoilUserError | null {
  const blocking = table.diagnostics.find((d) => BLOCKING.has(d.code) && d.severity === "error");
  if (blocking) return new SoilUserError(name ? `“${name}”：${blocking.message}` : blocking.message, blocking.hint);
  if (table.columns?.status === "guessed") {
    // Never written on a guess: a table without a header could hold its columns in any order.
    const example = table.columns.names.map((n, i) => `${i + 1}=${["no", "lead", "partners", "task", "text", "responsible", "deadline"][i] ?? "ignore"}`).join(",");
    return new SoilUserError(
      `${name ? `“${name}”：` : ""}分工表没有表头，各列内容（${table.columns.names.join("、")}）是按默认顺序推测的，未写入工作簿`,
      `请确认各列的内容：命令行用 --columns "${example}"（按列序号，依次为 序号、牵头单位、配合单位、任务、工作要求、责任单位、完成时限），任务窗格中在“列对应”一步确认；或在表格上方加上表头行。`,
    );
  }
  const overlong = overlongCell(table);
  if (overlong) return new SoilUserError(name ? `“${name}”：${overlong}` : overlong, "请缩短该单元格的内容（可将长文另存为附件，表中写要点），再重新导入。");
  if (allRequirements(table).length === 0) {
    return new SoilUserError(
      `${name ? `“${name}”中` : ""}没有找到任务分工表`,
      "需要含工作要求和责任单位（或牵头单位）等列的表头的表格（文本、.docx 或 .xlsx）；可先用 npm run soil -- parse <文件> 或任务窗格的预览查看解析结果。",
    );
  }
  return null;
}

/** The gate before anything is written: throws the reason a table cannot be imported. */
export function assertImportable(table: ParsedTable, name?: string): void {
  const problem = importProblem(table, name);
  if (problem) throw problem;
}
