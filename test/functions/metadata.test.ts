/**
 * The one functions.json: the generated metadata gains Chinese parameter names and allowErrorForDataTypeAny;
 * ids, function names (ASCII), types and options are kept; any function or parameter the name table misses is
 * reported (the build fails on these). The manifest has no per-locale metadata.
 */
import { readFileSync } from "fs";
import path from "path";
import { finishedMetadata, FunctionsMetadata, withParameterNames } from "../../src/functions/metadata/metadata";
import { PARAMETER_NAMES } from "../../src/functions/metadata/parameterNames";

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

test("parameter names are replaced; ids, the ASCII function name, descriptions, types and options are kept", () => {
  const { metadata, problems } = withParameterNames(generated, { STATUS: { row: "任务行", as_of: "统计日期" } });
  expect(problems).toEqual([]);
  const [status] = generated.functions;
  expect(metadata).toEqual({
    ...generated,
    functions: [{ ...status, parameters: [{ ...status.parameters[0], name: "任务行" }, { ...status.parameters[1], name: "统计日期" }] }],
  });
});

test("missing and extra parameter names are reported", () => {
  const { problems } = withParameterNames(generated, { STATUS: { row: "任务行", when: "日期" }, GONE: {} });
  expect(problems).toEqual(['STATUS has no parameter "when"', 'STATUS parameter "as_of" has no name', "parameter names for unknown function GONE"]);
  expect(withParameterNames(generated, {}).problems).toEqual(["STATUS: no parameter names"]);
});

test("every parameter name is Chinese", () => {
  for (const names of Object.values(PARAMETER_NAMES)) for (const name of Object.values(names)) expect(name).toMatch(/^\p{Script=Han}+$/u);
});

test("finishedMetadata: one file with error inputs allowed", () => {
  const { json, problems } = finishedMetadata(JSON.stringify(generated), { STATUS: { row: "任务行", as_of: "统计日期" } });
  expect(problems).toEqual([]);
  const out = JSON.parse(json);
  expect(out.allowErrorForDataTypeAny).toBe(true);
  expect(out.functions[0].name).toBe("STATUS");
});

test("manifest.xml: one functions.json, no per-locale override of the functions metadata", () => {
  const manifest = readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
  const url = /<bt:Url id="Functions\.Metadata\.Url"[^>]*?(\/>|>[\s\S]*?<\/bt:Url>)/.exec(manifest);
  expect(url?.[0]).toMatch(/DefaultValue="https:\/\/[^"]+\/functions\.json"\s*\/>$/);
  expect(manifest).not.toMatch(/functions\.[a-z]{2}-[A-Z]{2}\.json/);
});
