/** Parsing speed: the bundled table and a synthetic table of 20,000 requirements in the same shape. */
import { allRequirements, parseTable, TABLE_HEADERS } from "../src/core";
import { seedText } from "../test/doubles/seedVariants";
import type { BenchSection } from "./run";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeParse(text: string, runs: number): { ms: number; requirements: number } {
  const times: number[] = [];
  let requirements = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    requirements = allRequirements(parseTable(text)).length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(times), requirements };
}

/** 2,000 tasks of 10 requirements, with a page break (repeated header, continued cell) every 25 rows. */
function syntheticTable(): string {
  const header = TABLE_HEADERS.join("\t");
  const lines = [header];
  const depts = ["市环境保护局", "市农牧局", "市国土资源局、市规划局牵头", "市环保局", "市发展和改革委员会"];
  const deadlines = ["2018年底", "2019年6月", "2020 年", "2017年起", "持续推进", ""];
  for (let t = 1; t <= 2000; t++) {
    for (let k = 0; k < 10; k++) {
      const first = k === 0;
      lines.push(
        [first ? t : "", first ? "市环境保护局" : "", first ? "市财政局等" : "", first ? `（${t}）第${t}项任务。<p>内容</p>` : "", `第${t}项第${k + 1}条工作要求。`, depts[(t + k) % depts.length], deadlines[(t * 7 + k) % deadlines.length]].join("\t"),
      );
      if (lines.length % 25 === 0) lines.push("", header);
    }
  }
  return lines.join("\n");
}

export async function run(): Promise<BenchSection> {
  const seed = seedText();
  const seedRun = timeParse(seed, 50);
  const synthetic = syntheticTable();
  const synthRun = timeParse(synthetic, 5);
  return {
    title: "Parsing the table (src/core)",
    rows: [
      { measure: `seed table (${seedRun.requirements} requirements, ${(Buffer.byteLength(seed) / 1024).toFixed(1)} KB), median of 50`, value: seedRun.ms.toFixed(2), unit: "ms" },
      { measure: `synthetic table (${synthRun.requirements} requirements, ${(Buffer.byteLength(synthetic) / 1024 / 1024).toFixed(1)} MB), median of 5`, value: synthRun.ms.toFixed(0), unit: "ms" },
      { measure: "synthetic table throughput", value: Math.round(synthRun.requirements / (synthRun.ms / 1000)), unit: "requirements/s" },
    ],
    notes: ["The synthetic table repeats the header every 25 lines and writes aliases, 牵头 and empty deadlines, so the page-break and diagnostic paths run too."],
  };
}
