/**
 * Reads a key-task table (rows of cells, see tableGrid.ts) into tasks and requirements. It never
 * throws on input: every judgement it makes is a diagnostic with the source line (and the task and
 * column where known), and no requirement is dropped or invented without one. Linear in the number
 * of rows: tasks are found by number and duplicate rows by key, never by scanning.
 */
import { DEADLINE_KIND_LABELS, parseDeadline } from "./deadline";
import { compareDepartments, DepartmentNote, joinDepartmentText, resolveDepartments } from "./departments";
import { Diagnostic, DiagnosticCode, ParsedTable, Requirement, Severity, TableColumns, Task } from "./model";
import { chineseNumeral, cleanCell, joinContinuedText, mainWorkHeading } from "./text";
import { toHalfWidth } from "./dates";
import { invisibleCharacters, readHeaderRows, textProblem } from "./inputCheck";
import { BUNDLED_REGISTRY } from "./presets";
import { DepartmentRegistry, emptyRegistry } from "./registry";
import { registryFromTable, tableFitsRegistry } from "./tableRegistry";
import {
  ColumnMapping,
  ColumnReading,
  TableRole,
  headerName,
  mappingIsPositional,
  ROLE_HEADER_NAMES,
  ROLE_LABELS,
  roleOfName,
  rolesFromMapping,
  rowMatchesMapping,
} from "./columns";
import { GridRow, isTitleRow, MAX_GRID_ROWS, TableGrid, textToGrid } from "./tableGrid";

export { TABLE_HEADERS } from "./inputCheck";

type Field = "no" | "lead" | "partners" | "mainWork" | "text" | "responsible" | "deadline";
type Row = Record<Field, string> & { years: { year: number; text: string }[]; extras: Record<string, string> };
interface CellPart {
  text: string;
  line: number;
}

export interface ParseOptions {
  /** A mapping the user confirmed (the CLI's --columns, the pane's mapping step): header name or column number → role. */
  columns?: ColumnMapping;
  /** The plan's year, for deadlines written without one (年底前); by default the year in the title above the table. */
  planYear?: number;
  /** A .csv file: commas separate cells when the text has no tab. */
  csv?: boolean;
  /**
   * The 单位名录 the table's bodies are resolved with (aliases apply only within it), or "none": one built
   * from the table itself. Without one, the bundled table's registry when the table fits it, else "none".
   */
  registry?: DepartmentRegistry | "none";
}

const NOTE_CODES: Record<DepartmentNote["kind"], { code: DiagnosticCode; severity: Severity }> = {
  alias: { code: "department-alias", severity: "info" },
  spaces: { code: "department-spaces", severity: "info" },
  split: { code: "department-split", severity: "warning" },
  unknown: { code: "unknown-department", severity: "warning" },
};

/** The bundled plan's column order, for tables pasted without their header (read, but only written once the user confirms). */
const DEFAULT_ROLES: readonly TableRole[] = ["no", "lead", "partners", "mainWork", "text", "responsible", "deadline"];
const PREVIEW_ROWS = 5;
/** Longer cells are no column name (the longest SOIL knows is 责任单位或牵头单位; markup may come with it). */
const HEADER_CELL_MAX = 40;

function knownNamesIn(names: readonly string[]): number {
  let n = 0;
  for (const name of names) if (roleOfName(name) !== null) n++;
  return n;
}

/** A row that carries a task number, for tables pasted without their header. */
function looksLikeNumberedRow(cells: string[]): boolean {
  return cells.length >= DEFAULT_ROLES.length - 1 && /^\d+$/.test(taskNumberText(cells[0]));
}

/** A 序号 cell, full-width digits (１２) read as ASCII. */
function taskNumberText(cell: string | undefined): string {
  return toHalfWidth(cleanCell(cell)).trim();
}

/** 一、土壤… (level 1) or （一）… (level 2): a section row's heading level, or 0. */
function sectionLevel(text: string): 0 | 1 | 2 {
  const m1 = /^([一二三四五六七八九十]+)[、.．]/.exec(text);
  if (m1 && chineseNumeral(m1[1]) !== null) return 1;
  const m2 = /^[（(]([一二三四五六七八九十]+)[)）]/.exec(text);
  if (m2 && chineseNumeral(m2[1]) !== null) return 2;
  return 0;
}

