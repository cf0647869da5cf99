/** The parser never throws, and what it reads from well-formed rows survives intact. */
import fc from "fast-check";
import { allRequirements, parseTable, TABLE_HEADERS } from "../../src/core";

const HEADER = TABLE_HEADERS.join("\t");

describe("parseTable on arbitrary input", () => {
  test("never throws on arbitrary text, and every diagnostic has a line inside the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const t = parseTable(text);
        const lines = text.split(/\r\n|\n|\r/).length;
        for (const d of t.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
        for (const d of t.diagnostics) expect(d.line).toBeLessThanOrEqual(lines);
      }),
      { numRuns: 300 },
    );
  });

  const cell = fc.oneof(
    fc.constantFrom("", "市环境保护局牵头", "2018年底", "持续推进", "<p>", "（一）标题。", "1", "序号"),
    fc.string({ unit: "grapheme", maxLength: 12 }),
  );
  test("never throws on arbitrary tab-separated rows around a header", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: 9 }), { maxLength: 30 }), (rows) => {
        const text = [HEADER, ...rows.map((r) => r.join("\t"))].join("\n");
        const t = parseTable(text);
        const ids = allRequirements(t).map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });

  const plainText = fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[\t\r\n<>]/g, "").trim() || "内容");
  test("well-formed requirement rows come back one for one, text intact", () => {
    fc.assert(
      fc.property(fc.array(plainText, { minLength: 1, maxLength: 15 }), (texts) => {
        const unique = [...new Set(texts)];
        const rows = unique.map((text, i) => [i === 0 ? "1" : "", i === 0 ? "市环境保护局" : "", "", i === 0 ? "（一）任务。" : "", text, "市财政局牵头", "2020年"].join("\t"));
        const t = parseTable([HEADER, ...rows].join("\n"));
        expect(allRequirements(t).map((r) => r.text)).toEqual(unique);
      }),
      { numRuns: 200 },
    );
  });
});

test("quotes inside requirement texts are not read as Excel's quoting when the quoted span holds a tab (found by the property above)", () => {
  const texts = ['"', '#"', "内容"];
  const rows = texts.map((text, i) => [i === 0 ? "1" : "", i === 0 ? "市环境保护局" : "", "", i === 0 ? "（一）任务。" : "", text, "市财政局牵头", "2020年"].join("\t"));
  const t = parseTable([HEADER, ...rows].join("\n"));
  expect(allRequirements(t).map((r) => r.text)).toEqual(texts);
});
