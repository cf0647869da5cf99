/**
 * What each column of a division-of-labour table holds, read from its header by meaning: the names
 * offices use for 序号, the task, the requirement text, 牵头 / 配合 / 责任 units and the deadline, a
 * header of two rows (责任单位 over 牵头部门 | 配合部门; 实施进度 over 2018年 | 2019年), year columns, and
 * columns SOIL does not use (kept as extra columns). A mapping given by the user (the CLI's --columns,
 * the pane's mapping step) replaces the reading by name.
 */
import { toHalfWidth } from "./dates";
import { cleanCell } from "./text";

/** What a column holds. `mainWork` is the task (主要工作 in the bundled plan); `year` a year of a schedule; `extra` kept as is. */
export type TableRole = "no" | "mainWork" | "text" | "lead" | "partners" | "responsible" | "deadline" | "year" | "extra" | "ignore";

/** The roles a user can choose, in the order the pane's drop-down and the CLI's help list them. */
export const COLUMN_ROLES: readonly TableRole[] = ["no", "mainWork", "text", "lead", "partners", "responsible", "deadline", "year", "extra", "ignore"];

/** Chinese label of each role (drop-down, messages). */
export const ROLE_LABELS: Record<TableRole, string> = {
  no: "序号",
  mainWork: "任务",
  text: "工作要求",
  lead: "牵头单位",
  partners: "配合单位",
  responsible: "责任单位",
  deadline: "完成时限",
  year: "年度进度",
  extra: "其他（保留为附加列）",
  ignore: "不导入",
};

/** The CLI's words for the roles (--columns "重点任务=task,…"). */
export const ROLE_OF_WORD: Record<string, TableRole> = {
  no: "no",
  task: "mainWork",
  text: "text",
  lead: "lead",
  partners: "partners",
  responsible: "responsible",
  deadline: "deadline",
  year: "year",
  extra: "extra",
  ignore: "ignore",
};

/** Header names by meaning (issue #12). 主要工作 is the task when another column holds the text (the bundled plan's 工作要求), the text otherwise. */
const NAMES: readonly [TableRole, readonly string[]][] = [
  ["no", ["序号", "编号"]],
  ["mainWork", ["重点任务", "主要任务", "工作任务", "任务", "项目名称", "任务内容", "领域", "任务名称"]],
  ["text", ["工作要求", "工作措施", "具体措施", "主要内容", "工作内容", "工作内容及要求", "工作任务和内容", "具体要求", "主要工作"]],
  ["lead", ["牵头部门", "牵头单位", "主责单位", "责任单位或牵头单位", "牵头"]],
  ["partners", ["参与部门", "配合部门", "配合单位", "协办单位", "协助单位", "参与单位", "配合"]],
  ["responsible", ["责任单位", "责任部门"]],
  ["deadline", ["完成时限", "完成时间", "完成期限", "时间节点", "计划节点", "时限要求", "时限"]],
];
/** Traditional characters (a table saved in Big5). */
const TRADITIONAL: readonly [TableRole, readonly string[]][] = [
  ["no", ["序號", "編號"]],
  ["mainWork", ["重點任務", "主要任務", "工作任務"]],
  ["text", ["工作要求", "工作措施", "具體措施", "工作內容"]],
  ["lead", ["牽頭部門", "牽頭單位", "主責單位"]],
  ["partners", ["參與部門", "參與單位", "配合單位", "協辦單位"]],
  ["responsible", ["責任單位", "責任部門"]],
  ["deadline", ["完成時限", "完成時間", "完成期限", "時間節點"]],
];
const ROLE_OF_NAME = new Map<string, TableRole>([...NAMES, ...TRADITIONAL].flatMap(([role, names]) => names.map((n) => [n, role] as const)));

/** The header's name of a role in messages (the bundled plan's spelling). */
export const ROLE_HEADER_NAMES: Record<"no" | "lead" | "partners" | "mainWork" | "text" | "responsible" | "deadline", string> = {
  no: "序号",
  lead: "牵头部门",
  partners: "参与部门",
  mainWork: "主要工作",
  text: "工作要求",
  responsible: "责任单位",
  deadline: "完成时限",
};

/** A header cell as a name: cleaned like a data cell, white space and line breaks inside removed, full-width digits read. */
export function headerName(cell: string | undefined): string {
  return toHalfWidth(cleanCell(cell)).replace(/[\s\u3000]+/g, "");
}

/** 2018 / 2018年 / 2018年度 → 2018 (a year column of a schedule). */
export function yearOfHeader(name: string): number | null {
  const m = /^(\d{4})(?:年|年度)?$/.exec(name);
  return m && Number(m[1]) >= 1900 && Number(m[1]) <= 9999 ? Number(m[1]) : null;
}

/** Role of a header name, or null when SOIL does not know it. */
export function roleOfName(name: string): TableRole | null {
  if (yearOfHeader(name) !== null) return "year";
  return ROLE_OF_NAME.get(name) ?? null;
}

export interface ColumnReading {
  /** The header's name of each column (the lower row's where the header has two). */
  names: string[];
  roles: TableRole[];
  /** Year of each `year` column. */
  years: (number | null)[];
}

