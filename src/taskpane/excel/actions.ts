/** The real ExcelActions: each action is one Excel.run with a fresh session. */
import { assertImportable, Day, ParsedTable, SoilUserError } from "../../core";
import { filterByDepartment, readStatusBoard, refreshBoard, selectRequirement, setAsOf } from "./board";
import { populateWorkbook } from "./populate";
import { reimportWorkbook } from "./reimport";
import { ExcelFeatures } from "./requirements";
import { WorkbookSession } from "./session";
import { ExcelActions } from "./types";

/** Excel.run, or a test double's run. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function createExcelActions(run: ExcelRun, features: ExcelFeatures): ExcelActions {
  const withSession = <T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> => {
    if (!features.minimum) {
      return Promise.reject(new SoilUserError("此版本的 Excel 过旧，SOIL 无法使用（需要 ExcelApi 1.4 及以上）。", "请使用 Microsoft 365、Excel 2019 及以上版本，或网页版 Excel。"));
    }
    return run((context) => work(new WorkbookSession(context, features)));
  };
  /** The core's gate first: a table that cannot be imported (no table, columns missing, another plan) writes nothing. */
  const importing = async <T>(table: ParsedTable, work: (session: WorkbookSession) => Promise<T>): Promise<T> => {
    assertImportable(table);
    return withSession(work);
  };
  return {
    populate: (table: ParsedTable, asOf: Day) => importing(table, (s) => populateWorkbook(s, table, asOf)),
    reimport: (table: ParsedTable, today: Day) => importing(table, (s) => reimportWorkbook(s, table, today)),
    readStatusBoard: () => withSession(readStatusBoard),
    refresh: () => withSession(refreshBoard),
    filterByDepartment: (department: string | null) => withSession((s) => filterByDepartment(s, department)),
    selectRequirement: (id: string) => withSession((s) => selectRequirement(s, id)),
    setAsOf: (day: Day) => withSession((s) => setAsOf(s, day)),
  };
}
