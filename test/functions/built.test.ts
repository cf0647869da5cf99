/**
 * The BUILT functions script, loaded the way Excel loads it: webpack (the project's config, functions
 * part only) builds into a temp dir, the script runs in a fresh `vm` context whose only runtime global
 * is a fake CustomFunctions, and every id in the built functions.json (the only metadata file) must be
 * registered through CustomFunctions.associate and answer a sample call like the source does.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import { CADENCE_LABELS, cadenceText, DEFAULT_RULES, ROW_INPUT_WIDTH } from "../../src/core";
import * as soil from "../../src/functions/functions";
import { PARAMETER_NAMES } from "../../src/functions/metadata/parameterNames";
import { cellResult, fakeCustomFunctions, FakeCustomFunctions, installCustomFunctions } from "./fakeCustomFunctions";
import { seedSheet, serial, tableRange } from "./fixtures";

interface BuiltParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}

interface BuiltMetadata {
  allowErrorForDataTypeAny?: boolean;
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: BuiltParameter[];
    result: { type?: string; dimensionality?: string };
    options?: Record<string, unknown>;
  }[];
}

/**
 * The metadata reference (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#metadata-reference):
 * the properties it lists at each level, the values it allows, and the id rule (A-Z, 0-9, "_", ".").
 */
const DOCUMENTED = {
  topLevel: ["$schema", "allowCustomDataForDataTypeAny", "allowErrorForDataTypeAny", "functions", "enums"],
  function: ["id", "name", "description", "helpUrl", "options", "parameters", "result"],
  parameter: ["name", "description", "type", "dimensionality", "optional", "repeating", "cellValueType", "customEnumId"],
  result: ["type", "dimensionality"],
  types: ["boolean", "number", "string", "any"],
  dimensionalities: ["scalar", "matrix"],
  id: /^[A-Z][A-Z0-9_.]{2,}$/,
};

/** Where `file` leaves the documented shape, as readable lines (empty when it conforms). */
function shapeProblems(file: BuiltMetadata): string[] {
  const out: string[] = [];
  const extra = (where: string, value: object, allowed: string[]) => {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) out.push(`${where}: undocumented property ${key}`);
  };
  extra("top level", file, DOCUMENTED.topLevel);
  for (const f of file.functions) {
    extra(f.id, f, DOCUMENTED.function);
    if (!DOCUMENTED.id.test(f.id)) out.push(`${f.id}: id breaks the id rule`);
    extra(`${f.id} result`, f.result, DOCUMENTED.result);
    if (!DOCUMENTED.types.includes(f.result.type ?? "any")) out.push(`${f.id} result: type ${f.result.type}`);
    if (!DOCUMENTED.dimensionalities.includes(f.result.dimensionality ?? "scalar")) out.push(`${f.id} result: ${f.result.dimensionality}`);
    f.parameters.forEach((p, i) => {
      extra(`${f.id}(${p.name})`, p, DOCUMENTED.parameter);
      if (!DOCUMENTED.types.includes(p.type ?? "any")) out.push(`${f.id}(${p.name}): type ${p.type}`);
      if (!DOCUMENTED.dimensionalities.includes(p.dimensionality ?? "scalar")) out.push(`${f.id}(${p.name}): ${p.dimensionality}`);
      // A required parameter after an optional one cannot be given without the optional one.
      if (!p.optional && f.parameters.slice(0, i).some((q) => q.optional)) out.push(`${f.id}(${p.name}): required after optional`);
    });
  }
  return out;
}

const ROOT = path.join(__dirname, "../..");
const sheet = seedSheet().slice(0, 40);
const table = tableRange(sheet);
const fullRow = [sheet[0].cells.slice(0, ROW_INPUT_WIDTH)];
const AS_OF = serial("2018-12-31");

/** A sample call per function id: arguments, and the in-source function to compare with. */
const SAMPLES: Record<string, { args: unknown[]; source: (...args: never[]) => unknown }[]> = {
  DUEDATE: [
    { args: ["2018年6月"], source: soil.dueDate },
    { args: ["持续推进"], source: soil.dueDate },
  ],
  STATUS: [
    { args: [fullRow, AS_OF, null], source: soil.status },
    { args: [[["2018年底", "推进中"]], "明天", null], source: soil.status },
  ],
  OVERDUE: [{ args: [[["2018年底"]], AS_OF + 1], source: soil.overdue }],
  DAYSLEFT: [{ args: [[["2020年2月"]], serial("2020-02-01")], source: soil.daysLeft }],
  NEXTREPORT: [{ args: [serial("2018-10-11")], source: soil.nextReport }],
  FEEDBACKLATE: [{ args: [fullRow, AS_OF], source: soil.feedbackLate }],
  DEPTS: [{ args: ["市环保局、市农牧局"], source: soil.depts }],
  DEPTSUMMARY: [{ args: [table, "市环保局", AS_OF, null], source: soil.deptSummary }],
  SUMMARY: [{ args: [table, AS_OF, null], source: soil.summary }],
};

let outDir: string;
let registered: FakeCustomFunctions["registered"];
let metadata: BuiltMetadata;

beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), "soil-functions-"));
  execFileSync(process.execPath, [path.join(__dirname, "buildFunctions.js"), outDir], { cwd: ROOT, stdio: "pipe", timeout: 180_000 });
  metadata = JSON.parse(readFileSync(path.join(outDir, "functions.json"), "utf8"));
  const runtime = fakeCustomFunctions();
  vm.runInNewContext(readFileSync(path.join(outDir, "functions.js"), "utf8"), { CustomFunctions: runtime }, { filename: "functions.js" });
  registered = runtime.registered;
  // The in-source functions throw through the global runtime too.
  installCustomFunctions();
}, 200_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Results of the vm realm compared by value. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value ?? null));

