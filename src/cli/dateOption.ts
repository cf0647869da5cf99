/** The --as-of option of every command: a real date (YYYY-MM-DD) within the dates the sheet takes. */
import { Day, dayFromIso } from "../core/dates";
import { SoilUserError } from "../core/errors";
import { dateRangeProblem } from "../core/layout";

const HINT = "统计日期请写成 YYYY-MM-DD，例如 --as-of 2018-12-20";

/** null when the option is not given; a SoilUserError for a text that is no date or a date out of range. */
export function asOfOption(text: string | undefined): Day | null {
  if (text === undefined) return null;
  const day = dayFromIso(text);
  if (day === null) throw new SoilUserError(`“${text}”不是有效日期`, HINT);
  const problem = dateRangeProblem(day, "统计日期");
  if (problem !== null) throw new SoilUserError(problem, HINT);
  return day;
}
