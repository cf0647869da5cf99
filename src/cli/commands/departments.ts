/**
 * `soil export <主表.xlsx> [--department <单位>] [--out <文件夹>]`: one file per department (only its rows);
 * `soil merge <主表.xlsx> <部门文件.xlsx>... [--out <合并后.xlsx>]`: the returned files merged into a copy of
 * the master, with every conflict and rejection on its 合并冲突 sheet. Thin over src/core and src/xlsx.
 */
import { readFileSync, statSync } from "fs";
import path from "path";
import { today } from "../../core/dates";
import { canonicalDepartmentName, departmentFileName } from "../../core/departmentFile";
import { applyUpdates, DepartmentMergePlan, departmentsOfTable, formatMergeReport, planDepartmentMerge } from "../../core/departmentMerge";
import { isGenericDepartment } from "../../core/departments";
import { BUNDLED_REGISTRY } from "../../core/presets";
import { SHEETS } from "../../core/layout";
import { readRegistrySheet } from "../../xlsx/readRegistry";
import { assertExportRecord, fileNameDepartmentWarning } from "../../core/exportRecord";
import { SoilUserError } from "../../core/errors";
import { fitMergePlan } from "../../core/cellLimit";
import { assertWorkbookCellsFit } from "../../xlsx/cellLimit";
import { buildDepartmentWorkbook } from "../../xlsx/departmentWorkbook";
import { mergeIntoMasterFile } from "../../xlsx/mergeWorkbook";
import { readDepartmentWorkbook, readMasterWorkbook } from "../../xlsx/readWorkbook";
import { assertNotOpenElsewhere, writeFileAtomic } from "../../xlsx/writeWorkbookFile";
import { asOfOption } from "../dateOption";
import { CommandIo } from "../io";
import { departmentNames, workbookAsOf } from "../options";
import { assertMayWrite, resolvedPath } from "../outputGuard";

export const EXPORT_USAGE = "用法：npm run soil -- export <主表.xlsx> [--department <责任单位>[,<责任单位>…]] [--out <文件夹>] [--as-of <日期>] [--force]";
export const MERGE_USAGE = "用法：npm run soil -- merge <主表.xlsx> <部门文件.xlsx>... [--out <合并后.xlsx>] [--force]";

/**
 * Positional arguments, --name value / --name=value options (each at most once) and --flag switches
 * (--force: replace existing outputs).
 */
export function parseArguments(
  argv: string[],
  names: readonly string[],
  usage: string,
  flags: readonly string[] = ["force"],
): { files: string[]; options: Record<string, string>; flags: Set<string> } {
  const files: string[] = [];
  const options: Record<string, string> = {};
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) {
      files.push(argv[i]);
      continue;
    }
    if (flags.includes(m[1]) && m[2] === undefined) {
      given.add(m[1]);
      continue;
    }
    if (!names.includes(m[1])) throw new SoilUserError(`不认识的参数“${argv[i]}”`, usage);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === "") throw new SoilUserError(`参数 --${m[1]} 后面缺少值`, usage);
    if (options[m[1]] !== undefined) throw new SoilUserError(`参数 --${m[1]} 重复出现`, usage);
    options[m[1]] = value;
  }
  return { files, options, flags: given };
}

export function readXlsx(file: string): Buffer {
  try {
    if (statSync(file).isDirectory()) throw new SoilUserError(`“${file}”是一个文件夹，不是 .xlsx 文件`);
    return readFileSync(file);
  } catch (error) {
    if (error instanceof SoilUserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new SoilUserError(`找不到文件“${file}”`, "请检查路径是否正确");
    throw new SoilUserError(`无法读取“${file}”：${(error as Error).message}`);
  }
}

export async function exportCommand(argv: string[], io: CommandIo): Promise<number> {
  const { files, options, flags } = parseArguments(argv, ["department", "out", "as-of"], EXPORT_USAGE);
  const asOfGiven = asOfOption(options["as-of"]);
  if (files.length !== 1) throw new SoilUserError("请给出一个主表文件（由 npm run workbook 生成、办公室保存的 .xlsx）", EXPORT_USAGE);
  const started = Date.now();
  const master = await readMasterWorkbook(readXlsx(files[0]), path.basename(files[0]));
  // Department files take the master's as-of date (说明!B2) unless --as-of says otherwise.
  const asOf = asOfGiven ?? workbookAsOf(master.workbook);
  // The master's own 单位名录 (the bundled registry in a master older than it): which names are one body, which are collective.
  const registry = readRegistrySheet(master.workbook, SHEETS.registry) ?? BUNDLED_REGISTRY;
  // Several names ("A,B" or "A、B"): each is exported, none silently dropped.
  const departments =
    options.department !== undefined
      ? [...new Set(departmentNames(options.department).map((d) => canonicalDepartmentName(d, registry)))]
      : departmentsOfTable(master.table, registry).filter((d) => !isGenericDepartment(d, registry));
  const outDir = options.out ?? "out";
  const exportedOn = today();
  if (master.exportKey === null) {
    throw new SoilUserError(`“${path.basename(files[0])}”中没有导出签名密钥（由较早版本的 SOIL 生成），导出的文件将无法核验`, "请在 Excel 中打开此主表，用 SOIL 任务窗格的“报告与权限”导出一次部门文件（会在主表中建立密钥），保存后再用命令行导出。不要为此重新生成主表：新生成的主表不含各部门已填写的内容。");
  }
  const exportKey = master.exportKey;
  const outFiles = departments.map((department) => path.join(outDir, departmentFileName(department)));
  // Every file is checked before the first is written: a refusal leaves the folder as it was.
  assertMayWrite(outFiles, { force: flags.has("force"), inputs: [files[0]] });
  outFiles.forEach(assertNotOpenElsewhere);
  // Every file is built and checked before the first is written: a refusal writes none.
  const built = [];
  for (const department of departments) {
    const { workbook, rows } = await buildDepartmentWorkbook(master.table, department, { exportedOn, asOf, exportKey, registry });
    assertWorkbookCellsFit(workbook, "主表中有超过 Excel 单元格上限的内容（可能由其他软件保存），请在主表中缩短该单元格后再导出。");
    built.push({ department, rows, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) });
  }
  for (const [i, { department, rows, bytes }] of built.entries()) {
    const file = outFiles[i];
    await writeFileAtomic(file, bytes);
    io.stdout(`${department}：${rows} 行 → ${path.resolve(file)}（${(bytes.length / 1024).toFixed(1)} KB）\n`);
  }
  io.stdout(`完成：导出 ${departments.length} 个部门文件，用时 ${Date.now() - started} ms\n`);
  return 0;
}

