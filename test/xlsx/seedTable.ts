/** Tables the xlsx tests write: the bundled seed and a fixture of formula-looking requirement texts. */
import { readFileSync } from "fs";
import path from "path";
import { parseTable } from "../../src/core/parseTable";
import { ParsedTable } from "../../src/core/model";

const ROOT = path.resolve(__dirname, "../..");
export const SEED_FILE = path.join(ROOT, "seeds/000_7e4df876dfec5136.txt");
export const FORMULA_TEXT_FILE = path.join(__dirname, "fixtures/formula-text.txt");

export function readTable(file: string): ParsedTable {
  return parseTable(readFileSync(file, "utf8"));
}
