import fc from "fast-check";
import {
  Day,
  dayFromIso,
  daysLeft,
  Deadline,
  dueStatus,
  DUE_STATUSES,
  isFeedbackLate,
  isoFromDay,
  lastReportDeadline,
  nextReportDeadline,
  parseDeadline,
} from "../../src/core";

const d = (iso: string): Day => dayFromIso(iso)!;
const status = (deadline: string, asOf: string, extra: { progress?: string; completedOn?: string; dueSoonDays?: number } = {}) =>
  dueStatus({
    deadline: parseDeadline(deadline),
    asOf: d(asOf),
    progress: extra.progress,
    completedOn: extra.completedOn ? d(extra.completedOn) : null,
    dueSoonDays: extra.dueSoonDays,
  });

describe("dueStatus", () => {
  test.each([
    ["2018年底", "2018-12-31", "临期"], // the due day itself is not overdue
    ["2018年底", "2019-01-01", "已逾期"],
    ["2018年底", "2018-12-01", "临期"], // exactly 30 days left
    ["2018年底", "2018-11-30", "按期推进"], // 31 days left
    ["2020年2月", "2020-02-29", "临期"], // leap day deadline
    ["2020年2月", "2020-03-01", "已逾期"],
    ["2017年起", "2016-12-31", "未到期"],
    ["2017年起", "2017-01-01", "持续推进"],
    ["持续推进", "2030-01-01", "持续推进"],
    ["", "2018-01-01", "时限待定"],
    ["尽快", "2018-01-01", "时限待定"],
  ])("%s on %s → %s", (deadline, asOf, expected) => {
    expect(status(deadline, asOf)).toBe(expected);
  });

  test("已完成 wins over everything; a completion date counts from its day", () => {
    expect(status("2018年底", "2019-06-01", { progress: "已完成" })).toBe("已完成");
    expect(status("2018年底", "2019-06-01", { completedOn: "2019-05-01" })).toBe("已完成");
    expect(status("2018年底", "2019-06-01", { completedOn: "2019-07-01" })).toBe("已逾期");
    expect(status("持续推进", "2019-06-01", { progress: " 已完成 " })).toBe("已完成");
    expect(status("2018年底", "2019-06-01", { progress: "推进中" })).toBe("已逾期");
  });

  test("the due-soon window is configurable", () => {
    expect(status("2018年底", "2018-12-10", { dueSoonDays: 7 })).toBe("按期推进");
    expect(status("2018年底", "2018-12-24", { dueSoonDays: 7 })).toBe("临期");
  });

  test("daysLeft counts whole days, negative once overdue, null without a due day", () => {
    expect(daysLeft(parseDeadline("2018年底"), d("2018-12-01"))).toBe(30);
    expect(daysLeft(parseDeadline("2018年底"), d("2019-01-02"))).toBe(-2);
    expect(daysLeft(parseDeadline("持续推进"), d("2019-01-02"))).toBeNull();
    expect(daysLeft(parseDeadline("2017年起"), d("2019-01-02"))).toBeNull();
  });

  const deadlineArb: fc.Arbitrary<Pick<Deadline, "kind" | "date">> = fc.oneof(
    fc.integer({ min: 0, max: 40000 }).map((date) => ({ kind: "by" as const, date })),
    fc.integer({ min: 0, max: 40000 }).map((date) => ({ kind: "from" as const, date })),
    fc.constantFrom({ kind: "ongoing" as const, date: null }, { kind: "none" as const, date: null }, { kind: "unknown" as const, date: null }),
  );

  test("property: a status is always one of the seven, and time only moves a `by` deadline forward", () => {
    const order = ["按期推进", "临期", "已逾期"];
    fc.assert(
      fc.property(deadlineArb, fc.integer({ min: 0, max: 40000 }), fc.integer({ min: 0, max: 400 }), (deadline, asOf, later) => {
        const now = dueStatus({ deadline, asOf });
        const then = dueStatus({ deadline, asOf: asOf + later });
        expect(DUE_STATUSES).toContain(now);
        if (deadline.kind === "by") expect(order.indexOf(then)).toBeGreaterThanOrEqual(order.indexOf(now));
        if (deadline.kind === "from" && now === "持续推进") expect(then).toBe("持续推进");
        expect(dueStatus({ deadline, asOf, progress: "已完成" })).toBe("已完成");
        const left = daysLeft(deadline, asOf);
        if (left !== null) expect(now === "已逾期").toBe(left < 0);
      }),
    );
  });
});

describe("quarterly feedback", () => {
  test.each([
    ["2018-01-01", "2018-01-10", "2017-10-10"],
    ["2018-01-10", "2018-01-10", "2017-10-10"], // the deadline day itself: still due, not yet missed
    ["2018-01-11", "2018-04-10", "2018-01-10"],
    ["2018-04-10", "2018-04-10", "2018-01-10"],
    ["2018-07-11", "2018-10-10", "2018-07-10"],
    ["2018-10-11", "2019-01-10", "2018-10-10"],
    ["2018-12-31", "2019-01-10", "2018-10-10"],
    ["2020-02-29", "2020-04-10", "2020-01-10"],
  ])("on %s the next deadline is %s and the last passed one %s", (asOf, next, last) => {
    expect(isoFromDay(nextReportDeadline(d(asOf)))).toBe(next);
    expect(isoFromDay(lastReportDeadline(d(asOf)))).toBe(last);
  });

  test("feedback is late when nothing was reported since the deadline before the last one", () => {
    const asOf = d("2018-11-28"); // last deadline 2018-10-10, the one before 2018-07-10
    expect(isFeedbackLate(null, asOf)).toBe(true);
    expect(isFeedbackLate(d("2018-07-10"), asOf)).toBe(true);
    expect(isFeedbackLate(d("2018-07-11"), asOf)).toBe(false);
    expect(isFeedbackLate(d("2018-10-10"), asOf)).toBe(false);
    expect(isFeedbackLate(d("2018-11-01"), asOf)).toBe(false);
    expect(isFeedbackLate(null, asOf, true)).toBe(false);
  });

  test("property: next ≥ as-of > last, both the 10th of a quarter's first month, one quarter apart at most", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50000 }), (asOf) => {
        const next = nextReportDeadline(asOf);
        const last = lastReportDeadline(asOf);
        expect(next).toBeGreaterThanOrEqual(asOf);
        expect(last).toBeLessThan(asOf);
        for (const day of [next, last]) expect(isoFromDay(day)).toMatch(/-(01|04|07|10)-10$/);
        expect(next - last).toBeLessThanOrEqual(92);
        expect(isFeedbackLate(asOf, asOf)).toBe(false);
      }),
    );
  });
});
