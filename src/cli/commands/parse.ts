/** `soil parse <file> [--json]`: the table as a readable summary or as JSON. */
import { SoilUserError } from "../../core/errors";
import { formatOverview, tableToJson } from "../../core/serialize";
import { CommandIo } from "../io";
import { BUNDLED_REGISTRY } from "../../core/presets";
import { registryReport } from "../../core/tableRegistry";
import { readRegistryOption, REGISTRY_USAGE } from "../registryOption";
import { BUNDLED_SOURCE, readTable } from "../source";
import { parseArguments } from "./departments";

export const PARSE_USAGE = `用法：npm run soil -- parse [<分工表.txt>] [--json] [--registry <名录>]   （省略文件时读取内置分工表）\n${REGISTRY_USAGE}`;

export async function parseCommand(argv: string[], io: CommandIo): Promise<number> {
  const { files: rest, options, flags } = parseArguments(argv, ["registry"], PARSE_USAGE, ["json"]);
  const json = flags.has("json");
  if (rest.length > 1) throw new SoilUserError("一次只能解析一个文件", PARSE_USAGE);
  const file = rest[0] ?? BUNDLED_SOURCE;
  const table = readTable(file, await readRegistryOption(options.registry));
  if (json) io.stdout(JSON.stringify(tableToJson(table), null, 2) + "\n");
  else io.stdout(formatOverview(table, file) + "\n" + registryReport(table, BUNDLED_REGISTRY).join("\n") + "\n");
  return 0;
}
