/** The quarters the pane offers for a report come from the table's own deadlines (a plan fact, not a constant). */
import { dayFromIso, feedbackRound, feedbackRoundLabel, parseTable, quarterCode, reportQuarters, roundLabel } from "../../src/core";
import { seedText } from "../doubles/seedVariants";

const day = (iso: string) => dayFromIso(iso)!;

describe("reportQuarters", () => {
  test("the bundled plan: from the quarter of its earliest dated deadline to the as-of quarter", () => {
    const table = parseTable(seedText());
    const deadlines = table.tasks.flatMap((t) => t.requirements.map((r) => r.deadline.raw));
    const earliest = Math.min(...table.tasks.flatMap((t) => t.requirements.map((r) => r.deadline.date ?? Infinity)));
    const quarters = reportQuarters(deadlines, day("2019-01-20")).map(quarterCode);
    expect(quarters[0]).toBe("2019Q1");
    const year = new Date(earliest * 86_400_000).getUTCFullYear();
    expect(quarters[quarters.length - 1]).toMatch(new RegExp(`^${year}Q`));
    expect(year).toBe(2017);
  });

  test("a later plan starts later: no quarter before its first deadline", () => {
    expect(reportQuarters(["2024年起", "2025年6月底", "持续推进"], day("2024-08-01")).map(quarterCode)).toEqual(["2024Q3", "2024Q2", "2024Q1"]);
  });

  test("no dated deadline, or deadlines all ahead: the as-of quarter only", () => {
    expect(reportQuarters(["持续推进", ""], day("2024-08-01")).map(quarterCode)).toEqual(["2024Q3"]);
    expect(reportQuarters(["2030年底"], day("2024-08-01")).map(quarterCode)).toEqual(["2024Q3"]);
  });
});

describe("roundLabel", () => {
  test("a round is named by the quarter it reports on and its deadline", () => {
    expect(roundLabel(feedbackRound(day("2019-01-20")).quarter)).toBe("2018年第四季度进展反馈（截止 2019-01-10）");
    expect(roundLabel({ year: 2018, quarter: 3 })).toBe("2018年第二季度进展反馈（截止 2018-07-10）");
  });

  test("the cadence of 督办规则 names the round: its report day, or the deadlines another cadence puts in the quarter", () => {
    expect(roundLabel({ year: 2019, quarter: 1 }, { cadence: "quarterly", day: 15 })).toBe("2018年第四季度进展反馈（截止 2019-01-15）");
    expect(roundLabel({ year: 2019, quarter: 1 }, { cadence: "monthly", day: 28 })).toBe("每月28日前反馈：本季度截止 2019-01-28、2019-02-28、2019-03-28");
    expect(roundLabel({ year: 2019, quarter: 3 }, { cadence: "half-yearly", day: 5 })).toBe("每半年首月5日前（1月、7月）反馈：本季度截止 2019-07-05");
    expect(roundLabel({ year: 2019, quarter: 2 }, { cadence: "yearly", day: 10 })).toBe("每年1月10日前反馈：本季度无截止日");
    // The rounds panel's line: the round of the as-of day under the cadence.
    expect(feedbackRoundLabel(feedbackRound(day("2019-03-20"), { cadence: "monthly", day: 28 }))).toBe("2019年3月进展反馈（截止 2019-03-28）");
    expect(feedbackRoundLabel(feedbackRound(day("2019-01-20"), { cadence: "quarterly", day: 25 }))).toBe("2018年第四季度进展反馈（截止 2019-01-25）");
  });
});
