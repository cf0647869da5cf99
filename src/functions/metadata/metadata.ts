/**
 * The one functions.json: custom-functions-metadata-plugin generates it from the JSDoc (ASCII names, Chinese
 * descriptions); this adds what the JSDoc cannot say: Chinese parameter names (parameterNames.ts) and
 * allowErrorForDataTypeAny. Function names stay ASCII in every language, as Excel's own function names do in
 * Chinese Excel: one metadata file, no per-locale override (an override for the manifest's DefaultLocale is not
 * allowed, https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming), and formulas written
 * through range.formulas name them the same everywhere (office-js #891, #6614 on translated names through the API).
 * Used by metadataPlugin.js (at build time) and the tests.
 */

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

/** The generated functions.json text → the one the build ships. */
export function finishedMetadata(generatedJson: string, names: ParameterNames): { json: string; problems: string[] } {
  const { metadata, problems } = withParameterNames(withErrorInputs(JSON.parse(generatedJson) as FunctionsMetadata), names);
  return { json: JSON.stringify(metadata, null, 4), problems };
}
