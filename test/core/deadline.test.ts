import fc from "fast-check";
import { dayFromParts, isoFromDay, parseDeadline } from "../../src/core";

const iso = (text: string) => {
  const d = parseDeadline(text);
  return [d.kind, d.date === null ? null : isoFromDay(d.date)];
};

describe("parseDeadline", () => {
  test.each([
    ["2018年底", "by", "2018-12-31"],
    ["2018年", "by", "2018-12-31"],
    ["2018 年", "by", "2018-12-31"],
    ["2018年6月", "by", "2018-06-30"],
    ["2018年6月底", "by", "2018-06-30"],
    ["2018年2月", "by", "2018-02-28"],
    ["2020年2月", "by", "2020-02-29"],
    ["2018年6月底前", "by", "2018-06-30"],
    ["2017年8月31日", "by", "2017-08-31"],
    ["到2020年", "by", "2020-12-31"],
    ["2019年上半年", "by", "2019-06-30"],
    ["2019年第三季度", "by", "2019-09-30"],
    ["２０１８年底", "by", "2018-12-31"],
    ["2018-06-30", "by", "2018-06-30"],
    ["2017年起", "from", "2017-01-01"],
    ["2017 年起", "from", "2017-01-01"],
    ["自2018年起", "from", "2018-01-01"],
    ["2018年7月起", "from", "2018-07-01"],
    ["持续推进", "ongoing", null],
    ["持续进行", "ongoing", null],
    [" 持续 推进 ", "ongoing", null],
    ["", "none", null],
    ["   ", "none", null],
    ["尽快", "unknown", null],
    ["2018年13月", "unknown", null],
    ["2018年2月30日", "unknown", null],
    ["0218年", "unknown", null],
  ])("%s → %s %s", (text, kind, date) => {
    expect(iso(text)).toEqual([kind, date]);
  });

  test("a deadline written twice counts once and says so", () => {
    expect(parseDeadline("2018年底 2018年底")).toEqual({ raw: "2018年底 2018年底", kind: "by", date: dayFromParts(2018, 12, 31), repeated: true });
    expect(parseDeadline("持续推进持续推进")).toMatchObject({ kind: "ongoing", repeated: true });
    expect(parseDeadline("2018年底 2019年底").kind).toBe("unknown");
  });

  test("raw keeps the text as written (trimmed)", () => {
    expect(parseDeadline(" 2020 年 ").raw).toBe("2020 年");
    expect(parseDeadline(null)).toEqual({ raw: "", kind: "none", date: null });
  });

  test("property: never throws, and kind/date agree", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (text) => {
        const d = parseDeadline(text);
        expect(["by", "from", "ongoing", "none", "unknown"]).toContain(d.kind);
        expect(d.date === null).toBe(!(d.kind === "by" || d.kind === "from"));
      }),
    );
  });

  test("property: every year and month reads back to the last day of that month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const d = parseDeadline(`${year}年${month}月`);
        expect(d.kind).toBe("by");
        expect(d.date! + 1).toBe(month === 12 ? dayFromParts(year + 1, 1, 1) : dayFromParts(year, month + 1, 1));
        expect(parseDeadline(`${year}年底`).date).toBe(dayFromParts(year, 12, 31));
        expect(parseDeadline(`${year}年起`).date).toBe(dayFromParts(year, 1, 1));
      }),
    );
  });
});

describe("deadlines as offices write them (issue #12)", () => {
  const read = (text: string, planYear?: number) => {
    const d = parseDeadline(text, planYear === undefined ? {} : { planYear });
    return { kind: d.kind, date: d.date === null ? null : isoFromDay(d.date), raw: d.raw, from: d.from === undefined ? undefined : isoFromDay(d.from), yearSupplied: d.yearSupplied };
  };
  test.each([
    ["2018年底前完成", "by", "2018-12-31"],
    ["2020年年底前完成", "by", "2020-12-31"],
    ["2018年底以前完成", "by", "2018-12-31"],
    ["2018年底之前", "by", "2018-12-31"],
    ["2018年6月底前", "by", "2018-06-30"],
    ["2019年9月底前", "by", "2019-09-30"],
    ["2010年9月20日前", "by", "2010-09-20"],
    ["2018.12", "by", "2018-12-31"],
    ["2018-12", "by", "2018-12-31"],
    ["2018/12", "by", "2018-12-31"],
    ["2018/6", "by", "2018-06-30"],
    ["2018年底，长期坚持", "by", "2018-12-31"],
    ["2017年底前启动，2020年底前完成", "by", "2020-12-31"],
    ["2018年底前启动\n2019年底前完成", "by", "2019-12-31"],
    ["每年", "ongoing", null],
    ["每季度", "ongoing", null],
    ["每月", "ongoing", null],
    ["逐年推进", "ongoing", null],
    ["长期坚持", "ongoing", null],
    ["持续开展", "ongoing", null],
    ["按省统一部署", "unknown", null],
  ])("%s → %s %s, the raw text kept", (text, kind, date) => {
    expect(read(text)).toMatchObject({ kind, date, raw: text });
  });

  test("a range of years: from the first, by the end of the last", () => {
    expect(read("2017-2020年")).toMatchObject({ kind: "by", date: "2020-12-31", from: "2017-01-01" });
    expect(read("2017—2020年")).toMatchObject({ kind: "by", date: "2020-12-31", from: "2017-01-01" });
    expect(read("2020—2017年").kind).toBe("unknown");
  });

  test("年底前 and 7月底前 without a year take the plan's year, and say so; without one they are not guessed", () => {
    expect(read("年底前", 2018)).toMatchObject({ kind: "by", date: "2018-12-31", yearSupplied: true });
    expect(read("7月底前", 2019)).toMatchObject({ kind: "by", date: "2019-07-31", yearSupplied: true });
    expect(read("年底前")).toMatchObject({ kind: "unknown", date: null });
    expect(read("2018年底", 2030)).toMatchObject({ date: "2018-12-31", yearSupplied: undefined });
  });
});
