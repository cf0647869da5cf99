/**
 * Merging a department's returned file into the office's task table. Pure: the master rows as read,
 * the returned file as read (its rows, the department, the export baseline), a plan out.
 *
 * Rules, per cell of DEPARTMENT_COLUMNS, rows matched by 编号 (order in the returned file does not matter):
 * - the department's value equals the baseline → nothing;
 * - the master still holds the baseline → the department's value is applied;
 * - both changed, to different values → conflict: the master keeps its value, the department's is recorded;
 * - both changed to the same value → nothing.
 * A row whose 责任单位 in the master does not name the department, or an 编号 the file was not exported
 * with, has every change rejected and recorded. Edits of structure, computed or office columns are ignored
 * and recorded. Nothing the department typed is lost: what is not applied is in `issues`.
 */
import { Day, serialFromDay } from "./dates";
import { BASELINE_COLUMNS, canonicalDepartmentName, cellText, columnSpec, dayOfCell, responsibleIncludes } from "./departmentFile";
import { compareDepartments, resolveDepartments } from "./departments";
import { DepartmentRegistry } from "./registry";
import type { ExportRecord } from "./exportRecord";
import { CellValue, ColumnKey, dateRangeProblem, DEPARTMENT_COLUMNS, TASK_COLUMNS } from "./layout";
import { checkTaskHeaders, ExistingTaskTable } from "./reimport";
import { isProgressState } from "./status";

/** A department file as read: whose it is, what it held at export, and its task rows now. */
export interface ReturnedDepartmentFile {
  department: string;
  exportedOn: Day | null;
  /** Per 编号, the BASELINE_COLUMNS values at export time (cells as read). */
  baseline: ReadonlyMap<string, Partial<Record<ColumnKey, unknown>>>;
  /** The file's task table (header + body rows in TASK_COLUMNS order; formula cells give their result). */
  table: ExistingTaskTable;
  /** 导出信息's export record (export id, signature); null when the file has none. */
  record?: ExportRecord | null;
  /** Cells of computed columns that hold a typed value instead of their formula. */
  overwrittenFormulas?: readonly { id: string; key: ColumnKey; value: unknown }[];
}

/** A cell of the master to write: rowIndex into the master's body rows as read. */
export interface CellUpdate {
  rowIndex: number;
  id: string;
  key: ColumnKey;
  value: CellValue;
}

export type MergeIssueKind = "conflict" | "rejected" | "ignored";

/** A cell not merged as the department wrote it. Values are display text (dates yyyy-mm-dd). */
export interface MergeIssue {
  kind: MergeIssueKind;
  department: string;
  id: string;
  /** Column header, or "" for a whole row. */
  column: string;
  office: string;
  departmentValue: string;
  baseline: string;
  reason: string;
}

export interface MergeReport {
  department: string;
  /** Rows of the returned file (body, blank rows excluded). */
  rowsInFile: number;
  /** Rows of the file matched to a master row the department may change. */
  rowsMatched: number;
  /** Rows with at least one applied cell. */
  rowsChanged: number;
  applied: number;
  /** Cells both sides changed to the same value. */
  sameValue: number;
  conflicts: number;
  rejected: number;
  ignored: number;
  /** 编号 exported but no longer in the returned file. */
  missingIds: string[];
}

export interface DepartmentMergePlan {
  department: string;
  updates: CellUpdate[];
  conflicts: MergeIssue[];
  rejected: MergeIssue[];
  ignored: MergeIssue[];
  report: MergeReport;
}

const INDEX = Object.fromEntries(TASK_COLUMNS.map((c, i) => [c.key, i])) as Record<ColumnKey, number>;
const DEPARTMENT_KEYS = new Set<ColumnKey>(DEPARTMENT_COLUMNS);
/** Cells listed when a row is not merged: the baseline's columns (structure, department, office), in sheet order. */
const LISTED_KEYS: readonly ColumnKey[] = BASELINE_COLUMNS.map((c) => c.key);
/** What identifies the requirement under an 编号: a change since the export makes the file stale for that row. */
const SOURCE_KEYS: readonly ColumnKey[] = ["text", "responsible", "deadlineRaw"];

/** Departments named in the table's 责任单位 cells, registry order (then unknown names as they appear). */
export function departmentsOfTable(existing: ExistingTaskTable, registry?: DepartmentRegistry): string[] {
  const seen = new Set<string>();
  for (const row of existing.rows) for (const name of resolveDepartments(cellText(row[INDEX.responsible]), registry).names) seen.add(name);
  return [...seen].sort((a, b) => compareDepartments(a, b, registry));
}


/** Comparable form of a cell of `key`: dates as days, text trimmed. */
function comparable(key: ColumnKey, value: unknown): string {
  return cellText(value, columnSpec(key).format);
}