/** A section row: one heading, in the first cell, alone on its row (or over the whole row: a merged cell read into each). */
function sectionOf(cells: readonly string[]): { text: string; level: 1 | 2 } | null {
  const first = cleanCell(cells[0]);
  if (first === "") return null;
  for (let i = 1; i < cells.length; i++) {
    const c = cleanCell(cells[i]);
    if (c !== "" && c !== first) return null;
  }
  const level = sectionLevel(first);
  return level === 0 ? null : { text: first, level };
}

/** The year a title above the table names (2017年…工作方案), for deadlines written without one. */
function yearOfTitle(rows: readonly GridRow[]): number | null {
  for (const row of rows) {
    const m = /((?:19|20)\d{2})\s*(?:年|—|-|－)/.exec(row.cells.join(" "));
    if (m) return Number(m[1]);
  }
  return null;
}

/** The parser's state over one table, fed a row at a time so a front end can yield between chunks. */
export interface TableReader {
  readonly total: number;
  /** Rows read so far. */
  readonly done: number;
  /** Reads up to `count` more rows; true when every row is read. */
  step(count: number): boolean;
  finish(): ParsedTable;
}

export function parseTable(source: string, options: ParseOptions = {}): ParsedTable {
  const unreadable = textProblem(source);
  if (unreadable) {
    return { tasks: [], departments: [], diagnostics: [{ line: 1, severity: "error", code: "input", message: unreadable.message, hint: unreadable.hint }] };
  }
  return parseGrid(textGrid(source, options.csv), options);
}

/** The table read with a registry built from its own names (preset “none”). */
export function parseTableWithOwnRegistry(source: string, options: ParseOptions = {}): ParsedTable {
  return parseTable(source, { ...options, registry: "none" });
}

/**
 * Text → grid, invisible format characters (zero-width spaces, bidi controls) removed first and each
 * line that held one noted (a warning): the one way text reaches the parser.
 */
export function textGrid(text: string, csv = false): TableGrid {
  const { text: visible, notes: invisible } = invisibleCharacters(text);
  const grid = textToGrid(visible, { csv });
  const warnings = invisible.map((n) => ({ ...n, severity: "warning" as const, code: "invisible-character" as const }));
  return { ...grid, notes: [...warnings, ...(grid.notes ?? [])] };
}

export function parseGrid(grid: TableGrid, options: ParseOptions = {}): ParsedTable {
  const reader = tableReader(grid, options);
  reader.step(Infinity);
  return reader.finish();
}

