/** Tables the xlsx tests write: the bundled seed and a fixture of formula-looking requirement texts. */
import { readFileSync } from "fs";
import path from "path";
import { parseTable } from "../../src/core/parseTable";
import { ParsedTable } from "../../src/core/model";

export { BUNDLED_SOURCE as SEED_FILE } from "../../src/cli/source";
export const FORMULA_TEXT_FILE = path.join(__dirname, "fixtures/formula-text.txt");

export function readTable(file: string): ParsedTable {
  return parseTable(readFileSync(file, "utf8"));
}
