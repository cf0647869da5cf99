/** `npm run soil -- parse`: the readable summary, the JSON shape, and clear failures. */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { BUNDLED_SOURCE } from "../../src/cli/source";
import { runCapturing } from "./runCapturing";

const ROOT = path.resolve(__dirname, "../..");
const SEED = BUNDLED_SOURCE;

const run = runCapturing;

describe("soil parse", () => {
  test("prints a readable summary of the bundled table", async () => {
    const { code, out } = await run("parse", SEED);
    expect(code).toBe(0);
    expect(out).toContain("任务 56 项，工作要求 195 条，涉及单位 39 个");
    expect(out).toContain("完成时限：限期完成 64，起始年份 24，持续推进 106，未填写 1，无法识别 0");
    expect(out).toMatch(/第264行 \[注意\] 与第263行完全相同的重复行，已忽略/);
  });

  test("--json prints the model in the documented shape with canonical names and ISO dates", async () => {
    const { code, out } = await run("parse", SEED, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["tasks", "departments", "diagnostics"]);
    expect(json.tasks).toHaveLength(56);
    expect(json.tasks[0]).toMatchObject({ no: 1, title: "开展土壤环境质量详查", lead: ["市环境保护局"] });
    expect(json.tasks[0].requirements[0]).toEqual({
      id: "1.1",
      text: "组织开展全市农用地土壤污染状况详查。",
      responsible: ["市环境保护局"],
      deadline: { raw: "2018年底", kind: "by", date: "2018-12-31" },
    });
    expect(json.tasks[21].requirements[0].deadline).toEqual({ raw: "", kind: "none", date: null });
    expect(json.departments).not.toContain("市环保局");
    expect(json.diagnostics[0]).toEqual(expect.objectContaining({ line: 45, message: expect.any(String) }));
  });

  test("without a file it reads the bundled table", async () => {
    expect((await run("parse")).out).toContain("工作要求 195 条");
  });

  test.each([
    ["a missing file", ["parse", "/no/such/file.txt"], /找不到文件/],
    ["an unknown option", ["parse", SEED, "--xml"], /不认识的(选项|参数)/],
    ["an unknown command", ["frobnicate"], /不认识的命令/],
  ])("%s: a Chinese message and exit code 2", async (_name, argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  test.each([
    ["a .docx (zip) file", Buffer.from("PK\u0003\u0004rest-of-zip"), /压缩格式/],
    ["a file neither UTF-8 nor GBK", Buffer.from([0xd0, 0xf2, 0x81, 0x20, 0x41]), /既不是 UTF-8 也不是 GBK/],
    ["an empty file", Buffer.alloc(0), /是空的/],
    ["prose without a table", Buffer.from("只是一段文字\n没有表格"), /没有找到任务分工表/],
  ])("unreadable input, %s: a clear message, exit code 2", async (_name, bytes, message) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "soil-parse-"));
    const file = path.join(dir, "input.txt");
    writeFileSync(file, bytes);
    const { code, err } = await run("parse", file);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  test("as a real process through npm run soil: exit status and output", () => {
    const ok = execFileSync("npm", ["run", "--silent", "soil", "--", "parse", SEED, "--json"], { cwd: ROOT, encoding: "utf8" });
    expect(JSON.parse(ok).tasks).toHaveLength(56);
    const bad = spawnSync("npm", ["run", "--silent", "soil", "--", "parse", "/no/such/file.txt"], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("错误：找不到文件");
  });
});