/** What the department's value becomes in the master, or a reason it cannot be written. */
function writable(key: ColumnKey, value: unknown): { value: CellValue } | { reason: string } {
  const spec = columnSpec(key);
  if (spec.format === "date") {
    const day = dayOfCell(value);
    if (day === undefined) return { reason: `“${cellText(value)}”不是有效日期` };
    // 0018-12-01 typed as text is year 18, not 1918: outside the sheet's date range it is refused, not written.
    const outOfRange = day === null ? null : dateRangeProblem(day, `“${spec.header}”`);
    if (outOfRange !== null) return { reason: outOfRange };
    return { value: day === null ? null : { date: day } };
  }
  const text = cellText(value);
  if (key === "progress" && text !== "" && !isProgressState(text)) return { reason: `“${text}”不是有效状态（未启动 / 推进中 / 已完成）` };
  return { value: text === "" ? null : text };
}

/**
 * Plans the merge of a returned department file into the master's task table. `registry` is the master's
 * 单位名录 (undefined: the bundled registry): which 责任单位 cells name the department.
 */
export function planDepartmentMerge(master: ExistingTaskTable, returned: ReturnedDepartmentFile, registry?: DepartmentRegistry): DepartmentMergePlan {
  checkTaskHeaders(master.headers, "主表");
  checkTaskHeaders(returned.table.headers, "部门文件");
  const department = canonicalDepartmentName(returned.department, registry);
  const updates: CellUpdate[] = [];
  const conflicts: MergeIssue[] = [];
  const rejected: MergeIssue[] = [];
  const ignored: MergeIssue[] = [];
  const report: MergeReport = { department, rowsInFile: 0, rowsMatched: 0, rowsChanged: 0, applied: 0, sameValue: 0, conflicts: 0, rejected: 0, ignored: 0, missingIds: [] };
  const issue = (kind: MergeIssueKind, id: string, key: ColumnKey | null, office: string, dept: string, base: string, reason: string): MergeIssue => ({
    kind,
    department,
    id,
    column: key === null ? "" : columnSpec(key).header,
    office,
    departmentValue: dept,
    baseline: base,
    reason,
  });

  const masterIndex = new Map<string, number>();
  master.rows.forEach((row, i) => {
    const id = cellText(row[INDEX.id]);
    if (id !== "" && !masterIndex.has(id)) masterIndex.set(id, i);
  });

  const seen = new Set<string>();
  returned.table.rows.forEach((row, fileRow) => {
    if (row.every((v) => cellText(v) === "")) return;
    report.rowsInFile++;
    const id = cellText(row[INDEX.id]);
    // Every column a reader sees but the computed ones: a row's structure cells are listed too, so a row the
    // department added (工作要求, 责任单位, 完成时限, no 编号) is not dropped without a word.
    const typed = LISTED_KEYS.filter((k) => comparable(k, row[INDEX[k]]) !== "");
    /** Every cell that differs from `reference` (the baseline, or the master where there is none) is rejected. */
    const rejectRow = (reason: string, office: (k: ColumnKey) => string, reference: (k: ColumnKey) => string) => {
      for (const k of LISTED_KEYS) {
        const dept = comparable(k, row[INDEX[k]]);
        // A structure cell left blank in a row it may not change is nothing typed.
        if (dept === "" && !DEPARTMENT_KEYS.has(k)) continue;
        if (dept !== reference(k)) rejected.push(issue("rejected", id, k, office(k), dept, base(k), reason));
      }
    };
    const baseRow = returned.baseline.get(id);
    const base = (k: ColumnKey) => (baseRow ? comparable(k, baseRow[k]) : "");
    if (id === "") {
      for (const k of typed) rejected.push(issue("rejected", "", k, "", comparable(k, row[INDEX[k]]), "", `部门文件第 ${fileRow + 2} 行没有编号（手工添加的行），未合并`));
      return;
    }
    const masterRow = masterIndex.get(id);
    const m = masterRow === undefined ? [] : master.rows[masterRow];
    const office = (k: ColumnKey) => comparable(k, m[INDEX[k]]);
    if (seen.has(id)) {
      rejectRow(`部门文件中编号 ${id} 重复，只合并第一次出现的行`, office, base);
      return;
    }
    seen.add(id);
    if (masterRow === undefined) {
      for (const k of typed) rejected.push(issue("rejected", id, k, "", comparable(k, row[INDEX[k]]), base(k), "主表中没有此编号（可能已归档，或是部门添加的行），未合并"));
      return;
    }
    if (!baseRow) {
      rejectRow(`此编号不在导出给${department}的文件中，部门无权修改`, office, office);
      return;
    }
    if (!responsibleIncludes(m[INDEX.responsible], department, registry)) {
      rejectRow(`主表中此行的责任单位（${cellText(m[INDEX.responsible])}）不包括${department}，部门无权修改`, office, base);
      return;
    }
    // A stale file: the requirement under this 编号 is not the one exported (a re-import renumbered the table,
    // or the office corrected it), so the department's values would land on another requirement.
    const moved = SOURCE_KEYS.filter((k) => office(k) !== base(k));
    if (moved.length > 0) {
      const what = moved.map((k) => `“${columnSpec(k).header}”`).join("");
      for (const k of DEPARTMENT_COLUMNS) {
        const dept = comparable(k, row[INDEX[k]]);
        if (dept !== base(k)) conflicts.push(issue("conflict", id, k, office(k), dept, base(k), `导出后主表中此编号的${what}已改变（例如重新导入后编号对应了另一条要求），部门的填写未合并，请核对后手工填写`));
      }
      return;
    }
    report.rowsMatched++;
    let changed = false;
    for (const k of DEPARTMENT_COLUMNS) {
      const dept = comparable(k, row[INDEX[k]]);
      const b = base(k);
      if (dept === b) continue;
      const o = office(k);
      if (o === dept) {
        report.sameValue++;
        continue;
      }
      if (o !== b) {
        conflicts.push(issue("conflict", id, k, o, dept, b, "办公室和部门都修改了此单元格，保留办公室的值"));
        continue;
      }
      const value = writable(k, row[INDEX[k]]);
      if ("reason" in value) {
        rejected.push(issue("rejected", id, k, o, dept, b, value.reason));
        continue;
      }
      updates.push({ rowIndex: masterRow, id, key: k, value: value.value });
      changed = true;
    }
    if (changed) report.rowsChanged++;
    for (const spec of BASELINE_COLUMNS) {
      if (DEPARTMENT_KEYS.has(spec.key)) continue;
      const dept = comparable(spec.key, row[INDEX[spec.key]]);
      const b = base(spec.key);
      if (dept === b) continue;
      const why = spec.editedBy === "office" ? "此列由督办办公室填写，部门的修改未合并" : "结构列（来自分工表）由办公室维护，部门的修改未合并";
      ignored.push(issue("ignored", id, spec.key, office(spec.key), dept, b, why));
    }
  });

  for (const o of returned.overwrittenFormulas ?? []) {
    ignored.push(issue("ignored", o.id, o.key, "", cellText(o.value), "", "计算列的公式被改写为数值，未合并（主表的公式照常计算）"));
  }
  report.missingIds = [...returned.baseline.keys()].filter((id) => !seen.has(id));
  for (const id of report.missingIds) {
    const m = masterIndex.get(id);
    ignored.push(issue("ignored", id, null, m === undefined ? "" : cellText(master.rows[m][INDEX.text]), "", "", "导出的此行不在交回的文件中（部门删除了此行），主表中此行保持不变"));
  }
  report.applied = updates.length;
  report.conflicts = conflicts.length;
  report.rejected = rejected.length;
  report.ignored = ignored.length;
  return { department, updates, conflicts, rejected, ignored, report };
}

