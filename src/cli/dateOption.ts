/**
 * The --as-of option of every command: a real date within the dates the sheet takes, written as a clerk writes it
 * (2018-12-05, 2018/12/5, 2018年12月5日: core's dayFromText).
 */
import { Day, dayFromText } from "../core/dates";
import { SoilUserError } from "../core/errors";
import { dateRangeProblem } from "../core/layout";

const HINT = "统计日期可写成 2018-12-05、2018/12/5 或 2018年12月5日，例如 --as-of 2018年12月20日";

/** null when the option is not given; a SoilUserError for a text that is no date or a date out of range. */
export function asOfOption(text: string | undefined): Day | null {
  if (text === undefined) return null;
  const day = dayFromText(text);
  if (day === null) throw new SoilUserError(`“${text}”不是有效日期`, HINT);
  const problem = dateRangeProblem(day, "统计日期");
  if (problem !== null) throw new SoilUserError(problem, HINT);
  return day;
}