/**
 * Roles of a header row's names: 主要工作 is the task when another column is the text. Columns with
 * a name SOIL does not know are `extra` (kept); empty names are ignored.
 */
export function rolesOfNames(names: readonly string[]): ColumnReading {
  const roles: TableRole[] = names.map((n) => (n === "" ? "ignore" : (roleOfName(n) ?? "extra")));
  const textColumns = roles.filter((r) => r === "text").length;
  names.forEach((n, i) => {
    if (n === "主要工作" && textColumns > 1) roles[i] = "mainWork";
  });
  return { names: [...names], roles, years: names.map(yearOfHeader) };
}

/** How many cells of a row are known header names (years counted once). */
export function knownNames(names: readonly string[]): number {
  let years = 0;
  let known = 0;
  for (const n of names) {
    if (yearOfHeader(n) !== null) years++;
    else if (ROLE_OF_NAME.has(n)) known++;
  }
  return known + Math.min(years, 1);
}

/**
 * A header in two rows: the upper row names groups (责任单位, 任务分解及实施进度) over the lower row's
 * columns; a merged cell of the upper row is written once (pasted text) or over the whole merge (.xlsx).
 * Each column takes the lower name where it is known, the upper one otherwise.
 */
export function combineHeaderRows(upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    const top = upper[i] ?? "";
    const bottom = lower[i] ?? "";
    names.push(bottom !== "" && (roleOfName(bottom) !== null || top === "" || roleOfName(top) === null) ? bottom : top);
  }
  return names;
}

/** Is this row the lower half of a two-row header (group names over it)? Its non-empty cells are all known names or years, and fewer than the upper row's. */
export function isLowerHeaderRow(upper: readonly string[], lower: readonly string[]): boolean {
  // The upper row is a header itself (a title above the table is one cell, or names no column).
  if (upper.filter((n) => n !== "").length < 2 || upper.every((n) => roleOfName(n) === null)) return false;
  const filled = lower.filter((n) => n !== "");
  if (filled.length === 0) return false;
  if (!filled.every((n) => roleOfName(n) !== null || upper.includes(n))) return false;
  // The lower row adds at least one name the upper row did not have.
  return filled.some((n) => !upper.includes(n));
}

/** A mapping given by the user: header name (or 1-based column number) → role. */
export type ColumnMapping = Record<string, TableRole>;

/**
 * `重点任务=task,工作措施=text,主责单位=responsible` → mapping; a key may be a column number (3=text).
 * Throws an Error with a Chinese message for a word it does not know.
 */
export function parseColumnMapping(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of spec.split(/[,，]/)) {
    if (part.trim() === "") continue;
    const m = /^(.+?)[=＝](.+)$/.exec(part.trim());
    if (!m) throw new Error(`“${part.trim()}”应写成“列名=用途”`);
    const role = ROLE_OF_WORD[m[2].trim()];
    if (!role) throw new Error(`“${m[2].trim()}”不是可用的用途（可用：${Object.keys(ROLE_OF_WORD).join("、")}）`);
    mapping[headerName(m[1])] = role;
  }
  return mapping;
}

/** The mapping as the CLI writes it (for messages): 重点任务=task,… */
export function mappingText(mapping: ColumnMapping): string {
  const wordOf = Object.fromEntries(Object.entries(ROLE_OF_WORD).map(([w, r]) => [r, w]));
  return Object.entries(mapping)
    .map(([name, role]) => `${name}=${wordOf[role]}`)
    .join(",");
}

/** A key naming a column by its number: "3", or "第3列" (what the pane shows for a column whose header cell is empty). */
function columnNumberOf(key: string): number | null {
  const m = /^(?:第)?(\d+)(?:列)?$/.exec(key);
  return m ? Number(m[1]) : null;
}

/** Roles of a row's cells under a user's mapping: by name, or by column number for keys that are numbers. */
export function rolesFromMapping(names: readonly string[], mapping: ColumnMapping): ColumnReading {
  const byNumber = new Map<number, TableRole>();
  for (const [key, role] of Object.entries(mapping)) {
    const n = columnNumberOf(key);
    if (n !== null) byNumber.set(n, role);
  }
  const roles = names.map((n, i) => byNumber.get(i + 1) ?? mapping[n] ?? "ignore");
  return { names: [...names], roles, years: names.map((n, i) => (roles[i] === "year" ? yearOfHeader(n) : null)) };
}

/** Does a row hold the header a user's mapping names (every name key among its cells)? */
export function rowMatchesMapping(names: readonly string[], mapping: ColumnMapping): boolean {
  const keys = Object.keys(mapping).filter((k) => columnNumberOf(k) === null);
  return keys.length > 0 && keys.every((k) => names.includes(k));
}

/** Is the mapping by column number only (a table without a header row)? */
export function mappingIsPositional(mapping: ColumnMapping): boolean {
  const keys = Object.keys(mapping);
  return keys.length > 0 && keys.every((k) => columnNumberOf(k) !== null);
}
