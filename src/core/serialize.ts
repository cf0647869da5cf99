/** The parsed table as the CLI's JSON and as a readable summary. */
import { isoFromDay } from "./dates";
import { DEADLINE_KIND_LABELS } from "./deadline";
import { Diagnostic, ParsedTable } from "./model";
import { deadlineKindCounts } from "./parseTable";

export interface TableJson {
  tasks: {
    no: number;
    title: string;
    mainWork: string;
    lead: string[];
    partners: string[];
    /** Only when the table has section rows. */
    category?: string;
    requirements: {
      id: string;
      text: string;
      responsible: string[];
      deadline: { raw: string; kind: string; date: string | null; from?: string };
      /** Only when the table has columns SOIL does not use. */
      extras?: Record<string, string>;
    }[];
  }[];
  departments: string[];
  /** Only when the table has columns SOIL does not use. */
  extraColumns?: string[];
  diagnostics: { line: number; severity: string; code: string; message: string }[];
}

export function tableToJson(table: ParsedTable): TableJson {
  // Fields a table of the bundled plan's shape does not have are left out, so its JSON stays as it was.
  const json: TableJson = {
    tasks: table.tasks.map((t) => ({
      no: t.no,
      title: t.title,
      mainWork: t.mainWork,
      lead: t.lead,
      partners: t.partners,
      ...(t.category !== undefined ? { category: t.category } : {}),
      requirements: t.requirements.map((r) => ({
        id: r.id,
        text: r.text,
        responsible: r.responsible,
        deadline: {
          raw: r.deadline.raw,
          kind: r.deadline.kind,
          date: r.deadline.date === null ? null : isoFromDay(r.deadline.date),
          ...(r.deadline.from !== undefined ? { from: isoFromDay(r.deadline.from) } : {}),
        },
        ...(r.extras ? { extras: r.extras } : {}),
      })),
    })),
    departments: table.departments,
    diagnostics: table.diagnostics.map((d) => ({ line: d.line, severity: d.severity, code: d.code, message: d.message })),
  };
  if (table.extraColumns) json.extraColumns = table.extraColumns;
  return json;
}

/** Counts a reader checks first: what the pane's preview and `soil parse` show. */
export interface TableOverview {
  tasks: number;
  requirements: number;
  departments: number;
  deadlineKinds: Record<string, number>;
  diagnostics: { info: number; warning: number; error: number };
}

export function tableOverview(table: ParsedTable): TableOverview {
  const kinds = deadlineKindCounts(table);
  const diagnostics = { info: 0, warning: 0, error: 0 };
  for (const d of table.diagnostics) diagnostics[d.severity]++;
  return {
    tasks: table.tasks.length,
    requirements: table.tasks.reduce((n, t) => n + t.requirements.length, 0),
    departments: table.departments.length,
    deadlineKinds: Object.fromEntries(Object.entries(kinds).map(([k, n]) => [DEADLINE_KIND_LABELS[k as keyof typeof kinds], n])),
    diagnostics,
  };
}

const SEVERITY_LABELS = { info: "说明", warning: "注意", error: "错误" } as const;

/** The human-readable summary `soil parse` prints. */
export function formatOverview(table: ParsedTable, source: string): string {
  const o = tableOverview(table);
  const lines = [
    `分工表：${source}`,
    `任务 ${o.tasks} 项，工作要求 ${o.requirements} 条，涉及单位 ${o.departments} 个`,
    `完成时限：${Object.entries(o.deadlineKinds)
      .map(([k, n]) => `${k} ${n}`)
      .join("，")}`,
    `单位：${table.departments.join("、")}`,
    `诊断：说明 ${o.diagnostics.info} 条，注意 ${o.diagnostics.warning} 条，错误 ${o.diagnostics.error} 条`,
  ];
  for (const d of table.diagnostics) {
    const place = diagnosticPlace(d);
    lines.push(`  第${d.line}行 [${SEVERITY_LABELS[d.severity]}] ${d.message}${place ? `〔${place}〕` : ""}`);
  }
  return lines.join("\n");
}

/** Where in the workbook a diagnostic points: "任务12 · 完成时限", "任务12", "完成时限", or "". */
export function diagnosticPlace(d: Pick<Diagnostic, "task" | "column">): string {
  return [d.task !== undefined ? `任务${d.task}` : "", d.column ?? ""].filter(Boolean).join(" · ");
}
