/**
 * End to end: the built task pane (dist/) served on localhost, driven in headless Chromium with the
 * Excel double injected before the page loads. Preview → populate → department filter → select a
 * row → re-import a newer table into the filled-in workbook. Asserts on what the double's workbook
 * received; screenshots go to test-artifacts/taskpane/ (and one to docs/taskpane.png).
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import * as fs from "fs";
import type * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { BrowserContext, chromium, Page } from "playwright-core";
import { columnIndex, dayFromIso, serialFromDay, SHEETS, TASK_TABLE } from "../../src/core";
import type { FakeWorkbook } from "../doubles/fakeExcel";
import { docxOf } from "../doubles/docx";
import { CHANGED, nextVersionText, seedText } from "../doubles/seedVariants";
import { CHROMIUM, CHROMIUM_ARGS, excelDoubleScript, serve } from "./paneServer";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "taskpane");

jest.setTimeout(300_000);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the add-in when dist/ is missing or older than its sources. */
function ensureBuild(): void {
  // Production bundles are named by content (taskpane.<hash>.js); taskpane.html is rewritten by every build.
  const page = path.join(DIST, "taskpane.html");
  const sources = Math.max(newestMtime(path.join(ROOT, "src")), newestMtime(path.join(ROOT, "seeds")), newestMtime(path.join(ROOT, "deploy")), fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs);
  if (fs.existsSync(page) && fs.statSync(page).mtimeMs >= sources) return;
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe", timeout: 280_000 });
}

/** Runs `probe` against the double's workbook inside the page. */
function inBook<T>(page: Page, probe: (book: FakeWorkbook, arg: string) => T, arg = ""): Promise<T> {
  return page.evaluate(
    ([source, a]) => {
      const book = (window as unknown as { __SOIL_BOOK__: FakeWorkbook }).__SOIL_BOOK__;
      return new Function("book", "arg", `return (${source})(book, arg);`)(book, a);
    },
    [probe.toString(), arg] as const,
  ) as Promise<T>;
}

