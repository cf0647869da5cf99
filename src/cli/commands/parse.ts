/** `soil parse <file> [--json]`: the table as a readable summary or as JSON. */
import { SoilUserError } from "../../core/errors";
import { formatOverview, tableToJson } from "../../core/serialize";
import { CommandIo } from "../io";
import { BUNDLED_SOURCE, readTable } from "../source";

export const PARSE_USAGE = "用法：npm run soil -- parse [<分工表.txt>] [--json]   （省略文件时读取内置分工表）";

export async function parseCommand(argv: string[], io: CommandIo): Promise<number> {
  const json = argv.includes("--json");
  const rest = argv.filter((a) => a !== "--json");
  const unknown = rest.filter((a) => a.startsWith("--"));
  if (unknown.length > 0) throw new SoilUserError(`不认识的选项：${unknown.join(" ")}`, PARSE_USAGE);
  if (rest.length > 1) throw new SoilUserError("一次只能解析一个文件", PARSE_USAGE);
  const file = rest[0] ?? BUNDLED_SOURCE;
  const table = readTable(file);
  io.stdout(json ? JSON.stringify(tableToJson(table), null, 2) + "\n" : formatOverview(table, file) + "\n");
  return 0;
}
