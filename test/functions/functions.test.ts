/**
 * SOIL.* functions on real Excel date serials around the edges (the due day itself, quarter
 * boundaries, leap days, Excel's phantom 1900-02-29) and on wrong input, which must come back as
 * #VALUE! or #N/A with a Chinese message — never as an exception of another kind.
 */
import { columnIndex, ROW_INPUT_WIDTH, SUMMARY_HEADERS, SUMMARY_STATUSES, TASK_HEADERS, today, serialFromDay } from "../../src/core";
import * as soil from "../../src/functions/functions";
import { cellResult, errorCell, installCustomFunctions } from "./fakeCustomFunctions";
import { seedSheet, serial, tableRange } from "./fixtures";

const SUMMARY_STATUS_SET = new Set<string>(SUMMARY_STATUSES);

installCustomFunctions();

const DUE_2018 = serial("2018-12-31"); // 2018年底
const valueError = (text: string) => ({ error: "#VALUE!", message: expect.stringContaining(text) });
const naError = (text: string) => ({ error: "#N/A", message: expect.stringContaining(text) });

/** A task-sheet row A..K with the given cells filled. */
function row(cells: Partial<Record<"deadlineRaw" | "dueDate" | "progress" | "lastFeedback" | "completedOn" | "responsible", unknown>>): unknown[][] {
  const out: unknown[] = Array.from({ length: ROW_INPUT_WIDTH }, () => "");
  for (const [key, value] of Object.entries(cells)) out[columnIndex(key as "progress")] = value;
  return [out];
}

describe("SOIL.DUEDATE", () => {
  test.each([
    ["2018年底", DUE_2018],
    ["2018年6月", serial("2018-06-30")],
    ["2020 年", serial("2020-12-31")],
    ["２０１９年底", serial("2019-12-31")],
    ["2018年底 2018年底", DUE_2018],
    ["2020年2月", serial("2020-02-29")], // leap day
    ["2019年2月", serial("2019-02-28")],
    ["1900年2月", 59], // last real day before Excel's phantom 1900-02-29
    ["1900年3月", serial("1900-03-31")],
    ["2018-06-30", serial("2018-06-30")],
    [43465, 43465], // a date cell
    [61, 61], // 1900-03-01
  ])("%p → %p", (deadline, expected) => {
    expect(soil.dueDate(deadline)).toBe(expected);
  });

  test("1900 quirk: serial 59 is 1900-02-28, 61 is 1900-03-01, and 1900-03-31 is serial 91", () => {
    expect(serial("1900-02-28")).toBe(59);
    expect(serial("1900-03-01")).toBe(61);
    expect(soil.dueDate("1900年3月")).toBe(91);
  });

  test.each([
    ["持续推进", "没有截止日期"],
    ["持续进行", "没有截止日期"],
    ["", "完成时限为空"],
    ["明年上半年左右", "无法识别"],
    ["2017年起", "起始时间"],
  ])("%p → #N/A", (deadline, message) => {
    expect(cellResult(() => soil.dueDate(deadline))).toEqual(naError(message));
  });

  test("an empty cell (null on the web, 0 on the desktop) → #N/A", () => {
    expect(cellResult(() => soil.dueDate(null))).toEqual(naError("完成时限为空"));
    expect(cellResult(() => soil.dueDate(0))).toEqual(naError("完成时限为空"));
  });

  test.each([
    [60, "不是有效的 Excel 日期"], // the phantom 1900-02-29
    [-5, "不是有效的 Excel 日期"],
    [true, "应为文字或日期"],
  ])("%p → #VALUE!", (deadline, message) => {
    expect(cellResult(() => soil.dueDate(deadline))).toEqual(valueError(message));
  });

  test("an error value in the cell keeps its kind: #N/A stays #N/A, others become #VALUE!", () => {
    expect(cellResult(() => soil.dueDate(errorCell("#N/A")))).toEqual(naError("错误值 #N/A"));
    expect(cellResult(() => soil.dueDate(errorCell("#REF!")))).toEqual(valueError("错误值 #REF!"));
    expect(cellResult(() => soil.dueDate({ type: "Entity", text: "x" }))).toEqual(valueError("无法读取"));
  });

  // The generated metadata sets allowCustomDataForDataTypeAny, so Excel may pass Excel.CellValue objects.
  test("error values as Excel.ErrorCellValue objects keep their kind too", () => {
    expect(cellResult(() => soil.dueDate({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }))).toEqual(naError("错误值 #N/A"));
    expect(cellResult(() => soil.dueDate({ type: "Error", errorType: "NotAvailable" }))).toEqual(naError("错误值 #N/A"));
    expect(cellResult(() => soil.dueDate({ type: "Error", basicValue: "#DIV/0!", errorType: "Div0" }))).toEqual(valueError("错误值 #DIV/0!"));
    expect(cellResult(() => soil.dueDate({ type: "Error", errorType: "Ref" }))).toEqual(valueError("错误值 #Ref"));
  });

  test("basic data types read as their value; an empty data type as an empty cell", () => {
    expect(soil.dueDate({ type: "String", basicValue: "2018年底" })).toBe(DUE_2018);
    expect(soil.dueDate({ type: "FormattedNumber", basicValue: DUE_2018, numberFormat: "yyyy-mm-dd" })).toBe(DUE_2018);
    expect(soil.dueDate({ type: "Double", basicValue: DUE_2018 })).toBe(DUE_2018);
    expect(cellResult(() => soil.dueDate({ type: "Empty", basicValue: "" }))).toEqual(naError("完成时限为空"));
    expect(cellResult(() => soil.dueDate({ type: "Double" }))).toEqual(valueError("无法读取"));
  });
});

