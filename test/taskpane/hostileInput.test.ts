/**
 * Hostile input through the task pane's path: the chosen file is read by readSourceFile (the code the
 * pane runs), parsed, and handed to the real populate action over the Excel double. Refused cases
 * reject with the Chinese message before any request reaches Excel; the others write the 195 rows.
 */
import { dayFromIso, SHEETS, TASK_TABLE } from "../../src/core";
import { parseSource } from "../../src/sources/tableSource";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { describeError } from "../../src/taskpane/excel/errors";
import { detectFeatures } from "../../src/taskpane/excel/requirements";
import { readSourceFile } from "../../src/taskpane/source/readSource";
import { FakeWorkbook } from "../doubles/fakeExcel";
import { HOSTILE_CASES } from "../doubles/hostileInputs";
import { soilEvaluator } from "../doubles/soilEvaluator";

const AS_OF = dayFromIso("2018-06-20")!;

describe("task pane: a hostile file writes nothing, a good one in an odd shape writes the table", () => {
  test.each(HOSTILE_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const book = new FakeWorkbook({ evaluator: soilEvaluator, apiVersion: "1.17" });
    const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
    const attempt = async () => actions.populate(parseSource(await readSourceFile(c.file, new Uint8Array(c.bytes()))), AS_OF);
    if ("refused" in c.outcome) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      const shown = describeError(error);
      expect(shown.message).toMatch(c.outcome.refused);
      expect(shown.hint).toMatch(/请/);
      expect(book.syncCount).toBe(0);
      expect(book.sheets).toHaveLength(0);
    } else {
      // The preview's diagnostics say what was found (invisible characters …).
      if (c.outcome.warns) expect(parseSource(await readSourceFile(c.file, new Uint8Array(c.bytes()))).diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(c.outcome.warns));
      await expect(attempt()).resolves.toMatchObject({ kind: "created", rows: 195 });
      expect(book.table(TASK_TABLE)!.box.r2).toBe(196);
      expect(book.sheet(SHEETS.tasks)).toBeDefined();
    }
  });

  test("re-import is gated the same way", async () => {
    const book = new FakeWorkbook({ evaluator: soilEvaluator, apiVersion: "1.17" });
    const actions = createExcelActions(book.run, detectFeatures(book.isSetSupported));
    const other = HOSTILE_CASES.find((c) => c.name.includes("another plan"))!;
    await expect(actions.reimport(parseSource({ kind: "text", text: other.bytes().toString("utf8") }), AS_OF)).rejects.toThrow(/另一份方案/);
    expect(book.syncCount).toBe(0);
  });
});
