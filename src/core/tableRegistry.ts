/**
 * The registry a table is read with, and what importing it adds to the registry: a registry built from
 * the table itself (preset “none”), the bodies a table names that the registry in use does not know
 * (“N 个单位将加入单位名录”), and the ones that look like a known body misspelt or two run together,
 * proposed as an alias or a split for the user to accept. Unknown names are never a refusal.
 */
import { canonicalDepartment, isKnownDepartment } from "./departments";
import { ParsedTable, Task } from "./model";
import { DepartmentRegistry, GENERIC_CATEGORY, registryIndex, RegistryEntry, squeezeName, withAlias, withEntries } from "./registry";

/** A category the name itself says (省… is 省级, 有关部门 is collective); blank otherwise, for the office to fill in. */
export function guessCategory(name: string): string | undefined {
  if (/有关部门$|有关单位$/.test(name)) return GENERIC_CATEGORY;
  if (/^省/.test(name)) return "省级";
  if (/^各?县|^各?区|县（市、区）|县\(市、区\)/.test(name)) return "县区";
  return undefined;
}

/**
 * Whether `short` is a shortening of `full` (县环保局 of 县环境保护局, 县国土局 of 县国土资源局): the same
 * first and last character, shorter, every character in order in the full name.
 */
export function isShortening(short: string, full: string): boolean {
  if (short.length < 3 || short.length >= full.length || full.startsWith(short) || full.endsWith(short)) return false;
  if (short[0] !== full[0] || short[short.length - 1] !== full[full.length - 1]) return false;
  let i = 0;
  for (const ch of full) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * One character added, dropped or changed (县环境保护局 / 县环竟保护局), for names of four characters or more.
 * The first character must agree: 区环境保护局 is not a misspelt 县环境保护局 but another body.
 */
function isOneEditAway(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0] || Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

/** The body a name most likely misspells or shortens, when exactly one does. */
function nearMissOf(name: string, candidates: readonly string[]): string | null {
  const hits = candidates.filter((c) => isShortening(name, c) || isOneEditAway(name, c));
  return hits.length === 1 ? hits[0] : null;
}

/** Bodies named by a table: responsible, lead and partner cells, in table order. */
function namesInOrder(tasks: readonly Task[]): string[] {
  const seen = new Set<string>();
  for (const t of tasks) {
    for (const r of t.requirements) for (const n of r.responsible) seen.add(n);
    for (const n of [...t.lead, ...t.partners]) seen.add(n);
  }
  return [...seen];
}

/**
 * The registry built from a table read without one: every body it names, canonical names first, the
 * aliases the table itself proves (a name that is a shortening of exactly one other name in the table
 * becomes that one's alias). Stray spaces need no alias: resolution always drops them.
 */
export function registryFromTable(tasks: readonly Task[], label = "本表"): DepartmentRegistry {
  const all = namesInOrder(tasks);
  // Not bodies: two names of the table run together, and a name with the characters repeated at a page
  // break (县国土资源局源局). Read again with this registry, both resolve to the names they hold.
  const names: string[] = [];
  for (const name of all) {
    if (hasRepeatedTail(name, all)) continue;
    for (const piece of runTogetherPieces(name, all) ?? [name]) if (!names.includes(piece)) names.push(piece);
  }
  const aliasOf = new Map<string, string>();
  for (const name of names) {
    const full = names.filter((other) => isShortening(name, other));
    if (full.length === 1) aliasOf.set(name, full[0]);
  }
  const entries: RegistryEntry[] = [];
  for (const name of names) {
    if (aliasOf.has(name)) continue;
    const entry: RegistryEntry = { name, aliases: names.filter((a) => aliasOf.get(a) === name) };
    const category = guessCategory(name);
    if (category) entry.category = category;
    entries.push(entry);
  }
  return { label, entries };
}

/**
 * The pieces of a name that is two or more names of the table run together (县委宣传部县教育局): every
 * piece is a name of the table but one at most, each starts with the name's first character (县…) and is
 * three characters or more. Null when the name is not such a run.
 */
export function runTogetherPieces(name: string, names: readonly string[]): string[] | null {
  const others = names.filter((n) => n !== name && n.length >= 3 && n[0] === name[0]);
  const split = (text: string, unknownLeft: number): string[] | null => {
    if (text === "") return [];
    for (const o of others) {
      if (!text.startsWith(o)) continue;
      const rest = split(text.slice(o.length), unknownLeft);
      if (rest) return [o, ...rest];
    }
    if (unknownLeft === 0) return null;
    // One piece not named elsewhere: up to the next start of a known name.
    for (let k = 3; k < text.length; k++) {
      if (text[k] !== name[0]) continue;
      const rest = split(text.slice(k), 0);
      if (rest && rest.length > 0) return [text.slice(0, k), ...rest];
    }
    return null;
  };
  const pieces = split(name, 1);
  return pieces && pieces.length > 1 ? pieces : null;
}

function hasRepeatedTail(name: string, names: readonly string[]): boolean {
  return names.some((o) => o !== name && name.startsWith(o) && o.endsWith(name.slice(o.length)));
}

/** Fewer requirements than this say little about which registry a table was written for. */
const MIN_ROWS_TO_JUDGE = 5;

/**
 * Whether a table was written for a registry: at least half of the requirements that name a 责任单位
 * name one it knows; of a handful of rows (a trial paste), at least one.
 */
export function tableFitsRegistry(tasks: readonly Task[], registry: DepartmentRegistry): boolean {
  const assigned = tasks.flatMap((t) => t.requirements).filter((r) => r.responsible.length > 0);
  const foreign = assigned.filter((r) => !r.responsible.some((n) => isKnownDepartment(n, registry)));
  if (assigned.length < MIN_ROWS_TO_JUDGE) return assigned.length === 0 || foreign.length < assigned.length;
  return foreign.length * 2 <= assigned.length;
}

export type RegistryProposal =
  /** The name is probably a spelling of a known body: accept to add it as that body's alias. */
  | { kind: "alias"; of: string }
  /** The name is probably two bodies written together: accept to read it as those. */
  | { kind: "split"; parts: string[]; pieces: string[] };

export interface RegistryAddition {
  name: string;
  /** What SOIL proposes instead of a new body, for the user to accept. */
  proposal?: RegistryProposal;
}

/** A known body's name, or its near miss, at the start of `text`: [canonical, length used]. */
function knownPrefix(text: string, registry: DepartmentRegistry): [string, number][] {
  const out: [string, number][] = [];
  const names = registry.entries.map((e) => squeezeName(e.name));
  for (let k = 3; k < text.length - 2; k++) {
    const head = text.slice(0, k);
    const known = canonicalDepartment(head, registry) ?? nearMissOf(head, names);
    if (known) out.push([known, k]);
  }
  return out;
}

/** Two bodies written together where one of them is misspelt (县环境保护局县农业 局 is split by resolution already). */
function fusionOf(name: string, registry: DepartmentRegistry): { parts: string[]; pieces: string[] } | null {
  const names = registry.entries.map((e) => squeezeName(e.name));
  for (const [first, k] of knownPrefix(name, registry)) {
    const rest = name.slice(k);
    const second = canonicalDepartment(rest, registry) ?? nearMissOf(rest, names);
    if (second && second !== first) return { parts: [first, second], pieces: [name.slice(0, k), rest] };
  }
  return null;
}

/**
 * The bodies a parsed table names that the registry does not know, in table order: what importing adds
 * to the 单位名录. A name that looks like a known body misspelt or shortened, or like two run together,
 * carries a proposal.
 */
export function registryAdditions(table: ParsedTable, registry: DepartmentRegistry): RegistryAddition[] {
  const index = registryIndex(registry);
  const known = registry.entries.map((e) => squeezeName(e.name));
  const additions: RegistryAddition[] = [];
  const unknown = namesInOrder(table.tasks).filter((name) => !index.canonical.has(name));
  for (const name of unknown) {
    const split = fusionOf(name, registry);
    // A shortening of another new body of the same table (县环保局 of 县环境保护局) is proposed as its alias.
    const sameTable = unknown.filter((other) => isShortening(name, other));
    const of = split ? null : (nearMissOf(name, known) ?? (sameTable.length === 1 ? sameTable[0] : null));
    additions.push(split ? { name, proposal: { kind: "split", ...split } } : of ? { name, proposal: { kind: "alias", of } } : { name });
  }
  return additions;
}

/** “N 个单位将加入单位名录” */
export function additionsSummary(additions: readonly RegistryAddition[]): string {
  return `${additions.length} 个单位将加入单位名录`;
}

/**
 * The registry after an import: an accepted alias proposal adds the name as that body's alias, an accepted
 * split adds its misspelt pieces as aliases (so reading the table again splits the name); the other
 * additions become new bodies.
 */
export function registryWithAdditions(
  registry: DepartmentRegistry,
  additions: readonly RegistryAddition[],
  acceptedProposals: ReadonlySet<string> = new Set(),
): DepartmentRegistry {
  const accepted = (a: RegistryAddition) => a.proposal !== undefined && acceptedProposals.has(a.name);
  // New bodies first: an accepted alias may name one of them (县环保局 of a new 县环境保护局).
  let out = withEntries(
    registry,
    additions.filter((a) => !accepted(a)).map((a) => {
      const entry: RegistryEntry = { name: a.name, aliases: [] };
      const category = guessCategory(a.name);
      if (category) entry.category = category;
      return entry;
    }),
  );
  for (const a of additions.filter(accepted)) {
    const proposal = a.proposal!;
    if (proposal.kind === "alias") out = withAlias(out, a.name, proposal.of);
    else {
      proposal.pieces.forEach((piece, i) => {
        if (!registryIndex(out).canonical.has(piece)) out = withAlias(out, piece, proposal.parts[i]);
      });
    }
  }
  return out;
}

/**
 * The registry a workbook carries for a table: the one it was read with and every body it names that
 * the registry did not know (no proposal accepted). Its count of bodies is the preview's.
 */
export function workbookRegistry(table: ParsedTable, fallback: DepartmentRegistry): DepartmentRegistry {
  const registry = table.registry ?? fallback;
  return registryWithAdditions(registry, registryAdditions(table, registry));
}

/** What the preview says about the registry: its name, the bodies importing adds, and what SOIL proposes instead. */
export function registryReport(table: ParsedTable, fallback: DepartmentRegistry): string[] {
  const registry = table.registry ?? fallback;
  const additions = registryAdditions(table, registry);
  const lines = [`单位名录：${registry.label}（${registry.entries.length} 个单位）`];
  if (additions.length === 0) return [...lines, "分工表中的单位都在单位名录中"];
  lines.push(`${additionsSummary(additions)}：${additions.map((a) => a.name).join("、")}`);
  for (const a of additions) {
    if (a.proposal?.kind === "alias") lines.push(`  “${a.name}”可能是“${a.proposal.of}”的别称`);
    if (a.proposal?.kind === "split") lines.push(`  “${a.name}”可能是${a.proposal.parts.map((p) => `“${p}”`).join("和")}连写`);
  }
  return lines;
}
