/**
 * `--registry <preset|file.xlsx|file.tsv>`: the 单位名录 a table is read with. A preset by its id or name
 * (presets/registries/*.json: a file's `id` or its `label`), `none` (built from
 * the table itself), or the office's own list: a 单位名录 sheet in an .xlsx, or a TSV with its header.
 */
import { readFileSync } from "fs";
import path from "path";
import { SoilUserError } from "../core/errors";
import { decodeTableBytes } from "../core/inputCheck";
import { REGISTRY_PRESETS, registryPreset, TABLE_REGISTRY_ID } from "../core/presets";
import { DepartmentRegistry, REGISTRY_HEADERS, registryConflicts, registryFromTsv } from "../core/registry";
import { cadenceFromCells, CADENCE_LABELS, CADENCES, DEFAULT_RULES, SupervisionRules } from "../core/rules";
import { loadWorkbook } from "../xlsx/readWorkbook";
import { requireRegistrySheet } from "../xlsx/readRegistry";
import { readXlsx } from "./commands/departments";

/** The registry choice: a registry, or "none" for the table's own. Undefined: the default (parseTable's). */
export type RegistryChoice = DepartmentRegistry | typeof TABLE_REGISTRY_ID;

export const REGISTRY_USAGE =
  `--registry <名录>：${REGISTRY_PRESETS.map((p) => `${p.id}（${p.label}）`).join("、")}、none（按分工表自身建立），` +
  `或单位名录文件（.xlsx 的“单位名录”工作表，或表头为 ${REGISTRY_HEADERS.join("、")} 的 .tsv）`;

export async function readRegistryOption(value: string | undefined): Promise<RegistryChoice | undefined> {
  if (value === undefined) return undefined;
  if (value === TABLE_REGISTRY_ID) return TABLE_REGISTRY_ID;
  const preset = registryPreset(value);
  if (preset) return preset.registry;
  const ext = path.extname(value).toLowerCase();
  const label = path.basename(value, ext);
  let registry: DepartmentRegistry;
  if (ext === ".xlsx") registry = requireRegistrySheet(await loadWorkbook(readXlsx(value), value), label);
  else if (ext === ".tsv" || ext === ".txt") {
    let bytes: Buffer;
    try {
      bytes = readFileSync(value);
    } catch {
      throw new SoilUserError(`找不到单位名录文件“${value}”`, REGISTRY_USAGE);
    }
    registry = registryFromTsv(decodeTableBytes(bytes, value).text, label);
  } else throw new SoilUserError(`不认识的单位名录“${value}”`, REGISTRY_USAGE);
  if (registry.entries.length === 0) throw new SoilUserError(`单位名录“${value}”中没有任何单位`, `请检查表头（${REGISTRY_HEADERS.join("、")}）和内容`);
  const conflicts = registryConflicts(registry);
  if (conflicts.length > 0) throw new SoilUserError(`单位名录“${value}”中有写法同时属于两个单位：${conflicts.slice(0, 3).join("；")}`, "一个写法只能属于一个单位，请修改后再试");
  return registry;
}

export const RULES_USAGE = `--cadence <${CADENCES.map((c) => CADENCE_LABELS[c]).join("|")}> --report-day <1-28> --plan-name <方案名称>`;

/** 督办规则 from --cadence / --report-day / --plan-name (defaults: presets/rules/default.json). */
export function rulesOption(options: { cadence?: string; reportDay?: string; planName?: string }): SupervisionRules {
  const cadence = cadenceFromCells(options.cadence, options.reportDay);
  if (cadence === null) throw new SoilUserError(`反馈周期“${options.cadence ?? ""}”或反馈截止日“${options.reportDay ?? ""}”无效`, RULES_USAGE);
  return { ...DEFAULT_RULES, ...cadence, planName: options.planName ?? DEFAULT_RULES.planName };
}
