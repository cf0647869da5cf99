/** The options that say how to read a table file, shared by `parse` and `workbook`: --columns, --plan-year, --sheet. */
import { parseColumnMapping } from "../core/columns";
import { SoilUserError } from "../core/errors";
import { ParseOptions } from "../core/parseTable";
import { SourceOptions } from "../sources/tableSource";

export const TABLE_OPTION_NAMES = ["columns", "plan-year", "sheet"] as const;
export type TableOptionName = (typeof TABLE_OPTION_NAMES)[number];

export const TABLE_OPTIONS_USAGE =
  '  --columns "重点任务=task,工作措施=text,主责单位=responsible,协办单位=partners,完成时限=deadline"   说明各列内容（列名或列序号=用途；' +
  "用途：no task text lead partners responsible deadline year extra ignore）\n" +
  "  --plan-year <年份>   没有写年份的时限（年底前、7月底前）按此年份理解；默认取表格上方标题中的年份\n" +
  "  --sheet <名称或序号>   .xlsx 中要读取的工作表（默认第一张）";

/** The read options from --name value pairs already taken from the command line. */
export function tableOptions(given: Partial<Record<TableOptionName, string>>, usage: string): ParseOptions & SourceOptions {
  const options: ParseOptions & SourceOptions = {};
  if (given.columns !== undefined) {
    try {
      options.columns = parseColumnMapping(given.columns);
    } catch (e) {
      throw new SoilUserError(`--columns 写法有误：${(e as Error).message}`, usage);
    }
  }
  if (given["plan-year"] !== undefined) {
    const year = Number(given["plan-year"]);
    if (!/^\d{4}$/.test(given["plan-year"]) || year < 1900) throw new SoilUserError(`“${given["plan-year"]}”不是年份`, "方案年份请写四位数字，例如 --plan-year 2018");
    options.planYear = year;
  }
  if (given.sheet !== undefined) options.sheet = given.sheet;
  return options;
}
