/** Quarterly supervision in the domain core: rounds, the report definition, extension requests, the change log plan. */
import {
  buildQuarterlyReport,
  columnLetter,
  dayFromIso,
  dueStatus,
  effectiveDeadline,
  extensionProblems,
  extensionRequests,
  ExtensionRow,
  feedbackRound,
  isFeedbackLate,
  planChangeLog,
  quarterEnd,
  quarterFromCode,
  quarterLabel,
  quartersBetween,
  ReportRow,
  reportAsOf,
  reportSheetName,
  roundProgress,
  rowFeedback,
  serialFromDay,
} from "../../src/core";

const day = (iso: string) => dayFromIso(iso)!;

describe("feedback rounds", () => {
  test("the round of a day is its quarter's 10th of the first month; the window starts after the previous one", () => {
    expect(feedbackRound(day("2019-01-10"))).toMatchObject({ quarter: { year: 2019, quarter: 1 }, deadline: day("2019-01-10"), windowAfter: day("2018-10-10"), daysLeft: 0, open: true });
    expect(feedbackRound(day("2019-03-31"))).toMatchObject({ deadline: day("2019-01-10"), daysLeft: -80, open: false });
    expect(feedbackRound(day("2018-12-31"))).toMatchObject({ quarter: { year: 2018, quarter: 4 }, deadline: day("2018-10-10"), windowAfter: day("2018-07-10") });
    expect(quarterEnd({ year: 2018, quarter: 4 })).toBe(day("2018-12-31"));
    expect(quarterEnd({ year: 2020, quarter: 1 })).toBe(day("2020-03-31"));
    expect(quarterLabel({ year: 2019, quarter: 2 })).toBe("2019年第2季度");
    expect(quarterFromCode("2019Q3")).toEqual({ year: 2019, quarter: 3 });
    expect(quarterFromCode("2019Q5")).toBeNull();
    expect(quartersBetween({ year: 2018, quarter: 3 }, { year: 2019, quarter: 1 }).map((q) => `${q.year}Q${q.quarter}`)).toEqual(["2019Q1", "2018Q4", "2018Q3"]);
  });

  test("a row's feedback at the window's edges", () => {
    const round = feedbackRound(day("2019-01-20"));
    const at = (iso: string | null) => rowFeedback({ completed: false, lastFeedback: iso === null ? null : day(iso) }, round);
    expect(at(null)).toBe("未反馈");
    expect(at("2018-10-10")).toBe("未反馈");
    expect(at("2018-10-11")).toBe("按时反馈");
    expect(at("2019-01-10")).toBe("按时反馈");
    expect(at("2019-01-11")).toBe("逾期补报");
    expect(rowFeedback({ completed: true, lastFeedback: null }, round)).toBe("已完成");
  });

  test("once the deadline has passed, a row missing in the round is exactly a row the 反馈逾期 rule flags", () => {
    const asOf = day("2019-02-01");
    for (const iso of [null, "2018-07-10", "2018-10-10", "2018-10-11", "2019-01-10", "2019-01-15"]) {
      const last = iso === null ? null : day(iso);
      expect([iso, rowFeedback({ completed: false, lastFeedback: last }, feedbackRound(asOf)) === "未反馈"]).toEqual([iso, isFeedbackLate(last, asOf, false)]);
    }
  });

  test("departments: joint rows count for each, completed rows are owed nothing, states by deadline", () => {
    const rows = [
      { id: "1.1", text: "", responsible: ["甲", "乙"], completed: false, lastFeedback: day("2019-01-05") },
      { id: "1.2", text: "", responsible: ["乙"], completed: false, lastFeedback: null },
      { id: "1.3", text: "", responsible: ["丙"], completed: true, lastFeedback: null },
    ];
    const open = roundProgress(rows, day("2019-01-08"));
    const byName = (name: string) => open.departments.find((d) => d.department === name)!;
    expect(open.departments).toHaveLength(3);
    expect([byName("甲"), byName("乙"), byName("丙")].map((d) => [d.owing, d.updated, d.missing, d.state])).toEqual([
      [1, 1, [], "已全部反馈"],
      [2, 1, ["1.2"], "待反馈"],
      [0, 0, [], "已全部反馈"],
    ]);
    const closed = roundProgress(rows, day("2019-01-11"));
    expect(closed.departments.find((d) => d.department === "乙")!.state).toBe("逾期未反馈");
    expect(closed.missingRows.map((r) => r.id)).toEqual(["1.2"]);
  });
});

