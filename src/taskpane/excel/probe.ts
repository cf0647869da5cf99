/**
 * Whether SOIL's functions run in this Excel, found by trying one. `isSetSupported("CustomFunctionsRuntime")` has
 * answered yes where custom functions do not run (office-js #884, #1031, #3504: Office 2016 Professional Plus, Mac
 * retail 2019), and an add-in deployed through a SharePoint app catalog, or whose functions.json failed to load,
 * registers none: every SOIL cell would show #NAME?. So the pane writes `=SOIL.NEXTREPORT(1)` into a scratch sheet,
 * reads the cell back and deletes the sheet, all in the request its first read sends anyway (no sync of its own).
 */
import { SoilUserError } from "../../core";
import { ExcelFeatures, FormulaDialect } from "./requirements";

export const PROBE_FORMULA = "=SOIL.NEXTREPORT(1)";
/** A name no workbook of the office uses; the sheet lives for one request. */
const PROBE_SHEET = "SOIL_probe";

const PORTABLE_REASON = "“到期状态”“剩余天数”“反馈逾期”和“部门汇总”改用 Excel 内置公式计算，结果相同。";

/** The probe's cell (its values loaded), or null where the requirement set already says no. */
export type FunctionProbe = Excel.Range | null;

/**
 * Queues the probe (nothing is sent); after the next context.sync() `probedDialect` tells the flavour and, for
 * built-in formulas, why in Chinese. The four operations come before anything else in that request, so a later
 * operation that fails (no task table …) cannot leave the scratch sheet behind.
 */
export function queueFunctionProbe(context: Excel.RequestContext, features: ExcelFeatures): FunctionProbe {
  if (!features.customFunctions) return null;
  const sheet = context.workbook.worksheets.add(PROBE_SHEET);
  const cell = sheet.getRange("A1");
  cell.formulas = [[PROBE_FORMULA]];
  cell.load("values");
  sheet.delete();
  return cell;
}

/** After the sync that sent the probe. */
export function probedDialect(probe: FunctionProbe): FormulaDialect {
  if (!probe) return { flavor: "portable", notice: `此版本 Excel 不支持 SOIL 自定义函数（需 CustomFunctionsRuntime 1.2），${PORTABLE_REASON}` };
  return verdict(probe.values[0][0]);
}

/**
 * A number: the functions run. #BUSY! (Excel on the web while an asynchronous function computes): registered and
 * called, so they run too. #NAME? (not registered) or any other error: built-in formulas.
 */
function verdict(value: unknown): FormulaDialect {
  if (typeof value === "number" || value === "#BUSY!" || value === "#GETTING_DATA") return { flavor: "addin" };
  const shown = typeof value === "string" && value !== "" ? value : "空值";
  return {
    flavor: "portable",
    notice:
      `SOIL 自定义函数在此 Excel 中没有运行（试算 ${PROBE_FORMULA} 得到 ${shown}），${PORTABLE_REASON}` +
      "常见原因：加载项经 SharePoint 应用目录部署（不含自定义函数）、函数说明文件 functions.json 未能加载，或此 Excel 版本实际不运行自定义函数。",
  };
}

/** The probe's scratch sheet name taken by a sheet of the user's: said plainly instead of Excel's ItemAlreadyExists. */
export function probeSheetTaken(error: unknown): SoilUserError | null {
  const code = (error as { code?: string }).code;
  if (code !== "ItemAlreadyExists") return null;
  return new SoilUserError(`工作簿中已有名为“${PROBE_SHEET}”的工作表，SOIL 用它试算自定义函数。`, "请将该工作表改名后重试。");
}
