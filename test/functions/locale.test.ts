/**
 * Localized metadata: the generator keeps ids, types and options, translates names, and reports any
 * function or parameter the translation table misses (the build fails on these); the manifest maps
 * zh-CN to the emitted file.
 */
import { readFileSync } from "fs";
import path from "path";
import { computedFormulas, TASK_TABLE } from "../../src/core";
import { localeFileName, LOCALES, metadataFiles, translationsForDisplayLanguage } from "../../src/functions/locale";
import { FunctionsMetadata, isValidFunctionName, localizeFormulaNames, localizeMetadata } from "../../src/functions/locale/localize";
import { ZH_CN } from "../../src/functions/locale/zh-CN";

const generated: FunctionsMetadata = {
  allowCustomDataForDataTypeAny: true,
  functions: [
    {
      id: "STATUS",
      name: "STATUS",
      description: "到期状态。",
      parameters: [
        { name: "row", description: "任务行。", type: "any", dimensionality: "matrix" },
        { name: "as_of", description: "统计日期。", type: "any", optional: true },
      ],
      result: { type: "string" },
    },
  ],
};

test("names, descriptions and parameter names are translated; ids, types and options are kept", () => {
  const { metadata, problems } = localizeMetadata(
    generated,
    { STATUS: { name: "到期状态", parameters: { row: "任务行", as_of: { name: "统计日期", description: "默认为今天。" } } } },
    "zh-CN",
  );
  expect(problems).toEqual([]);
  const [status] = generated.functions;
  expect(metadata).toEqual({
    ...generated,
    functions: [
      {
        ...status,
        name: "到期状态",
        parameters: [
          { ...status.parameters[0], name: "任务行" },
          { ...status.parameters[1], name: "统计日期", description: "默认为今天。" },
        ],
      },
    ],
  });
});

test("missing, extra and invalid translations are reported", () => {
  const { problems } = localizeMetadata(
    generated,
    { STATUS: { name: "状态", parameters: { row: "任务行", when: "日期" } }, GONE: { name: "已删除函数", parameters: {} } },
    "zh-CN",
  );
  expect(problems).toEqual([
    'zh-CN: STATUS name "状态" is not a valid function name',
    'zh-CN: STATUS has no parameter "when"',
    'zh-CN: STATUS parameter "as_of" has no translation',
    "zh-CN: translation for unknown function GONE",
  ]);
  expect(localizeMetadata(generated, {}, "zh-CN").problems).toEqual(["zh-CN: no translation for STATUS"]);
});

test("a translation without a name keeps the function's ASCII name and translates its parameters", () => {
  const { metadata, problems } = localizeMetadata(generated, { STATUS: { parameters: { row: "任务行", as_of: "统计日期" } } }, "zh-CN");
  expect(problems).toEqual([]);
  expect(metadata.functions[0].name).toBe("STATUS");
  expect(metadata.functions[0].parameters.map((p) => p.name)).toEqual(["任务行", "统计日期"]);
});

test("Excel's naming rules: a letter first, letters, digits, _ and . only, 3 characters at least, no cell reference", () => {
  for (const bad of ["截止", "1日期", "到期-状态", "到期 状态", "A1", "ABC12", "XFD1048576", "R1C1", "RC"]) expect(isValidFunctionName(bad)).toBe(false);
  for (const good of ["到期状态", "SOIL_X", "下次反馈日", "ABC.2", "STATUS", "DAYSLEFT", "ABCD1"]) expect(isValidFunctionName(good)).toBe(true);
});

test("zh-CN names every function and parameter in Chinese, names valid and distinct", () => {
  const names = Object.values(ZH_CN).map((t) => t.name);
  expect(new Set(names).size).toBe(names.length);
  for (const t of Object.values(ZH_CN)) {
    expect(t.name).toMatch(/^\p{Script=Han}+$/u);
    expect(isValidFunctionName(t.name!)).toBe(true);
    for (const p of Object.values(t.parameters)) expect(typeof p === "string" ? p : p.name).toMatch(/^\p{Script=Han}+$/u);
  }
});

test("formulas the add-in writes are renamed for zh-CN Excel (formulasLocal, office-js#891); other locales keep the ids", () => {
  const zh = translationsForDisplayLanguage("zh-CN")!;
  expect(translationsForDisplayLanguage("zh-cn")).toBe(zh);
  expect(translationsForDisplayLanguage("en-US")).toBeNull();
  expect(translationsForDisplayLanguage("zh-TW")).toBeNull();
  expect(translationsForDisplayLanguage(undefined)).toBeNull();
  const formula = computedFormulas(2, "addin").daysLeft;
  expect(formula).toBe(`=IFERROR(SOIL.DAYSLEFT($A2:$O2,'说明'!$B$2),"")`);
  expect(localizeFormulaNames(formula, "SOIL", zh)).toBe(`=IFERROR(SOIL.剩余天数($A2:$O2,'说明'!$B$2),"")`);
  expect(localizeFormulaNames(`=SOIL.SUMMARY(${TASK_TABLE}[#All],B2)&NOTSOIL.STATUS(1)&"SOIL.X("`, "SOIL", zh)).toBe(
    `=SOIL.部门汇总(${TASK_TABLE}[#All],B2)&NOTSOIL.STATUS(1)&"SOIL.X("`,
  );
  for (const id of Object.keys(ZH_CN)) expect(localizeFormulaNames(`=SOIL.${id}(A1)`, "SOIL", zh)).toBe(`=SOIL.${ZH_CN[id].name}(A1)`);
});

test("metadataFiles: the generated file gains allowErrorForDataTypeAny, each locale gets its own file", () => {
  const { files, problems } = metadataFiles(JSON.stringify(generated));
  expect(Object.keys(files)).toEqual(["functions.json", ...Object.keys(LOCALES).map(localeFileName)]);
  expect(JSON.parse(files["functions.json"])).toEqual({ ...generated, allowErrorForDataTypeAny: true });
  const zh = JSON.parse(files["functions.zh-CN.json"]);
  expect(zh.allowErrorForDataTypeAny).toBe(true);
  expect(zh.functions[0].name).toBe("到期状态");
  expect(zh.functions[0].parameters.map((p: { name: string }) => p.name)).toEqual(["任务行", "统计日期"]);
  // The test metadata has STATUS with two parameters only: the rest of the zh-CN table is reported.
  expect(problems).toEqual([
    'zh-CN: STATUS has no parameter "due_soon_days"',
    ...Object.keys(ZH_CN)
      .filter((id) => id !== "STATUS")
      .map((id) => `zh-CN: translation for unknown function ${id}`),
  ]);
});

test("manifest.xml maps zh-CN to functions.zh-CN.json on Functions.Metadata.Url", () => {
  const manifest = readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
  const url = /<bt:Url id="Functions\.Metadata\.Url"[^>]*>([\s\S]*?)<\/bt:Url>/.exec(manifest);
  expect(url).not.toBeNull();
  expect(url?.[0]).toMatch(/DefaultValue="https:\/\/[^"]+\/functions\.json"/);
  expect(url?.[1]).toMatch(/<bt:Override Locale="zh-CN" Value="https:\/\/[^"]+\/functions\.zh-CN\.json"\s*\/>/);
});
