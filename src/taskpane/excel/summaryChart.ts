/**
 * The stacked bar chart on 部门汇总: one bar per department (the total row left out), one series per
 * 到期状态 column. It is made in two requests because, when it is added, SOIL.SUMMARY has not computed
 * yet (custom functions are asynchronous and calculation was just suspended): Excel may then make
 * fewer series from the empty source than the status columns, or none, and ChartSeriesCollection.
 * getItemAt would fail. So the series Excel made are loaded first, then each status gets exactly one.
 */
import { STATUS_STYLES, SUMMARY_HEADERS, SUMMARY_STATUSES } from "../../core";
import { blockAddress } from "./cells";
import { OPERATION_OVERHEAD } from "./payload";
import { WorkbookSession } from "./session";

export const SUMMARY_CHART_NAME = "SoilSummaryChart";
const FIRST_STATUS_COLUMN = SUMMARY_HEADERS.indexOf(SUMMARY_STATUSES[0]);
const LAST_STATUS_COLUMN = FIRST_STATUS_COLUMN + SUMMARY_STATUSES.length - 1;

export interface PendingChart {
  chart: Excel.Chart;
  sheet: Excel.Worksheet;
  /** Sheet row of the last department. */
  lastRow: number;
}

/** Queues the chart over the status columns of `departmentCount` rows, and a load of the series Excel makes (ExcelApi 1.1 + axis order 1.7). */
export function startSummaryChart(sheet: Excel.Worksheet, departmentCount: number): PendingChart {
  const lastRow = departmentCount + 1;
  const source = sheet.getRange(blockAddress(FIRST_STATUS_COLUMN, LAST_STATUS_COLUMN, 2, lastRow));
  const chart = addStatusBarChart(sheet, source, "各责任单位工作要求到期状态", "K2", `T${Math.max(24, lastRow + 4)}`);
  chart.name = SUMMARY_CHART_NAME;
  return { chart, sheet, lastRow };
}

/**
 * A stacked bar chart of per-department status counts (departments top to bottom, legend below) over
 * `source`, placed over topLeft..bottomRight, with a load of the series Excel made (for setChartSeries).
 * ExcelApi 1.1, the axis order 1.7. Queues only.
 */
export function addStatusBarChart(sheet: Excel.Worksheet, source: Excel.Range, title: string, topLeft: string, bottomRight: string): Excel.Chart {
  const chart = sheet.charts.add("BarStacked", source, "Columns");
  chart.title.text = title;
  chart.legend.position = "Bottom";
  chart.axes.categoryAxis.reversePlotOrder = true;
  chart.setPosition(topLeft, bottomRight);
  chart.series.load("items/name");
  return chart;
}

/** One series to give a chart: its name, the cells of its values and its colour. */
export interface SeriesSpec {
  name: string;
  values: Excel.Range;
  color?: string;
}

/**
 * After a load of `chart.series`: exactly one series per spec (reusing those Excel made from the source),
 * named, coloured, over `categories`; extra ones deleted (ExcelApi 1.7). Queues only.
 */
export function setChartSeries(chart: Excel.Chart, categories: Excel.Range, specs: readonly SeriesSpec[]): void {
  const made = chart.series.items;
  specs.forEach((spec, i) => {
    const series = made[i] ?? chart.series.add(spec.name);
    series.setValues(spec.values);
    series.name = spec.name;
    series.setXAxisValues(categories);
    if (spec.color) series.format.fill.setSolidColor(spec.color);
  });
  for (let i = made.length - 1; i >= specs.length; i--) made[i].delete();
}

/** After the load: exactly one series per status, over its column, named and coloured, departments as categories (ExcelApi 1.7). Queues only. */
export function completeSummaryChart({ chart, sheet, lastRow }: PendingChart): void {
  setChartSeries(
    chart,
    sheet.getRange(blockAddress(0, 0, 2, lastRow)),
    SUMMARY_STATUSES.map((status, i) => {
      const column = FIRST_STATUS_COLUMN + i;
      return { name: status, values: sheet.getRange(blockAddress(column, column, 2, lastRow)), color: STATUS_STYLES[status]?.font };
    }),
  );
}

export const CHART_FAILED_NOTICE = "Excel 未能生成“部门汇总”中的图表，其余内容均已写入；如需图表，可选中汇总数据后手工插入条形图。";

/**
 * session.finish() with the chart in its last request, then the series in one more. A chart Excel
 * refuses is removed and reported as a notice: it must not fail an import whose data is all written.
 * `sheet` null (no 部门汇总), no departments or no ExcelApi 1.7: no chart. `afterCalculation` queues
 * small operations that need computed cells (row heights) in the same final request, before the chart.
 */
export async function finishWithSummaryChart(session: WorkbookSession, sheet: Excel.Worksheet | null, departmentCount: number, afterCalculation?: () => void): Promise<string[]> {
  if (!sheet || departmentCount === 0 || !session.features.chartSeries) {
    // Calculation never suspended (ExcelApi < 1.6): the formulas computed as they were written, so the small
    // operations ride in the last batch of writes instead of a request of their own.
    if (afterCalculation && !session.calculationSuspended) {
      await session.batcher.add(OPERATION_OVERHEAD, afterCalculation);
      await session.finish();
    } else {
      await session.finish(afterCalculation);
    }
    return [];
  }
  const started: { chart?: PendingChart } = {};
  try {
    await session.finish(() => {
      afterCalculation?.();
      started.chart = startSummaryChart(sheet, departmentCount);
    });
    completeSummaryChart(started.chart!);
    await session.batcher.sync();
    return [];
  } catch (error) {
    if (!started.chart) throw error;
    try {
      started.chart.chart.delete();
      await session.batcher.sync();
    } catch {
      // The chart may not exist at all; nothing else to undo.
    }
    return [CHART_FAILED_NOTICE];
  }
}
