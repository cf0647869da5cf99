import { textGrid } from "../../core/parseTable";
import { tableTitle } from "../../core/tableTitle";

/** The name the pane shows for the bundled table: the title its text gives itself (《》 dropped), marked 内置. */
export function bundledTableName(text: string): string {
  const title = tableTitle(textGrid(text))?.replace(/[《》]/g, "").trim();
  return title ? `${title}（内置）` : "内置分工表";
}