test("the built functions.json lists exactly the SOIL functions, with error inputs allowed", () => {
  expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(SAMPLES).sort());
  expect(metadata.allowErrorForDataTypeAny).toBe(true);
  for (const f of metadata.functions) {
    expect(f.name).toBe(f.id);
    expect(f.name).toMatch(/^[A-Z]+$/);
    expect(f.description).toMatch(/\p{Script=Han}/u);
    for (const p of f.parameters) expect(p).toEqual(expect.objectContaining({ description: expect.stringMatching(/\p{Script=Han}/u) }));
  }
  expect(metadata.functions.find((f) => f.id === "STATUS")?.parameters).toEqual([
    expect.objectContaining({ name: "任务行", dimensionality: "matrix", type: "any" }),
    expect.objectContaining({ name: "统计日期", optional: true, type: "any" }),
    expect.objectContaining({ name: "临期天数", optional: true, type: "any" }),
  ]);
});

test("the help Excel shows spells out the default 督办规则 from presets/rules/default.json (the source names none)", () => {
  const next = metadata.functions.find((f) => f.id === "NEXTREPORT")!;
  expect(next.description).toContain(`省略时用默认督办规则：${cadenceText(DEFAULT_RULES)}。`);
  expect(next.parameters.map((p) => p.description)).toEqual([
    expect.any(String),
    expect.stringContaining(`默认督办规则的反馈周期（${CADENCE_LABELS[DEFAULT_RULES.cadence]}）`),
    expect.stringContaining(`默认督办规则的反馈截止日（${DEFAULT_RULES.day} 日）`),
  ]);
  const status = metadata.functions.find((f) => f.id === "STATUS")!;
  expect(status.parameters[2].description).toContain(`默认督办规则中的天数（${DEFAULT_RULES.dueSoonDays} 天）`);
});

test("the file has the shape the metadata reference documents; no function is volatile, streaming or cancelable", () => {
  expect(shapeProblems(metadata)).toEqual([]);
  for (const f of metadata.functions) expect([f.id, f.options ?? {}]).toEqual([f.id, {}]);
});

test("functions.json is the only metadata file; every parameter has its Chinese name", () => {
  expect(readdirSync(outDir).filter((f) => /^functions.*\.json$/.test(f))).toEqual(["functions.json"]);
  for (const f of metadata.functions) expect(f.parameters.map((p) => p.name)).toEqual(Object.values(PARAMETER_NAMES[f.id]));
});

test("every parameter is of type any: allowErrorForDataTypeAny only lets error values through to those", () => {
  for (const f of metadata.functions) for (const p of f.parameters) expect([f.id, p.name, p.type]).toEqual([f.id, p.name, "any"]);
});

test("ranges come in as matrices, spilled results go out as matrices, scalars stay scalar", () => {
  const dims = Object.fromEntries(
    metadata.functions.map((f) => [f.id, [f.parameters.map((p) => p.dimensionality ?? "scalar"), f.result.dimensionality ?? "scalar", f.result.type ?? "any"]]),
  );
  expect(dims).toEqual({
    DUEDATE: [["scalar"], "scalar", "number"],
    STATUS: [["matrix", "scalar", "scalar"], "scalar", "string"],
    OVERDUE: [["matrix", "scalar"], "scalar", "boolean"],
    DAYSLEFT: [["matrix", "scalar"], "scalar", "number"],
    NEXTREPORT: [["scalar", "scalar", "scalar"], "scalar", "number"],
    FEEDBACKLATE: [["matrix", "scalar", "scalar", "scalar"], "scalar", "boolean"],
    DEPTS: [["scalar", "matrix"], "matrix", "string"],
    DEPTSUMMARY: [["matrix", "scalar", "scalar", "scalar", "matrix", "scalar", "scalar"], "matrix", "number"],
    SUMMARY: [["matrix", "scalar", "scalar", "matrix", "matrix", "matrix", "scalar", "scalar"], "matrix", "any"],
  });
});

test("every id in the metadata is registered by the built script", () => {
  for (const f of metadata.functions) expect([f.id, registered.has(f.id)]).toEqual([f.id, true]);
  expect([...registered.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
});

test.each(Object.entries(SAMPLES))("built %s answers like the source", (id, samples) => {
  const built = registered.get(id) as (...args: unknown[]) => unknown;
  for (const { args, source } of samples) {
    const expected = plain(cellResult(() => (source as (...a: unknown[]) => unknown)(...args)));
    expect(plain(cellResult(() => built(...args)))).toEqual(expected);
  }
});

test("sample answers are the expected values (not just equal errors)", () => {
  const call = (id: string, ...args: unknown[]) => plain(cellResult(() => (registered.get(id) as (...a: unknown[]) => unknown)(...args)));
  expect(call("DUEDATE", "2018年6月")).toBe(serial("2018-06-30"));
  expect(call("DUEDATE", "持续推进")).toEqual({ error: "#N/A", message: "“持续推进”的工作没有截止日期" });
  expect(call("STATUS", [["2018年底", "推进中"]], AS_OF, null)).toBe("临期");
  expect(call("STATUS", [["2018年底", "推进中"]], "明天", null)).toEqual(expect.objectContaining({ error: "#VALUE!" }));
  expect(call("NEXTREPORT", serial("2018-10-11"))).toBe(serial("2019-01-10"));
  expect(call("SUMMARY", table, AS_OF, null)[0][0]).toBe("责任单位");
});