describe("SOIL.STATUS", () => {
  test("around the due day of 2018年底 (a single deadline cell)", () => {
    const cell = [["2018年底"]];
    expect(soil.status(cell, DUE_2018 + 1, null)).toBe("已逾期");
    expect(soil.status(cell, DUE_2018, null)).toBe("临期"); // the due day itself is not overdue
    expect(soil.status(cell, DUE_2018 - 30, null)).toBe("临期");
    expect(soil.status(cell, DUE_2018 - 31, null)).toBe("按期推进");
    expect(soil.status(cell, DUE_2018 - 10, 7)).toBe("按期推进");
    expect(soil.status(cell, DUE_2018, 0)).toBe("临期");
    expect(soil.status(cell, DUE_2018 - 1, 0)).toBe("按期推进");
    expect(soil.status(cell, DUE_2018 - 10, "15")).toBe("临期");
    expect(soil.status(cell, DUE_2018 - 10, "")).toBe("临期"); // empty 临期提醒天数 → 30
  });

  test("leap day deadline 2020年2月", () => {
    expect(soil.status([["2020年2月"]], serial("2020-02-29"), 0)).toBe("临期");
    expect(soil.status([["2020年2月"]], serial("2020-03-01"), null)).toBe("已逾期");
  });

  test("two cells (完成时限, 状态), across or down", () => {
    expect(soil.status([["2018年底", "已完成"]], DUE_2018 + 100, null)).toBe("已完成");
    expect(soil.status([["2018年底"], ["推进中"]], DUE_2018 + 1, null)).toBe("已逾期");
    expect(soil.status([["2018年底", " 已完成 "]], DUE_2018 + 1, null)).toBe("已完成");
  });

  test("a full row: 完成日期 on or before the as-of day means done", () => {
    const done = row({ deadlineRaw: "2018年底", dueDate: DUE_2018, progress: "推进中", completedOn: serial("2018-12-15") });
    expect(soil.status(done, serial("2018-12-14"), null)).toBe("临期");
    expect(soil.status(done, serial("2018-12-15"), null)).toBe("已完成");
    expect(soil.status(row({ deadlineRaw: "2018年底", completedOn: "2018-11-30" }), DUE_2018, null)).toBe("已完成");
  });

  test("the sheet's 截止日期 wins over the date read from 完成时限 (as in the portable formulas)", () => {
    const moved = row({ deadlineRaw: "2018年底", dueDate: serial("2018-06-30") });
    expect(soil.status(moved, serial("2018-07-01"), null)).toBe("已逾期");
    expect(soil.daysLeft(moved, serial("2018-06-01"))).toBe(29);
  });

  test("other deadline kinds", () => {
    expect(soil.status([["持续推进"]], DUE_2018, null)).toBe("持续推进");
    expect(soil.status([["2019年起"]], serial("2018-12-31"), null)).toBe("未到期");
    expect(soil.status([["2019年起"]], serial("2019-01-01"), null)).toBe("持续推进");
    expect(soil.status([[""]], DUE_2018, null)).toBe("时限待定");
    expect(soil.status([["待定"]], DUE_2018, null)).toBe("时限待定");
    expect(soil.status([[DUE_2018]], DUE_2018 + 1, null)).toBe("已逾期"); // a date typed into 完成时限
  });

  test("as_of omitted or empty means today", () => {
    const todaySerial = serialFromDay(today());
    for (const asOf of [null, undefined, ""]) {
      expect(soil.status([["2018年底"]], asOf, null)).toBe(soil.status([["2018年底"]], todaySerial, null));
      expect(soil.nextReport(asOf)).toBe(soil.nextReport(todaySerial));
    }
  });

  test("empty cells as the desktop passes them (0) read as empty, not as serial 0", () => {
    const zeros: unknown[][] = [Array.from({ length: ROW_INPUT_WIDTH }, () => 0)];
    expect(soil.status(zeros, DUE_2018, null)).toBe("时限待定");
    zeros[0][columnIndex("deadlineRaw")] = "2018年底";
    expect(soil.status(zeros, DUE_2018 + 1, null)).toBe("已逾期");
    expect(soil.feedbackLate(zeros, DUE_2018)).toBe(true);
    expect(soil.status([["2018年底"]], 0, null)).toBe(soil.status([["2018年底"]], serialFromDay(today()), null));
    expect(soil.status([["2018年底"]], DUE_2018 - 10, 0)).toBe("按期推进"); // 0 days is a real window
  });

  test("as_of as date text: ISO, slashes, Chinese", () => {
    for (const text of ["2018-12-31", "2018/12/31", "2018年12月31日", "２０１８－１２－３１".replace(/－/g, "-")]) {
      expect(soil.daysLeft([["2018年底"]], text)).toBe(0);
    }
  });

  test.each([
    ["明天", "统计日期"],
    [true, "统计日期"],
    [60, "不是有效的 Excel 日期"],
    ["2018-02-30", "不是日期"],
  ])("as_of %p → #VALUE!", (asOf, message) => {
    expect(cellResult(() => soil.status([["2018年底"]], asOf, null))).toEqual(valueError(message));
  });

  test.each([
    [-1, "临期提醒天数"],
    ["三十", "临期提醒天数"],
    [false, "临期提醒天数"],
  ])("due_soon_days %p → #VALUE!", (days, message) => {
    expect(cellResult(() => soil.status([["2018年底"]], DUE_2018, days))).toEqual(valueError(message));
  });

  test("ranges of the wrong shape → #VALUE! naming the expected shape", () => {
    const shapes = [
      [["2018年底", "推进中"], ["x", "y"]],
      [["a", "b", "c", "d", "e"]],
      [Array.from({ length: TASK_HEADERS.length + 1 }, () => "")],
    ];
    for (const range of shapes) expect(cellResult(() => soil.status(range, DUE_2018, null))).toEqual(valueError("A:O"));
    expect(soil.status([Array.from({ length: ROW_INPUT_WIDTH }, () => "")], DUE_2018, null)).toBe("时限待定");
  });

  test("an error value or bad date in a cell the status needs names the column", () => {
    expect(cellResult(() => soil.status(row({ deadlineRaw: errorCell("#REF!") }), DUE_2018, null))).toEqual(valueError("“完成时限”是错误值 #REF!"));
    expect(cellResult(() => soil.status(row({ deadlineRaw: "2018年底", completedOn: "上周" }), DUE_2018, null))).toEqual(
      valueError("“完成日期”“上周”不是日期"),
    );
    expect(cellResult(() => soil.status(row({ deadlineRaw: "2018年底", completedOn: errorCell("#N/A") }), DUE_2018, null))).toEqual(
      naError("“完成日期”是错误值 #N/A"),
    );
  });

  test("a data-type error in a range names the column and row", () => {
    const table = [[...TASK_HEADERS], row({ deadlineRaw: "2018年底", responsible: "市财政局" })[0]];
    table[1][columnIndex("progress")] = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
    expect(cellResult(() => soil.summary(table, DUE_2018, null))).toEqual(naError("任务表第 2 行“状态”是错误值 #N/A"));
  });

  test("an error value in a cell the status does not read is ignored", () => {
    expect(soil.status(row({ deadlineRaw: "2018年底", responsible: errorCell("#REF!") }), DUE_2018, null)).toBe("临期");
  });
});

