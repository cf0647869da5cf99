/**
 * The registry presets and the default 督办规则, read from the data files in presets/ (JSON: bundled
 * into the pane and the functions by webpack, read from disk by the CLI). The office edits those files,
 * or the 单位名录 / 说明 sheets of its workbook; nothing here is a plan fact of its own.
 */
import handan2017 from "../../presets/registries/handan-2017.json";
import reform2019 from "../../presets/registries/reform-2019.json";
import defaultRules from "../../presets/rules/default.json";
import { DepartmentRegistry, registryFromPreset, RegistryPresetData } from "./registry";

export interface RegistryPreset {
  id: string;
  label: string;
  description: string;
  registry: DepartmentRegistry;
}

function preset(data: RegistryPresetData): RegistryPreset {
  return { id: data.id, label: data.label, description: data.description ?? "", registry: registryFromPreset(data) };
}

/** The presets an office picks from (besides building the registry from the table). */
export const REGISTRY_PRESETS: readonly RegistryPreset[] = [preset(handan2017 as RegistryPresetData), preset(reform2019 as RegistryPresetData)];

/** The id that means “build the registry from the table itself”. */
export const TABLE_REGISTRY_ID = "none";

export function registryPreset(id: string): RegistryPreset | null {
  return REGISTRY_PRESETS.find((p) => p.id === id || p.label === id) ?? null;
}

/** The registry of the bundled table (the first of REGISTRY_PRESETS, a file under presets/registries): what resolution uses when it is given none. */
export const BUNDLED_REGISTRY: DepartmentRegistry = REGISTRY_PRESETS[0].registry;

/** The default 督办规则 as data (presets/rules/default.json). */
export const DEFAULT_RULES_DATA: { planName: string; cadence: string; reportDay: number; dueSoonDays: number } = defaultRules;
