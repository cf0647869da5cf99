/**
 * Formula evaluation for the Excel double: the SOIL.* custom functions as the shared runtime would
 * compute them (the same evaluate.ts the functions wrap), plus IFERROR around them. Arguments are
 * cell references ('说明'!$B$2, $A2:$K2) or SoilTasks[#All]. Anything else reads as #NAME?.
 */
import { daysLeftOf, feedbackLateOf, nextReportOf, statusOf, summaryOf } from "../../src/functions/evaluate";
import { Box, FakeWorkbook, FormulaEvaluator, parseAddress } from "./fakeExcel";

class ExcelErrorValue extends Error {
  constructor(readonly excelError: string) {
    super(excelError);
  }
}

type Fn = (args: unknown[]) => unknown;
/** Which arguments are ranges (matrices, as in functions.json); the rest are single cells. */
const FUNCTIONS: Record<string, { matrixArgs: number[]; fn: Fn }> = {
  STATUS: { matrixArgs: [0], fn: ([row, asOf, soon]) => statusOf(row, asOf, soon) },
  DAYSLEFT: { matrixArgs: [0], fn: ([row, asOf]) => daysLeftOf(row, asOf) },
  FEEDBACKLATE: { matrixArgs: [0], fn: ([row, asOf]) => feedbackLateOf(row, asOf) },
  SUMMARY: { matrixArgs: [0, 3, 4], fn: ([table, asOf, soon, status, late]) => summaryOf(table, asOf, soon, status, late) },
  NEXTREPORT: { matrixArgs: [], fn: ([asOf]) => nextReportOf(asOf) },
};

/**
 * Excel limits what one custom-function call is handed to 5 MB ("by design", office-js #4654); above it the
 * function is not called (large matrices have also been reported stuck at #BUSY! on the web, office-js #2786).
 * The double answers #VALUE! and records the size; measured as the UTF-8 JSON of the values.
 */
export const CUSTOM_FUNCTION_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export function argumentBytes(values: unknown): number {
  return new TextEncoder().encode(JSON.stringify(values)).length;
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"' || ch === "'") quoted = !quoted;
    if (!quoted && (ch === "(" || ch === "[")) depth++;
    if (!quoted && (ch === ")" || ch === "]")) depth--;
    if (!quoted && depth === 0 && ch === ",") {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") out.push(current.trim());
  return out;
}

function reference(book: FakeWorkbook, text: string, sheetName: string): { sheet: string; box: Box } {
  const structured = /^(\w+)\[#All\]$/.exec(text);
  if (structured) {
    const table = book.table(structured[1]);
    if (!table) throw new ExcelErrorValue("#REF!");
    return { sheet: table.sheet.name, box: table.box };
  }
  // One column with its header: SoilTasks[[#All],[责任单位]].
  const column = /^(\w+)\[\[#All\],\[([^\]]+)\]\]$/u.exec(text);
  if (column) {
    const table = book.table(column[1]);
    if (!table) throw new ExcelErrorValue("#REF!");
    const { box } = table;
    for (let c = box.c1; c <= box.c2; c++) {
      if (book.valueAt(table.sheet, box.r1, c) === column[2]) return { sheet: table.sheet.name, box: { ...box, c1: c, c2: c } };
    }
    throw new ExcelErrorValue("#REF!");
  }
  const parsed = parseAddress(text);
  return { sheet: parsed.sheet ?? sheetName, box: parsed.box };
}

function argument(book: FakeWorkbook, text: string, sheetName: string, matrix: boolean): unknown {
  if (/^".*"$/.test(text)) return text.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const ref = reference(book, text, sheetName);
  const sheet = book.sheet(ref.sheet);
  if (!sheet) throw new ExcelErrorValue("#REF!");
  const values = book.valuesOf(sheet, ref.box);
  if (!matrix) return values[0][0];
  const bytes = argumentBytes(values);
  book.customFunctionArguments.push(bytes);
  if (bytes > CUSTOM_FUNCTION_PAYLOAD_LIMIT) throw new ExcelErrorValue("#VALUE!");
  return values;
}

function call(book: FakeWorkbook, expression: string, sheetName: string): unknown {
  const iferror = /^IFERROR\((.*),"(.*)"\)$/s.exec(expression);
  if (iferror) {
    try {
      const value = call(book, iferror[1], sheetName);
      return typeof value === "string" && value.startsWith("#") ? iferror[2] : value;
    } catch {
      return iferror[2];
    }
  }
  const m = /^SOIL\.([^(]+)\((.*)\)$/su.exec(expression);
  const spec = m && FUNCTIONS[m[1]];
  // Not registered (SharePoint catalog, metadata not loaded, a host that only reports the set): unknown names.
  if (!m || !spec || !book.soilFunctionsRegistered) throw new ExcelErrorValue("#NAME?");
  const args = splitArgs(m[2]).map((a, i) => (a === "" ? null : argument(book, a, sheetName, spec.matrixArgs.includes(i))));
  try {
    return spec.fn(args);
  } catch (error) {
    const kind = (error as { kind?: string }).kind;
    throw new ExcelErrorValue(kind === "notAvailable" ? "#N/A" : "#VALUE!");
  }
}

export const soilEvaluator: FormulaEvaluator = {
  evaluate(formula, at, book) {
    return call(book, formula.replace(/^=/, ""), at.sheet);
  },
  spills: (formula) => /^=SOIL\.SUMMARY\(/.test(formula),
};