describe("SOIL.OVERDUE and SOIL.DAYSLEFT", () => {
  test("the due day is not overdue, the day after is", () => {
    expect(soil.overdue([["2018年底"]], DUE_2018)).toBe(false);
    expect(soil.overdue([["2018年底"]], DUE_2018 + 1)).toBe(true);
    expect(soil.overdue([["2018年底", "已完成"]], DUE_2018 + 1)).toBe(false);
    expect(soil.overdue([["持续推进"]], DUE_2018 + 1000)).toBe(false);
    expect(soil.daysLeft([["2018年底"]], DUE_2018)).toBe(0);
    expect(soil.daysLeft([["2018年底"]], DUE_2018 + 1)).toBe(-1);
    expect(soil.daysLeft([["2018年底"]], serial("2018-01-01"))).toBe(364);
  });

  test("across a leap day", () => {
    expect(soil.daysLeft([["2020年2月"]], serial("2020-02-28"))).toBe(1);
    expect(soil.daysLeft([["2020年2月"]], serial("2020-03-01"))).toBe(-1);
    expect(soil.daysLeft([["2020年底"]], serial("2020-01-01"))).toBe(365);
  });

  test("across Excel's phantom 1900-02-29: real days, not serial differences", () => {
    // Excel's =61-59 gives 2; 1900-02-28 to 1900-03-01 is one day.
    expect(soil.daysLeft([[61]], 59)).toBe(1);
    expect(soil.daysLeft([[59]], 61)).toBe(-1);
  });

  test("no deadline → #N/A", () => {
    expect(cellResult(() => soil.daysLeft([["持续推进"]], DUE_2018))).toEqual(naError("没有截止日期"));
    expect(cellResult(() => soil.daysLeft([["2017年起"]], DUE_2018))).toEqual(naError("起始年份"));
    expect(cellResult(() => soil.daysLeft([[""]], DUE_2018))).toEqual(naError("未填写"));
  });
});

