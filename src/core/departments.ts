/**
 * The registry of responsible bodies: one canonical name each, with the other spellings the
 * city's documents use. Everything that counts by department goes through `resolveDepartments`.
 */
import { stripFormatCharacters } from "./text";

export interface DepartmentEntry {
  name: string;
  aliases: string[];
  /** A collective reference ("市有关部门"), not one body. */
  generic?: boolean;
}

/** City bodies named by the key-task table, most-assigned first. */
export const DEPARTMENTS: readonly DepartmentEntry[] = [
  { name: "市环境保护局", aliases: ["市环保局", "邯郸市环境保护局"] },
  { name: "市农牧局", aliases: ["市农业畜牧局", "市农业局"] },
  { name: "市国土资源局", aliases: ["市国土局"] },
  { name: "市发展改革委", aliases: ["市发展和改革委员会", "市发改委", "市发展改革委员会"] },
  { name: "市工业和信息化局", aliases: ["市工业信息化局", "市工信局"] },
  { name: "市建设局", aliases: ["市住房和城乡建设局", "市住建局"] },
  { name: "市财政局", aliases: [] },
  { name: "市规划局", aliases: ["市城乡规划局"] },
  { name: "市林业局", aliases: [] },
  { name: "市科技局", aliases: ["市科学技术局"] },
  { name: "市水利局", aliases: ["市水务局"] },
  { name: "市公安局", aliases: [] },
  { name: "市城管执法局", aliases: ["市城市管理综合行政执法局"] },
  { name: "市工商局", aliases: ["市工商行政管理局"] },
  { name: "市安全监管局", aliases: ["市安监局", "市安全生产监督管理局"] },
  { name: "市供销社", aliases: ["市供销合作社"] },
  { name: "市金融办", aliases: ["市政府金融办"] },
  { name: "市行政审批局", aliases: [] },
  { name: "市商务局", aliases: [] },
  { name: "市教育局", aliases: [] },
  { name: "市质监局", aliases: ["市质量技术监督局"] },
  { name: "市卫生计生委", aliases: ["市卫生和计划生育委员会", "市卫计委"] },
  { name: "市法院", aliases: ["市中级人民法院", "市中院"] },
  { name: "市检察院", aliases: ["市人民检察院"] },
  { name: "市监察局", aliases: [] },
  { name: "市审计局", aliases: [] },
  { name: "市委组织部", aliases: [] },
  { name: "市委宣传部", aliases: [] },
  { name: "人行邯郸市中心支行", aliases: ["人行邯郸市支行", "人民银行邯郸市中心支行", "中国人民银行邯郸市中心支行"] },
  { name: "邯郸银监分局", aliases: ["邯郸银监局"] },
  { name: "市国资委", aliases: [] },
  { name: "市国税局", aliases: [] },
  { name: "市地税局", aliases: [] },
  { name: "市妇联", aliases: [] },
  { name: "团市委", aliases: [] },
  { name: "市有关部门", aliases: ["有关部门"], generic: true },
];

const CANONICAL = new Map<string, string>();
for (const entry of DEPARTMENTS) {
  CANONICAL.set(entry.name, entry.name);
  for (const alias of entry.aliases) CANONICAL.set(alias, entry.name);
}
const ORDER = new Map(DEPARTMENTS.map((d, i) => [d.name, i]));
/** Longest spellings first, for splitting run-together names. */
const SPELLINGS = [...CANONICAL.keys()].sort((a, b) => b.length - a.length);

export function isKnownDepartment(name: string): boolean {
  return CANONICAL.has(name);
}

/** Canonical name of a spelling, or null when the registry does not know it. */
export function canonicalDepartment(name: string): string | null {
  return CANONICAL.get(squeeze(name)) ?? null;
}

/** Registry order first, then names the registry does not know, in the order given. */
export function compareDepartments(a: string, b: string): number {
  const ia = ORDER.get(a) ?? Number.MAX_SAFE_INTEGER;
  const ib = ORDER.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ia - ib;
}

export type DepartmentNoteKind = "alias" | "unknown" | "split" | "spaces";

export interface DepartmentNote {
  kind: DepartmentNoteKind;
  message: string;
}

export interface ResolvedDepartments {
  names: string[];
  notes: DepartmentNote[];
}

