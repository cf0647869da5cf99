/**
 * 单位名录: the office's own list of responsible bodies (one canonical name each, the other spellings
 * its documents use, a short name, a category, a note). Aliases apply only within the registry in use:
 * 县农业局 may be an alias of 县农牧局 under one registry and a body of its own under another. Registries
 * come from data (presets/registries/*.json, a 单位名录 sheet or TSV) or are built from the table.
 */
import { splitOutsideParentheses, stripFormatCharacters } from "./text";

export interface RegistryEntry {
  /** 规范名称 */
  name: string;
  /** 别称: other spellings that mean this body. */
  aliases: string[];
  /** 简称 (shown where space is short; also accepted as a spelling). */
  short?: string;
  /** 类别: 市直部门 / 县区 / 省级 / 驻邯单位 / 其他 / 泛指 (a collective reference, not one body). */
  category?: string;
  /** 备注 */
  note?: string;
}

export interface DepartmentRegistry {
  /** What the office calls it: a preset's label, 本表, a file name. */
  label: string;
  entries: readonly RegistryEntry[];
}

/** The category of a collective reference (县有关单位): not one body, gets no department file. */
export const GENERIC_CATEGORY = "泛指";

/** Column headers of the 单位名录 table (sheet and TSV). */
export const REGISTRY_HEADERS = ["规范名称", "别称", "简称", "类别", "备注"] as const;
/** Separator of the 别称 cell. */
export const ALIAS_SEPARATOR = "、";
/** Other separators a 别称 cell is read with (what an office types: commas, semicolons, a line break). */
export const ALIAS_SEPARATORS_ACCEPTED = ["，", ",", "；", ";", "\n"] as const;
const ALIAS_SPLIT = new RegExp(`[${[ALIAS_SEPARATOR, ...ALIAS_SEPARATORS_ACCEPTED].join("")}]`);

/** A name without spaces and without invisible format characters (甲\u200B局 is 甲局). */
export function squeezeName(text: string): string {
  return stripFormatCharacters(text).replace(/[\s\u3000]+/g, "");
}

interface RegistryIndex {
  canonical: Map<string, string>;
  order: Map<string, number>;
  /** Longest spellings first, for splitting run-together names. */
  spellings: string[];
  generic: Set<string>;
}

const INDEXES = new WeakMap<DepartmentRegistry, RegistryIndex>();

/** The lookup tables of a registry, built once per registry object. A spelling claimed twice keeps its first body. */
export function registryIndex(registry: DepartmentRegistry): RegistryIndex {
  let index = INDEXES.get(registry);
  if (index) return index;
  const canonical = new Map<string, string>();
  const order = new Map<string, number>();
  const generic = new Set<string>();
  registry.entries.forEach((entry, i) => {
    const name = squeezeName(entry.name);
    if (name === "") return;
    if (!canonical.has(name)) canonical.set(name, name);
    if (!order.has(name)) order.set(name, i);
    if (entry.category === GENERIC_CATEGORY) generic.add(name);
  });
  for (const entry of registry.entries) {
    const name = squeezeName(entry.name);
    for (const spelling of [...entry.aliases, entry.short ?? ""].map(squeezeName)) {
      if (spelling !== "" && !canonical.has(spelling)) canonical.set(spelling, name);
    }
  }
  index = { canonical, order, spellings: [...canonical.keys()].sort((a, b) => b.length - a.length), generic };
  INDEXES.set(registry, index);
  return index;
}

export function emptyRegistry(label = "本表"): DepartmentRegistry {
  return { label, entries: [] };
}

/** Spellings claimed by two bodies: the registry's own inconsistencies, for the office to fix. */
export function registryConflicts(registry: DepartmentRegistry): string[] {
  const owner = new Map<string, string>();
  const conflicts: string[] = [];
  for (const entry of registry.entries) {
    for (const spelling of new Set([entry.name, ...entry.aliases, entry.short ?? ""].map(squeezeName))) {
      if (spelling === "") continue;
      const first = owner.get(spelling);
      if (first !== undefined && first !== entry.name) conflicts.push(`“${spelling}”同时属于“${first}”和“${entry.name}”`);
      else owner.set(spelling, entry.name);
    }
  }
  return conflicts;
}

/** The registry with bodies added at the end (names already known are skipped). */
export function withEntries(registry: DepartmentRegistry, added: readonly RegistryEntry[]): DepartmentRegistry {
  const index = registryIndex(registry);
  const fresh = added.filter((e) => !index.canonical.has(squeezeName(e.name)));
  return fresh.length === 0 ? registry : { label: registry.label, entries: [...registry.entries, ...fresh] };
}

