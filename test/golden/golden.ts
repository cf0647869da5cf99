/** Golden files: expected output stored beside the fixture; UPDATE_GOLDEN=1 rewrites them for review. */
import { existsSync, readFileSync, writeFileSync } from "fs";

export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    if (process.env.CI) throw new Error(`golden file ${file} is missing; run UPDATE_GOLDEN=1 npx jest locally and review it`);
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}