export function tableReader(grid: TableGrid, options: ParseOptions = {}): TableReader {
  // "none" reads the names as written first; the registry they make is used for the real reading (finish).
  const registry: DepartmentRegistry = options.registry === "none" ? emptyRegistry() : (options.registry ?? BUNDLED_REGISTRY);
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, severity: Severity, code: DiagnosticCode, message: string, place: { hint?: string; task?: number; column?: string } = {}) => {
    const d: Diagnostic = { line, severity, code, message };
    if (place.hint !== undefined) d.hint = place.hint;
    if (place.task !== undefined) d.task = place.task;
    if (place.column !== undefined) d.column = place.column;
    diagnostics.push(d);
  };
  const rows = grid.rows;
  for (const note of grid.notes ?? []) report(note.line, note.severity ?? "info", note.code ?? "cell-list", note.message);
  const tooMany = rows.length > MAX_GRID_ROWS;
  if (tooMany) {
    report(1, "error", "input", `分工表有 ${rows.length} 行，超过一个工作表能容纳的 ${MAX_GRID_ROWS} 行，未读取`, {
      hint: "这不像是一张分工表。请确认选择的文件；确需导入，请拆分后分别导入。",
    });
  }
  const tasks: Task[] = [];
  const taskByNo = new Map<number, Task>();
  /** text + 责任单位 + 完成时限 of each requirement, per task: duplicate rows found without scanning. */
  const keysOf = new Map<Task, Map<string, Requirement>>();
  /** Which source row a requirement came from, per task: year-split requirements share it (ids). */
  const groupOf = new Map<Requirement, number>();
  const yearOf = new Map<Requirement, number>();
  let group = 0;

  let reading: ColumnReading | null = null;
  let columns: TableColumns | undefined;
  let refused = false;
  let headersSeen = 0;
  let afterBreak = false;
  let task: Task | null = null;
  let last: Requirement | null = null;
  let category: { level1: string; level2: string } = { level1: "", level2: "" };
  const extraColumns: string[] = [];
  const titleYear = options.planYear ?? null;
  let planYear: number | null = titleYear;
  let planYearUsed = false;
  const cellsOf = new Map<Task, { lead: CellPart[]; partners: CellPart[] }>();
  const has = (role: TableRole) => reading !== null && reading.roles.includes(role);
  const nameOf = (role: Field) => {
    const i = reading?.roles.indexOf(role) ?? -1;
    return i >= 0 && reading ? reading.names[i] || ROLE_HEADER_NAMES[role] : ROLE_HEADER_NAMES[role];
  };

  const keyOf = (text: string, responsibleRaw: string, deadlineRaw: string) => `${text}\u0000${responsibleRaw}\u0000${deadlineRaw}`;
  const rekey = (t: Task, r: Requirement, oldText: string) => {
    const keys = keysOf.get(t)!;
    const oldKey = keyOf(oldText, r.responsibleRaw, r.deadline.raw);
    if (keys.get(oldKey) === r) keys.delete(oldKey);
    const key = keyOf(r.text, r.responsibleRaw, r.deadline.raw);
    if (!keys.has(key)) keys.set(key, r);
  };

  /** A cell of units: its line breaks separate names (Alt+Enter, a Word cell's paragraphs), never join two into one. */
  const unitsText = (cell: string) => cell.replace(/\s*\n\s*/g, "、");
  const departments = (cell: string, line: number, what: string, taskNo?: number): string[] => {
    const resolved = resolveDepartments(unitsText(cell), registry);
    if (cell.includes("\n") && resolved.names.length > 1) {
      report(line, "info", "cell-list", `${what}单元格内换行分隔的 ${resolved.names.length} 个单位按列表读取：${resolved.names.join("、")}`, { task: taskNo, column: what });
    }
    for (const note of resolved.notes) {
      const { code, severity } = NOTE_CODES[note.kind];
      report(line, severity, code, `${what}：${note.message}`, { task: taskNo, column: what });
    }
    return resolved.names;
  };

  const unionOfCells = (parts: CellPart[], what: string, taskNo: number): string[] => {
    const names: string[] = [];
    for (const part of parts) for (const n of departments(part.text, part.line, what, taskNo)) if (!names.includes(n)) names.push(n);
    return names;
  };

  const addRequirement = (row: Row, line: number, year?: { year: number; text: string }): Requirement | null => {
    if (!task) return null;
    const place = { task: task.no, column: nameOf("deadline") };
    const raw = year ? `${year.year}年底` : row.deadline;
    const deadline = parseDeadline(raw, { planYear: planYear ?? undefined });
    if (deadline.repeated) report(line, "warning", "repeated-deadline", `完成时限“${deadline.raw}”重复书写，按一次处理`, place);
    if (deadline.kind === "none" && has("deadline")) report(line, "warning", "missing-deadline", `任务${task.no}的工作要求未填写完成时限`, place);
    if (deadline.kind === "unknown") report(line, "warning", "unknown-deadline", `完成时限“${deadline.raw}”无法识别，按时限待定处理`, place);
    if (deadline.yearSupplied) {
      planYearUsed = true;
      report(line, "info", "year-supplied", `完成时限“${deadline.raw}”没有写年份，按方案年份${planYear}年理解`, place);
    }
    if (deadline.note) report(line, "info", "unknown-deadline", `完成时限“${deadline.raw}”：${deadline.note}`, place);
    const text = year ? (row.text ? `${row.text}（${year.year}年：${year.text}）` : `${year.year}年：${year.text}`) : row.text;
    const requirement: Requirement = {
      id: "",
      taskNo: task.no,
      text,
      responsible: departments(row.responsible, line, nameOf("responsible"), task.no),
      responsibleRaw: row.responsible,
      deadline,
      line,
    };
    if (Object.keys(row.extras).length > 0) requirement.extras = row.extras;
    task.requirements.push(requirement);
    groupOf.set(requirement, group);
    if (year) yearOf.set(requirement, year.year);
    const keys = keysOf.get(task)!;
    const key = keyOf(requirement.text, requirement.responsibleRaw, requirement.deadline.raw);
    if (!keys.has(key)) keys.set(key, requirement);
    return requirement;
  };

  /** The requirements of a row: one per filled year cell of a schedule, or one. */
  const addRowRequirements = (row: Row, line: number): Requirement | null => {
    group++;
    if (row.years.length === 0) return addRequirement(row, line);
    report(line, "info", "year-split", `按年度进度拆分为${row.years.length}条工作要求（${row.years.map((y) => `${y.year}年`).join("、")}），截止日期为各年年底`, {
      task: task?.no,
    });
    let added: Requirement | null = null;
    for (const year of row.years) added = addRequirement(row, line, year);
    return added;
  };

  const openTask = (no: number, mainWork: string, row: Row, line: number): Task => {
    const heading = mainWorkHeading(mainWork);
    const t: Task = { no, title: heading.title, mainWork, lead: [], partners: [], requirements: [], line };
    const cat = [category.level1, category.level2].filter(Boolean).join(" / ");
    if (cat) t.category = cat;
    cellsOf.set(t, { lead: [{ text: row.lead, line }], partners: [{ text: row.partners, line }] });
    keysOf.set(t, new Map());
    tasks.push(t);
    taskByNo.set(no, t);
    return t;
  };

  const describe = (reading: ColumnReading, line: number, status: TableColumns["status"]) => {
    columns = { line, names: reading.names.map((n, i) => n || `第${i + 1}列`), roles: [...reading.roles], status, preview: [] };
  };

  /** What the header tells (once per table): columns mapped, missing ones filled in, columns kept. */
  const reportReading = (r: ColumnReading, line: number) => {
    const mapped = r.names
      .map((n, i) => ({ n, role: r.roles[i] }))
      .filter(({ n, role }) => role !== "extra" && role !== "ignore" && role !== "year" && n !== ROLE_HEADER_NAMES[role as Field]);
    if (mapped.length > 0) report(line, "info", "column-mapping", `表头按含义识别：${mapped.map(({ n, role }) => `“${n}”为${ROLE_LABELS[role]}`).join("，")}`);
    if (!r.roles.includes("no")) report(line, "info", "numbering", "表中没有序号列，任务按出现顺序编号");
    if (!r.roles.includes("mainWork")) report(line, "info", "numbering", "表中没有任务列，每条工作要求单独作为一项任务");
    if (!r.roles.includes("responsible")) report(line, "warning", "column-mapping", "表中没有责任单位列，各工作要求的责任单位取牵头单位");
    if (!r.roles.includes("deadline") && !r.roles.includes("year")) report(line, "info", "column-mapping", "表中没有完成时限列，全部工作要求按时限待定处理，可在工作簿中填写截止日期");
    const years = r.years.filter((y): y is number => y !== null);
    if (years.length > 0) report(line, "info", "year-split", `表头中的年度列（${years.map((y) => `${y}年`).join("、")}）为年度进度：每个非空的年度单元格是一条工作要求，截止日期为该年年底`);
    const kept = r.names.filter((_, i) => r.roles[i] === "extra");
    if (kept.length > 0) {
      report(line, "info", "ignored-columns", `表头中的${kept.map((n) => `“${n}”`).join("")}列 SOIL 不使用，原样保留，写入工作簿时放在 SOIL 各列之后`);
      for (const n of kept) if (!extraColumns.includes(n)) extraColumns.push(n);
    }
  };

  const userMapping = options.columns && Object.keys(options.columns).length > 0 ? options.columns : null;
  const positional = userMapping !== null && mappingIsPositional(userMapping);

  /** A header starting at rows[index] (one or two rows), or null. */
  /** Header names of a row's cells; a long cell is no column name and is kept as it is (cheap: every row is looked at). */
  let cachedNames: { index: number; names: string[] } | null = null;
  const namesAt = (at: number): string[] => {
    if (cachedNames?.index === at) return cachedNames.names;
    const names = (rows[at]?.cells ?? []).map((c) => (c.length > HEADER_CELL_MAX ? c : headerName(c)));
    cachedNames = { index: at, names };
    return names;
  };
  const headerAt = (index: number): { reading: ColumnReading; consumed: number } | { incomplete: { message: string; hint: string }; reading: ColumnReading; consumed: number } | null => {
    // A header has at least two short cells; a data row of long texts is passed over without cleaning.
    let short = 0;
    for (const c of rows[index].cells) if (c.trim() !== "" && c.length <= HEADER_CELL_MAX) short++;
    if (short < 2) return null;
    const names = namesAt(index);
    if (userMapping && !positional) {
      if (rowMatchesMapping(names, userMapping)) return { reading: rolesFromMapping(names, userMapping), consumed: 1 };
      return null;
    }
    if (positional) return null;
    if (knownNamesIn(names) === 0) return null;
    const next = index + 1 < rows.length ? namesAt(index + 1) : [];
    return readHeaderRows(names, next);
  };

  let index = 0;
  const total = tooMany ? 0 : rows.length;

  const readRow = (gridRow: GridRow): void => {
    const line = gridRow.line;
    const cells = gridRow.cells;
    if (cells.every((c) => c.trim() === "")) return;
    const header = headerAt(index);
    if (header && "incomplete" in header) {
      report(line, "error", "missing-columns", header.incomplete.message, { hint: header.incomplete.hint });
      if (!columns || columns.status !== "recognised") describe(header.reading, line, "unrecognised");
      refused = true;
      index += header.consumed - 1;
      return;
    }
    if (header) {
      if (columns === undefined || refused || columns.status === "unrecognised") {
        reportReading(header.reading, line);
        if (userMapping) report(line, "info", "column-mapping", "按确认的列对应关系读取表格");
      }
      reading = header.reading;
      describe(reading, line, userMapping ? "confirmed" : "recognised");
      refused = false;
      headersSeen++;
      afterBreak = headersSeen > 1;
      index += header.consumed - 1;
      return;
    }
    if (refused) return;
    if (!reading) {
      if (positional) {
        if (cells.filter((c) => c.trim() !== "").length < 2) return; // the notice's preamble
        reading = rolesFromMapping(cells.map((_, i) => `第${i + 1}列`), userMapping!);
        describe(reading, line, "confirmed");
        reportReading(reading, line);
        report(line, "info", "column-mapping", "按确认的列对应关系（按列序号）读取表格");
      } else {
        if (!looksLikeNumberedRow(cells)) return; // the notice's preamble
        reading = { names: DEFAULT_ROLES.map((r) => ROLE_HEADER_NAMES[r as Field]), roles: [...DEFAULT_ROLES], years: DEFAULT_ROLES.map(() => null) };
        describe(reading, line, "guessed");
        columns!.names = cells.map((_, i) => `第${i + 1}列`);
        report(line, "warning", "no-header", "未找到表头行（序号、牵头部门……完成时限），按默认列顺序读取");
      }
    }
    const r: ColumnReading = reading;
    if (columns && columns.preview.length < PREVIEW_ROWS) columns.preview.push(cells.map((c) => cleanCell(c)));

    const section = sectionOf(cells);
    if (section) {
      if (section.level === 1) category = { level1: section.text, level2: "" };
      else category = { ...category, level2: section.text };
      report(line, "info", "section", `分类标题“${shorten(section.text)}”，作为其下任务的类别`);
      last = null;
      return;
    }

    let width = cells.length;
    if (grid.source !== "text" && grid.source !== "csv") {
      // Sheets and Word tables: trailing empty cells are no extra column.
      while (width > r.roles.length && cells[width - 1].trim() === "") width--;
    }
    if (width !== r.roles.length && (grid.source === "text" || grid.source === "csv" || width > r.roles.length)) {
      report(line, "warning", "columns", `该行有${width}列，表格应为${r.roles.length}列；多出的内容并入最后一列`);
    }
    const row = { no: "", lead: "", partners: "", mainWork: "", text: "", responsible: "", deadline: "", years: [], extras: {} } as Row;
    // A merged 序号 / task / 牵头 / 配合 cell read into the rows under it (.xlsx, .docx) belongs to the task already open.
    let mergedNo = false;
    r.roles.forEach((role, i) => {
      if (role === "ignore") return;
      if (gridRow.merged?.[i] && (role === "no" || role === "mainWork" || role === "lead" || role === "partners")) {
        if (role === "no") mergedNo = true;
        return;
      }
      const cell = i === r.roles.length - 1 ? cells.slice(i, Math.max(width, i + 1)).join(" ") : cells[i];
      if (role === "no") row.no = taskNumberText(cell);
      else if (role === "year") {
        const text = cleanCell(cell);
        const year = r.years[i];
        if (text !== "" && year !== null) row.years.push({ year, text });
      } else if (role === "extra") {
        const text = cleanCell(cell);
        if (text !== "") row.extras[r.names[i]] = text;
      } else if (row[role] === "") row[role] = cleanCell(cell);
    });
    if (!r.roles.includes("mainWork") && !r.roles.includes("text")) return;
    if (!r.roles.includes("text")) {
      row.text = row.mainWork;
      row.mainWork = "";
    }
    if (!r.roles.includes("responsible")) row.responsible = row.lead || (task ? (cellsOf.get(task)?.lead[0]?.text ?? "") : "");
    const continuation = afterBreak;
    afterBreak = false;

    // Tables without 序号: a new task where the task cell changes (a merged cell read into each row is one task), or one per requirement.
    if (!r.roles.includes("no") && row.no === "") {
      const startsTask = r.roles.includes("mainWork") ? row.mainWork !== "" && (!task || row.mainWork !== task.mainWork) : row.text !== "" || row.years.length > 0;
      if (startsTask) {
        const no = tasks.length + 1;
        task = openTask(no, r.roles.includes("mainWork") ? row.mainWork : row.text, row, line);
        last = null;
        if (row.text || row.responsible || row.deadline || row.years.length > 0) last = addRowRequirements(row, line);
        return;
      }
      if (r.roles.includes("mainWork") && task && row.mainWork === task.mainWork) row.mainWork = "";
    }

    if (/^\d+$/.test(row.no)) {
      const no = Number(row.no);
      const existing = taskByNo.get(no);
      if (existing) {
        // Ids must stay unique: a number seen before continues that task.
        report(line, "warning", "duplicate-task", `序号${no}重复出现，本行并入前面的任务${no}`, { task: no, column: nameOf("no") });
        task = existing;
        cellsOf.get(existing)!.lead.push({ text: row.lead, line });
        cellsOf.get(existing)!.partners.push({ text: row.partners, line });
        if (row.mainWork) existing.mainWork += "\n" + row.mainWork;
        last = null;
        if (row.text || row.responsible || row.deadline || row.years.length > 0) last = addRowRequirements(row, line);
        return;
      }
      if (tasks.length > 0 && no !== tasks[tasks.length - 1].no + 1) {
        report(line, "warning", "task-order", `序号${no}与上一任务序号${tasks[tasks.length - 1].no}不连续`, { task: no, column: nameOf("no") });
      }
      task = openTask(no, row.mainWork, row, line);
      const heading = mainWorkHeading(row.mainWork);
      if (r.roles.includes("mainWork")) {
        // The bundled plan numbers each 主要工作 （一）…; other tables' task cells need not be.
        if (heading.number === null && nameOf("mainWork") === ROLE_HEADER_NAMES.mainWork) report(line, "warning", "heading", `任务${no}的主要工作没有“（${no}）”形式的编号标题`, { task: no, column: nameOf("mainWork") });
        else if (heading.number !== null && heading.number !== no) report(line, "warning", "heading", `任务${no}的主要工作标题编号为${heading.number}，与序号不一致`, { task: no, column: nameOf("mainWork") });
      }
      last = null;
      if (row.text || row.responsible || row.deadline || row.years.length > 0) last = addRowRequirements(row, line);
      return;
    }
    if (row.no !== "") report(line, "warning", "columns", `序号“${row.no}”不是数字，按无序号的行处理`, { column: nameOf("no") });
    if (!task) {
      report(line, "error", "orphan-row", "第一个编号任务之前出现了数据行，无法归属，已跳过：" + [row.no, row.lead, row.partners, row.mainWork, row.text, row.responsible, row.deadline].filter(Boolean).join(" | "));
      return;
    }
    const current: Task = task;
    const { lead: leadCells, partners: partnerCells } = cellsOf.get(current)!;

    if (row.lead || row.partners || row.mainWork) {
      if (continuation) {
        for (const [parts, text, what] of [
          [leadCells, row.lead, "牵头部门"],
          [partnerCells, row.partners, "参与部门"],
        ] as const) {
          if (!text) continue;
          const part = parts[parts.length - 1];
          const joined = joinDepartmentText(part.text, text, registry);
          part.text = joined.text;
          report(line, "info", "continued", `任务${current.no}的${what}跨页续接${joined.overlap ? `，删去分页处重复的“${joined.overlap}”` : ""}`, { task: current.no, column: what });
        }
        if (row.mainWork) {
          const joined = joinContinuedText(current.mainWork, row.mainWork);
          current.mainWork = joined.text;
          current.title = mainWorkHeading(current.mainWork).title;
          report(line, "info", "continued", `任务${current.no}的主要工作跨页续接`, { task: current.no, column: nameOf("mainWork") });
          if (joined.repeated) report(line, "info", "repeated-chars", `主要工作分页处重复的“${joined.repeated}”只保留一个`, { task: current.no, column: nameOf("mainWork") });
        }
      } else {
        // An unnumbered block inside a numbered task: its requirements belong to that task.
        if (row.lead) leadCells.push({ text: row.lead, line });
        if (row.partners) partnerCells.push({ text: row.partners, line });
        if (row.mainWork) current.mainWork += "\n" + row.mainWork;
        if (!mergedNo) report(line, "warning", "sub-block", `无序号的子项（牵头部门“${row.lead || "—"}”），归入任务${current.no}`, { task: current.no });
      }
    }

    const hasText = row.text !== "" || row.years.length > 0;
    const hasAssignment = (has("responsible") && row.responsible !== "") || row.deadline !== "";
    if (!hasText && !hasAssignment) return;

    if (hasText && !hasAssignment && row.years.length === 0 && has("responsible")) {
      if (last && last.taskNo === current.no) {
        const before = last.text;
        const joined = joinContinuedText(last.text, row.text);
        last.text = joined.text;
        rekey(current, last, before);
        if (continuation) report(line, "info", "continued", `任务${current.no}第${current.requirements.length}条工作要求跨页续接`, { task: current.no, column: nameOf("text") });
        else report(line, "warning", "continued", `该行只有工作要求，没有责任单位和完成时限，并入上一条工作要求`, { task: current.no, column: nameOf("text") });
        if (joined.repeated) report(line, "info", "repeated-chars", `工作要求分页处重复的“${joined.repeated}”只保留一个`, { task: current.no, column: nameOf("text") });
        return;
      }
      report(line, "warning", "empty-requirement", `工作要求没有责任单位和完成时限`, { task: current.no });
      last = addRowRequirements(row, line);
      return;
    }

    if (!hasText) {
      // Two requirements merged into the cell above, this row holding the second one's assignment.
      const split = last && last.taskNo === current.no ? splitMergedCell(last.text) : null;
      if (last && split) {
        const before = last.text;
        last.text = split[0];
        rekey(current, last, before);
        last = addRowRequirements({ ...row, text: split[1] }, line);
        report(line, "warning", "merged-cell", `上一行的工作要求单元格合并了两条要求，已拆分；本行的责任单位和完成时限属于第二条“${shorten(split[1])}”`, { task: current.no, column: nameOf("text") });
        return;
      }
      report(line, "warning", "textless-row", `该行有责任单位和完成时限，但没有工作要求文字，保留为空白工作要求`, { task: current.no, column: nameOf("text") });
      last = addRowRequirements(row, line);
      return;
    }

    if (row.years.length === 0) {
      const duplicate = keysOf.get(current)!.get(keyOf(row.text, row.responsible, row.deadline));
      if (duplicate) {
        report(line, "warning", "duplicate-row", `与第${duplicate.line}行完全相同的重复行，已忽略`, { task: current.no });
        return;
      }
    }
    last = addRowRequirements(row, line);
  };

  let finished: ParsedTable | null = null;
  return {
    total,
    get done() {
      return Math.min(index, total);
    },
    step(count: number): boolean {
      if (planYear === null && index === 0) planYear = yearOfTitle(rows.slice(0, Math.min(rows.length, 20)).filter(isTitleRow));
      const end = Math.min(total, index + count);
      for (; index < end; index++) readRow(rows[index]);
      return index >= total;
    },
    finish(): ParsedTable {
      if (finished) return finished;
      for (const [t, parts] of cellsOf) {
        t.lead = unionOfCells(parts.lead, nameOf("lead"), t.no);
        t.partners = unionOfCells(parts.partners, nameOf("partners"), t.no);
      }
      if (!tooMany && headersSeen === 0 && tasks.length === 0 && !diagnostics.some((d) => d.code === "missing-columns")) {
        const seen = candidateHeader(rows);
        if (seen) {
          columns = { line: seen.line, names: seen.names, roles: seen.names.map(() => "ignore"), status: "unrecognised", preview: seen.preview };
          report(seen.line, "error", "no-header", `没有认出分工表的表头，看到的列：${seen.names.map((n, i) => `${i + 1} ${n}`).join("、")}`, {
            hint: `请说明各列的内容：命令行用 --columns "${seen.names[0]}=text,…"（用途：no 序号、task 任务、text 工作要求、lead 牵头单位、partners 配合单位、responsible 责任单位、deadline 完成时限、year 年度进度、extra 保留、ignore 不导入），任务窗格中在“列对应”一步逐列选择。`,
          });
        } else {
          report(1, "error", "no-header", "没有找到任务分工表：需要含“序号、牵头部门、参与部门、主要工作、工作要求、责任单位、完成时限”的表头，或以序号开头、用制表符分列的行");
        }
      }
      assignIds(tasks, groupOf, yearOf);
      // Department cells are judged when their task closes; readers expect source order.
      diagnostics.sort((a, b) => a.line - b.line);
      finished = { tasks, departments: collectDepartments(tasks, registry), diagnostics, registry };
      // Never refused for its bodies' names: a table the bundled registry does not fit is read with its own.
      if (options.registry === "none") finished = parseGrid(grid, { ...options, registry: registryFromTable(tasks) });
      else if (options.registry === undefined && !tableFitsRegistry(tasks, BUNDLED_REGISTRY)) finished = parseGrid(grid, { ...options, registry: "none" });
      if (finished.registry !== registry) return finished;
      if (columns) finished.columns = columns;
      if (extraColumns.length > 0) finished.extraColumns = extraColumns;
      if (planYearUsed && planYear !== null) finished.planYear = planYear;
      return finished;
    },
  };
}

