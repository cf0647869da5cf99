/**
 * Re-importing a newer table into a filled-in workbook: reads the task table, lets the core plan
 * (src/core/reimport.ts), then writes only source cells, appends new rows, moves removed rows to
 * 归档 and rewrites the computed formulas for the new extent. Typed cells are never written.
 */
import {
  ARCHIVE_COLUMNS,
  BUNDLED_REGISTRY,
  CellValue,
  computedFormulas,
  Day,
  NUMBER_FORMATS,
  ParsedTable,
  mergeRegistries,
  planReimport,
  PRINT_SHEET,
  registryFromRows,
  responsibleDepartments,
  SHEETS,
  SourceUpdate,
  TASK_COLUMNS,
  workbookRegistry,
} from "../../core";
import { appendArchiveRows, writeArchiveFrame } from "./archiveSheet";
import { blockAddress, indexRuns, officeValue } from "./cells";
import { loadPlanYearCell, writePlanYear, writeReportDates } from "./guideSheet";
import { chunkRows, estimateJsonBytes, OPERATION_OVERHEAD, PAYLOAD_BUDGET } from "./payload";
import { readTaskTable } from "./readTasks";
import { writeRegistrySheet } from "./registrySheet";
import { probedDialect, probeSheetTaken, queueFunctionProbe } from "./probe";
import { WorkbookSession } from "./session";
import { keepFilters } from "./filters";
import { setUpPrinting } from "./pageLayout";
import { printSheetPrint, queuePrintRowHeights, writePrintFrame, writePrintRows } from "./printSheet";
import { finishWithSummaryChart, SUMMARY_CHART_NAME } from "./summaryChart";
import { summarySheetBytes, writeSummarySheet } from "./summarySheet";
import { FORMULA_RUNS, styleTaskBody, writeTaskRows } from "./taskSheet";
import { ReimportOutcome } from "./types";

/** Source-column runs within the sheet's SOIL columns (`width`: no 参与部门 in a workbook written before it). */
const sourceRuns = (width: number) => indexRuns(width, (i) => TASK_COLUMNS[i].role === "source");
const BLOCK_BUDGET = PAYLOAD_BUDGET / 4;

/** Consecutive updated rows become one block per source-column run. */
function updateBlocks(updates: SourceUpdate[]): SourceUpdate[][] {
  const sorted = [...updates].sort((a, b) => a.rowIndex - b.rowIndex);
  const blocks: SourceUpdate[][] = [];
  for (const u of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last[last.length - 1].rowIndex === u.rowIndex - 1) last.push(u);
    else blocks.push([u]);
  }
  return blocks.flatMap((block) => chunkRows(block, BLOCK_BUDGET, (u) => estimateJsonBytes(u.cells)));
}

