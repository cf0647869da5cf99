/** `soil parse <file> [--json] [--columns …] [--plan-year …] [--sheet …]`: the table as a readable summary or as JSON. */
import { SoilUserError } from "../../core/errors";
import { formatOverview, tableToJson } from "../../core/serialize";
import { CommandIo } from "../io";
import { BUNDLED_SOURCE, readTable } from "../source";
import { TABLE_OPTION_NAMES, TABLE_OPTIONS_USAGE, TableOptionName, tableOptions } from "../tableOptions";

export const PARSE_USAGE = `用法：npm run soil -- parse [<分工表.txt|.csv|.docx|.xlsx>] [--json] [选项]   （省略文件时读取内置分工表）\n${TABLE_OPTIONS_USAGE}`;

export async function parseCommand(argv: string[], io: CommandIo): Promise<number> {
  let json = false;
  const files: string[] = [];
  const given: Partial<Record<TableOptionName, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") {
      json = true;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      files.push(arg);
      continue;
    }
    const name = m[1] as TableOptionName;
    if (!TABLE_OPTION_NAMES.includes(name)) throw new SoilUserError(`不认识的选项：${arg}`, PARSE_USAGE);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === "") throw new SoilUserError(`参数 --${name} 后面缺少值`, PARSE_USAGE);
    if (given[name] !== undefined) throw new SoilUserError(`参数 --${name} 重复出现`, PARSE_USAGE);
    given[name] = value;
  }
  if (files.length > 1) throw new SoilUserError("一次只能解析一个文件", PARSE_USAGE);
  const file = files[0] ?? BUNDLED_SOURCE;
  const table = await readTable(file, tableOptions(given, PARSE_USAGE));
  io.stdout(json ? JSON.stringify(tableToJson(table), null, 2) + "\n" : formatOverview(table, file) + "\n");
  return 0;
}
