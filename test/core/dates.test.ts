import fc from "fast-check";
import { dayFromIso, dayFromParts, dayFromSerial, isoFromDay, isoFromSerial, MAX_SERIAL, serialFromDay, toHalfWidth } from "../../src/core";

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