/** Polls until `probe` returns `expected` (the pane's actions are asynchronous). */
async function eventually<T>(probe: () => Promise<T>, matches: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (matches(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function shot(page: Page, name: string, fullPage = true): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

describe("task pane in headless Chromium with the Excel double", () => {
  let server: http.Server;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureBuild();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await serve(DIST);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "soil-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 380, height: 900 },
      deviceScaleFactor: 2,
      locale: "zh-CN",
    });
    await context.addInitScript({ content: await excelDoubleScript() });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => errors.push(e.message));
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
  });

  afterAll(async () => {
    await context?.close();
    server?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test("preview of the bundled table before anything is written", async () => {
    await page.getByRole("region", { name: "分工表预览" }).waitFor();
    const preview = page.getByRole("region", { name: "分工表预览" });
    await expect(preview.innerText()).resolves.toMatch(/56\s*任务\s*195\s*工作要求\s*39\s*涉及单位/);
    await expect(preview.innerText()).resolves.toContain("持续推进 106");
    const diagnostics = page.getByRole("region", { name: "解析诊断" });
    await expect(diagnostics.innerText()).resolves.toContain("诊断：错误 0 · 注意 10 · 说明 24");
    await expect(diagnostics.getByRole("listitem").count()).resolves.toBe(10);
    await expect(inBook(page, (book) => book.sheets.length)).resolves.toBe(0);
    await shot(page, "01-preview");
  });

  test("one click populates the workbook", async () => {
    await page.getByRole("button", { name: "生成工作簿" }).click();
    await page.getByText("已生成工作簿").waitFor();
    // The change log starts once 任务清单 exists (its first try, before populating, found no sheet).
    await expect(eventually(() => inBook(page, (book) => book.sheets[0].changeHandlers.length), (n) => n === 1)).resolves.toBe(1);
    const state = await inBook(page, (book) => ({
      sheets: book.sheets.map((s) => s.name),
      table: book.tables.map((t) => [t.name, t.box]),
      syncs: book.syncCount,
      frozen: book.sheets[0].frozenRows,
      rules: book.sheets[0].conditionalFormats.length,
      firstId: book.sheets[0].cell(2, 0)?.value,
      summary: book.sheets[1].cell(1, 0)?.formula,
    }));
    expect(state).toEqual({
      sheets: [SHEETS.tasks, SHEETS.summary, SHEETS.guide, SHEETS.archive],
      table: [[TASK_TABLE, { r1: 1, c1: 0, r2: 196, c2: 19 }]],
      // 4 to populate, 2 for the change log (the try before populating and the registration).
      syncs: 6,
      frozen: 1,
      rules: 4,
      firstId: "1.1",
      summary: expect.stringContaining("SOIL.SUMMARY("),
    });
    await shot(page, "02-populated");
  });

  test("督办: pick a department, its rows are filtered in the table and listed; a click selects the row", async () => {
    // A clerk looks at the table as it stood on 2018-12-05 (说明!B2), when 2018年底 was due soon.
    await inBook(page, (book, serial) => (book.sheets[2].ensure(2, 1).value = Number(serial)), String(serialFromDay(dayFromIso("2018-12-05")!)));
    await page.getByRole("tab", { name: "督办" }).click();
    await page.getByText("2018-12-05").waitFor();
    await page.getByRole("list", { name: "工作要求" }).waitFor();
    await page.getByRole("combobox", { name: "责任单位" }).click();
    await page.getByRole("option", { name: "市农牧局" }).click();
    const filter = await eventually(() => inBook(page, (book) => book.tables[0].filters.get("责任单位")), (f) => f === "=*市农牧局*");
    expect(filter).toBe("=*市农牧局*");
    const items = page.getByRole("list", { name: "工作要求" }).getByRole("listitem");
    const count = await items.count();
    const expected = await inBook(page, (book) => book.valuesOf(book.sheets[0], { r1: 2, r2: 196, c1: 4, c2: 4 }).filter((r) => String(r[0]).split("、").includes("市农牧局")).length);
    expect(count).toBe(expected);
    expect(count).toBeGreaterThan(10);
    docsShot = await shot(page, "03-board-department", false);

    await items.first().getByRole("button").click();
    const firstId = (await items.first().innerText()).split(/\s/)[0];
    const selection = await eventually(() => inBook(page, (book) => book.selection), (s) => s !== null);
    expect(selection).toMatch(/^'任务清单'!A\d+:T\d+$/);
    const selectedId = await inBook(page, (book) => {
      const row = Number(/A(\d+):/.exec(book.selection ?? "")?.[1]);
      return book.sheets[0].cell(row, 0)?.value;
    });
    expect(selectedId).toBe(firstId);

    const tile = page.getByRole("group", { name: "到期情况" }).getByRole("button", { name: /已逾期/ });
    const tileCount = Number((await tile.innerText()).match(/\d+/)![0]);
    await tile.click();
    await eventually(() => items.count(), (n) => n === tileCount);
    await expect(items.count()).resolves.toBe(tileCount);
    expect(tileCount).toBeLessThanOrEqual(count);
  });

  test("季度反馈: the round of the as-of date, departments done and late, a missing row selected in the sheet", async () => {
    // 2019-01-20: the round of 2019-01-10 has closed. 市农牧局 reported on all its rows on 2019-01-05.
    await inBook(
      page,
      (book, arg) => {
        const [asOf, reported, feedback] = arg.split(",").map(Number);
        book.sheets[2].ensure(2, 1).value = asOf;
        for (let r = 2; r <= 196; r++) {
          if (String(book.sheets[0].cell(r, 4)?.value).split("、").includes("市农牧局")) book.sheets[0].ensure(r, feedback).value = reported;
        }
      },
      [serialFromDay(dayFromIso("2019-01-20")!), serialFromDay(dayFromIso("2019-01-05")!), columnIndex("lastFeedback")].join(","),
    );
    await page.getByRole("tab", { name: "季度反馈" }).click();
    const status = page.getByRole("status").filter({ hasText: "2019年第1季度反馈截止 2019-01-10" });
    await status.waitFor();
    await expect(status.innerText()).resolves.toContain("已过截止日 10 天");
    await page.getByText("已全部反馈的单位").waitFor();
    await page.getByText("逾期未反馈的单位").waitFor();
    const agriculture = page.getByRole("listitem").filter({ hasText: /^市农牧局/ });
    await expect(agriculture.innerText()).resolves.toMatch(/已反馈 (\d+)\/\1[\s\S]*已全部反馈/);
    await shot(page, "05-feedback-round");
    const firstMissing = page.getByRole("group", { name: /未反馈的工作要求$/ }).first().getByRole("button").first();
    const id = await firstMissing.innerText();
    await firstMissing.click();
    const selected = await eventually(
      () => inBook(page, (book) => book.sheets[0].cell(Number(/A(\d+):/.exec(book.selection ?? "")?.[1]), 0)?.value),
      (v) => v === id,
    );
    expect(selected).toBe(id);
  });

  test("报告与权限: one click writes the quarterly report sheet; protection locks the structure", async () => {
    await page.getByRole("tab", { name: "报告与权限" }).click();
    await page.getByRole("combobox", { name: "季度" }).selectOption({ label: "2018年第4季度" });
    await page.getByRole("button", { name: "生成季度报告" }).click();
    await page.getByText("已生成“季报2018Q4”").waitFor();
    const report = await inBook(page, (book) => {
      const sheet = book.sheets.find((s) => s.name === "季报2018Q4")!;
      return { title: sheet.cell(1, 0)?.value, layout: sheet.pageLayout, charts: sheet.charts.length, active: book.activeSheet };
    });
    expect(report).toMatchObject({ title: "土壤污染防治重点任务督办季度报告（2018年第4季度）", layout: { orientation: "Landscape", paperSize: "A4", setPrintTitleRows: "$1:$2" }, charts: 1, active: "季报2018Q4" });

    await page.getByRole("button", { name: "保护任务清单" }).click();
    await page.getByText("已保护：各单位可编辑 H:N 列。").waitFor();
    await shot(page, "06-report-protection");
    await expect(inBook(page, (book) => book.sheets[0].protected)).resolves.toBe(true);
    await page.getByRole("button", { name: "撤销保护" }).click();
    await expect(eventually(() => inBook(page, (book) => book.sheets[0].protected), (p) => p === false)).resolves.toBe(false);
  });

  test("部门文件: a department's rows exported as a workbook (exceljs loaded on demand), the returned file merged", async () => {
    const files = page.getByRole("region", { name: "部门文件" });
    await files.getByRole("combobox", { name: "责任单位" }).click();
    await page.getByRole("option", { name: "市农牧局" }).click();
    await files.getByRole("button", { name: "导出" }).click();
    await files.getByText("市农牧局：44 条工作要求，已在新窗口中打开").waitFor();
    const base64 = await page.evaluate(() => (window as unknown as { __SOIL_CREATED__: string[] }).__SOIL_CREATED__[0]);

    // The department fills in its file (here with exceljs, as Excel would save it) and sends it back.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, "base64") as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SHEETS.tasks)!;
    const firstId = String(sheet.getRow(2).getCell(1).value);
    sheet.getRow(2).getCell(columnIndex("notes") + 1).value = "=已完成耕地详查（部门填写）";
    const returned = Buffer.from(await workbook.xlsx.writeBuffer());
    await files.locator('input[type="file"]').setInputFiles({ name: "市农牧局-已填写.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: returned });
    const report = page.getByRole("region", { name: "合并结果：市农牧局-已填写.xlsx" });
    await report.waitFor();
    await expect(report.innerText()).resolves.toContain("更新 1 个单元格（1 行）");
    const merged = await inBook(
      page,
      (book, arg) => {
        const [id, notes] = arg.split(",");
        for (let r = 2; r <= 196; r++) if (book.sheets[0].cell(r, 0)?.value === id) return book.sheets[0].cell(r, Number(notes));
        return null;
      },
      `${firstId},${columnIndex("notes")}`,
    );
    expect(merged).toMatchObject({ value: "=已完成耕地详查（部门填写）", formula: undefined });
    await shot(page, "07-department-files");
  });

  test("re-import a newer table into the filled-in workbook: typed cells kept, report shown", async () => {
    const progress = columnIndex("progress");
    const notes = columnIndex("notes");
    // Departments type into the workbook.
    await inBook(
      page,
      (book, arg) => {
        const [p, n] = arg.split(",").map(Number);
        for (let r = 2; r <= 196; r += 3) {
          book.sheets[0].ensure(r, p).value = "推进中";
          book.sheets[0].ensure(r, n).value = `第${r}行进展`;
        }
      },
      `${progress},${notes}`,
    );
    const typedBefore = await inBook(
      page,
      (book, arg) => {
        const [p, n] = arg.split(",").map(Number);
        const out: Record<string, unknown[]> = {};
        for (let r = 2; r <= 196; r++) out[String(book.sheets[0].cell(r, 0)?.value)] = [book.sheets[0].cell(r, p)?.value, book.sheets[0].cell(r, n)?.value];
        return out;
      },
      `${progress},${notes}`,
    );

    await page.getByRole("tab", { name: "导入" }).click();
    await page.getByRole("radio", { name: "粘贴文本" }).check();
    await page.getByRole("textbox").fill(nextVersionText());
    await expect(page.getByRole("region", { name: "分工表预览" }).innerText()).resolves.toMatch(/193\s*工作要求/);
    await page.getByRole("button", { name: "生成工作簿" }).click();
    await page.getByText("当前工作簿已有“任务清单”").waitFor();
    await page.getByRole("button", { name: "重新导入", exact: true }).click();
    const report = page.getByRole("region", { name: "重新导入结果" });
    await report.waitFor();
    await expect(report.innerText()).resolves.toContain("新增 3 · 归档 5 · 更新 2");
    await expect(report.innerText()).resolves.toContain(CHANGED.newText);

    const after = await inBook(
      page,
      (book, arg) => {
        const [p, n] = arg.split(",").map(Number);
        const out: Record<string, unknown[]> = {};
        const last = book.tables[0].box.r2;
        for (let r = 2; r <= last; r++) out[String(book.sheets[0].cell(r, 0)?.value)] = [book.sheets[0].cell(r, p)?.value, book.sheets[0].cell(r, n)?.value];
        return { typed: out, archived: book.valuesOf(book.sheets[3], { r1: 2, r2: 6, c1: 0, c2: 0 }).map((r) => r[0]), last };
      },
      `${progress},${notes}`,
    );
    for (const [id, cells] of Object.entries(typedBefore)) if (!id.startsWith("30.")) expect([id, after.typed[id]]).toEqual([id, cells]);
    expect(after.archived).toEqual(["30.1", "30.2", "30.3", "30.4", "30.5"]);
    expect(after.last).toBe(194);
    await shot(page, "04-reimport-report");
    expect(errors).toEqual([]);
  });

  test("a .docx file is read in the pane (jszip loaded on demand) and previewed", async () => {
    const docx = Buffer.from(await docxOf(seedText().split("\n")));
    await page.getByRole("radio", { name: "选择文件" }).check();
    await page.getByRole("tabpanel", { name: "导入" }).locator('input[type="file"]').setInputFiles({ name: "分工表.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx });
    await page.getByText("分工表.docx").waitFor();
    await expect(page.getByRole("region", { name: "分工表预览" }).innerText()).resolves.toMatch(/56\s*任务\s*195\s*工作要求/);
    await shot(page, "05-docx-preview", false);
    expect(errors).toEqual([]);
  });

  afterAll(() => {
    if (docsShot) {
      fs.mkdirSync(path.join(ROOT, "docs"), { recursive: true });
      fs.copyFileSync(docsShot, path.join(ROOT, "docs", "taskpane.png"));
    }
  });
});

let docsShot: string | null = null;
