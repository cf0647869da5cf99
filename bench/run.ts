/**
 * `npm run bench`: runs every bench/*.bench.ts, prints ONE summary table (each measure at 1x, 10x and
 * 100x the plan, with the growth from 1x to 100x) and writes it, followed by each section's details,
 * to bench/RESULTS.md. Each bench file exports `run(): Promise<BenchSection>`.
 */
import { readdirSync, writeFileSync } from "fs";
import os from "os";
import path from "path";

export interface BenchRow {
  measure: string;
  value: number | string;
  unit: string;
}
export interface BenchSection {
  title: string;
  rows: BenchRow[];
  notes?: string[];
  /** This section's lines of the summary table. */
  summary?: SummaryRow[];
}

export interface SummaryRow {
  measure: string;
  unit: string;
  /** One value per SCALES entry (bench/scales.ts), or a single value for measures that do not depend on the plan's size. */
  values: number[] | number | string;
}

function formatValue(v: number): string {
  return Number.isInteger(v) || v >= 100 ? String(Math.round(v)) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** The summary as a markdown table: measure, 1x, 10x, 100x, growth 1x → 100x, unit. */
export function summaryTable(rows: readonly SummaryRow[]): string[] {
  const lines = ["| measure | 1x (195) | 10x (1,950) | 100x (19,500) | 100x ÷ 1x | unit |", "|---|---:|---:|---:|---:|---|"];
  for (const r of rows) {
    if (Array.isArray(r.values)) {
      const [a, , c] = r.values;
      const growth = a > 0 ? `${formatValue(c / a)}×` : "";
      lines.push(`| ${r.measure} | ${r.values.map(formatValue).join(" | ")} | ${growth} | ${r.unit} |`);
    } else {
      lines.push(`| ${r.measure} | ${typeof r.values === "number" ? formatValue(r.values) : r.values} | | | | ${r.unit} |`);
    }
  }
  return lines;
}

async function main() {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const sections: BenchSection[] = [];
  for (const file of files) {
    process.stdout.write(`bench: ${file} …\n`);
    const mod = (await import(path.join(__dirname, file))) as { run: () => Promise<BenchSection> };
    const section = await mod.run();
    for (const row of section.rows) process.stdout.write(`  ${row.measure}: ${row.value} ${row.unit}\n`);
    sections.push(section);
  }
  const summary = summaryTable(sections.flatMap((s) => s.summary ?? []));
  process.stdout.write(`\n${summary.join("\n")}\n`);
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const lines = [
    "# SOIL benchmark results",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; Node ${process.version}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB.`,
    "",
    "## Summary: the plan at 1x, 10x and 100x",
    "",
    "Synthetic plans are the seed's 195 requirements repeated under new task numbers (test/doubles/tables.ts), as source text for parsing and as the parsed table for the rest. Linear growth shows as about 100× in the last column; fixed costs (start-up, sync count) grow less.",
    "",
    ...summary,
    "",
  ];
  for (const s of sections) {
    lines.push(`## ${s.title}`, "", "| measure | value | unit |", "|---|---:|---|");
    for (const r of s.rows) lines.push(`| ${r.measure} | ${r.value} | ${r.unit} |`);
    for (const n of s.notes ?? []) lines.push("", n);
    lines.push("");
  }
  if (only.length === 0) writeFileSync(path.join(__dirname, "RESULTS.md"), lines.join("\n"));
  else process.stdout.write("(partial run: RESULTS.md not rewritten)\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
