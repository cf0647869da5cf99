/** Parsed tables of any size for the Excel tests: the seed's requirements cloned under new task numbers. */
import { ParsedTable, parseTable, Task } from "../../src/core";
import { seedText } from "./seedVariants";

const SEED = parseTable(seedText());

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
