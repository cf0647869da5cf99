/**
 * The title a table gives itself. Its own module, outside core/index.ts, so that only the code that names the
 * bundled table (the pane's seed chunk) carries it.
 */
import { headerName } from "./columns";
import { readHeaderRows } from "./inputCheck";
import { isTitleRow, TableGrid } from "./tableGrid";

/**
 * The nearest row of one text above the table's first header (a document's 《…实施方案》重点任务部门分工), or
 * null when there is none (a table starting with its header) or no header at all.
 */
export function tableTitle(grid: TableGrid): string | null {
  let title: string | null = null;
  for (let i = 0; i < grid.rows.length; i++) {
    const names = grid.rows[i].cells.map(headerName);
    if (readHeaderRows(names, grid.rows[i + 1]?.cells.map(headerName) ?? []) !== null) return title;
    if (isTitleRow(grid.rows[i])) title = grid.rows[i].cells.find((c) => c.trim() !== "")!.trim();
  }
  return null;
}
