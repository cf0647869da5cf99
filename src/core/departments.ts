/**
 * Resolution of department cells against the registry in use (registry.ts): one canonical name per
 * body, the registry's other spellings mapped to it. Everything that counts by department goes through
 * `resolveDepartments`; without a registry the bundled one (the first preset in presets/registries) is used.
 */
import { BUNDLED_REGISTRY } from "./presets";
import { DepartmentRegistry, registryIndex, squeezeName } from "./registry";
import { splitOutsideParentheses } from "./text";


/** Whether a spelling names a body of the registry (by its name or one of its spellings). */
export function isKnownDepartment(name: string, registry: DepartmentRegistry = BUNDLED_REGISTRY): boolean {
  return registryIndex(registry).canonical.has(name);
}

/** Canonical name of a spelling, or null when the registry does not know it. */
export function canonicalDepartment(name: string, registry: DepartmentRegistry = BUNDLED_REGISTRY): string | null {
  return registryIndex(registry).canonical.get(squeeze(name)) ?? null;
}

/** Whether a name is a collective reference (类别 泛指, e.g. 县有关单位), not one body. */
export function isGenericDepartment(name: string, registry: DepartmentRegistry = BUNDLED_REGISTRY): boolean {
  return registryIndex(registry).generic.has(name);
}

/** Registry order first, then names the registry does not know, in the order given. */
export function compareDepartments(a: string, b: string, registry: DepartmentRegistry = BUNDLED_REGISTRY): number {
  const order = registryIndex(registry).order;
  const ia = order.get(a) ?? Number.MAX_SAFE_INTEGER;
  const ib = order.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ia - ib;
}

/** A comparator bound to a registry, for Array.sort. */
export function departmentOrder(registry: DepartmentRegistry = BUNDLED_REGISTRY): (a: string, b: string) => number {
  return (a, b) => compareDepartments(a, b, registry);
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

/** Without spaces and without invisible format characters (甲\u200B局 is 甲局, U+202E is dropped). */
function squeeze(text: string): string {
  return squeezeName(text);
}

/** The names of a cell, split at separators outside parentheses (各县（市、区）政府 is one name). */
function splitNames(cell: string): string[] {
  return splitOutsideParentheses(cell, SEPARATOR_CHARACTER);
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

/** Splits a run of names written without separators ("县委宣传部县教育局") into known names. */
function segment(text: string, spellings: readonly string[]): string[] | null {
  if (text === "") return [];
  for (const spelling of spellings) {
    if (text.startsWith(spelling)) {
      const rest = segment(text.slice(spelling.length), spellings);
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
export function resolveDepartments(cell: string, registry: DepartmentRegistry = BUNDLED_REGISTRY): ResolvedDepartments {
  const { canonical, spellings } = registryIndex(registry);
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
    const known = canonical.get(compact);
    if (known) {
      if (compact !== written) notes.push({ kind: "spaces", message: `“${written}”中有多余空格，按“${compact}”处理` });
      if (known !== compact) notes.push({ kind: "alias", message: `“${compact}”是“${known}”的别称，已统一为“${known}”` });
      add(known);
      continue;
    }
    const parts = segment(compact, spellings);
    if (parts && parts.length > 1) {
      const canon = parts.map((p) => canonical.get(p) as string);
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
 * characters at the break (县国土资源局 | 源局、县农业局): the overlap is dropped when that is
 * what makes the name at the join a known one.
 */
export function joinDepartmentText(before: string, after: string, registry: DepartmentRegistry = BUNDLED_REGISTRY): { text: string; overlap: string } {
  const canonical = registryIndex(registry).canonical;
  const head = before.trimEnd();
  const tail = after.trimStart();
  if (head === "" || tail === "") return { text: head + tail, overlap: "" };
  if (SEPARATORS.test(head.slice(-1)) || SEPARATORS.test(tail[0])) return { text: head + tail, overlap: "" };
  const lastPiece = squeeze(head.split(SEPARATORS).pop() ?? "");
  const firstPiece = squeeze(tail.split(SEPARATORS)[0]);
  const resolves = (name: string) => canonical.has(stripRoleWords(name));
  if (resolves(lastPiece + firstPiece)) return { text: head + tail, overlap: "" };
  for (let k = Math.min(lastPiece.length, firstPiece.length); k >= 1; k--) {
    const repeated = firstPiece.slice(0, k);
    if (lastPiece.endsWith(repeated) && resolves(lastPiece + firstPiece.slice(k))) {
      return { text: head + tail.slice(k), overlap: repeated };
    }
  }
  return { text: head + tail, overlap: "" };
}