describe("SOIL.NEXTREPORT", () => {
  test.each([
    ["2018-01-01", "2018-01-10"],
    ["2018-01-10", "2018-01-10"], // the deadline day itself
    ["2018-01-11", "2018-04-10"],
    ["2018-04-10", "2018-04-10"],
    ["2018-04-11", "2018-07-10"],
    ["2018-07-11", "2018-10-10"],
    ["2018-10-10", "2018-10-10"],
    ["2018-10-11", "2019-01-10"],
    ["2018-12-31", "2019-01-10"],
    ["2020-02-29", "2020-04-10"],
    ["1900-02-28", "1900-04-10"],
  ])("as of %s → %s", (asOf, next) => {
    expect(soil.nextReport(serial(asOf))).toBe(serial(next));
  });

  test("1900-04-10 is serial 101 (Excel counts the phantom day)", () => {
    expect(soil.nextReport(59)).toBe(101);
    expect(soil.nextReport(1)).toBe(10);
  });
});

describe("SOIL.FEEDBACKLATE", () => {
  const fed = (iso: string | null, progress = "推进中", completedOn: string | number = "") =>
    row({ deadlineRaw: "持续推进", progress, lastFeedback: iso === null ? "" : serial(iso), completedOn });

  test("quarter boundaries: on 10 Apr the missed deadline is still 10 Jan", () => {
    const asOf = serial("2018-04-10");
    expect(soil.feedbackLate(fed(null), asOf)).toBe(true);
    expect(soil.feedbackLate(fed("2017-10-10"), asOf)).toBe(true);
    expect(soil.feedbackLate(fed("2017-10-11"), asOf)).toBe(false);
  });

  test("on 11 Apr feedback must be later than 10 Jan", () => {
    const asOf = serial("2018-04-11");
    expect(soil.feedbackLate(fed("2018-01-10"), asOf)).toBe(true);
    expect(soil.feedbackLate(fed("2018-01-11"), asOf)).toBe(false);
    expect(soil.feedbackLate(fed("2018-04-10"), asOf)).toBe(false);
  });

  test("across the year: on 11 Jan feedback must be later than 10 Oct", () => {
    const asOf = serial("2019-01-11");
    expect(soil.feedbackLate(fed("2018-10-10"), asOf)).toBe(true);
    expect(soil.feedbackLate(fed("2018-10-11"), asOf)).toBe(false);
  });

  test("done work owes no feedback", () => {
    expect(soil.feedbackLate(fed(null, "已完成"), serial("2018-04-11"))).toBe(false);
    expect(soil.feedbackLate(fed(null, "推进中", serial("2018-04-01")), serial("2018-04-11"))).toBe(false);
    expect(soil.feedbackLate(fed(null, "推进中", serial("2018-04-12")), serial("2018-04-11"))).toBe(true);
  });

  test("a short range has no 最近反馈日期 → #VALUE!", () => {
    expect(cellResult(() => soil.feedbackLate([["2018年底", "推进中"]], DUE_2018))).toEqual(valueError("最近反馈日期"));
  });
});

