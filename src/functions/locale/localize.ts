/**
 * Per-locale custom-functions metadata. custom-functions-metadata-plugin writes one functions.json from
 * the JSDoc; Excel picks a locale's own file through the manifest (<bt:Override Locale="zh-CN"> on
 * Functions.Metadata.Url). This turns the generated file into the localized ones: same ids, types and
 * options, translated parameter names and descriptions, and — only where a translation gives one — a
 * translated function name.
 */

export interface ParameterTranslation {
  name: string;
  description?: string;
}

export interface FunctionTranslation {
  /**
   * Omitted: the function keeps its ASCII name. A translated name changes what formulas must say in that
   * locale, and formulas written by the add-in through range.formulas use the ASCII names (see zh-CN.ts).
   */
  name?: string;
  /** Omitted: the generated (JSDoc) description is kept. */
  description?: string;
  /** By the parameter's generated name; a string is just the translated name. */
  parameters: Record<string, string | ParameterTranslation>;
}

/** By function id. */
export type FunctionTranslations = Record<string, FunctionTranslation>;

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

/**
 * Rules Excel sets for function names: a letter first, then letters, digits, "_" or "."; 3 characters at
 * least; not a cell reference (A1 or R1C1 style).
 */
export function isValidFunctionName(name: string): boolean {
  const cellReference = /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^R[0-9]*C[0-9]*$/i.test(name);
  return /^\p{L}[\p{L}0-9_.]{2,127}$/u.test(name) && !cellReference;
}

/**
 * Lets parameters of type any receive error values (#N/A, #REF! …) instead of Excel answering the
 * error without calling the function, so SOIL can say in Chinese which cell is wrong.
 * The JSDoc generator has no tag for this top-level property.
 */
export function withErrorInputs(metadata: FunctionsMetadata): FunctionsMetadata {
  return { ...metadata, allowErrorForDataTypeAny: true };
}

export interface Localized {
  metadata: FunctionsMetadata;
  /** Translations missing, left over or invalid: the build fails on these. */
  problems: string[];
}

export function localizeMetadata(metadata: FunctionsMetadata, translations: FunctionTranslations, locale: string): Localized {
  const problems: string[] = [];
  const seen = new Set<string>();
  const functions = metadata.functions.map((fn) => {
    const t = translations[fn.id];
    if (!t) {
      problems.push(`${locale}: no translation for ${fn.id}`);
      return fn;
    }
    const fnName = t.name ?? fn.name;
    if (!isValidFunctionName(fnName)) problems.push(`${locale}: ${fn.id} name "${fnName}" is not a valid function name`);
    if (seen.has(fnName.toUpperCase())) problems.push(`${locale}: name "${fnName}" is used twice`);
    seen.add(fnName.toUpperCase());
    const generatedNames = fn.parameters.map((p) => p.name);
    for (const name of Object.keys(t.parameters)) {
      if (!generatedNames.includes(name)) problems.push(`${locale}: ${fn.id} has no parameter "${name}"`);
    }
    const parameters = fn.parameters.map((p) => {
      const pt = t.parameters[p.name];
      if (pt === undefined) {
        problems.push(`${locale}: ${fn.id} parameter "${p.name}" has no translation`);
        return p;
      }
      const { name, description } = typeof pt === "string" ? { name: pt, description: undefined } : pt;
      return { ...p, name, ...(description ? { description } : {}) };
    });
    return { ...fn, name: fnName, ...(t.description ? { description: t.description } : {}), parameters };
  });
  for (const id of Object.keys(translations)) {
    if (!metadata.functions.some((fn) => fn.id === id)) problems.push(`${locale}: translation for unknown function ${id}`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

/**
 * A formula with its `<namespace>.<ID>(` calls renamed to a locale's function names, for
 * range.formulasLocal in Excel running in that language. Ids without a translated name stay as they are.
 */
export function localizeFormulaNames(formula: string, namespace: string, translations: FunctionTranslations): string {
  const call = new RegExp(`(^|[^\\p{L}\\p{N}_.])${namespace}\\.([A-Z][A-Z0-9_]*)\\(`, "gu");
  return formula.replace(call, (match, before: string, id: string) => {
    const name = translations[id]?.name;
    return name ? `${before}${namespace}.${name}(` : match;
  });
}
