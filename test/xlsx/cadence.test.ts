/**
 * 督办规则 in the portable workbook, recalculated by LibreOffice: a monthly cadence by the 28th written
 * into 说明 gives the report deadlines and every 反馈逾期 the domain core gives for that cadence; the
 * 单位名录 sheet lists every body the table names (the preview's count).
 */
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { dayFromIso, DEFAULT_RULES, GUIDE_CELLS, isoFromDay, lastReportDeadline, nextReportDeadline, previousReportDeadline, REGISTRY_HEADERS, SHEETS, columnIndex, SupervisionRules } from "../../src/core";
import { buildWorkbook } from "../../src/xlsx/buildWorkbook";
import { expectedByCore, sampleInputs, typeInputs } from "./departmentInput";
import { readTable, SEED_FILE } from "./seedTable";
import { computedSheets, recalculatingProfile } from "./soffice";

const seed = readTable(SEED_FILE);
const inputs = sampleInputs(seed);
const MONTHLY: SupervisionRules = { ...DEFAULT_RULES, cadence: "monthly", day: 28, planYear: 2017 };
const MONTHLY_28 = { cadence: "monthly", day: 28 } as const;
const AS_OF = ["2018-03-05", "2018-03-29", "2018-12-20", "2019-01-10"];

let work: string;
let profile: string;
const computed = new Map<string, Map<string, string[][]>>();

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "soil-cadence-"));
  profile = recalculatingProfile();
  const files: string[] = [];
  for (const iso of AS_OF) {
    const workbook = buildWorkbook(seed, { asOf: dayFromIso(iso)!, rules: MONTHLY });
    typeInputs(workbook, inputs);
    const file = path.join(work, `monthly-${iso}.xlsx`);
    await workbook.xlsx.writeFile(file);
    files.push(file);
  }
  const sheets = computedSheets(files, [SHEETS.tasks, SHEETS.guide, SHEETS.registry], path.join(work, "csv"), profile);
  AS_OF.forEach((iso, i) => computed.set(iso, sheets.get(files[i])!));
}, 180_000);

afterAll(() => {
  for (const dir of [work, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function guideValue(iso: string, key: keyof typeof GUIDE_CELLS): string {
  const [, col, row] = /^([A-Z])(\d+)$/.exec(GUIDE_CELLS[key].address)!;
  return computed.get(iso)!.get(SHEETS.guide)![Number(row) - 1][col.charCodeAt(0) - 65];
}

describe.each(AS_OF)("monthly by the 28th, as of %s", (iso) => {
  const asOf = dayFromIso(iso)!;

  test("说明 holds the rule and the deadlines of the month", () => {
    expect(guideValue(iso, "cadence")).toBe("每月");
    expect(guideValue(iso, "reportDay")).toBe("28");
    expect(guideValue(iso, "planYear")).toBe("2017");
    const last = lastReportDeadline(asOf, MONTHLY_28);
    expect(guideValue(iso, "nextReport")).toBe(isoFromDay(nextReportDeadline(asOf, MONTHLY_28)));
    expect(guideValue(iso, "lastReport")).toBe(isoFromDay(last));
    expect(guideValue(iso, "previousReport")).toBe(isoFromDay(previousReportDeadline(last, MONTHLY_28)));
  });

  test("every 反馈逾期 is the core's under the monthly rule", () => {
    const [, ...rows] = computed.get(iso)!.get(SHEETS.tasks)!;
    const expected = expectedByCore(seed, inputs, asOf, 30, MONTHLY_28);
    expect(rows.map((r) => r[columnIndex("feedbackLate")])).toEqual(expected.rows.map((e) => (e.feedbackLate ? "是" : "否")));
  });
});

test("the monthly rule differs from the quarterly one on these dates (the test can tell them apart)", () => {
  const differing = AS_OF.filter((iso) => {
    const asOf = dayFromIso(iso)!;
    const monthly = expectedByCore(seed, inputs, asOf, 30, MONTHLY_28).rows.map((r) => r.feedbackLate);
    const quarterly = expectedByCore(seed, inputs, asOf).rows.map((r) => r.feedbackLate);
    return monthly.some((late, i) => late !== quarterly[i]);
  });
  expect(differing.length).toBeGreaterThan(0);
  expect(guideValue("2018-03-05", "nextReport")).toBe("2018-03-28");
});

test("单位名录 lists every body the table names: the preview's count (39)", () => {
  const [header, ...rows] = computed.get(AS_OF[0])!.get(SHEETS.registry)!;
  expect(header.slice(0, REGISTRY_HEADERS.length)).toEqual([...REGISTRY_HEADERS]);
  const names = rows.map((r) => r[0]).filter((n) => n !== "");
  expect(names).toHaveLength(seed.departments.length);
  expect(new Set(names)).toEqual(new Set(seed.departments));
  expect(rows.find((r) => r[0] === "市环境保护局")![1]).toBe("市环保局、邯郸市环境保护局");
});
