/** Workbooks as SOIL wrote them before 参与部门 (issue #13), made from a current one in the Excel double. */
import { COLUMNS_BEFORE_PARTNERS, TASK_TABLE } from "../../src/core";
import { FakeWorkbook, SheetModel } from "./fakeExcel";

/** The 参与部门 column taken out of the task sheet, what followed it (类别, kept columns) moved left, SoilTasks one column narrower. */
export function asWrittenBeforePartners(book: FakeWorkbook, sheet: SheetModel): void {
  const at = COLUMNS_BEFORE_PARTNERS;
  for (const row of sheet.cells.values()) {
    const moved = [...row.entries()].filter(([c]) => c >= at).sort(([a], [b]) => a - b);
    for (const [c] of moved) row.delete(c);
    for (const [c, cell] of moved) if (c > at) row.set(c - 1, cell);
  }
  book.table(TASK_TABLE)!.box.c2 -= 1;
}