/** Every issue of a plan, conflicts first: the rows of 合并冲突 (MERGE_LOG_HEADERS order). */
export function mergeLogRows(plans: readonly DepartmentMergePlan[]): string[][] {
  return plans.flatMap((p) =>
    [...p.conflicts, ...p.rejected, ...p.ignored].map((i) => [i.department, i.id, i.column, i.office, i.departmentValue, i.baseline, i.reason]),
  );
}

/** The master's body rows with a plan's updates applied (dates as serials), for the next file's plan. */
/**
 * The plan with these updates taken out and listed in 合并冲突 with their reason, counted as conflicts:
 * whatever keeps a department's value from being written, it is never dropped without a word.
 */
export function setAsideUpdates(plan: DepartmentMergePlan, updates: readonly CellUpdate[], reasonOf: (update: CellUpdate) => string): DepartmentMergePlan {
  if (updates.length === 0) return plan;
  const setAside: MergeIssue[] = updates.map((u) => ({
    kind: "conflict",
    department: plan.department,
    id: u.id,
    column: TASK_COLUMNS[INDEX[u.key]].header,
    office: "",
    departmentValue: String(u.value),
    baseline: "",
    reason: reasonOf(u),
  }));
  return {
    ...plan,
    updates: plan.updates.filter((u) => !updates.includes(u)),
    conflicts: [...plan.conflicts, ...setAside],
    report: { ...plan.report, applied: plan.report.applied - updates.length, conflicts: plan.report.conflicts + updates.length },
  };
}

export function applyUpdates(master: ExistingTaskTable, updates: readonly CellUpdate[]): ExistingTaskTable {
  const rows = master.rows.map((r) => [...r]);
  for (const u of updates) {
    const v = u.value;
    rows[u.rowIndex][INDEX[u.key]] = v === null ? "" : typeof v === "object" && "date" in v ? serialFromDay(v.date) : v;
  }
  return { headers: master.headers, rows };
}

/** The report in Chinese, one line each, for the CLI and the pane. */
export function formatMergeReport(report: MergeReport): string[] {
  const lines = [
    `${report.department}：文件中 ${report.rowsInFile} 行，可合并 ${report.rowsMatched} 行；更新 ${report.applied} 个单元格（${report.rowsChanged} 行）` +
      `，双方改成相同值 ${report.sameValue} 个，冲突 ${report.conflicts} 个，拒绝 ${report.rejected} 个，忽略 ${report.ignored} 个。`,
  ];
  if (report.missingIds.length > 0) lines.push(`导出的编号 ${report.missingIds.join("、")} 不在返回的文件中（这些行保持不变）。`);
  return lines;
}