/**
 * Ids are "<task>.<k>", k counting the task's source rows from 1; a row of a year schedule gives
 * "<task>.<k>-<year>" for each year, so a year cell filled in later moves no other id.
 */
function assignIds(tasks: readonly Task[], groupOf: Map<Requirement, number>, yearOf: Map<Requirement, number>): void {
  for (const t of tasks) {
    let k = 0;
    let previous: number | undefined;
    for (const r of t.requirements) {
      const g = groupOf.get(r);
      const year = yearOf.get(r);
      if (year === undefined || g !== previous) k++;
      previous = g;
      r.id = year === undefined ? `${t.no}.${k}` : `${t.no}.${k}-${year}`;
    }
  }
}

/** The row a reader would take for the header of a table SOIL cannot read: the first with three or more short cells. */
function candidateHeader(rows: readonly GridRow[]): { line: number; names: string[]; preview: string[][] } | null {
  for (let i = 0; i < rows.length && i < 200; i++) {
    const names = rows[i].cells.map(headerName);
    const filled = names.filter((n) => n !== "");
    if (filled.length >= 3 && filled.every((n) => n.length <= 20 && !/^\d+$/.test(n))) {
      return {
        line: rows[i].line,
        names: names.map((n, k) => n || `第${k + 1}列`),
        preview: rows.slice(i + 1, i + 1 + PREVIEW_ROWS).map((r) => r.cells.map((c) => cleanCell(c))),
      };
    }
  }
  return null;
}

