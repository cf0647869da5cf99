/**
 * `soil report <主表.xlsx> --quarter 2018Q4 [--as-of <日期>] [--out <路径>]`: the quarterly report of a
 * filled-in master workbook as a printable .xlsx (A4 landscape, title rows on every page): the same
 * definition (core/report.ts) the add-in writes into the workbook. Thin over src/core and src/xlsx.
 */
import path from "path";
import { isoFromDay, localDateTimeText, today } from "../../core/dates";
import { SoilUserError } from "../../core/errors";
import { GUIDE_CELLS, SHEETS } from "../../core/layout";
import { buildQuarterlyReport, reportAsOf } from "../../core/report";
import { quarterFromCode, quarterLabel, quarterRangeProblem } from "../../core/rounds";
import { cadenceFromCells, DEFAULT_CADENCE } from "../../core/rules";
import { evaluateRows } from "../../functions/evaluateRows";
import { readCellValue, readMasterWorkbook } from "../../xlsx/readWorkbook";
import { readRegistrySheet } from "../../xlsx/readRegistry";
import { assertWorkbookCellsFit } from "../../xlsx/cellLimit";
import { buildReportWorkbook } from "../../xlsx/reportSheet";
import { assertNotOpenElsewhere, writeFileAtomic } from "../../xlsx/writeWorkbookFile";
import { asOfOption } from "../dateOption";
import { CommandIo } from "../io";
import { assertMayWrite } from "../outputGuard";
import { workbookAsOf } from "../options";
import { parseArguments, readXlsx } from "./departments";

export const REPORT_USAGE = "用法：npm run soil -- report <主表.xlsx> --quarter <2018Q4> [--as-of <日期>] [--out <报告.xlsx>] [--force]";

/** A department's file given to `report`: say what a report needs, not what a merge needs. */
async function readMasterForReport(bytes: Buffer, name: string): ReturnType<typeof readMasterWorkbook> {
  try {
    return await readMasterWorkbook(bytes, name);
  } catch (error) {
    if (error instanceof SoilUserError && error.message.includes("是导出给部门的文件")) {
      throw new SoilUserError(error.message, "季度报告按办公室的主表生成：请先用 npm run soil -- merge 把各部门交回的文件合并到主表，再对合并后的主表生成报告");
    }
    throw error;
  }
}

export async function reportCommand(argv: string[], io: CommandIo): Promise<number> {
  const { files, options, flags } = parseArguments(argv, ["quarter", "as-of", "out"], REPORT_USAGE);
  if (files.length !== 1) throw new SoilUserError("请给出一个主表文件（由 npm run workbook 生成、各单位已填写的 .xlsx）", REPORT_USAGE);
  if (options.quarter === undefined) throw new SoilUserError("请用 --quarter 指定季度，例如 --quarter 2018Q4", REPORT_USAGE);
  const quarter = quarterFromCode(options.quarter.toUpperCase());
  if (quarter === null) throw new SoilUserError(`“${options.quarter}”不是季度`, "季度写成 年份Q季度，例如 2018Q4");
  const outOfRange = quarterRangeProblem(quarter);
  if (outOfRange !== null) throw new SoilUserError(outOfRange, "季度写成 年份Q季度，例如 2018Q4");
  const given = asOfOption(options["as-of"]);

  const started = Date.now();
  const { workbook, table } = await readMasterForReport(readXlsx(files[0]), path.basename(files[0]));
  // "Not started yet" is judged at the workbook's own as-of date (说明!B2), as the add-in does; today only when it has none.
  const current = given ?? workbookAsOf(workbook) ?? today();
  const guide = workbook.getWorksheet(SHEETS.guide);
  const soon = guide ? readCellValue(guide.getCell(GUIDE_CELLS.dueSoonDays.address)) : null;
  // The master's 督办规则 (说明!B7:B8; unreadable or absent: the default, as the pane reads them) and 单位名录.
  const cadence = (guide && cadenceFromCells(readCellValue(guide.getCell(GUIDE_CELLS.cadence.address)), readCellValue(guide.getCell(GUIDE_CELLS.reportDay.address)))) || DEFAULT_CADENCE;
  const registry = readRegistrySheet(workbook, SHEETS.registry) ?? undefined;
  const asOf = reportAsOf(quarter, current);
  const rows = evaluateRows(table.rows, asOf, typeof soon === "number" && soon >= 0 ? soon : undefined, cadence, registry);
  if (rows.length === 0) throw new SoilUserError("主表的任务清单中没有工作要求，无法生成报告。");
  const generatedAt = localDateTimeText(new Date());
  const report = buildQuarterlyReport(rows, quarter, asOf, generatedAt, [], false, registry, cadence);
  const out = options.out ?? path.join("out", `${report.sheetName}.xlsx`);
  assertMayWrite([out], { force: flags.has("force"), inputs: [files[0]] });
  assertNotOpenElsewhere(out);
  const book = buildReportWorkbook(report);
  assertWorkbookCellsFit(book);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  await writeFileAtomic(out, bytes);
  const { overdue, feedbackLate: late } = report.counts;
  io.stdout(
    `${quarterLabel(quarter)}报告（统计日期 ${isoFromDay(asOf)}）：${report.blocks[0].rows.length - 1} 个单位，逾期 ${overdue} 条，反馈逾期 ${late} 条` +
      ` → ${path.resolve(out)}（${(bytes.length / 1024).toFixed(1)} KB，${Date.now() - started} ms）\n`,
  );
  const unreadable = rows.filter((r) => r.problem !== null);
  if (unreadable.length > 0) io.stdout(`注意：${unreadable.length} 行有无法识别的单元格（如 ${unreadable[0].id}：${unreadable[0].problem}），按可识别的内容统计。\n`);
  return 0;
}