describe("quarterly report definition", () => {
  const row = (id: string, status: ReportRow["status"], extra: Partial<ReportRow> = {}): ReportRow => ({
    id,
    text: `工作要求 ${id}`,
    responsible: ["市环境保护局"],
    deadlineRaw: "2018年底",
    effectiveDue: day("2018-12-31"),
    extended: false,
    status,
    daysLeft: status === "已逾期" ? -5 : 10,
    feedbackLate: false,
    lastFeedback: null,
    progress: "推进中",
    notes: "",
    ...extra,
  });

  test("blocks in order, rows placed below each other, the chart in its own rows, the sheet name free", () => {
    const rows = [row("1.1", "已逾期"), row("1.2", "临期", { feedbackLate: true }), row("2.1", "已逾期", { extended: true, responsible: ["市农牧局"] })];
    const report = buildQuarterlyReport(rows, { year: 2019, quarter: 1 }, day("2019-01-05"), "2019-01-05 10:00", ["季报2019Q1"]);
    expect(report.sheetName).toBe("季报2019Q1(2)");
    const [summary, overdue, late] = report.blocks;
    expect(summary).toMatchObject({ titleRow: 4, headerRow: 5, title: "一、各责任单位完成情况（2 个单位）" });
    expect(summary.rows.map((r) => r.slice(0, 4))).toEqual([
      ["市环境保护局", 2, 0, 1],
      ["市农牧局", 1, 0, 1],
      ["合计", 3, 0, 2],
    ]);
    // Every block keeps its own widths on the sheet's grid: the grid columns a block column spans add up to its width, side by side.
    for (const block of report.blocks) {
      block.widths.forEach((width, c) => {
        expect(report.columnWidths.slice(block.columns[c], block.columns[c] + block.spans[c]).reduce((a, b) => a + b, 0)).toBe(width);
        if (c > 0) expect(block.columns[c]).toBe(block.columns[c - 1] + block.spans[c - 1]);
      });
    }
    expect(summary.columns[0]).toBe(0);
    expect(summary.spans[1]).toBe(1);
    // The chart as wide as the summary, its series the summary's status columns.
    const summaryEnd = summary.columns[8] + summary.spans[8] - 1;
    expect(report.chart).toMatchObject({ firstRow: 6, lastRow: 7, topLeft: "A10", bottomRight: `${columnLetter(summaryEnd)}27`, categoryColumn: 0 });
    expect(report.chart!.series.map((s) => s.column)).toEqual(summary.columns.slice(2, 7));
    expect(overdue.titleRow).toBe(29);
    expect(overdue.rows.map((r) => [r[0], r[3], r[5]])).toEqual([
      ["1.1", "2018年底", 5],
      ["2.1", "2018年底（已批准延期）", 5],
    ]);
    expect(late.titleRow).toBe(overdue.headerRow + 1 + overdue.rows.length + 1);
    // Late feedback by department with the 编号 of each.
    expect(late.rows).toEqual([["市环境保护局", 1, "1.2"]]);
    expect(report.counts).toEqual({ overdue: 2, feedbackLate: 1 });
    expect(report.lastRow).toBe(late.headerRow + 1);
    expect(report.meta).toEqual(["统计日期", { date: day("2019-01-05") }, "反馈轮次", "2018年第四季度进展反馈（截止 2019-01-10）", "生成时间", "2019-01-05 10:00"]);
  });

  test("no rows in a block: one line saying so; without a chart no room is left for one", () => {
    const report = buildQuarterlyReport([row("1.1", "按期推进")], { year: 2019, quarter: 1 }, day("2019-01-05"), "", [], false);
    expect(report.chart).toBeNull();
    expect(report.blocks[1]).toMatchObject({ titleRow: 9, rows: [], emptyText: "无逾期的工作要求" });
  });

  test("report as-of: the quarter's last day, or the as-of day inside the running quarter; a future quarter is refused", () => {
    expect(reportAsOf({ year: 2018, quarter: 4 }, day("2019-01-20"))).toBe(day("2018-12-31"));
    expect(reportAsOf({ year: 2019, quarter: 1 }, day("2019-01-20"))).toBe(day("2019-01-20"));
    expect(() => reportAsOf({ year: 2019, quarter: 2 }, day("2019-01-20"))).toThrow("尚未开始");
    expect(reportSheetName({ year: 2018, quarter: 4 }, ["季报2018q4", "季报2018Q4(2)"])).toBe("季报2018Q4(3)");
  });
});

