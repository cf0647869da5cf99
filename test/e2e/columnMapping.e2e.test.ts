/**
 * End to end, the column-mapping step (issue #12): a table whose header SOIL does not know, pasted into
 * the built pane in headless Chromium at a 350 px pane width. Nothing can be written until the user
 * says what each column holds; after confirming, the preview counts the table and the workbook (the
 * Excel double) gets its rows. The screenshot of the step goes to test-artifacts/column-mapping.png, and to docs/column-mapping.png
 * only when SOIL_UPDATE_DOCS=1 (a test run leaves the working tree as it was).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import type { FakeWorkbook } from "../doubles/fakeExcel";
import { openPane, OpenPane } from "./paneServer";

const ROOT = path.resolve(__dirname, "../..");
// docs/ is tracked: a test run only rewrites its screenshot when asked to.
const DOCS_SHOT = process.env.SOIL_UPDATE_DOCS === "1" ? path.join(ROOT, "docs", "column-mapping.png") : path.join(ROOT, "test-artifacts", "column-mapping.png");

jest.setTimeout(300_000);

/** A table as another office writes it: a header of names SOIL does not know. */
const TABLE = [
  ["类别", "事项", "承办单位", "办结时间", "备注"],
  ["监测", "完善土壤环境监测网络。", "市环境保护局", "2018年底", "每季度报送"],
  ["执法", "开展涉重金属企业专项执法。", "市环境保护局、市公安局", "2019年6月底前", ""],
  ["农用地", "划定农用地土壤环境质量类别。", "市农牧局", "2019年底", ""],
]
  .map((r) => r.join("\t"))
  .join("\n");

describe("the column-mapping step in the built pane, 350 px wide", () => {
  let pane: OpenPane;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    pane = await openPane(ROOT, { width: 350, height: 900 });
    ({ page, errors } = pane);
    await page.getByRole("region", { name: "分工表预览" }).waitFor();
  });

  afterAll(async () => {
    await pane?.close();
  });

  test("an unknown header: the step lists each column with its first cells, and nothing can be written", async () => {
    await page.getByRole("radio", { name: "粘贴文本" }).check();
    await page.getByRole("textbox").fill(TABLE);
    const step = page.getByRole("region", { name: "列对应" });
    await step.waitFor();
    await expect(step.innerText()).resolves.toContain("没有认出表头");
    for (const name of ["类别", "事项", "承办单位", "办结时间", "备注"]) await expect(step.getByText(`：${name}`).count()).resolves.toBe(1);
    await expect(step.innerText()).resolves.toContain("完善土壤环境监测网络。");
    await expect(page.getByRole("button", { name: "生成工作簿" }).isDisabled()).resolves.toBe(true);
    await expect(step.getByRole("button", { name: "按此对应读取" }).isDisabled()).resolves.toBe(true);
  });

  test("the user says what each column holds; the table is read and written", async () => {
    const step = page.getByRole("region", { name: "列对应" });
    const choose = async (column: number, label: string) => {
      await step.getByRole("combobox").nth(column).selectOption({ label });
    };
    await choose(0, "任务");
    await choose(1, "工作要求");
    await choose(2, "责任单位");
    await choose(3, "完成时限");
    await choose(4, "其他（保留为附加列）");
    await page.getByRole("button", { name: "按此对应读取" }).scrollIntoViewIfNeeded();
    fs.mkdirSync(path.dirname(DOCS_SHOT), { recursive: true });
    await step.screenshot({ path: DOCS_SHOT });
    await page.getByRole("button", { name: "按此对应读取" }).click();
    await expect(step.count()).resolves.toBe(0);
    const preview = page.getByRole("region", { name: "分工表预览" });
    await expect(preview.innerText()).resolves.toMatch(/3\s*任务\s*3\s*工作要求/);
    await page.getByRole("button", { name: "生成工作簿" }).click();
    await page.getByText("已生成工作簿").waitFor();
    const written = await page.evaluate(() => {
      const book = (window as unknown as { __SOIL_BOOK__: FakeWorkbook }).__SOIL_BOOK__;
      return [2, 3, 4].map((r) => [book.sheets[0].cell(r, 0)?.value, book.sheets[0].cell(r, 3)?.value]);
    });
    expect(written).toEqual([
      ["1.1", "完善土壤环境监测网络。"],
      ["2.1", "开展涉重金属企业专项执法。"],
      ["3.1", "划定农用地土壤环境质量类别。"],
    ]);
    expect(errors).toEqual([]);
  });

  test("an .xlsx with merged cells is read in the pane (exceljs loaded on demand): 类别 sections, a two-row header, the sheet picker", async () => {
    const xlsx = fs.readFileSync(path.join(ROOT, "test/fixtures/tables/merged.xlsx"));
    const panel = page.getByRole("tabpanel", { name: "导入" });
    await page.getByRole("radio", { name: "选择文件" }).check();
    await panel.locator('input[type="file"]').setInputFiles({ name: "分工.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: xlsx });
    await page.getByText("分工.xlsx").waitFor();
    await expect(page.getByRole("region", { name: "分工表预览" }).innerText()).resolves.toMatch(/2\s*任务\s*3\s*工作要求/);
    await expect(panel.getByRole("combobox", { name: "工作表" }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });
});