export async function reimportWorkbook(session: WorkbookSession, table: ParsedTable, today: Day): Promise<ReimportOutcome> {
  const { context, features, batcher } = session;
  // Whether SOIL functions run (tried first, see probe.ts) and which SOIL sheets are there: both in the
  // request of the table check (the first sync of readTaskTable).
  const probe = queueFunctionProbe(context, features);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const step = (n: number, what: string) => session.progress({ step: n, steps: 4, what });
  step(1, "读取任务清单并按编号比对");
  const read = await readTaskTable(session).catch((error: unknown) => {
    throw probeSheetTaken(error) ?? error;
  });
  const dialect = probedDialect(probe);
  const flavor = dialect.flavor;
  const plan = planReimport({ headers: read.headers, rows: read.rows }, table);

  // What else the writes need to know: where 归档 ends, which of 部门汇总's charts is SOIL's.
  // Only sheets that exist are navigated (nothing is asked of a null object).
  const present = new Set(sheets.items.map((s) => s.name));
  const archive = present.has(SHEETS.archive) ? sheets.getItem(SHEETS.archive) : null;
  const archiveUsed = archive?.getUsedRangeOrNullObject(true).load("rowCount,rowIndex");
  const summary = present.has(SHEETS.summary) ? sheets.getItem(SHEETS.summary) : null;
  const guide = present.has(SHEETS.guide) ? sheets.getItem(SHEETS.guide) : null;
  // 方案年份, so that the year the table was read with is the one the workbook keeps (the pane reads the table with
  // the workbook's year unless the user typed another; that one is kept for the next re-import).
  const planYearCell = guide ? loadPlanYearCell(guide) : null;
  // The workbook's own 单位名录: what the office added there is kept when the sheet is written again.
  const registryUsed = present.has(SHEETS.registry) ? sheets.getItem(SHEETS.registry).getUsedRange().load("values") : null;
  summary?.charts.load("items/name");
  // The table may be wider than SOIL's columns (the source table's own, written after them): it keeps its width.
  const width = Math.max(plan.width, read.headers.length);
  // Where the new rows would go just below the table: written there only if nothing is in the way.
  const belowTable =
    plan.additions.length > 0
      ? read.sheet.getRange(blockAddress(0, width - 1, 2 + read.rows.length, 1 + read.rows.length + plan.additions.length)).load("formulas")
      : null;
  const filters = keepFilters(session, read.sheet, read.table, read.headers);
  await context.sync();
  const appendBelow = belowTable !== null && belowTable.formulas.every((row) => row.every((f) => f === "" || f === null));

  const { sheet, table: taskTable } = read;
  // Rows of a filtered table cannot be deleted (office-js #994) and writes over hidden rows misplace values
  // (office-js #224): SOIL writes into an unfiltered table, without clearing what co-authors see (filters.ts).
  const filterNotice = await filters.unfilter(batcher);

  step(2, `更新 ${plan.updates.length} 条工作要求`);
  // 1. Source cells of matched rows, in place (rows as read start at sheet row 2).
  for (const block of updateBlocks(plan.updates)) {
    const top = block[0].rowIndex + 2;
    const bottom = top + block.length - 1;
    for (const [a, b] of sourceRuns(plan.width)) {
      const values = block.map((u) => TASK_COLUMNS.slice(a, b + 1).map((c) => officeValue((u.cells[c.key] ?? null) as CellValue)));
      const formats = block.map(() => TASK_COLUMNS.slice(a, b + 1).map((c) => NUMBER_FORMATS[c.format]));
      await batcher.add(estimateJsonBytes(values) + estimateJsonBytes(formats) + 2 * OPERATION_OVERHEAD, () => {
        const range = sheet.getRange(blockAddress(a, b, top, bottom));
        range.numberFormat = formats;
        range.values = values;
      });
    }
  }

  step(3, `归档 ${plan.archive.length} 条、追加 ${plan.additions.length} 条`);
  // 2. Removed requirements to 归档, then out of the table (bottom up, so indices stay valid).
  if (plan.archive.length > 0) {
    let archiveSheet = archive;
    let firstFree = !archiveUsed || archiveUsed.isNullObject ? 2 : Math.max(2, archiveUsed.rowIndex + archiveUsed.rowCount + 1);
    if (!archiveSheet) {
      await batcher.add(OPERATION_OVERHEAD * ARCHIVE_COLUMNS.length, () => {
        archiveSheet = sheets.add(SHEETS.archive);
        writeArchiveFrame(archiveSheet, features);
      });
      firstFree = 2;
    }
    await appendArchiveRows(batcher, archiveSheet!, plan.archive.map((a) => a.cells), firstFree, today);
    const descending = [...plan.archive].sort((a, b) => b.rowIndex - a.rowIndex);
    for (const a of descending) await batcher.add(OPERATION_OVERHEAD, () => taskTable.rows.getItemAt(a.rowIndex).delete());
  }

  // 3. New requirements at the end, as Microsoft's coauthoring page adds rows: values written just below the table,
  //    which Excel expands over them (TableRowCollection.add causes merge conflicts under coauthoring,
  //    https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins). Whether it grew is read
  //    back: where it did not (AutoCorrect's table expansion turned off), it is resized (ExcelApi 1.13), or before
  //    1.13 the rows go in through the table. Something kept below the table is never overwritten.
  const kept = read.rows.length - plan.archive.length;
  if (plan.additions.length > 0) {
    const addThroughTable = async () => {
      const blanks = plan.additions.map(() => Array.from({ length: width }, () => ""));
      await batcher.addValues(blanks, () => {
        taskTable.rows.add(undefined, blanks);
      });
      await writeTaskRows(batcher, sheet, plan.additions, 2 + kept);
    };
    if (appendBelow) {
      await writeTaskRows(batcher, sheet, plan.additions, 2 + kept);
      const extent = taskTable.getRange().load("rowCount");
      await batcher.sync();
      if (extent.rowCount < 1 + plan.finalRowCount) {
        const written = blockAddress(0, plan.width - 1, 2 + kept, 1 + plan.finalRowCount);
        if (features.tableResize) {
          await batcher.add(OPERATION_OVERHEAD, () => taskTable.resize(blockAddress(0, width - 1, 1, 1 + plan.finalRowCount)));
        } else {
          await batcher.add(OPERATION_OVERHEAD, () => sheet.getRange(written).clear());
          await addThroughTable();
        }
      }
    } else {
      await addThroughTable();
    }
  }

  step(4, "计算列、样式与部门汇总");
  // 4. Computed cells for the whole new extent (rows moved up when archived rows left), in the
  //    flavour this Excel computes.
  const formulaRows = Array.from({ length: plan.finalRowCount }, (_, i) => {
    const f = computedFormulas(2 + i, flavor);
    return [f.dueStatus, f.daysLeft, f.feedbackLate];
  });
  const [firstFormula, lastFormula] = FORMULA_RUNS[0];
  let top = 2;
  for (const block of chunkRows(formulaRows, BLOCK_BUDGET)) {
    const at = top;
    await batcher.addValues(block, () => {
      sheet.getRange(blockAddress(firstFormula, lastFormula, at, at + block.length - 1)).formulas = block;
    });
    top += block.length;
  }

  // 5. Styles over the new extent; 部门汇总 and 说明's report dates for the new set of departments and
  //    this Excel's flavour; SOIL's chart replaced (charts a user added stay).
  const departments = responsibleDepartments(table);
  // 单位名录 under the registry the table was read with (a renaming moves the workbook to its names).
  const keptRegistry = registryUsed ? registryFromRows(registryUsed.values, SHEETS.registry) : null;
  const registry = mergeRegistries(workbookRegistry(table, BUNDLED_REGISTRY), keptRegistry);
  await batcher.add(40 * OPERATION_OVERHEAD + summarySheetBytes(departments, plan.finalRowCount, flavor, registry), () => {
    styleTaskBody(sheet, plan.finalRowCount, features, plan.width);
    if (guide) writeReportDates(guide, dialect);
    const yearCell = planYearCell?.();
    if (guide && yearCell?.present && table.planYear !== undefined && yearCell.year !== table.planYear) writePlanYear(guide, table.planYear);
    if (present.has(SHEETS.registry)) sheets.getItem(SHEETS.registry).delete();
    writeRegistrySheet(sheets.add(SHEETS.registry), registry, features, flavor);
    if (summary) {
      for (const chart of summary.charts.items) if (chart.name === SUMMARY_CHART_NAME) chart.delete();
      writeSummarySheet(summary, departments, plan.finalRowCount, dialect, registry);
    }
  });

  // 6. 打印清单 mirrors the new extent (a workbook made before it existed gets it, with its page layout in one
  //    more request); the rows it covered beyond are cleared, so nothing archived prints stale or as #REF!.
  const printList = present.has(PRINT_SHEET) ? sheets.getItem(PRINT_SHEET) : null;
  let newPrintList: Excel.Worksheet | null = null;
  if (!printList) {
    await batcher.add(20 * OPERATION_OVERHEAD, () => {
      newPrintList = sheets.add(PRINT_SHEET);
      writePrintFrame(newPrintList, features);
    });
  }
  const printSheet = (printList ?? newPrintList)!;
  const mirrored = printList ? read.rows.length : 0;
  await writePrintRows(batcher, printSheet, plan.finalRowCount, features, mirrored);

  await filters.restore(batcher);
  const notices = await finishWithSummaryChart(session, summary, departments.length, () =>
    queuePrintRowHeights(printSheet, Math.max(plan.finalRowCount, mirrored) + 1),
  );
  const printNotices = newPrintList ? await setUpPrinting(context, features, [printSheetPrint(newPrintList)]) : [];
  return { report: plan.report, notices: [...(dialect.notice ? [dialect.notice] : []), ...(filterNotice ? [filterNotice] : []), ...notices, ...printNotices] };
}
