/** The README's counts of the bundled table are the tool's: tasks, requirements, bodies named and bodies responsible. */
import { readFileSync } from "fs";
import path from "path";
import { parseTable } from "../../src/core";
import { runCapturing } from "./runCapturing";
import { readTable, SEED_FILE } from "../xlsx/seedTable";

test("README: 56 项任务、195 条工作要求；39 个单位，其中 27 个责任单位 — as npm run soil -- parse counts them", async () => {
  const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
  const m = /（(\d+) 项任务、(\d+) 条工作要求；表中出现 (\d+) 个单位，其中 (\d+) 个是工作要求的责任单位/.exec(readme);
  expect(m).not.toBeNull();
  const [tasks, requirements, named, responsible] = m!.slice(1).map(Number);
  const { out } = await runCapturing("parse", SEED_FILE);
  expect(out).toContain(`任务 ${tasks} 项，工作要求 ${requirements} 条，涉及单位 ${named} 个`);
  const table = parseTable(readFileSync(SEED_FILE, "utf8"));
  expect(new Set(table.tasks.flatMap((t) => t.requirements.flatMap((r) => r.responsible))).size).toBe(responsible);
  expect(readTable(SEED_FILE).tasks.length).toBe(tasks);
});
