/**
 * Security properties: source text never becomes a formula in either writer (the pane's Office.js
 * writes through the Excel double, the portable .xlsx through exceljs); no HTML injection or code
 * evaluation in src/; the manifest asks for the lowest permission that works and loads only https.
 * (The task pane's content security policy belongs to the deploy work: taskpane.html and the server.)
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { dayFromIso, parseDeadline, ParsedTable, resolveDepartments, SHEETS } from "../../src/core";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { FakeWorkbook } from "../doubles/fakeExcel";
import { soilEvaluator } from "../doubles/soilEvaluator";
import { syntheticTable } from "../doubles/tables";

const ROOT = path.resolve(__dirname, "../..");
const AS_OF = dayFromIso("2018-12-20")!;
const MARK = "SOILX";

/** Text that a spreadsheet would take for a formula, with a marker that no formula of SOIL contains. */
const hostileText = fc
  .tuple(fc.constantFrom("=", "+", "-", "@", "=HYPERLINK(\"http://x.invalid\",\"", "=cmd|' /C calc'!A0", "'=", "=1+1,"), fc.string({ maxLength: 12 }))
  .map(([prefix, rest]) => `${prefix}${rest.replace(/[\t\r\n]/g, " ")}${MARK}`);

/** A 5-requirement table whose every source text field is hostile. */
const hostileTable = fc.array(hostileText, { minLength: 20, maxLength: 20 }).map((texts): ParsedTable => {
  const table = syntheticTable(5);
  let k = 0;
  for (const task of table.tasks) {
    task.mainWork = task.title = texts[k++];
    task.requirements = task.requirements.map((r) => {
      const responsibleRaw = texts[k++ % texts.length];
      return { ...r, text: texts[k++ % texts.length], responsibleRaw, responsible: resolveDepartments(responsibleRaw).names, deadline: parseDeadline(texts[k++ % texts.length]) };
    });
  }
  return { ...table, departments: [...new Set(table.tasks.flatMap((t) => t.requirements.flatMap((r) => r.responsible)))] };
});

const sourceTexts = (t: ParsedTable) => t.tasks.flatMap((task) => task.requirements.flatMap((r) => [r.text, ...r.responsible, r.deadline.raw, task.title].filter((s) => s.includes(MARK))));

describe("no source text becomes a formula", () => {
  test("portable .xlsx (exceljs): every formula free of source text; source texts stored as strings", () => {
    fc.assert(
      fc.property(hostileTable, (table) => {
        const workbook = buildWorkbook(table, { asOf: AS_OF });
        const strings = new Set<string>();
        let formulas = 0;
        workbook.eachSheet((sheet) =>
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              const v = cell.value as unknown;
              if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
                formulas++;
                expect(JSON.stringify(v)).not.toContain(MARK);
              } else if (typeof v === "string") strings.add(v);
              else if (v && typeof v === "object" && "richText" in v) throw new Error("rich text written");
            }),
          ),
        );
        expect(formulas).toBeGreaterThan(5 * 3); // the computed columns are there
        for (const text of sourceTexts(table)) expect(strings.has(text) || [...strings].some((s) => s.includes(text))).toBe(true);
        // Data validation and conditional formats are formulas too.
        const tasks = workbook.getWorksheet(SHEETS.tasks)!;
        expect(JSON.stringify((tasks as unknown as { conditionalFormattings: unknown }).conditionalFormattings ?? [])).not.toContain(MARK);
        expect(JSON.stringify((tasks as unknown as { dataValidations: unknown }).dataValidations ?? {})).not.toContain(MARK);
      }),
      { numRuns: 40 },
    );
  });

  test("the add-in (Office.js through the Excel double): no formula, rule or validation holds source text; text cells are text-formatted", async () => {
    await fc.assert(
      fc.asyncProperty(hostileTable, async (table) => {
        const book = new FakeWorkbook({ evaluator: soilEvaluator, apiVersion: "1.17" });
        await createExcelActions(book.run, detectFeatures(book.isSetSupported)).populate(table, AS_OF);
        const values = new Set<string>();
        let formulas = 0;
        for (const sheet of book.sheets) {
          for (const row of sheet.cells.values()) {
            for (const cell of row.values()) {
              if (cell.formula) {
                formulas++;
                expect(cell.formula).not.toContain(MARK);
              }
              if (typeof cell.value === "string" && cell.value.includes(MARK)) {
                expect(cell.numberFormat).toBe("@");
                values.add(cell.value);
              }
            }
          }
          expect(JSON.stringify([sheet.conditionalFormats, sheet.validations, sheet.charts])).not.toContain(MARK);
        }
        expect(formulas).toBeGreaterThan(5 * 3);
        for (const text of sourceTexts(table)) expect([...values].some((s) => s.includes(text))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.(tsx?|jsx?|html)$/.test(e.name) ? [full] : [];
  });
}

/** Ways to turn a string into markup or code. */
const FORBIDDEN: [string, RegExp][] = [
  ["dangerouslySetInnerHTML", /dangerouslySetInnerHTML/],
  ["innerHTML / outerHTML", /\.(?:inner|outer)HTML\b/],
  ["insertAdjacentHTML", /insertAdjacentHTML/],
  ["document.write", /document\.write(?:ln)?\s*\(/],
  ["eval", /(?<![\w.])eval\s*\(/],
  ["new Function", /new\s+Function\s*\(/],
  ["string timer", /set(?:Timeout|Interval)\s*\(\s*["'`]/],
];

describe("no HTML injection or code evaluation in src/", () => {
  const files = sourceFiles(path.join(ROOT, "src"));

  test("the scan sees the whole source tree and would catch each pattern", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith("App.tsx"))).toBe(true);
    const samples = ["<div dangerouslySetInnerHTML={{ __html: x }} />", "el.innerHTML = x", "el.insertAdjacentHTML('beforeend', x)", "document.write(x)", "eval(x)", "new Function('a', x)", "setTimeout('x()', 1)"];
    FORBIDDEN.forEach(([, re], i) => expect(samples[i]).toMatch(re));
    expect("evaluate(x); model.evaluator.evaluate(f)").not.toMatch(FORBIDDEN[4][1]);
  });

  test.each(FORBIDDEN)("no %s", (_name, re) => {
    const hits = files.flatMap((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => [`${path.relative(ROOT, f)}:${i + 1}`, line] as const)
        .filter(([, line]) => re.test(line)),
    );
    expect(hits).toEqual([]);
  });
});

describe("manifest.xml", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  // webpack.config.js rewrites the manifest for production; that output is checked too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { rewriteManifest } = require(path.join(ROOT, "webpack.config.js")) as { rewriteManifest(xml: string, url: string): string };
  const prod = rewriteManifest(xml, "https://soil.example.gov.cn/addin/");

  test("asks for ReadWriteDocument, the lowest permission that lets the pane write cells", () => {
    expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
  });

  test.each([
    ["development", xml],
    ["production", prod],
  ])("%s: every URL it loads is https", (_name, text) => {
    const body = text.replace(/<!--[\s\S]*?-->/g, "");
    const namespaces = [...body.matchAll(/xmlns(?::\w+)?="([^"]*)"/g)].map((m) => m[1]);
    const urls = [...body.matchAll(/(?:DefaultValue|Value)="([a-z]+:[^"]*)"|<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1] ?? m[2]);
    const loose = [...body.matchAll(/\b(https?|ftp|file):\/\/[^"<\s]*/g)].map((m) => m[0]).filter((u) => !namespaces.includes(u) && !u.startsWith("http://www.w3.org/"));
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    expect(loose.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });
});
