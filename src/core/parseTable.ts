/**
 * Reads the key-task table as extracted from the source document (tab-separated rows) into
 * tasks and requirements. It never throws on text: every judgement it makes is a diagnostic
 * with the source line, and no requirement is dropped or invented without one.
 */
import { DEADLINE_KIND_LABELS, parseDeadline } from "./deadline";
import { compareDepartments, DepartmentNote, joinDepartmentText, resolveDepartments } from "./departments";
import { Diagnostic, DiagnosticCode, ParsedTable, Requirement, Severity, Task } from "./model";
import { cleanCell, joinContinuedText, mainWorkHeading } from "./text";
import { toHalfWidth } from "./dates";
import { Column, DEFAULT_ORDER, incompleteHeaderMessage, invisibleCharacters, otherPlanProblem, readHeader, textProblem } from "./inputCheck";

export { TABLE_HEADERS } from "./inputCheck";

type Row = Record<Column, string>;
interface CellPart {
  text: string;
  line: number;
}

const NOTE_CODES: Record<DepartmentNote["kind"], { code: DiagnosticCode; severity: Severity }> = {
  alias: { code: "department-alias", severity: "info" },
  spaces: { code: "department-spaces", severity: "info" },
  split: { code: "department-split", severity: "warning" },
  unknown: { code: "unknown-department", severity: "warning" },
};

/** A row that carries a task number, for tables pasted without their header. */
function looksLikeNumberedRow(cells: string[]): boolean {
  return cells.length >= DEFAULT_ORDER.length - 1 && /^\d+$/.test(taskNumberText(cells[0]));
}

/** A 序号 cell, full-width digits (１２) read as ASCII. */
function taskNumberText(cell: string | undefined): string {
  return toHalfWidth(cleanCell(cell)).trim();
}

