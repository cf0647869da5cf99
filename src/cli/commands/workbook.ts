/** `npm run workbook -- [--source <文件>] [--out <路径>] [--as-of <日期>]`: the portable .xlsx. */
import { existsSync, statSync } from "fs";
import path from "path";
import { Day, isoFromDay } from "../../core/dates";
import { SoilUserError } from "../../core/errors";
import { tableOverview } from "../../core/serialize";
import { WriteStage, writeWorkbookFile } from "../../xlsx/writeWorkbookFile";
import { asOfOption } from "../dateOption";
import { CommandIo } from "../io";
import { assertMayWrite } from "../outputGuard";
import { BUNDLED_SOURCE, readTable } from "../source";
import { ParseOptions } from "../../core/parseTable";
import { SourceOptions } from "../../sources/tableSource";
import { TABLE_OPTION_NAMES, TABLE_OPTIONS_USAGE, tableOptions, withRegistry } from "../tableOptions";
import { BUNDLED_REGISTRY } from "../../core/presets";
import { cadenceText, DEFAULT_CADENCE, SupervisionRules } from "../../core/rules";
import { registryReport } from "../../core/tableRegistry";
import { rulesOption, RULES_USAGE } from "../registryOption";

export const DEFAULT_OUT = path.join("out", "SOIL-任务督办.xlsx");
export const WORKBOOK_USAGE = `用法：npm run workbook -- [--source <分工表.txt|.csv|.docx|.xlsx>] [--out <输出.xlsx>] [--as-of <YYYY-MM-DD>] [--force] [选项]\n${TABLE_OPTIONS_USAGE}\n  ${RULES_USAGE}   督办规则。默认：${cadenceText(DEFAULT_CADENCE)}（presets/rules/default.json）`;

export interface WorkbookArgs {
  source: string;
  out: string;
  /** null: the file's 统计日期 is =TODAY(). */
  asOf: Day | null;
  /** --force: replace an existing file at `out`. */
  force: boolean;
  /** How to read the source: a confirmed column mapping, the plan's year, the sheet. */
  read: ParseOptions & SourceOptions;
  /** --registry as given (read by withRegistry: it may read a file). */
  registry?: string;
  /** 督办规则 from --cadence / --report-day / --plan-name (and the plan year read with the table). */
  rules: SupervisionRules;
}

const OPTIONS = ["source", "out", "as-of", "cadence", "report-day", "plan-name", ...TABLE_OPTION_NAMES] as const;

/** --name value or --name=value, each at most once. */
export function parseWorkbookArgs(argv: string[]): WorkbookArgs {
  const given: Partial<Record<(typeof OPTIONS)[number], string>> = {};
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--force") {
      force = true;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    const name = m?.[1] as (typeof OPTIONS)[number] | undefined;
    if (!m || !name || !OPTIONS.includes(name)) throw new SoilUserError(`不认识的参数“${argv[i]}”`, WORKBOOK_USAGE);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === "") throw new SoilUserError(`参数 --${name} 后面缺少值`, WORKBOOK_USAGE);
    if (given[name] !== undefined) throw new SoilUserError(`参数 --${name} 重复出现`, WORKBOOK_USAGE);
    given[name] = value;
  }
  const asOf = asOfOption(given["as-of"]);
  const rules = rulesOption({ cadence: given.cadence, reportDay: given["report-day"], planName: given["plan-name"] });
  return { source: given.source ?? BUNDLED_SOURCE, out: outputPath(given.out ?? DEFAULT_OUT), asOf, force, read: tableOptions(given, WORKBOOK_USAGE), registry: given.registry, rules };
}

/** An existing folder (or a path ending in a separator) gets the default file name; the name must end in .xlsx. */
function outputPath(out: string): string {
  const isFolder = /[\\/]$/.test(out) || (existsSync(out) && statSync(out).isDirectory());
  const file = isFolder ? path.join(out, path.basename(DEFAULT_OUT)) : out;
  if (path.extname(file).toLowerCase() !== ".xlsx") {
    throw new SoilUserError(`输出文件“${file}”的扩展名不是 .xlsx`, "请用 --out 指定以 .xlsx 结尾的文件名");
  }
  return file;
}

const STAGE_LABELS: Record<WriteStage, string> = {
  build: "生成工作表",
  compress: "压缩为 .xlsx",
  save: "保存文件",
};

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

export async function workbookCommand(argv: string[], io: CommandIo): Promise<number> {
  const args = parseWorkbookArgs(argv);
  assertMayWrite([args.out], { force: args.force, inputs: [args.source] });
  const started = Date.now();
  io.stdout(`读取分工表：${args.source}\n`);
  const table = await readTable(args.source, await withRegistry(args.read, args.registry));
  const overview = tableOverview(table);
  io.stdout(
    `解析完成：任务 ${overview.tasks} 项，工作要求 ${overview.requirements} 条，涉及单位 ${overview.departments} 个` +
      `（注意 ${overview.diagnostics.warning} 条，错误 ${overview.diagnostics.error} 条；详情见 npm run soil -- parse）\n`,
  );
  io.stdout(registryReport(table, BUNDLED_REGISTRY).join("\n") + "\n");
  io.stdout(`督办规则：${cadenceText(args.rules)}反馈进展\n`);
  io.stdout(`统计日期：${args.asOf === null ? "打开文件当天（=TODAY()）" : isoFromDay(args.asOf)}\n`);
  // The plan year given (--plan-year) or read from the table's title goes into 说明 with the other rules.
  const rules: SupervisionRules = { ...args.rules, planYear: args.read.planYear ?? table.planYear ?? null };
  const written = await writeWorkbookFile(table, args.out, {
    asOf: args.asOf,
    rules,
    sourceName: path.basename(args.source),
    onStage: (stage) => io.stdout(`${STAGE_LABELS[stage]}${stage === "build" ? `（${overview.requirements} 行）` : ""}…\n`),
  });
  io.stdout(`完成：${written.path}（${formatBytes(written.bytes)}，用时 ${Date.now() - started} ms）\n`);
  return 0;
}
