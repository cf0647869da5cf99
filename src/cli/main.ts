#!/usr/bin/env node
/** `npm run soil -- <command>`: a thin entry over the SOIL library. */
import { SoilUserError } from "../core/errors";
import { exportCommand, mergeCommand } from "./commands/departments";
import { parseCommand } from "./commands/parse";
import { reportCommand } from "./commands/report";
import { workbookCommand } from "./commands/workbook";
import { CommandIo, processIo } from "./io";
import { swallowedByNpm } from "./options";

type Command = (argv: string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  parse: { run: parseCommand, help: "parse [<文件>] [--json]      解析分工表，打印摘要或 JSON" },
  workbook: { run: workbookCommand, help: "workbook [--source <文件>] [--out <路径>] [--as-of <日期>]   生成可在任何表格软件中使用的 .xlsx" },
  export: { run: exportCommand, help: "export <主表.xlsx> [--department <单位>] [--out <文件夹>] [--as-of <日期>]   为每个责任单位导出只含本单位工作要求的 .xlsx" },
  report: { run: reportCommand, help: "report <主表.xlsx> --quarter <2018Q4> [--as-of <日期>] [--out <路径>]   生成季度报告（A4 横向，可打印）" },
  merge: { run: mergeCommand, help: "merge <主表.xlsx> <部门文件.xlsx>... [--out <合并后.xlsx>]   合并部门交回的文件，冲突列在“合并冲突”工作表" },
};

function usage(): string {
  return ["SOIL 土壤污染防治重点任务督办", "", "命令：", ...Object.values(COMMANDS).map((c) => `  npm run soil -- ${c.help}`), ""].join("\n");
}

/** Runs a command line; user mistakes become a message and exit code 2, anything else 1. */
export async function runCli(argv: string[], io: CommandIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  const swallowed = swallowedByNpm(env);
  if (swallowed.length > 0) {
    // npm took these options for itself and passed their values on as plain arguments: nothing can be read right.
    io.stderr(
      `错误：npm 把 ${swallowed.join("、")} 当成了它自己的参数，没有交给 SOIL（“npm run soil”后面少了 --）。\n` +
        `提示：在选项前加上 --，例如 npm run soil -- ${[name ?? "export", ...rest.slice(0, 1)].join(" ")} ${swallowed[0]} …\n`,
    );
    return 2;
  }
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`不认识的命令“${name}”\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof SoilUserError) {
      io.stderr(`错误：${error.message}\n${error.hint ? `提示：${error.hint}\n` : ""}`);
      return 2;
    }
    io.stderr(`内部错误：${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