describe("extension requests", () => {
  const base: ExtensionRow = {
    rowIndex: 0,
    id: "1.1",
    text: "",
    responsible: ["市环境保护局"],
    deadlineRaw: "2018年底",
    originalDue: day("2018-12-31"),
    extensionTo: day("2019-06-30"),
    extensionReason: "等待省级规范",
    extensionAsked: day("2018-12-01"),
    extensionDecision: "",
  };

  test("an approved extension replaces the deadline of any kind; anything else keeps it", () => {
    const by = { kind: "by" as const, date: day("2018-12-31") };
    expect(effectiveDeadline(by, { to: day("2019-06-30"), decision: "同意" })).toEqual({ kind: "by", date: day("2019-06-30") });
    expect(effectiveDeadline(by, { to: day("2019-06-30"), decision: "待审批" })).toBe(by);
    expect(effectiveDeadline(by, { to: null, decision: "同意" })).toBe(by);
    const ongoing = { kind: "ongoing" as const, date: null };
    expect(dueStatus({ deadline: ongoing, asOf: day("2019-07-01"), extension: { to: day("2019-06-30"), decision: " 同意 " } })).toBe("已逾期");
  });

  test("problems that block an approval", () => {
    expect(extensionProblems(base)).toEqual([]);
    expect(extensionProblems({ ...base, extensionReason: " " })).toEqual(["未填写延期理由"]);
    expect(extensionProblems({ ...base, extensionTo: day("2018-12-31") })).toEqual(["申请的日期 2018-12-31 不晚于原截止日期 2018-12-31"]);
    expect(extensionProblems({ ...base, extensionAsked: day("2019-01-01") })[0]).toContain("已过原截止日期");
    expect(extensionProblems({ ...base, extensionAsked: null })).toEqual(["未填写申请日期，无法确认是否在截止日期前提出"]);
    expect(extensionProblems({ ...base, originalDue: null, extensionAsked: null })).toEqual([]);
  });

  test("listed: rows with a request, pending first", () => {
    const rows = [
      { ...base, id: "1.1", extensionDecision: "同意" },
      { ...base, id: "1.2", extensionTo: null, extensionReason: "", extensionDecision: "" },
      { ...base, id: "1.3", extensionDecision: "待审批" },
    ];
    expect(extensionRequests(rows).map((r) => [r.id, r.pending, r.approved])).toEqual([
      ["1.3", true, false],
      ["1.1", false, true],
    ]);
  });
});

describe("change log plan", () => {
  const today = day("2019-01-15");
  const todaySerial = serialFromDay(today);
  const now = todaySerial + 0.5;

  test("one line per changed cell; unchanged values and unlogged columns skipped; the progress text dates the feedback", () => {
    const plan = planChangeLog(
      [
        { rowIndex: 0, id: "1.1", key: "notes", before: "", after: "已完成排查" },
        { rowIndex: 0, id: "1.1", key: "progress", before: "推进中", after: "推进中" },
        { rowIndex: 0, id: "1.1", key: "text", before: "a", after: "b" },
        { rowIndex: 1, id: "1.2", key: "notes", before: undefined, after: "" },
      ],
      () => "",
      now,
      today,
      todaySerial,
    );
    expect(plan.entries).toEqual([
      [now, "1.1", "进展情况", "", "已完成排查", ""],
      [now, "1.2", "进展情况", "（未提供）", "", ""],
    ]);
    expect(plan.fills).toEqual([
      { rowIndex: 0, id: "1.1", key: "lastFeedback", value: { date: today }, entry: [now, "1.1", "最近反馈日期", "", todaySerial, "进展情况已更新，SOIL 自动填写"] },
    ]);
  });

  test("a feedback date typed with the progress text is kept; an extension request gets its date; a decided request changed is flagged", () => {
    const both = planChangeLog(
      [
        { rowIndex: 0, id: "1.1", key: "notes", before: undefined, after: "x" },
        { rowIndex: 0, id: "1.1", key: "lastFeedback", before: undefined, after: todaySerial - 3 },
      ],
      () => "",
      now,
      today,
      todaySerial,
    );
    expect(both.fills).toEqual([]);
    const request = planChangeLog([{ rowIndex: 2, id: "3.1", key: "extensionTo", before: "", after: todaySerial + 90 }], () => "", now, today, todaySerial);
    // 延期审批 is the office's (locked under protection): blank already means 待审批.
    expect(request.fills.map((f) => [f.key, f.value])).toEqual([["extensionAsked", { date: today }]]);
    const changedAfter = planChangeLog([{ rowIndex: 2, id: "3.1", key: "extensionTo", before: todaySerial + 90, after: todaySerial + 400 }], (_, key) => (key === "extensionDecision" ? "同意" : key === "extensionAsked" ? todaySerial - 5 : ""), now, today, todaySerial);
    expect(changedAfter.entries[0][5]).toBe("延期已审批后又修改了申请，请督办办公室重新审批");
    expect(changedAfter.fills).toEqual([]);
  });
});