/** Separators between names in a 牵头部门 / 参与部门 / 责任单位 cell. */
const SEPARATORS = /[、，,；;／/]+/;
const SEPARATOR_CHARACTER = /[、，,；;／/]/;

/** Without spaces and without invisible format characters (市环境\u200B保护局 is 市环境保护局, U+202E is dropped). */
function squeeze(text: string): string {
  return stripFormatCharacters(text).replace(/[\s\u3000]+/g, "");
}

/**
 * The names of a cell, split at separators outside parentheses: 各县（市、区）政府 is one name (full-width and
 * half-width parentheses alike), 市环境保护局、市水利局 two.
 */
function splitNames(cell: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === "（" || ch === "(") depth++;
    else if ((ch === "）" || ch === ")") && depth > 0) depth--;
    else if (depth === 0 && SEPARATOR_CHARACTER.test(ch)) {
      pieces.push(cell.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(cell.slice(start));
  return pieces;
}

/** Drops the role words the table appends: 牵头, 等, 配合. */
export function stripRoleWords(text: string): string {
  let out = text.trim();
  for (;;) {
    const next = out.replace(/(?:牵头|负责|配合|等部门|等单位|等)$/, "").trim();
    if (next === out) return out;
    out = next;
  }
}

/** Splits a run of names written without separators ("市委宣传部市教育局") into known names. */
function segment(text: string): string[] | null {
  if (text === "") return [];
  for (const spelling of SPELLINGS) {
    if (text.startsWith(spelling)) {
      const rest = segment(text.slice(spelling.length));
      if (rest) return [spelling, ...rest];
    }
  }
  return null;
}

/**
 * Turns a department cell into canonical names. Stray spaces inside names (市环 境保护局) are
 * removed, aliases mapped, run-together names split; a name not in the registry is kept as
 * written (without spaces and role words) and reported.
 */
export function resolveDepartments(cell: string): ResolvedDepartments {
  const names: string[] = [];
  const notes: DepartmentNote[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  for (const piece of splitNames(cell)) {
    const written = stripRoleWords(piece.trim());
    if (written === "") continue;
    const compact = stripRoleWords(squeeze(written));
    if (compact === "") continue;
    const known = CANONICAL.get(compact);
    if (known) {
      if (compact !== written) notes.push({ kind: "spaces", message: `“${written}”中有多余空格，按“${compact}”处理` });
      if (known !== compact) notes.push({ kind: "alias", message: `“${compact}”是“${known}”的别称，已统一为“${known}”` });
      add(known);
      continue;
    }
    const parts = segment(compact);
    if (parts && parts.length > 1) {
      const canon = parts.map((p) => CANONICAL.get(p) as string);
      notes.push({ kind: "split", message: `“${written}”连写了多个单位，已拆分为：${canon.join("、")}` });
      canon.forEach(add);
      continue;
    }
    notes.push({ kind: "unknown", message: `部门“${compact}”不在部门名录中，按原文保留` });
    add(compact);
  }
  return { names, notes };
}

/**
 * Joins a department cell continued across a page break. Extraction sometimes repeats the
 * characters at the break (市国土资源局 | 源局、市农牧局): the overlap is dropped when that is
 * what makes the name at the join a known one.
 */
export function joinDepartmentText(before: string, after: string): { text: string; overlap: string } {
  const head = before.trimEnd();
  const tail = after.trimStart();
  if (head === "" || tail === "") return { text: head + tail, overlap: "" };
  if (SEPARATORS.test(head.slice(-1)) || SEPARATORS.test(tail[0])) return { text: head + tail, overlap: "" };
  const lastPiece = squeeze(head.split(SEPARATORS).pop() ?? "");
  const firstPiece = squeeze(tail.split(SEPARATORS)[0]);
  const resolves = (name: string) => CANONICAL.has(stripRoleWords(name));
  if (resolves(lastPiece + firstPiece)) return { text: head + tail, overlap: "" };
  for (let k = Math.min(lastPiece.length, firstPiece.length); k >= 1; k--) {
    const repeated = firstPiece.slice(0, k);
    if (lastPiece.endsWith(repeated) && resolves(lastPiece + firstPiece.slice(k))) {
      return { text: head + tail.slice(k), overlap: repeated };
    }
  }
  return { text: head + tail, overlap: "" };
}
