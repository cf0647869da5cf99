/**
 * Writing into the task table without taking its filters away from co-authors. A table filter is shared: every
 * co-author sees it (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins). SOIL's
 * writes need the table unfiltered (rows of a filtered table are not deleted, office-js #994; values written over
 * filtered rows land in the wrong places, office-js #224), so:
 * - where sheet views exist (ExcelApiOnline 1.1, and the object in this Office.js), SOIL clears the filters in a
 *   temporary sheet view of its user's own and leaves that view at the end: the shared filters are never touched;
 * - elsewhere it reads each column's filter, clears them only if there are any, and applies them again in its last
 *   request (the pane says so: co-authors see the table unfiltered for the moment of the re-import).
 */
import { OPERATION_OVERHEAD, PayloadBatcher } from "./payload";
import { WorkbookSession } from "./session";

export interface KeptFilters {
  /** Queues what makes the table unfiltered for SOIL's writes; the notice for the pane, if co-authors see it. */
  unfilter(batcher: PayloadBatcher): Promise<string | null>;
  /** Queues what puts the table's filters back (or leaves the temporary view). */
  restore(batcher: PayloadBatcher): Promise<void>;
}

/** Queues the reads it needs (nothing is sent): call before the sync that follows. `headers`: the table's own. */
export function keepFilters(session: WorkbookSession, sheet: Excel.Worksheet, table: Excel.Table, headers: readonly unknown[]): KeptFilters {
  const views = session.features.sheetViews ? sheet.namedSheetViews : undefined;
  if (views) {
    return {
      unfilter: async (batcher) => {
        await batcher.add(2 * OPERATION_OVERHEAD, () => {
          views.enterTemporary();
          table.clearFilters();
        });
        return null;
      },
      restore: (batcher) => batcher.add(OPERATION_OVERHEAD, () => views.exit()),
    };
  }
  const columns = headers.filter((h): h is string => typeof h === "string" && h !== "").map((name) => ({ name, filter: table.columns.getItem(name).filter.load("criteria") }));
  const applied = () => columns.filter((c) => c.filter.criteria && c.filter.criteria.filterOn !== undefined);
  return {
    unfilter: async (batcher) => {
      if (applied().length === 0) return null;
      await batcher.add(OPERATION_OVERHEAD, () => table.clearFilters());
      return "任务清单设有筛选（协作者共享）：重新导入时短暂清除，写入后已按原样恢复。";
    },
    restore: async (batcher) => {
      for (const c of applied()) {
        const criteria = c.filter.criteria;
        await batcher.add(OPERATION_OVERHEAD, () => table.columns.getItem(c.name).filter.apply(criteria));
      }
    },
  };
}
