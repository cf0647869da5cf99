/** Populating an empty workbook from a parsed table: the SOIL sheets (打印清单 included) in a fixed number of syncs plus one per ~4 MB of rows. */
import {
  ARCHIVE_COLUMNS,
  BUNDLED_REGISTRY,
  columnIndex,
  Day,
  DEFAULT_RULES,
  extraColumns,
  GUIDE_COLUMN_WIDTHS,
  ParsedTable,
  PRINT_SETUPS,
  PRINT_SHEET,
  responsibleDepartments,
  SHEETS,
  SoilUserError,
  SUMMARY_HEADERS,
  SupervisionRules,
  TASK_COLUMNS,
  TASK_SHEET_PRINT_THROUGH,
  TASK_TABLE,
  taskRows,
  workbookRegistry,
} from "../../core";
import { writeArchiveFrame } from "./archiveSheet";
import { blockAddress } from "./cells";
import { writeGuideSheet } from "./guideSheet";
import { setUpPrinting } from "./pageLayout";
import { printSheetPrint, queuePrintRowHeights, writePrintFrame, writePrintRows } from "./printSheet";
import { OPERATION_OVERHEAD } from "./payload";
import { writeRegistrySheet } from "./registrySheet";
import { probedDialect, probeSheetTaken, queueFunctionProbe } from "./probe";
import { skippedFeatureNotices } from "./requirements";
import { WorkbookSession } from "./session";
import { finishWithSummaryChart } from "./summaryChart";
import { summarySheetBytes, writeSummarySheet } from "./summarySheet";
import { styleTaskBody, writeExtraColumns, writeTaskFrame, writeTaskRows } from "./taskSheet";
import { PopulateOutcome } from "./types";

/** Budget for the small structural writes (sheets, headers, guide text, styles, summary). */
const FRAME_BYTES = 40 * OPERATION_OVERHEAD;

/** Names of the worksheets in the workbook (one sync). */
export async function sheetNames(session: WorkbookSession): Promise<string[]> {
  const { context } = session;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

export async function populateWorkbook(session: WorkbookSession, table: ParsedTable, asOf: Day, rules: SupervisionRules = DEFAULT_RULES): Promise<PopulateOutcome> {
  const { context, features, batcher } = session;
  let rows = taskRows(table, { flavor: "addin" });
  if (rows.length === 0) {
    throw new SoilUserError("分工表中没有识别出任何工作要求，未写入工作簿。", "请检查所选文件或粘贴的内容是否包含“序号、牵头部门……完成时限”表格。");
  }
  const step = (n: number, what: string, done?: number) => session.progress({ step: n, steps: 4, what, done, total: done === undefined ? undefined : rows.length });
  step(1, "检查工作簿");
  // Whether SOIL functions run: tried in the request that reads the sheet names.
  const probe = queueFunctionProbe(context, features);
  const names = await sheetNames(session).catch((error: unknown) => {
    throw probeSheetTaken(error) ?? error;
  });
  const dialect = probedDialect(probe);
  const flavor = dialect.flavor;
  if (flavor !== "addin") rows = taskRows(table, { flavor });
  if (names.includes(SHEETS.tasks)) return { kind: "exists" };
  const taken = [...Object.values(SHEETS), PRINT_SHEET].filter((name) => names.includes(name));
  if (taken.length > 0) {
    throw new SoilUserError(
      `工作簿中已有名为“${taken.join("”“")}”的工作表，但没有“${SHEETS.tasks}”。`,
      "请将这些工作表改名或删除，或在新建的空白工作簿中生成。",
    );
  }

  const sheets = context.workbook.worksheets;
  const departments = responsibleDepartments(table);
  // 单位名录 as written: the built-in 部门汇总 reads its bodies from there.
  const registry = workbookRegistry(table, BUNDLED_REGISTRY);
  let tasks!: Excel.Worksheet;
  let summary!: Excel.Worksheet;
  let printList!: Excel.Worksheet;
  step(2, "新建工作表");
  await batcher.add(FRAME_BYTES, () => {
    tasks = sheets.add(SHEETS.tasks);
    writeTaskFrame(tasks, features);
    summary = sheets.add(SHEETS.summary);
    writeGuideSheet(sheets.add(SHEETS.guide), asOf, dialect, { ...rules, planYear: rules.planYear ?? table.planYear ?? null });
    printList = sheets.add(PRINT_SHEET);
    writePrintFrame(printList, features);
    writeArchiveFrame(sheets.add(SHEETS.archive), features);
    // The registry the table was read with and the bodies it adds: the preview's count of bodies.
    writeRegistrySheet(sheets.add(SHEETS.registry), registry, features, dialect.flavor);
  });
  step(3, "写入任务清单", 0);
  await writeTaskRows(batcher, tasks, rows, 2, (written) => step(3, "写入任务清单", written));
  const extras = extraColumns(table);
  await writeExtraColumns(batcher, tasks, extras);
  step(4, "部门汇总、图表与计算");
  await batcher.add(FRAME_BYTES + summarySheetBytes(departments, rows.length, flavor, registry), () => {
    // Values first, then the table over them (faster than adding rows to a table).
    const taskTable = tasks.tables.add(blockAddress(0, TASK_COLUMNS.length + extras.headers.length - 1, 1, rows.length + 1), true);
    taskTable.name = TASK_TABLE;
    taskTable.style = "TableStyleLight1";
    styleTaskBody(tasks, rows.length, features);
    writeSummarySheet(summary, departments, rows.length, dialect, registry);
    tasks.activate();
    tasks.getRange("A2").select();
  });
  await writePrintRows(batcher, printList, rows.length, features);
  const chartNotices = await finishWithSummaryChart(session, summary, departments.length, () => queuePrintRowHeights(printList, rows.length + 1));
  const printNotices = await setUpPrinting(context, features, [
    { sheet: tasks, setup: PRINT_SETUPS[SHEETS.tasks], lastColumn: columnIndex(TASK_SHEET_PRINT_THROUGH) },
    { sheet: summary, setup: PRINT_SETUPS[SHEETS.summary], lastColumn: SUMMARY_HEADERS.length - 1 },
    { sheet: sheets.getItem(SHEETS.guide), setup: PRINT_SETUPS[SHEETS.guide], lastColumn: GUIDE_COLUMN_WIDTHS.length - 1 },
    { sheet: sheets.getItem(SHEETS.archive), setup: PRINT_SETUPS[SHEETS.archive], lastColumn: ARCHIVE_COLUMNS.length - 1 },
    printSheetPrint(printList),
  ]);
  return { kind: "created", rows: rows.length, notices: [...(dialect.notice ? [dialect.notice] : []), ...skippedFeatureNotices(features), ...chartNotices, ...printNotices] };
}
