/**
 * Hostile input through the CLI: each case of test/doubles/hostileInputs.ts either stops
 * `npm run workbook` with exit 2, a Chinese message and no file written, or parses like the bundled table.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { allRequirements, parseTable } from "../../src/core";
import { HOSTILE_CASES } from "../doubles/hostileInputs";
import { seedText } from "../doubles/seedVariants";
import { runCapturing } from "./runCapturing";

const run = runCapturing;

const SEED_JSON = (() => {
  const seed = parseTable(seedText());
  return allRequirements(seed).map((r) => [r.id, r.text, r.responsible.join("、"), r.deadline.kind]);
})();

describe("soil workbook / parse on hostile input", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "soil-hostile-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(HOSTILE_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const source = path.join(dir, c.file);
    writeFileSync(source, c.bytes());
    const out = path.join(dir, "out", "结果.xlsx");
    if ("refused" in c.outcome) {
      const result = await run("workbook", "--source", source, "--out", out);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/^错误：/);
      expect(result.err).toMatch(c.outcome.refused);
      expect(result.err).toMatch(/\n提示：.+/);
      expect(result.out).not.toContain("完成：");
      expect(readdirSync(dir)).toEqual([c.file]); // no output folder, no file
    } else {
      const result = await run("parse", source, "--json");
      expect(result.code).toBe(0);
      const json = JSON.parse(result.out);
      const requirements = json.tasks.flatMap((t: { requirements: { id: string; text: string; responsible: string[]; deadline: { kind: string } }[] }) =>
        t.requirements.map((r) => [r.id, r.text, r.responsible.join("、"), r.deadline.kind]),
      );
      expect(requirements).toEqual(SEED_JSON);
      if (c.outcome.warns) expect(result.out).toMatch(c.outcome.warns);
    }
    rmSync(source);
  });
});
