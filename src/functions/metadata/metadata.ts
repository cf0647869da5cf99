/**
 * The one functions.json: custom-functions-metadata-plugin generates it from the JSDoc (ASCII names, Chinese
 * descriptions); this adds what the JSDoc cannot say: Chinese parameter names (parameterNames.ts) and
 * allowErrorForDataTypeAny. Function names stay ASCII in every language, as Excel's own function names do in
 * Chinese Excel: one metadata file, no per-locale override (an override for the manifest's DefaultLocale is not
 * allowed, https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming), and formulas written
 * through range.formulas name them the same everywhere (office-js #891, #6614 on translated names through the API).
 * Used by metadataPlugin.js (at build time) and the tests.
 */

import { CADENCE_LABELS, cadenceText, DEFAULT_RULES, SupervisionRules } from "../../core/rules";

export interface ParameterMetadata {
  name: string;
  description?: string;
  [property: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [property: string]: unknown;
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [property: string]: unknown;
}

/** By function id, by the parameter's generated (TypeScript) name: the name Excel shows. */
export type ParameterNames = Record<string, Record<string, string>>;

/**
 * Lets parameters of type any receive error values (#N/A, #REF! …) instead of Excel answering the
 * error without calling the function, so SOIL can say in Chinese which cell is wrong.
 * The JSDoc generator has no tag for this top-level property.
 */
export function withErrorInputs(metadata: FunctionsMetadata): FunctionsMetadata {
  return { ...metadata, allowErrorForDataTypeAny: true };
}

export interface Renamed {
  metadata: FunctionsMetadata;
  /** Parameters without a name, names for parameters that do not exist: the build fails on these. */
  problems: string[];
}

/** Parameter names replaced; ids, function names, types and options kept. */
export function withParameterNames(metadata: FunctionsMetadata, names: ParameterNames): Renamed {
  const problems: string[] = [];
  const functions = metadata.functions.map((fn) => {
    const own = names[fn.id];
    if (!own) {
      problems.push(`${fn.id}: no parameter names`);
      return fn;
    }
    const generated = fn.parameters.map((p) => p.name);
    for (const name of Object.keys(own)) if (!generated.includes(name)) problems.push(`${fn.id} has no parameter "${name}"`);
    const parameters = fn.parameters.map((p) => {
      if (own[p.name] === undefined) problems.push(`${fn.id} parameter "${p.name}" has no name`);
      return { ...p, name: own[p.name] ?? p.name };
    });
    return { ...fn, parameters };
  });
  for (const id of Object.keys(names)) if (!metadata.functions.some((fn) => fn.id === id)) problems.push(`parameter names for unknown function ${id}`);
  return { metadata: { ...metadata, functions }, problems };
}

/**
 * The default 督办规则 spelled out where the JSDoc refers to them ("省略时用默认督办规则的反馈周期"): the values are
 * data (presets/rules/default.json), so the source names none, and the help Excel shows says what they are.
 */
export function withDefaultRules(metadata: FunctionsMetadata, rules: SupervisionRules = DEFAULT_RULES): FunctionsMetadata {
  const spelled: [string, string][] = [
    ["默认督办规则的反馈周期", `默认督办规则的反馈周期（${CADENCE_LABELS[rules.cadence]}）`],
    ["默认督办规则的反馈截止日", `默认督办规则的反馈截止日（${rules.day} 日）`],
    ["默认督办规则中的天数", `默认督办规则中的天数（${rules.dueSoonDays} 天）`],
    ["省略时用默认督办规则。", `省略时用默认督办规则：${cadenceText(rules)}。`],
  ];
  const fill = (text: string | undefined) => (text === undefined ? text : spelled.reduce((t, [from, to]) => t.split(from).join(to), text));
  const functions = metadata.functions.map((fn) => ({
    ...fn,
    description: fill(fn.description),
    parameters: fn.parameters.map((p) => ({ ...p, description: fill(p.description) })),
  }));
  return { ...metadata, functions };
}

/** The generated functions.json text → the one the build ships. */
export function finishedMetadata(generatedJson: string, names: ParameterNames): { json: string; problems: string[] } {
  const { metadata, problems } = withParameterNames(withDefaultRules(withErrorInputs(JSON.parse(generatedJson) as FunctionsMetadata)), names);
  return { json: JSON.stringify(metadata, null, 4), problems };
}