/** "甲。 乙" → ["甲。", "乙"] at the last sentence end followed by white space. */
function splitMergedCell(text: string): [string, string] | null {
  const re = /[。；;！？!?][\s\u3000]+(?=\S)/g;
  let cut = -1;
  let end = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    cut = m.index + 1;
    end = m.index + m[0].length;
  }
  if (cut < 0) return null;
  return [text.slice(0, cut), text.slice(end)];
}

function shorten(text: string): string {
  return text.length > 16 ? text.slice(0, 16) + "…" : text;
}

function collectDepartments(tasks: Task[], registry: DepartmentRegistry): string[] {
  const seen = new Set<string>();
  for (const t of tasks) {
    for (const n of [...t.lead, ...t.partners]) seen.add(n);
    for (const r of t.requirements) for (const n of r.responsible) seen.add(n);
  }
  return [...seen].sort((a, b) => compareDepartments(a, b, registry));
}

/** Counts of deadline kinds, for summaries. */
export function deadlineKindCounts(table: ParsedTable): Record<keyof typeof DEADLINE_KIND_LABELS, number> {
  const counts = Object.fromEntries(Object.keys(DEADLINE_KIND_LABELS).map((k) => [k, 0])) as Record<keyof typeof DEADLINE_KIND_LABELS, number>;
  for (const t of table.tasks) for (const r of t.requirements) counts[r.deadline.kind]++;
  return counts;
}
