/** `npm start`: writes the portable workbook and exits with --no-serve; the sideload plan of each platform. */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { parseStartArgs } from "../../scripts/start";
import { manifestId, readManifestId, runSideload, sideloadPlan } from "../../scripts/sideload";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test("npm start -- --no-serve writes the workbook, says where, and exits 0", () => {
  const dir = tempDir("soil-start-");
  const out = path.join(dir, "督办.xlsx");
  const result = spawnSync("npm", ["start", "--silent", "--", "--no-serve", "--out", out, "--as-of", "2018-12-20"], { cwd: ROOT, encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(`完成：${out}`);
  expect(result.stdout).toContain("已按 --no-serve 跳过加载项服务");
  expect(readdirSync(dir)).toEqual(["督办.xlsx"]);
}, 60_000);

test("npm start keeps an existing workbook byte for byte, says where it is and how to regenerate it", () => {
  const dir = tempDir("soil-start-keep-");
  const out = path.join(dir, "督办.xlsx");
  writeFileSync(out, "各单位已填写的工作簿");
  const result = spawnSync("npm", ["start", "--silent", "--", "--no-serve", "--out", out, "--force"], { cwd: ROOT, encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(`已有工作簿：${out}`);
  expect(result.stdout).toContain(`npm run workbook -- --out ${out} --force`);
  expect(readFileSync(out, "utf8")).toBe("各单位已填写的工作簿");
  expect(readdirSync(dir)).toEqual(["督办.xlsx"]);
}, 60_000);

test("the dev server's https options on Linux never try sudo (as root there is none): certificates generated, nothing about sudo printed", () => {
  const home = tempDir("soil-certs-home-");
  // The webpack configuration npm start serves, with the dev server's options, in a process whose home is a scratch folder.
  const script = `require(${JSON.stringify(path.join(ROOT, "webpack.config.js"))})({ WEBPACK_SERVE: true }, { mode: "development" })
    .then((c) => console.log("SERVER " + c.devServer.server.type + " " + Boolean(c.devServer.server.options && c.devServer.server.options.cert)))`;
  const result = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8", env: { ...process.env, HOME: home, SOIL_DEV_HTTPS: "" }, timeout: 120_000 });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("SERVER https true");
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/sudo/i);
  expect(readdirSync(path.join(home, ".office-addin-dev-certs")).sort()).toEqual(["ca.crt", "localhost.crt", "localhost.key"]);
}, 120_000);

test("npm start passes a bad source through as the workbook command's Chinese error", () => {
  const result = spawnSync("npm", ["start", "--silent", "--", "--no-serve", "--source", path.join(ROOT, "no-such-table.txt")], { cwd: ROOT, encoding: "utf8" });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("错误：找不到文件");
}, 60_000);

test("--no-serve is start's own flag; the rest goes to the workbook command", () => {
  expect(parseStartArgs(["--no-serve", "--as-of", "2018-12-20"])).toEqual({ serve: false, workbookArgv: ["--as-of", "2018-12-20"] });
  expect(parseStartArgs([])).toEqual({ serve: true, workbookArgv: [] });
});

describe("sideload plan", () => {
  const id = readManifestId(MANIFEST);

  test("the manifest id is the <Id> of manifest.xml", () => {
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(() => manifestId("<OfficeApp/>")).toThrow();
  });

  test("macOS: manifest copied into Excel's wef folder, Excel opened", () => {
    const home = tempDir("soil-home-");
    const plan = sideloadPlan("darwin", MANIFEST, id, home);
    const wef = path.join(home, "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    expect(plan.target).toBe("Excel 桌面版（macOS）");
    expect(plan.actions).toEqual([
      { kind: "copy", from: MANIFEST, to: path.join(wef, `${id}.manifest.xml`) },
      { kind: "run", command: "open", args: ["-a", "Microsoft Excel"], what: "打开 Excel" },
    ]);
    // The copy is real (into a scratch home); opening Excel is not run here.
    runSideload({ ...plan, actions: plan.actions.filter((a) => a.kind === "copy") }, () => undefined);
    expect(readFileSync(path.join(wef, `${id}.manifest.xml`), "utf8")).toBe(readFileSync(MANIFEST, "utf8"));
  });

  test("Windows: developer registry key for Excel 16, shared-folder steps as the fallback", () => {
    const plan = sideloadPlan("win32", "C:\\soil\\manifest.xml", id);
    expect(plan.actions[0]).toEqual({
      kind: "run",
      command: "reg",
      args: ["add", "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer", "/v", id, "/t", "REG_SZ", "/d", "C:\\soil\\manifest.xml", "/f"],
      what: "登记开发人员加载项",
    });
    expect(plan.steps.join("\n")).toContain("受信任的加载项目录");
  });

  test.each(["linux", "freebsd"] as const)("%s: no actions, steps to upload manifest.xml to Excel on the web", (platform) => {
    const plan = sideloadPlan(platform, MANIFEST, id, os.homedir(), "https://localhost:3000/");
    expect(plan.target).toBe("Excel 网页版");
    expect(plan.actions).toEqual([]);
    expect(plan.steps.join("\n")).toContain(`选择文件 ${MANIFEST}`);
    expect(plan.steps.join("\n")).toContain("https://localhost:3000/taskpane.html");
    expect(existsSync(MANIFEST)).toBe(true);
  });
});