export function parseTable(text: string): ParsedTable {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, severity: Severity, code: DiagnosticCode, message: string, hint?: string) =>
    diagnostics.push(hint === undefined ? { line, severity, code, message } : { line, severity, code, message, hint });

  const unreadable = textProblem(text);
  if (unreadable) {
    report(1, "error", "input", unreadable.message, unreadable.hint);
    return { tasks: [], departments: [], diagnostics };
  }
  // Invisible format characters (zero-width spaces, bidi controls) are removed before anything is read.
  const { text: source, notes: invisible } = invisibleCharacters(text);
  for (const note of invisible) report(note.line, "warning", "invisible-character", note.message);

  const tasks: Task[] = [];
  let columns: readonly (Column | null)[] | null = null;
  /** Under a header with columns missing: rows are not read until a complete header comes. */
  let refused = false;
  let headersSeen = 0;
  let afterBreak = false;
  let task: Task | null = null;
  let last: Requirement | null = null;
  // Department cells of the open task, resolved when it closes: a cell continued on the next
  // page is only judged once it is whole.
  const cellsOf = new Map<Task, { lead: CellPart[]; partners: CellPart[] }>();

  const departments = (cell: string, line: number, what: string): string[] => {
    const resolved = resolveDepartments(cell);
    for (const note of resolved.notes) {
      const { code, severity } = NOTE_CODES[note.kind];
      report(line, severity, code, `${what}：${note.message}`);
    }
    return resolved.names;
  };

  const unionOfCells = (parts: CellPart[], what: string): string[] => {
    const names: string[] = [];
    for (const part of parts) for (const n of departments(part.text, part.line, what)) if (!names.includes(n)) names.push(n);
    return names;
  };

  const addRequirement = (row: Row, line: number): Requirement | null => {
    if (!task) return null;
    const deadline = parseDeadline(row.deadline);
    if (deadline.repeated) report(line, "warning", "repeated-deadline", `完成时限“${deadline.raw}”重复书写，按一次处理`);
    if (deadline.kind === "none") report(line, "warning", "missing-deadline", `任务${task.no}的工作要求未填写完成时限`);
    if (deadline.kind === "unknown") report(line, "warning", "unknown-deadline", `完成时限“${deadline.raw}”无法识别，按时限待定处理`);
    const requirement: Requirement = {
      id: "",
      taskNo: task.no,
      text: row.text,
      responsible: departments(row.responsible, line, "责任单位"),
      responsibleRaw: row.responsible,
      deadline,
      line,
    };
    task.requirements.push(requirement);
    return requirement;
  };

  const lines = source.split(/\r\n|\n|\r/);
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    if (rawLine.trim() === "") return;
    const cells = rawLine.split("\t");
    const header = readHeader(cells);
    if (header?.kind === "incomplete") {
      const { message, hint } = incompleteHeaderMessage(header);
      report(line, "error", "missing-columns", message, hint);
      refused = true;
      return;
    }
    if (header) {
      if (header.ignored.length > 0 && (columns === null || refused)) {
        report(line, "info", "ignored-columns", `表头中的${header.ignored.map((n) => `“${n}”`).join("")}列不属于分工表，已忽略`);
      }
      columns = header.columns;
      refused = false;
      headersSeen++;
      afterBreak = headersSeen > 1;
      return;
    }
    if (refused) return;
    if (!columns) {
      if (!looksLikeNumberedRow(cells)) return; // the notice's preamble
      columns = DEFAULT_ORDER;
      report(line, "warning", "no-header", "未找到表头行（序号、牵头部门……完成时限），按默认列顺序读取");
    }
    if (cells.length !== columns.length) {
      report(line, "warning", "columns", `该行有${cells.length}列，表格应为${columns.length}列；多出的内容并入最后一列`);
    }
    const row = {} as Row;
    columns.forEach((column, i) => {
      if (column === null) return;
      const cell = i === columns!.length - 1 ? cells.slice(i).join(" ") : cells[i];
      row[column] = column === "no" ? taskNumberText(cell) : cleanCell(cell);
    });
    const continuation = afterBreak;
    afterBreak = false;

    if (/^\d+$/.test(row.no)) {
      const no = Number(row.no);
      const existing = tasks.find((t) => t.no === no);
      if (existing) {
        // Ids must stay unique: a number seen before continues that task.
        report(line, "warning", "duplicate-task", `序号${no}重复出现，本行并入前面的任务${no}`);
        task = existing;
        cellsOf.get(existing)!.lead.push({ text: row.lead, line });
        cellsOf.get(existing)!.partners.push({ text: row.partners, line });
        if (row.mainWork) existing.mainWork += "\n" + row.mainWork;
        last = null;
        if (row.text || row.responsible || row.deadline) last = addRequirement(row, line);
        return;
      }
      if (tasks.length > 0 && no !== tasks[tasks.length - 1].no + 1) {
        report(line, "warning", "task-order", `序号${no}与上一任务序号${tasks[tasks.length - 1].no}不连续`);
      }
      const heading = mainWorkHeading(row.mainWork);
      task = { no, title: heading.title, mainWork: row.mainWork, lead: [], partners: [], requirements: [], line };
      cellsOf.set(task, { lead: [{ text: row.lead, line }], partners: [{ text: row.partners, line }] });
      if (heading.number === null) report(line, "warning", "heading", `任务${no}的主要工作没有“（${no}）”形式的编号标题`);
      else if (heading.number !== no) report(line, "warning", "heading", `任务${no}的主要工作标题编号为${heading.number}，与序号不一致`);
      tasks.push(task);
      last = null;
      if (row.text || row.responsible || row.deadline) last = addRequirement(row, line);
      return;
    }
    if (row.no !== "") report(line, "warning", "columns", `序号“${row.no}”不是数字，按无序号的行处理`);
    if (!task) {
      report(line, "error", "orphan-row", "第一个编号任务之前出现了数据行，无法归属，已跳过：" + Object.values(row).filter(Boolean).join(" | "));
      return;
    }
    const current: Task = task;
    const { lead: leadCells, partners: partnerCells } = cellsOf.get(current)!;

    if (row.lead || row.partners || row.mainWork) {
      if (continuation) {
        for (const [cells, text, what] of [
          [leadCells, row.lead, "牵头部门"],
          [partnerCells, row.partners, "参与部门"],
        ] as const) {
          if (!text) continue;
          const part = cells[cells.length - 1];
          const joined = joinDepartmentText(part.text, text);
          part.text = joined.text;
          report(line, "info", "continued", `任务${current.no}的${what}跨页续接${joined.overlap ? `，删去分页处重复的“${joined.overlap}”` : ""}`);
        }
        if (row.mainWork) {
          const joined = joinContinuedText(current.mainWork, row.mainWork);
          current.mainWork = joined.text;
          current.title = mainWorkHeading(current.mainWork).title;
          report(line, "info", "continued", `任务${current.no}的主要工作跨页续接`);
          if (joined.repeated) report(line, "info", "repeated-chars", `主要工作分页处重复的“${joined.repeated}”只保留一个`);
        }
      } else {
        // An unnumbered block inside a numbered task: its requirements belong to that task.
        if (row.lead) leadCells.push({ text: row.lead, line });
        if (row.partners) partnerCells.push({ text: row.partners, line });
        if (row.mainWork) current.mainWork += "\n" + row.mainWork;
        report(line, "warning", "sub-block", `无序号的子项（牵头部门“${row.lead || "—"}”），归入任务${current.no}`);
      }
    }

    const hasText = row.text !== "";
    const hasAssignment = row.responsible !== "" || row.deadline !== "";
    if (!hasText && !hasAssignment) return;

    if (hasText && !hasAssignment) {
      if (last && last.taskNo === current.no) {
        const joined = joinContinuedText(last.text, row.text);
        last.text = joined.text;
        if (continuation) report(line, "info", "continued", `任务${current.no}第${current.requirements.length}条工作要求跨页续接`);
        else report(line, "warning", "continued", `该行只有工作要求，没有责任单位和完成时限，并入上一条工作要求`);
        if (joined.repeated) report(line, "info", "repeated-chars", `工作要求分页处重复的“${joined.repeated}”只保留一个`);
        return;
      }
      report(line, "warning", "empty-requirement", `工作要求没有责任单位和完成时限`);
      last = addRequirement(row, line);
      return;
    }

    if (!hasText) {
      // Two requirements merged into the cell above, this row holding the second one's assignment.
      const split = last && last.taskNo === current.no ? splitMergedCell(last.text) : null;
      if (last && split) {
        last.text = split[0];
        last = addRequirement({ ...row, text: split[1] }, line);
        report(line, "warning", "merged-cell", `上一行的工作要求单元格合并了两条要求，已拆分；本行的责任单位和完成时限属于第二条“${shorten(split[1])}”`);
        return;
      }
      report(line, "warning", "textless-row", `该行有责任单位和完成时限，但没有工作要求文字，保留为空白工作要求`);
      last = addRequirement(row, line);
      return;
    }

    const duplicate = current.requirements.find(
      (r) => r.text === row.text && r.responsibleRaw === row.responsible && r.deadline.raw === row.deadline,
    );
    if (duplicate) {
      report(line, "warning", "duplicate-row", `与第${duplicate.line}行完全相同的重复行，已忽略`);
      return;
    }
    last = addRequirement(row, line);
  });

  for (const [t, cells] of cellsOf) {
    t.lead = unionOfCells(cells.lead, "牵头部门");
    t.partners = unionOfCells(cells.partners, "参与部门");
  }
  if (headersSeen === 0 && tasks.length === 0 && !diagnostics.some((d) => d.code === "missing-columns")) {
    report(1, "error", "no-header", "没有找到任务分工表：需要含“序号、牵头部门、参与部门、主要工作、工作要求、责任单位、完成时限”的表头，或以序号开头、用制表符分列的行");
  }
  const foreign = otherPlanProblem(tasks);
  if (foreign) report(1, "error", "other-plan", foreign.message, foreign.hint);
  for (const t of tasks) t.requirements.forEach((r, k) => (r.id = `${t.no}.${k + 1}`));
  // Department cells are judged when their task closes; readers expect source order.
  diagnostics.sort((a, b) => a.line - b.line);
  return { tasks, departments: collectDepartments(tasks), diagnostics };
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

function collectDepartments(tasks: Task[]): string[] {
  const seen = new Set<string>();
  for (const t of tasks) {
    for (const n of [...t.lead, ...t.partners]) seen.add(n);
    for (const r of t.requirements) for (const n of r.responsible) seen.add(n);
  }
  return [...seen].sort(compareDepartments);
}

/** Counts of deadline kinds, for summaries. */
export function deadlineKindCounts(table: ParsedTable): Record<keyof typeof DEADLINE_KIND_LABELS, number> {
  const counts = { by: 0, from: 0, ongoing: 0, none: 0, unknown: 0 };
  for (const t of table.tasks) for (const r of t.requirements) counts[r.deadline.kind]++;
  return counts;
}
