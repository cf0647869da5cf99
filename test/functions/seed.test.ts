/**
 * Every requirement of the seed table, at several as-of dates, through the SOIL.* functions exactly as
 * Excel passes the task sheet (rows A..K, serials for dates) — the answers must be the domain core's.
 */
import {
  columnIndex,
  daysLeft as coreDaysLeft,
  Day,
  dueStatus,
  isCompleted,
  isFeedbackLate,
  ROW_INPUT_WIDTH,
  serialFromDay,
  summarizeByDepartment,
  SUMMARY_HEADERS,
  summaryRow,
  TASK_HEADERS,
} from "../../src/core";
import * as soil from "../../src/functions/functions";
import { cellResult, installCustomFunctions } from "./fakeCustomFunctions";
import { day, seedSheet, SheetRow, tableRange } from "./fixtures";

installCustomFunctions();

const sheet = seedSheet();
const AS_OF = ["2017-12-31", "2018-01-10", "2018-06-30", "2018-12-01", "2018-12-31", "2019-01-11", "2020-12-31", "2021-01-01"];

/** `$A2:$K2` as Excel passes it. */
const rowRange = (r: SheetRow) => [r.cells.slice(0, ROW_INPUT_WIDTH)];

function coreStatus(r: SheetRow, asOf: Day, dueSoonDays?: number) {
  return dueStatus({ deadline: r.requirement.deadline, progress: r.inputs.progress, completedOn: r.inputs.completedOn, asOf, dueSoonDays });
}

function coreFeedbackLate(r: SheetRow, asOf: Day) {
  return isFeedbackLate(r.inputs.lastFeedback, asOf, isCompleted(r.inputs.progress, r.inputs.completedOn, asOf));
}

test("the seed sheet has the 195 requirements and every due status occurs", () => {
  expect(sheet).toHaveLength(195);
  const seen = new Set(AS_OF.flatMap((iso) => sheet.map((r) => coreStatus(r, day(iso)))));
  expect([...seen].sort()).toEqual(["临期", "已完成", "已逾期", "持续推进", "按期推进", "时限待定", "未到期"].sort());
});

describe.each(AS_OF)("as of %s", (iso) => {
  const asOf = day(iso);
  const asOfSerial = serialFromDay(asOf);

  test("STATUS, OVERDUE, DAYSLEFT and FEEDBACKLATE agree with the core on every row", () => {
    for (const r of sheet) {
      const row = rowRange(r);
      const status = coreStatus(r, asOf);
      expect([r.requirement.id, soil.status(row, asOfSerial, null)]).toEqual([r.requirement.id, status]);
      expect(soil.status(row, asOfSerial, 45)).toBe(coreStatus(r, asOf, 45));
      expect(soil.overdue(row, asOfSerial)).toBe(status === "已逾期");
      const days = coreDaysLeft(r.requirement.deadline, asOf);
      expect(cellResult(() => soil.daysLeft(row, asOfSerial))).toEqual(days ?? expect.objectContaining({ error: "#N/A" }));
      expect(soil.feedbackLate(row, asOfSerial)).toBe(coreFeedbackLate(r, asOf));
    }
  });

  test("the as-of date as text gives the same answers as the serial", () => {
    for (const r of sheet.slice(0, 40)) expect(soil.status(rowRange(r), iso, null)).toBe(soil.status(rowRange(r), asOfSerial, null));
  });

  test("SUMMARY equals the core's per-department summary, and DEPTSUMMARY each of its rows", () => {
    const expected = summarizeByDepartment(
      sheet.map((r) => ({ responsible: r.requirement.responsible, status: coreStatus(r, asOf), feedbackLate: coreFeedbackLate(r, asOf) })),
    );
    const table = tableRange(sheet);
    const got = soil.summary(table, asOfSerial, null);
    expect(got).toEqual([[...SUMMARY_HEADERS], ...expected.departments.map(summaryRow), summaryRow(expected.total)]);
    for (const d of expected.departments) {
      expect(soil.deptSummary(table, d.department, asOfSerial, null)).toEqual([summaryRow(d).slice(1)]);
    }
  });
});

test("DUEDATE and DEPTS on every seed row's 完成时限 and 责任单位 cells", () => {
  for (const r of sheet) {
    const { deadline, responsible } = r.requirement;
    const due = cellResult(() => soil.dueDate(r.cells[columnIndex("deadlineRaw")]));
    if (deadline.kind === "by") expect(due).toBe(serialFromDay(deadline.date as Day));
    else expect(due).toEqual(expect.objectContaining({ error: "#N/A" }));
    const depts = cellResult(() => soil.depts(r.cells[columnIndex("responsible")]));
    if (responsible.length > 0) expect(depts).toEqual(responsible.map((name) => [name]));
    else expect(depts).toEqual(expect.objectContaining({ error: "#N/A" }));
  }
});

test("the whole row (A:P, computed cells included) reads like A:K", () => {
  for (const r of sheet.slice(0, 30)) {
    expect(soil.status([r.cells], 43465, null)).toBe(soil.status(rowRange(r), 43465, null));
  }
});

test("SUMMARY finds columns by header: reordered and inserted columns give the same table", () => {
  const table = tableRange(sheet);
  // Reverse the columns and insert a column of notes in front.
  const reordered = table.map((row, i) => [i === 0 ? "备注" : `n${i}`, ...[...row].reverse()]);
  expect(soil.summary(reordered, 43465, null)).toEqual(soil.summary(table, 43465, null));
  expect(TASK_HEADERS.length).toBe(table[0].length);
});

test("blank rows in the table (a range larger than the table, \"\" or 0 cells) are skipped", () => {
  const table = tableRange(sheet);
  const blank = table[0].map(() => "");
  const desktopBlank = table[0].map(() => 0); // Excel on the desktop passes empty cells as 0
  expect(soil.summary([...table, blank, desktopBlank], 43465, null)).toEqual(soil.summary(table, 43465, null));
});
