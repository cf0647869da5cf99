/**
 * `npm run bench`: runs every bench/*.bench.ts and writes the figures to bench/RESULTS.md.
 * Each bench file exports `run(): Promise<BenchSection>`.
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
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const lines = [
    "# SOIL benchmark results",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; Node ${process.version}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB.`,
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
