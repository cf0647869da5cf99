/**
 * End to end: the built task pane (dist/) served on localhost, driven in headless Chromium with the
 * Excel double injected before the page loads. Preview → populate → department filter → select a
 * row → re-import a newer table into the filled-in workbook. Asserts on what the double's workbook
 * received; screenshots go to test-artifacts/taskpane/ (and one to docs/taskpane.png).
 */
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
  const bundle = path.join(DIST, "taskpane.js");
  const sources = Math.max(newestMtime(path.join(ROOT, "src")), newestMtime(path.join(ROOT, "seeds")), fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs);
  if (fs.existsSync(bundle) && fs.existsSync(path.join(DIST, "taskpane.html")) && fs.statSync(bundle).mtimeMs >= sources) return;
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
      table: [[TASK_TABLE, { r1: 1, c1: 0, r2: 196, c2: 15 }]],
      syncs: 4,
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
    expect(selection).toMatch(/^'任务清单'!A\d+:P\d+$/);
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

    await page.getByRole("tab", { name: "导入分工表" }).click();
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
    await page.locator('input[type="file"]').setInputFiles({ name: "分工表.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx });
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