describe("SOIL.DEPTS", () => {
  test("canonical names, one per row", () => {
    expect(soil.depts("市环保局、市农牧局")).toEqual([["市环境保护局"], ["市农牧局"]]);
    expect(soil.depts("市委宣传部市教育局")).toEqual([["市委宣传部"], ["市教育局"]]);
    expect(soil.depts("市环 境保护局牵头，市财政局")).toEqual([["市环境保护局"], ["市财政局"]]);
    expect(soil.depts("某某办")).toEqual([["某某办"]]);
  });

  test("empty → #N/A, error value → its error", () => {
    expect(cellResult(() => soil.depts(""))).toEqual(naError("责任单位为空"));
    expect(cellResult(() => soil.depts(errorCell("#DIV/0!")))).toEqual(valueError("#DIV/0!"));
  });
});

describe("SOIL.DEPTSUMMARY and SOIL.SUMMARY", () => {
  const sheet = seedSheet();
  const table = tableRange(sheet);

  test("aliases resolve; the row has the eight counts of SUMMARY_HEADERS after 责任单位", () => {
    const byAlias = soil.deptSummary(table, "市环保局", DUE_2018, null);
    expect(byAlias).toEqual(soil.deptSummary(table, "市环境保护局", DUE_2018, null));
    expect(byAlias[0]).toHaveLength(SUMMARY_HEADERS.length - 1);
    const summaryRow = soil.summary(table, DUE_2018, null).find((r) => r[0] === "市环境保护局");
    expect(byAlias[0]).toEqual(summaryRow?.slice(1));
  });

  test("a registry department the table does not name gets zeros", () => {
    expect(soil.deptSummary([table[0]], "市妇联", DUE_2018, null)).toEqual([[0, 0, 0, 0, 0, 0, 0, 0]]);
  });

  test("a name outside the registry counts when the table uses it", () => {
    const own = [...table.slice(0, 3).map((r) => [...r])];
    own[1][columnIndex("responsible")] = "市火星局、市财政局";
    expect(soil.deptSummary(own, "市火星局", DUE_2018, null)[0][0]).toBe(1);
  });

  test("unknown or empty department → #N/A / #VALUE!", () => {
    expect(cellResult(() => soil.deptSummary(table, "市火星局", DUE_2018, null))).toEqual(naError("不在部门名录中"));
    expect(cellResult(() => soil.deptSummary(table, "", DUE_2018, null))).toEqual(valueError("请填写部门名称，如 县环保局"));
  });

  test("joint responsibility counts for each department; 合计 counts each requirement once", () => {
    const mini = [
      [...TASK_HEADERS],
      ...[
        ["市环保局、市农牧局", "2018年底", "推进中"],
        ["市农牧局", "2018年底", "已完成"],
        ["市财政局", "持续推进", "推进中"],
      ].map(([responsible, deadline, progress]) => {
        const cells: unknown[] = TASK_HEADERS.map(() => "");
        cells[columnIndex("responsible")] = responsible;
        cells[columnIndex("deadlineRaw")] = deadline;
        cells[columnIndex("progress")] = progress;
        cells[columnIndex("lastFeedback")] = serial("2019-01-05");
        return cells;
      }),
    ];
    expect(soil.summary(mini, DUE_2018 + 1, null)).toEqual([
      [...SUMMARY_HEADERS],
      ["市环境保护局", 1, 0, 1, 0, 0, 0, 0, 0],
      ["市农牧局", 2, 1, 1, 0, 0, 0, 0, 0.5],
      ["市财政局", 1, 0, 0, 0, 0, 1, 0, 0],
      ["合计", 3, 1, 1, 0, 0, 1, 0, 1 / 3],
    ]);
  });

  test("a header-only table gives the header and a zero 合计", () => {
    expect(soil.summary([table[0]], DUE_2018, null)).toEqual([[...SUMMARY_HEADERS], ["合计", 0, 0, 0, 0, 0, 0, 0, 0]]);
  });

  test("a table without its header row → #VALUE! naming the missing columns", () => {
    expect(cellResult(() => soil.summary(table.slice(1), DUE_2018, null))).toEqual(valueError("缺少列：责任单位、完成时限、状态、完成日期、最近反馈日期"));
    expect(cellResult(() => soil.summary([["a"]], DUE_2018, null))).toEqual(valueError("SoilTasks[#All]"));
  });

  test("column form (责任单位 + the computed 到期状态 / 反馈逾期 columns): the same summary as the whole table, from a fraction of the data", () => {
    const column = (key: Parameters<typeof columnIndex>[0], rows: unknown[][]) => rows.map((r) => [r[columnIndex(key)]]);
    // The computed columns as the workbook holds them: SOIL.STATUS / SOIL.FEEDBACKLATE of each row.
    const computed = table.map((r, i) => {
      if (i === 0) return r;
      const row = [...r];
      row[columnIndex("dueStatus")] = soil.status([r.slice(0, ROW_INPUT_WIDTH)], DUE_2018, null);
      row[columnIndex("feedbackLate")] = soil.feedbackLate([r.slice(0, ROW_INPUT_WIDTH)], DUE_2018);
      return row;
    });
    const byColumns = soil.summary(column("responsible", computed), DUE_2018, null, column("dueStatus", computed), column("feedbackLate", computed));
    expect(byColumns).toEqual(soil.summary(table, DUE_2018, null));
    // Without their header cells too.
    expect(soil.summary(column("responsible", computed).slice(1), null, null, column("dueStatus", computed).slice(1), column("feedbackLate", computed).slice(1))).toEqual(byColumns);
    // A status cell that holds an error counts in 任务总数 only (as the portable COUNTIF).
    const withError = column("dueStatus", computed);
    withError[1] = [errorCell("#VALUE!")];
    const total = (rows: unknown[][]) => rows[rows.length - 1];
    const summed = soil.summary(column("responsible", computed), null, null, withError, column("feedbackLate", computed));
    expect(total(summed)[1]).toBe(total(byColumns)[1]);
    expect((total(summed) as number[]).slice(2, 7).reduce((a, b) => a + b, 0)).toBe((total(byColumns) as number[]).slice(2, 7).reduce((a, b) => a + b, 0) - (SUMMARY_STATUS_SET.has(String(computed[1][columnIndex("dueStatus")])) ? 1 : 0));
  });

  test("column form: columns of different lengths, or only one of the two computed columns → #VALUE! saying so", () => {
    const resp = table.map((r) => [r[columnIndex("responsible")]]);
    expect(cellResult(() => soil.summary(resp, null, null, resp.slice(0, 5), resp))).toEqual(valueError("同样多的行"));
    expect(cellResult(() => soil.summary(resp, null, null, resp, null as never))).toEqual(valueError("两列应同时给出"));
  });

  test("a bad cell in the table names its row", () => {
    const bad: unknown[][] = table.map((r) => [...r]);
    bad[3][columnIndex("completedOn")] = "六月底";
    expect(cellResult(() => soil.summary(bad, DUE_2018, null))).toEqual(valueError("任务表第 4 行“完成日期”“六月底”不是日期"));
    bad[3][columnIndex("completedOn")] = errorCell("#NAME?");
    expect(cellResult(() => soil.deptSummary(bad, "市农牧局", DUE_2018, null))).toEqual(valueError("任务表第 4 行“完成日期”是错误值 #NAME?"));
  });
});

