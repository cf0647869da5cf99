/** Tables of any size for tests and benches: the seed's requirements cloned under new task numbers. */
import { ParsedTable, parseTable, TABLE_HEADERS, Task } from "../../src/core";
import { seedText } from "./seedVariants";

const SEED = parseTable(seedText());

/** Requirements of the seed table (195): `times` × this is the plan `times` times over. */
export const SEED_REQUIREMENTS = SEED.tasks.reduce((n, t) => n + t.requirements.length, 0);

/** A table with exactly `requirements` requirements, 10 per task, texts and departments from the seed. */
export function syntheticTable(requirements: number): ParsedTable {
  const source = SEED.tasks.flatMap((t) => t.requirements.map((r) => ({ task: t, r })));
  const tasks: Task[] = [];
  for (let i = 0; i < requirements; i++) {
    const { task, r } = source[i % source.length];
    const no = Math.floor(i / 10) + 1;
    if (tasks.length < no) tasks.push({ ...task, no, requirements: [] });
    const k = (i % 10) + 1;
    tasks[no - 1].requirements.push({ ...r, id: `${no}.${k}`, taskNo: no });
  }
  return { tasks, departments: SEED.departments, diagnostics: [] };
}

export function seedTable(): ParsedTable {
  return parseTable(seedText());
}

const HEADER = TABLE_HEADERS.join("\t");
const cellText = (text: string) => text.replace(/\n/g, "<br/>");

/**
 * A table written back as the source's tab-separated text, as the document extraction gives it: the
 * header repeated after a blank line every `pageRows` rows (a page break), 责任单位 and 完成时限 as
 * written in the source. Parsing it gives the table's requirements back.
 */
export function tableText(table: ParsedTable, pageRows = 25): string {
  const lines = [HEADER];
  let rows = 0;
  for (const task of table.tasks) {
    const first = [String(task.no), task.lead.join("、"), task.partners.join("、"), cellText(task.mainWork)];
    const requirements = task.requirements.length > 0 ? task.requirements : [null];
    requirements.forEach((r, k) => {
      const head = k === 0 ? first : ["", "", "", ""];
      lines.push([...head, r ? cellText(r.text) : "", r?.responsibleRaw ?? "", r?.deadline.raw ?? ""].join("\t"));
      if (++rows % pageRows === 0) lines.push("", HEADER);
    });
  }
  return lines.join("\n") + "\n";
}

/** The plan `times` times over as source text (times × 195 requirements). */
export function syntheticText(times: number): string {
  return tableText(syntheticTable(times * SEED_REQUIREMENTS));
}
