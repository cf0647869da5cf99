/** 督办规则 in core: the cadence read by the report deadlines, feedback lateness and the rounds. */
import {
  cadenceFromCells,
  cadenceText,
  DEFAULT_CADENCE,
  DEFAULT_RULES,
  dayFromIso,
  feedbackRound,
  isFeedbackLate,
  isoFromDay,
  lastReportDeadline,
  nextReportDeadline,
  planYearFromCell,
  previousReportDeadline,
  roundProgress,
} from "../../src/core";

const d = (iso: string) => dayFromIso(iso)!;
const MONTHLY_28 = { cadence: "monthly", day: 28 } as const;

describe("defaults are the bundled plan's, from presets/rules/default.json", () => {
  test("quarterly by the 10th, 30 days due soon", () => {
    expect(DEFAULT_RULES).toMatchObject({ cadence: "quarterly", day: 10, dueSoonDays: 30 });
    expect(isoFromDay(nextReportDeadline(d("2018-06-20")))).toBe("2018-07-10");
    expect(isoFromDay(nextReportDeadline(d("2018-06-20"), DEFAULT_CADENCE))).toBe("2018-07-10");
    expect(cadenceText(DEFAULT_CADENCE)).toBe("每季度首月10日前（1月、4月、7月、10月）");
  });
});

describe("a monthly cadence by the 28th", () => {
  test.each([
    ["2019-03-05", "2019-03-28", "2019-02-28", "2019-01-28"],
    ["2019-03-28", "2019-03-28", "2019-02-28", "2019-01-28"],
    ["2019-03-29", "2019-04-28", "2019-03-28", "2019-02-28"],
    ["2019-12-30", "2020-01-28", "2019-12-28", "2019-11-28"],
    ["2019-01-10", "2019-01-28", "2018-12-28", "2018-11-28"],
  ])("as of %s: next %s, last %s, the one before %s", (asOf, next, last, before) => {
    expect(isoFromDay(nextReportDeadline(d(asOf), MONTHLY_28))).toBe(next);
    expect(isoFromDay(lastReportDeadline(d(asOf), MONTHLY_28))).toBe(last);
    expect(isoFromDay(previousReportDeadline(lastReportDeadline(d(asOf), MONTHLY_28), MONTHLY_28))).toBe(before);
  });

  test("feedback is late once a month's 28th passes without a report since the 28th before", () => {
    const asOf = d("2019-03-29");
    expect(isFeedbackLate(d("2019-03-01"), asOf, false, MONTHLY_28)).toBe(false); // reported for March
    expect(isFeedbackLate(d("2019-02-28"), asOf, false, MONTHLY_28)).toBe(true); // last report before the window
    expect(isFeedbackLate(null, asOf, false, MONTHLY_28)).toBe(true);
    expect(isFeedbackLate(null, asOf, true, MONTHLY_28)).toBe(false);
    // Under the default quarterly rule the same February report is on time.
    expect(isFeedbackLate(d("2019-02-28"), asOf)).toBe(false);
  });

  test("the round is the month's: deadline, window, label, departments' state", () => {
    const round = feedbackRound(d("2019-03-20"), MONTHLY_28);
    expect(round).toMatchObject({ label: "2019年3月", deadline: d("2019-03-28"), windowAfter: d("2019-02-28"), daysLeft: 8, open: true });
    const progress = roundProgress(
      [
        { id: "1.1", text: "甲", responsible: ["市生态环境局"], completed: false, lastFeedback: d("2019-03-01") },
        { id: "1.2", text: "乙", responsible: ["市生态环境局"], completed: false, lastFeedback: d("2019-02-27") },
      ],
      d("2019-03-29"),
      MONTHLY_28,
    );
    // The 29th: March's round closed on the 28th; a report of 1 March counts, one of 27 February does not.
    expect(progress.round).toMatchObject({ label: "2019年3月", deadline: d("2019-03-28"), open: false });
    expect(progress.departments[0]).toMatchObject({ department: "市生态环境局", owing: 2, updated: 1, missing: ["1.2"], state: "逾期未反馈" });
  });
});

describe("half-yearly and yearly", () => {
  test("deadlines in January and July, or January only", () => {
    expect(isoFromDay(nextReportDeadline(d("2019-03-01"), { cadence: "half-yearly", day: 15 }))).toBe("2019-07-15");
    expect(isoFromDay(lastReportDeadline(d("2019-03-01"), { cadence: "half-yearly", day: 15 }))).toBe("2019-01-15");
    expect(isoFromDay(nextReportDeadline(d("2019-03-01"), { cadence: "yearly", day: 20 }))).toBe("2020-01-20");
    expect(feedbackRound(d("2019-08-01"), { cadence: "half-yearly", day: 15 }).label).toBe("2019年下半年");
  });
});

describe("cadence cells", () => {
  test("blank takes the default, labels and codes read, a day past the 28th refused", () => {
    expect(cadenceFromCells("", null)).toEqual(DEFAULT_CADENCE);
    expect(cadenceFromCells("每月", 28)).toEqual(MONTHLY_28);
    expect(cadenceFromCells("monthly", "28")).toEqual(MONTHLY_28);
    expect(cadenceFromCells("每半年", 10)).toEqual({ cadence: "half-yearly", day: 10 });
    expect(cadenceFromCells("每月", 31)).toBeNull();
    expect(cadenceFromCells("每两周", 1)).toBeNull();
  });
});

describe("方案年份 cell", () => {
  test("a four-digit year as a number or text (with 年) reads; anything else is no year", () => {
    expect(planYearFromCell(2019)).toBe(2019);
    expect(planYearFromCell(" 2019 ")).toBe(2019);
    expect(planYearFromCell("2019年")).toBe(2019);
    for (const v of [null, undefined, "", "明年", 2019.5, "19", 1999, "20190", true]) expect(planYearFromCell(v)).toBeNull();
  });
});
