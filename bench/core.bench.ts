/** Parsing speed: the bundled table, and the plan's text at 1x / 10x / 100x (test/doubles/tables.ts). */
import { allRequirements, parseGrid, parseTable } from "../src/core";
import { oneTaskGrid } from "../test/doubles/oneTaskGrid";
import { seedText } from "../test/doubles/seedVariants";
import { syntheticText } from "../test/doubles/tables";
import type { BenchSection } from "./run";
import { median, requirementsAt, SCALES, timeRuns } from "./scales";

function timeParse(text: string, runs: number): { ms: number; requirements: number } {
  let requirements = 0;
  const times = timeRuns(runs, () => (requirements = allRequirements(parseTable(text)).length));
  return { ms: median(times), requirements };
}

export async function run(): Promise<BenchSection> {
  const seed = seedText();
  const seedRun = timeParse(seed, 50);
  const scaled = SCALES.map((times) => {
    const text = syntheticText(times);
    return { times, bytes: Buffer.byteLength(text), ...timeParse(text, times === 100 ? 5 : 20) };
  });
  const big = scaled[scaled.length - 1];
  // All rows in one task: the case that was quadratic (issue #14). Time per row must stay flat up to 1000x.
  const perTask = [1, 10, 100, 1000].map((times) => {
    const grid = oneTaskGrid(requirementsAt(times));
    let requirements = 0;
    const ms = median(timeRuns(times >= 100 ? 3 : 10, () => (requirements = allRequirements(parseGrid(grid)).length)));
    return { times, requirements, ms };
  });
  return {
    title: "Parsing the table (src/core)",
    rows: [
      { measure: `seed table (${seedRun.requirements} requirements, ${(Buffer.byteLength(seed) / 1024).toFixed(1)} KB), median of 50`, value: seedRun.ms.toFixed(2), unit: "ms" },
      ...scaled.map((s) => ({ measure: `${s.times}x plan (${s.requirements} requirements, ${(s.bytes / 1024).toFixed(0)} KB), median`, value: s.ms.toFixed(1), unit: "ms" })),
      { measure: "100x plan throughput", value: Math.round(big.requirements / (big.ms / 1000)), unit: "requirements/s" },
      ...perTask.map((p) => ({ measure: `one task of ${p.requirements} rows (${p.times}x), median`, value: p.ms.toFixed(1), unit: "ms" })),
      ...perTask.map((p) => ({ measure: `one task of ${p.requirements} rows (${p.times}x): time per row`, value: ((p.ms * 1000) / p.requirements).toFixed(2), unit: "µs/row" })),
    ],
    notes: ["The scaled plans are the seed's requirements written back as source text with the header repeated every 25 rows (a page break), so the page-break and diagnostic paths run too."],
    summary: [
      { measure: "parse the table text", unit: "ms", values: scaled.map((s) => s.ms) },
      { measure: "table text size", unit: "KB", values: scaled.map((s) => s.bytes / 1024) },
    ],
  };
}
