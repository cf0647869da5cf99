/** A table whose one task holds `rows` requirement rows: the shape that was quadratic (issue #14), for the bench and the limit tests. */
import { GridRow, TableGrid } from "../../src/core/tableGrid";

const HEADER = ["序号", "牵头部门", "参与部门", "主要工作", "工作要求", "责任单位", "完成时限"];

export function oneTaskGrid(rows: number): TableGrid {
  const grid: GridRow[] = [{ cells: HEADER, line: 1 }];
  for (let k = 0; k < rows; k++) {
    const first = k === 0;
    grid.push({
      cells: [first ? "1" : "", first ? "市环境保护局" : "", "", first ? "（一）开展土壤环境质量详查。" : "", `开展第${k + 1}项调查。`, "市环境保护局", "2018年底"],
      line: k + 2,
    });
  }
  return { rows: grid, source: "text" };
}