/** The registry with `alias` added to the body `of`. */
export function withAlias(registry: DepartmentRegistry, alias: string, of: string): DepartmentRegistry {
  return {
    label: registry.label,
    entries: registry.entries.map((e) => (e.name === of && !e.aliases.includes(alias) ? { ...e, aliases: [...e.aliases, alias] } : e)),
  };
}

/** Registry rows as cells in REGISTRY_HEADERS order. */
export function registryRows(registry: DepartmentRegistry): string[][] {
  return registry.entries.map((e) => [e.name, e.aliases.join(ALIAS_SEPARATOR), e.short ?? "", e.category ?? "", e.note ?? ""]);
}

/**
 * A registry from rows of cells (a 单位名录 sheet or a TSV file): the header row is found by its
 * 规范名称 cell, columns by name; rows without a 规范名称 are skipped.
 */
export function registryFromRows(rows: readonly (readonly unknown[])[], label: string): DepartmentRegistry {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
  const headerAt = rows.findIndex((r) => r.some((c) => squeezeName(text(c)) === REGISTRY_HEADERS[0]));
  const header = headerAt >= 0 ? rows[headerAt].map((c) => squeezeName(text(c))) : [...REGISTRY_HEADERS];
  const at = (name: string) => header.indexOf(name);
  const entries: RegistryEntry[] = [];
  for (const row of rows.slice(headerAt + 1)) {
    const cell = (name: (typeof REGISTRY_HEADERS)[number]) => (at(name) >= 0 ? text(row[at(name)]) : "");
    const name = squeezeName(cell("规范名称"));
    if (name === "") continue;
    const entry: RegistryEntry = {
      name,
      // An alias such as 各县（市、区）人民政府 stays whole: split outside parentheses, as 责任单位 is.
      aliases: splitOutsideParentheses(cell("别称"), ALIAS_SPLIT)
        .map(squeezeName)
        .filter((a) => a !== "" && a !== name),
    };
    if (cell("简称")) entry.short = squeezeName(cell("简称"));
    if (cell("类别")) entry.category = cell("类别");
    if (cell("备注")) entry.note = cell("备注");
    entries.push(entry);
  }
  return { label, entries };
}

/** A registry from TSV text (the 单位名录 table saved as text: a header row, then one body per line; # starts a comment). */
export function registryFromTsv(text: string, label: string): DepartmentRegistry {
  const rows = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .map((l) => l.split("\t"));
  return registryFromRows(rows, label);
}

export function registryToTsv(registry: DepartmentRegistry): string {
  return [REGISTRY_HEADERS.join("\t"), ...registryRows(registry).map((r) => r.join("\t"))].join("\n") + "\n";
}

/** A registry preset as stored in presets/registries/*.json. */
export interface RegistryPresetData {
  id: string;
  label: string;
  description?: string;
  entries: RegistryEntry[];
}

export function registryFromPreset(data: RegistryPresetData): DepartmentRegistry {
  return { label: data.label, entries: data.entries.map((e) => ({ ...e, aliases: [...(e.aliases ?? [])] })) };
}

/**
 * The registry a re-import writes: `primary` (the one the new table was read with, its additions included)
 * with what the office kept in the workbook's own: aliases, 简称, 类别 and 备注 it gave a body of the same
 * name, and bodies the primary registry does not know at all. A body the primary registry knows under
 * another name (县环境保护局, an alias of 县生态环境局 after a reform) is renamed, not kept.
 */
export function mergeRegistries(primary: DepartmentRegistry, kept: DepartmentRegistry | null): DepartmentRegistry {
  if (!kept) return primary;
  const index = registryIndex(primary);
  const keptByName = new Map(kept.entries.map((e) => [squeezeName(e.name), e]));
  const entries: RegistryEntry[] = primary.entries.map((entry) => {
    const old = keptByName.get(squeezeName(entry.name));
    if (!old) return entry;
    const ownAliases = old.aliases.filter((a) => !index.canonical.has(squeezeName(a)) && !entry.aliases.includes(a));
    const merged: RegistryEntry = { ...entry, aliases: [...entry.aliases, ...ownAliases] };
    for (const key of ["short", "category", "note"] as const) if (!merged[key] && old[key]) merged[key] = old[key];
    return merged;
  });
  for (const old of kept.entries) if (!index.canonical.has(squeezeName(old.name))) entries.push(old);
  return { label: primary.label, entries };
}
