/**
 * Fuzzing with the seed's own fragments: random tables of the seed's tasks and requirements, laid out
 * the ways the document extraction does — page breaks (a blank line and the header repeated) at any
 * row, a requirement's text split across a break (with or without the character at the break written
 * twice) or onto a second row, CRLF line endings, stray blank lines, full-width digits in deadlines.
 * Whatever the layout, every requirement comes back once, whole, in order, with its departments and
 * deadline.
 */
import fc from "fast-check";
import { allRequirements, parseTable, Requirement, TABLE_HEADERS, Task } from "../../src/core";
import { seedTable } from "../doubles/tables";

const HEADER = TABLE_HEADERS.join("\t");
const HAN = /\p{Script=Han}/u;
const SPACE = /[\s\u3000]/;

/** Seed tasks with the requirements a clean row can carry (text and an assignment, no markup characters). */
const FRAGMENTS: Task[] = seedTable()
  .tasks.map((t) => ({ ...t, requirements: t.requirements.filter((r) => r.text !== "" && (r.responsibleRaw !== "" || r.deadline.raw !== "") && !/[<>&]/.test(r.text)) }))
  .filter((t) => t.requirements.length > 0);

type Split = { kind: "none" } | { kind: "row" | "break" | "break-repeat"; at: number };

interface Layout {
  tasks: { task: Task; requirements: Requirement[]; splits: Split[]; breaksAfter: boolean[] }[];
  eol: "\n" | "\r\n";
  blankLines: boolean;
  fullWidthDeadlines: boolean;
}

const split: fc.Arbitrary<Split> = fc.oneof(
  fc.constant({ kind: "none" } as const),
  fc.record({ kind: fc.constantFrom("row", "break", "break-repeat"), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

const layout: fc.Arbitrary<Layout> = fc
  .subarray(FRAGMENTS, { minLength: 1, maxLength: 6 })
  .chain((tasks) =>
    fc.record({
      tasks: fc.tuple(
        ...tasks.map((task) =>
          fc.subarray(task.requirements, { minLength: 1 }).chain((requirements) =>
            fc.record({
              task: fc.constant(task),
              requirements: fc.constant(requirements),
              splits: fc.array(split, { minLength: requirements.length, maxLength: requirements.length }),
              breaksAfter: fc.array(fc.boolean(), { minLength: requirements.length, maxLength: requirements.length }),
            }),
          ),
        ),
      ),
      eol: fc.constantFrom("\n" as const, "\r\n" as const),
      blankLines: fc.boolean(),
      fullWidthDeadlines: fc.boolean(),
    }),
  );

/**
 * Where a text can be cut: not next to white space (cells are trimmed) and, unless the extraction
 * repeated the character, not between two equal Han characters (the parser would take one for a repeat).
 */
function cutAt(text: string, s: Exclude<Split, { kind: "none" }>): number | null {
  const ok = (p: number) =>
    p >= 1 &&
    p < text.length &&
    !SPACE.test(text[p - 1]) &&
    !SPACE.test(text[p]) &&
    (s.kind === "break-repeat" ? HAN.test(text[p - 1]) : !(text[p - 1] === text[p] && HAN.test(text[p])));
  const start = Math.max(1, Math.min(text.length - 1, Math.floor(s.at * text.length)));
  for (let d = 0; d < text.length; d++) {
    if (ok(start + d)) return start + d;
    if (ok(start - d)) return start - d;
  }
  return null;
}

const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function render(l: Layout): string {
  const lines = [HEADER];
  const pageBreak = () => lines.push("", HEADER);
  for (const { task, requirements, splits, breaksAfter } of l.tasks) {
    requirements.forEach((r, k) => {
      const head = k === 0 ? [String(task.no), task.lead.join("、"), task.partners.join("、"), task.mainWork.replace(/\n/g, "<br/>")] : ["", "", "", ""];
      const deadline = l.fullWidthDeadlines ? fullWidth(r.deadline.raw) : r.deadline.raw;
      const s = splits[k];
      const at = s.kind === "none" ? null : cutAt(r.text, s);
      if (s.kind === "none" || at === null) {
        lines.push([...head, r.text, r.responsibleRaw, deadline].join("\t"));
      } else {
        lines.push([...head, r.text.slice(0, at), r.responsibleRaw, deadline].join("\t"));
        if (s.kind !== "row") pageBreak();
        lines.push(["", "", "", "", r.text.slice(s.kind === "break-repeat" ? at - 1 : at), "", ""].join("\t"));
      }
      if (l.blankLines && k % 3 === 1) lines.push("   ");
      if (breaksAfter[k]) pageBreak();
    });
  }
  return lines.join(l.eol) + l.eol;
}

describe("random tables from the seed's fragments", () => {
  test("no requirement text is lost, cut, doubled or moved, whatever the page breaks and splits", () => {
    fc.assert(
      fc.property(layout, (l) => {
        const parsed = parseTable(render(l));
        const got = allRequirements(parsed).map((r) => ({ task: r.taskNo, text: r.text, responsible: r.responsible, kind: r.deadline.kind, date: r.deadline.date }));
        const want = l.tasks.flatMap(({ task, requirements }) =>
          requirements.map((r) => ({ task: task.no, text: r.text, responsible: r.responsible, kind: r.deadline.kind, date: r.deadline.date })),
        );
        expect(got).toEqual(want);
        const ids = allRequirements(parsed).map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        // Errors would mean something was not read.
        expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });

  test("the generator does split: most runs cut some text across a break", () => {
    const samples = fc.sample(layout, { numRuns: 50, seed: 7 });
    const cut = samples.filter((l) => l.tasks.some((t) => t.splits.some((s, k) => s.kind !== "none" && cutAt(t.requirements[k].text, s) !== null)));
    expect(cut.length).toBeGreaterThan(25);
  });
});
