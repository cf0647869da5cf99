/**
 * The metadata files the build emits next to the generated functions.json: that file itself (with
 * error inputs allowed) and one file per locale, named as the manifest's overrides expect
 * (functions.zh-CN.json). Used by localizedMetadataPlugin.js and the tests.
 */
import { FunctionsMetadata, FunctionTranslations, localizeMetadata, withErrorInputs } from "./localize";
import { ZH_CN } from "./zh-CN";

export const LOCALES: Record<string, FunctionTranslations> = { "zh-CN": ZH_CN };

export function localeFileName(locale: string): string {
  return `functions.${locale}.json`;
}

export interface MetadataFiles {
  /** File name → JSON text. */
  files: Record<string, string>;
  problems: string[];
}

export function metadataFiles(generatedJson: string, generatedName = "functions.json"): MetadataFiles {
  const base = withErrorInputs(JSON.parse(generatedJson) as FunctionsMetadata);
  const text = (metadata: FunctionsMetadata) => JSON.stringify(metadata, null, 4);
  const files: Record<string, string> = { [generatedName]: text(base) };
  const problems: string[] = [];
  for (const [locale, translations] of Object.entries(LOCALES)) {
    const localized = localizeMetadata(base, translations, locale);
    files[localeFileName(locale)] = text(localized.metadata);
    problems.push(...localized.problems);
  }
  return { files, problems };
}

/**
 * The translations whose function names Excel uses at this display language (Office.context.displayLanguage),
 * or null where formulas keep the ASCII names. Exact locale match: the manifest overrides per locale.
 */
export function translationsForDisplayLanguage(displayLanguage: string | undefined): FunctionTranslations | null {
  if (!displayLanguage) return null;
  const locale = Object.keys(LOCALES).find((l) => l.toLowerCase() === displayLanguage.toLowerCase());
  return locale ? LOCALES[locale] : null;
}
