/**
 * Reading the task table back. Excel on the web caps a response at 5 MB too, so the body is read
 * in blocks of READ_ROWS rows, one sync each (a row of the seed table is well under 2 KB of JSON),
 * and in smaller blocks when Excel still answers ResponsePayloadSizeLimitExceeded.
 */
import { DepartmentRegistry, registryFromRows, SHEETS, SoilUserError, TASK_TABLE, taskColumnCount } from "../../core";
import { blockAddress } from "./cells";
import { WorkbookSession } from "./session";

export const READ_ROWS = 1500;

export interface TaskTableRead {
  sheet: Excel.Worksheet;
  table: Excel.Table;
  headers: unknown[];
  /** Body rows, taskColumnCount(headers) cells each: SOIL's columns this workbook has (no 参与部门 in an older one). */
  rows: unknown[][];
  /** Whether 任务清单 is protected (then its cells' formats cannot be changed). */
  protected: boolean;
  /** The workbook's 单位名录 (null in a workbook written before it had one: the bundled registry applies). */
  registry: DepartmentRegistry | null;
}

/**
 * Finds SoilTasks on 任务清单 (one sync) and checks it sits at A1 of that sheet, as the layout's
 * formulas assume. getItem, not getItemOrNullObject: the header range and the sheet's protection
 * are read in the same request, and a missing table or sheet fails it with ItemNotFound (navigating
 * from a null object is not something the API documents).
 */
/** "read": reading, filtering, selecting (allowed on a protected sheet); "write": SOIL writes source cells. */
export type TableAccess = "read" | "write";

export async function findTaskTable(session: WorkbookSession, access: TableAccess = "write"): Promise<{ sheet: Excel.Worksheet; table: Excel.Table; protected: boolean }> {
  const { context } = session;
  const table = context.workbook.tables.getItem(TASK_TABLE);
  const header = table.getHeaderRowRange().load("address");
  const sheet = context.workbook.worksheets.getItem(SHEETS.tasks);
  const protection = sheet.protection.load("protected");
  try {
    await context.sync();
  } catch (error) {
    throw (error as { code?: string }).code === "ItemNotFound" ? noTable() : error;
  }
  const [, sheetPart = "", cells = ""] = /^(.*)!(.*)$/.exec(header.address) ?? [];
  if (sheetPart.replace(/^'(.*)'$/, "$1").replace(/''/g, "'") !== SHEETS.tasks || !/^\$?A\$?1:/.test(cells)) {
    throw new SoilUserError(`任务表 ${TASK_TABLE} 已不在“${SHEETS.tasks}”工作表的 A1 单元格起始位置，公式无法对应。`, `请将表格移回“${SHEETS.tasks}”的 A1 起始位置后重试。`);
  }
  if (access === "write" && protection.protected) {
    throw new SoilUserError(`“${SHEETS.tasks}”工作表受保护，SOIL 无法写入。`, "请在“报告与权限”页（或“审阅”选项卡）撤销工作表保护后重试。");
  }
  return { sheet, table, protected: protection.protected };
}

function noTable(): SoilUserError {
  return new SoilUserError(
    `工作簿中没有 SOIL 任务表（“${SHEETS.tasks}”工作表中名为 ${TASK_TABLE} 的表格）。`,
    "请先在“导入”页生成工作簿；如表格被改名，请改回 SoilTasks。",
  );
}

export async function readTaskTable(session: WorkbookSession, access: TableAccess = "write"): Promise<TaskTableRead> {
  const { context } = session;
  const { sheet, table, protected: isProtected } = await findTaskTable(session, access);
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("rowCount");
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  // The 单位名录 is read with the first block (no request of its own); only a sheet that exists is navigated.
  const registryCells = sheets.items.some((s) => s.name === SHEETS.registry) ? sheets.getItem(SHEETS.registry).getUsedRange().load("values") : null;
  const rows: unknown[][] = [];
  // Not TASK_COLUMNS.length: in a workbook written before 参与部门, that column holds 类别 or the source's own.
  const width = taskColumnCount(header.values[0]);
  let perRead = READ_ROWS;
  for (let start = 0; start < body.rowCount; ) {
    const count = Math.min(perRead, body.rowCount - start);
    const block = sheet.getRange(blockAddress(0, width - 1, 2 + start, 1 + start + count)).load("values");
    // One block per sync keeps each response under the limit.
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // Long 进展情况 texts can make READ_ROWS rows too much for one response: read fewer.
      if ((error as { code?: string }).code !== "ResponsePayloadSizeLimitExceeded" || count === 1) throw error;
      perRead = Math.ceil(count / 2);
      continue;
    }
    rows.push(...block.values);
    start += count;
  }
  if (registryCells && rows.length === 0) await context.sync();
  const registry = registryCells ? registryFromRows(registryCells.values, SHEETS.registry) : null;
  // An empty table still has one (blank) body row.
  const data = rows.length === 1 && rows[0].every((v) => v === "" || v === null) ? [] : rows;
  return { sheet, table, headers: header.values[0], rows: data, protected: isProtected, registry: registry && registry.entries.length > 0 ? registry : null };
}
