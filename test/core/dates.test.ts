import fc from "fast-check";
import { dateRangeProblem, dayFromIso, dayFromJsDate, dayFromParts, dayFromSerial, dayFromText, isoFromDay, isoFromSerial, MAX_SERIAL, serialFromDay, toHalfWidth } from "../../src/core";
import { cellText, dayOfCell, serialFromJsDate } from "../../src/core/departmentFile";

describe("Excel date serials", () => {
  test.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [43100, "2017-12-31"],
    [43465, "2018-12-31"],
    [43281, "2018-06-30"],
    [43890, "2020-02-29"],
    [45351, "2024-02-29"],
    [MAX_SERIAL, "9999-12-31"],
  ])("serial %d is %s, both ways", (serial, iso) => {
    expect(isoFromDay(dayFromSerial(serial)!)).toBe(iso);
    expect(serialFromDay(dayFromIso(iso)!)).toBe(serial);
  });

  test("serial 60 is Excel's phantom 1900-02-29: shown, but not a real day", () => {
    expect(isoFromSerial(60)).toBe("1900-02-29");
    expect(dayFromSerial(60)).toBeNull();
    expect(serialFromDay(dayFromIso("1900-02-28")!)).toBe(59);
    expect(serialFromDay(dayFromIso("1900-03-01")!)).toBe(61);
  });

  test("out-of-range serials and fractions", () => {
    expect(dayFromSerial(0)).toBeNull();
    expect(dayFromSerial(-5)).toBeNull();
    expect(dayFromSerial(MAX_SERIAL + 1)).toBeNull();
    expect(dayFromSerial(Number.NaN)).toBeNull();
    expect(isoFromDay(dayFromSerial(43465.75)!)).toBe("2018-12-31");
  });

  test("ISO parsing rejects days that do not exist", () => {
    expect(dayFromIso("2018-02-29")).toBeNull();
    expect(dayFromIso("2020-02-29")).toBe(dayFromParts(2020, 2, 29));
    expect(dayFromIso("2018/6/30")).toBe(dayFromParts(2018, 6, 30));
    expect(dayFromIso("2018-13-01")).toBeNull();
    expect(dayFromIso("not a date")).toBeNull();
  });

  test("full-width digits become ASCII", () => {
    expect(toHalfWidth("２０１８年　６月")).toBe("2018年 6月");
  });

  test("property: serial → day → serial is the identity on every serial except 60", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL }), (serial) => {
        fc.pre(serial !== 60);
        expect(serialFromDay(dayFromSerial(serial)!)).toBe(serial);
      }),
    );
  });

  test("property: consecutive real days have consecutive serials after 1900-03-01", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromParts(1900, 3, 1), max: dayFromParts(9999, 12, 30) }), (day) => {
        expect(serialFromDay(day + 1) - serialFromDay(day)).toBe(1);
        expect(dayFromIso(isoFromDay(day))).toBe(day);
      }),
    );
  });
});

describe("dates as departments and files give them (issue #14)", () => {
  const jan10 = dayFromIso("2019-01-10")!;

  test("a date-time is truncated to its day, never rounded: 2019-01-10 18:00 is 2019-01-10", () => {
    const evening = new Date(Date.UTC(2019, 0, 10, 18, 0));
    expect(dayFromJsDate(evening)).toBe(jan10);
    expect(dayFromJsDate(new Date(Date.UTC(2019, 0, 10, 23, 59, 59, 999)))).toBe(jan10);
    expect(serialFromJsDate(evening)).toBe(serialFromDay(jan10));
    expect(dayOfCell(evening)).toBe(jan10);
    expect(cellText(evening, "date")).toBe("2019-01-10");
    expect(dayOfCell(serialFromDay(jan10) + 0.75)).toBe(jan10);
    // Before 1970 too (negative times): the evening of 1969-12-31 is 1969-12-31.
    expect(isoFromDay(dayFromJsDate(new Date(Date.UTC(1969, 11, 31, 20))))).toBe("1969-12-31");
  });

  test("a date-time typed as text is its day", () => {
    expect(dayFromText("2019-01-10 18:00")).toBe(jan10);
    expect(dayFromText("2019-01-10T18:00:00.000")).toBe(jan10);
    expect(dayFromText("2019年1月10日 23:59")).toBe(jan10);
    expect(dayFromText("2019-01-10 上午")).toBeNull();
  });

  test("years 0–99 stay years 0–99 (0018-12-01 is not 1918-12-01)", () => {
    expect(isoFromDay(dayFromIso("0018-12-01")!)).toBe("0018-12-01");
    expect(isoFromDay(dayFromParts(99, 12, 31))).toBe("0099-12-31");
    expect(dayFromIso("0018-12-01")).not.toBe(dayFromIso("1918-12-01"));
    // Year 4 is a leap year of the proleptic calendar, 1904 too, 1900 not: each counted as its own year.
    expect(dayFromIso("0004-02-29")).not.toBeNull();
    expect(dayFromIso("0100-02-29")).toBeNull();
  });

  test("the sheet's date range refuses 0018-12-01, 1899-12-31 and serial 0 with a message, takes 2000-01-01 to 9999-12-31", () => {
    expect(dateRangeProblem(dayFromIso("0018-12-01")!, "“完成日期”")).toBe("“完成日期”的日期 0018-12-01 超出了表格允许的范围（2000-01-01 至 9999-12-31）");
    expect(dateRangeProblem(dayFromIso("1899-12-31")!, "x")).toContain("1899-12-31");
    expect(dateRangeProblem(dayFromIso("1999-12-31")!, "x")).not.toBeNull();
    expect(dateRangeProblem(dayFromIso("2000-01-01")!, "x")).toBeNull();
    expect(dateRangeProblem(dayFromSerial(MAX_SERIAL)!, "x")).toBeNull();
    expect(dateRangeProblem(dayFromSerial(MAX_SERIAL)! + 1, "x")).not.toBeNull();
    expect(dayFromSerial(0)).toBeNull();
  });
});
