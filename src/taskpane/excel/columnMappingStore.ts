/**
 * Where the pane remembers the column mapping a user confirmed, so that re-importing a newer version of
 * the same table needs no second mapping: the workbook's add-in settings (Office.Settings, stored in the
 * document per add-in; set() changes the in-memory copy, saveAsync() writes it into the file —
 * https://learn.microsoft.com/javascript/api/office/office.settings). Common API, so Office 2019 has it.
 */
import { COLUMN_ROLES, ColumnMapping } from "../../core";

export const MAPPING_SETTING = "soil.columnMapping";

export interface ColumnMappingStore {
  /** The mapping confirmed for this workbook's table, or null. */
  load(): ColumnMapping | null;
  save(mapping: ColumnMapping): Promise<void>;
}

/** A stored value as a mapping: an object of name → role, nothing else (a hand-edited setting is ignored). */
export function asMapping(value: unknown): ColumnMapping | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0 || !entries.every(([, role]) => typeof role === "string" && (COLUMN_ROLES as readonly string[]).includes(role))) return null;
  return Object.fromEntries(entries) as ColumnMapping;
}

export function documentSettingsStore(settings: Office.Settings): ColumnMappingStore {
  return {
    load: () => asMapping(settings.get(MAPPING_SETTING)),
    save: (mapping) =>
      new Promise((resolve, reject) => {
        settings.set(MAPPING_SETTING, mapping);
        settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Failed ? reject(new Error(result.error.message)) : resolve()));
      }),
  };
}

/** The same in memory: outside Excel (the test double), where there is no document to keep it in. */
export function memoryStore(initial: ColumnMapping | null = null): ColumnMappingStore {
  let kept = initial;
  return {
    load: () => kept,
    save: async (mapping) => {
      kept = mapping;
    },
  };
}
