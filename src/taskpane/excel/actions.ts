/** The real ExcelActions: each action is one Excel.run with a fresh session. */
import { Day, ParsedTable, SoilUserError } from "../../core";
import { CreateWorkbook, exportDepartmentFile, mergeDepartmentFile } from "./departmentFiles";
import { filterByDepartment, readStatusBoard, refreshBoard, selectRequirement, setAsOf } from "./board";
import { populateWorkbook } from "./populate";
import { reimportWorkbook } from "./reimport";
import { ExcelFeatures } from "./requirements";
import { WorkbookSession } from "./session";
import { ExcelActions } from "./types";

/** Excel.run, or a test double's run. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.createWorkbook (ExcelApi 1.8), looked up when called: the global exists only inside Office. */
const officeCreateWorkbook: CreateWorkbook = async (base64) => {
  await Excel.createWorkbook(base64);
};

export function createExcelActions(run: ExcelRun, features: ExcelFeatures, createWorkbook: CreateWorkbook = officeCreateWorkbook): ExcelActions {
  const withSession = <T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> => {
    if (!features.minimum) {
      return Promise.reject(new SoilUserError("此版本的 Excel 过旧，SOIL 无法使用（需要 ExcelApi 1.4 及以上）。", "请使用 Microsoft 365、Excel 2019 及以上版本，或网页版 Excel。"));
    }
    return run((context) => work(new WorkbookSession(context, features)));
  };
  return {
    populate: (table: ParsedTable, asOf: Day) => withSession((s) => populateWorkbook(s, table, asOf)),
    reimport: (table: ParsedTable, today: Day) => withSession((s) => reimportWorkbook(s, table, today)),
    readStatusBoard: () => withSession(readStatusBoard),
    refresh: () => withSession(refreshBoard),
    filterByDepartment: (department: string | null) => withSession((s) => filterByDepartment(s, department)),
    selectRequirement: (id: string) => withSession((s) => selectRequirement(s, id)),
    setAsOf: (day: Day) => withSession((s) => setAsOf(s, day)),
    exportDepartmentFile: (department: string, today: Day) => withSession((s) => exportDepartmentFile(s, department, today, createWorkbook)),
    mergeDepartmentFile: (bytes: Uint8Array, fileName: string) => withSession((s) => mergeDepartmentFile(s, bytes, fileName)),
  };
}