export async function mergeCommand(argv: string[], io: CommandIo): Promise<number> {
  const { files, options, flags } = parseArguments(argv, ["out"], MERGE_USAGE);
  if (files.length < 2) throw new SoilUserError("请给出主表和至少一个部门交回的文件", MERGE_USAGE);
  const [masterFile, ...returnedFiles] = files;
  const out = options.out ?? path.join(path.dirname(masterFile), `${path.basename(masterFile, path.extname(masterFile))}-已合并.xlsx`);
  if (path.extname(out).toLowerCase() !== ".xlsx") throw new SoilUserError(`输出文件“${out}”的扩展名不是 .xlsx`, MERGE_USAGE);
  if (resolvedPath(out) === resolvedPath(masterFile)) throw new SoilUserError("合并结果不能覆盖主表本身", "请用 --out 指定另一个文件名，核对后再替换主表");
  assertMayWrite([out], { force: flags.has("force"), inputs: files });
  assertNotOpenElsewhere(out);
  const masterBytes = readXlsx(masterFile);
  const master = await readMasterWorkbook(masterBytes, path.basename(masterFile));
  let table = master.table;
  // The master's own 单位名录 (the bundled registry in a master older than it): which rows name the department.
  const registry = readRegistrySheet(master.workbook, SHEETS.registry) ?? BUNDLED_REGISTRY;
  const plans: DepartmentMergePlan[] = [];
  for (const file of returnedFiles) {
    const returned = await readDepartmentWorkbook(readXlsx(file), path.basename(file));
    // The department and the baseline are trusted only when the master's key signed them at export.
    await assertExportRecord(master.exportKey, returned, path.basename(file));
    const warning = fileNameDepartmentWarning(path.basename(file), canonicalDepartmentName(returned.department, registry), registry);
    if (warning) io.stdout(`${warning}\n`);
    // Each file is planned against the master with the files before it merged.
    // A value longer than a cell holds goes to 合并冲突, not into the master (core/cellLimit.ts).
    const plan = fitMergePlan(planDepartmentMerge(table, returned, registry));
    table = applyUpdates(table, plan.updates);
    plans.push(plan);
    io.stdout(`${path.basename(file)}\n${formatMergeReport(plan.report).map((l) => `  ${l}\n`).join("")}`);
    for (const i of [...plan.conflicts, ...plan.rejected, ...plan.ignored]) {
      io.stdout(`    [${ISSUE_LABELS[i.kind]}] ${i.id || "（无编号）"} ${i.column}：部门“${i.departmentValue}”，办公室“${i.office}”，原值“${i.baseline}”—${i.reason}\n`);
    }
  }
  // The master's package patched, not re-written: everything the office keeps in it survives the merge.
  const bytes = Buffer.from(await mergeIntoMasterFile(masterBytes, plans, path.basename(masterFile)));
  await writeFileAtomic(out, bytes);
  const issues = plans.reduce((n, p) => n + p.conflicts.length + p.rejected.length + p.ignored.length, 0);
  io.stdout(`完成：${path.resolve(out)}（更新 ${plans.reduce((n, p) => n + p.updates.length, 0)} 个单元格；${issues} 条记录在“合并冲突”工作表中）\n`);
  return 0;
}

const ISSUE_LABELS = { conflict: "冲突", rejected: "拒绝", ignored: "忽略" } as const;