test("an unexpected failure inside a function still comes back as #VALUE! with a Chinese message", () => {
  const hostile = [[{ toString: () => "x" }]]; // an object that is neither a value nor an error
  expect(cellResult(() => soil.status(hostile, DUE_2018, null))).toEqual(valueError("无法读取"));
  const throwing = [
    new Proxy([], {
      get() {
        throw new RangeError("boom");
      },
    }),
  ];
  expect(cellResult(() => soil.status(throwing as unknown as unknown[][], DUE_2018, null))).toEqual(valueError("SOIL 函数内部错误：boom"));
});

describe("dates a department types, checked against the sheet's date range (issue #14)", () => {
  const asOf = serial("2019-01-10");
  test.each([
    ["0018-12-01", "0018-12-01"],
    ["1999-12-31", "1999-12-31"],
    [1, "1900-01-01"],
  ])("完成日期 %j → #VALUE! naming the range, not a completion", (completedOn, shown) => {
    const result = cellResult(() => soil.status(row({ deadlineRaw: "2018年底", completedOn }), asOf, null));
    expect(result).toEqual(valueError(`“完成日期”的日期 ${shown} 超出了表格允许的范围（2000-01-01 至 9999-12-31）`));
  });

  test("serial 0 (1899-12-31, or how the desktop passes an empty cell) is no completion", () => {
    expect(soil.status(row({ deadlineRaw: "2018年底", completedOn: 0 }), asOf, null)).toBe("已逾期");
  });

  test("a completion typed with a time of day counts on its day: 2019-01-10 18:00 is done on 2019-01-10", () => {
    expect(soil.status(row({ deadlineRaw: "2018年底", completedOn: "2019-01-10 18:00" }), asOf, null)).toBe("已完成");
    expect(soil.status(row({ deadlineRaw: "2018年底", completedOn: asOf + 0.75 }), asOf, null)).toBe("已完成");
  });
});
