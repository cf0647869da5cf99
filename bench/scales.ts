/** What the bench files share: the plan's size multiples and timing helpers. */
import { SEED_REQUIREMENTS } from "../test/doubles/tables";

/** The multiples of the plan every summary measure is taken at: 195, 1,950 and 19,500 requirements. */
export const SCALES = [1, 10, 100] as const;
export const requirementsAt = (times: number) => times * SEED_REQUIREMENTS;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds of each of `runs` calls. */
export function timeRuns(runs: number, call: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    call();
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}
