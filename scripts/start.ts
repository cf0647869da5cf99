/**
 * `npm start`: runs SOIL with what this machine has.
 *   1. writes the portable workbook from the bundled table (or --source/--out/--as-of), as `npm run workbook`,
 *      unless a file is already there: that one is the office's filled-in workbook, kept as it is (never
 *      regenerated, not even with --force: that is what `npm run workbook -- --force` is for);
 *   2. unless --no-serve: serves the add-in with webpack-dev-server on port 3000 (it compiles in memory,
 *      so no separate build), then sideloads it into Excel desktop (Windows, macOS) or says how to upload
 *      manifest.xml to Excel on the web (Linux, CI), and keeps serving until Ctrl+C.
 */
import { ChildProcess, spawn } from "child_process";
import http from "http";
import https from "https";
import net from "net";
import path from "path";
import { existsSync } from "fs";
import { parseWorkbookArgs } from "../src/cli/commands/workbook";
import { runCli } from "../src/cli/main";
import { processIo } from "../src/cli/io";
import { readManifestId, runSideload, sideloadPlan } from "./sideload";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const MANIFEST = path.join(ROOT, "manifest.xml");
const say = (line = "") => process.stdout.write(line + "\n");

export function parseStartArgs(argv: string[]): { serve: boolean; workbookArgv: string[] } {
  return { serve: !argv.includes("--no-serve"), workbookArgv: argv.filter((a) => a !== "--no-serve") };
}

/** The workbook `npm start` would write when one is already there (kept, never regenerated); null otherwise. */
export function existingWorkbook(workbookArgv: string[]): string | null {
  let out: string;
  try {
    out = parseWorkbookArgs(workbookArgv).out;
  } catch {
    return null; // the workbook command reports the mistake
  }
  return existsSync(out) ? path.resolve(out) : null;
}

/** Step 1: writes the portable workbook, or keeps the one already there and says where it is. */
async function workbookStep(workbookArgv: string[]): Promise<number> {
  const existing = existingWorkbook(workbookArgv);
  if (existing === null) return runCli(["workbook", ...workbookArgv.filter((a) => a !== "--force")], processIo);
  const others = workbookArgv.filter((a) => a !== "--force").join(" ");
  say(`已有工作簿：${existing}`);
  say("保留不变（npm start 从不重新生成已有的工作簿，其中可能有各单位已填写的内容）。");
  say(`如确要用分工表重新生成（会替换该文件）：npm run workbook -- ${others ? `${others} ` : ""}--force`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { serve, workbookArgv } = parseStartArgs(argv);
  say("SOIL：第 1 步，生成可移植工作簿（不需要加载项，Excel、WPS、LibreOffice 均可计算）");
  const code = await workbookStep(workbookArgv);
  if (code !== 0) return code;
  if (!serve) {
    say("已按 --no-serve 跳过加载项服务。");
    return 0;
  }

  say(`\nSOIL：第 2 步，在 https://localhost:${PORT}/ 提供 Excel 加载项（webpack-dev-server）`);
  const url = await serverUrl();
  let server: ChildProcess | null = null;
  if (url) {
    say(`端口 ${PORT} 上已有 SOIL 加载项服务在运行（${url}），直接使用。`);
  } else if (!(await portFree(PORT))) {
    process.stderr.write(`错误：端口 ${PORT} 已被其他程序占用。\n提示：请关闭占用该端口的程序后重试，或只生成工作簿：npm start -- --no-serve\n`);
    return 1;
  } else {
    server = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"], { cwd: ROOT, stdio: "inherit" });
  }
  const ready = url ?? (await waitForServer(server!));
  if (!ready) {
    process.stderr.write("错误：加载项服务没有启动成功（见上方 webpack 输出）。\n");
    return 1;
  }

  const plan = sideloadPlan(process.platform, MANIFEST, readManifestId(MANIFEST), undefined, ready);
  runSideload(plan, say);
  say(`\nSOIL：第 3 步，在 ${plan.target} 中加载 SOIL`);
  plan.steps.forEach((step, i) => say(`  ${i + 1}. ${step}`));
  if (!server) return 0;
  say("\n加载项服务运行中，按 Ctrl+C 停止。");
  const stop = () => server!.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise((resolve) => server!.once("exit", (c) => resolve(c ?? 0)));
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer().once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** The dev server's base URL if it answers for taskpane.html (https with the self-signed dev certificate, or http). */
async function serverUrl(): Promise<string | null> {
  for (const scheme of ["https", "http"] as const) {
    const base = `${scheme}://localhost:${PORT}/`;
    const ok = await new Promise<boolean>((resolve) => {
      const get = scheme === "https" ? https.get : http.get;
      // Only this local readiness probe skips certificate checks: the dev certificate is self-signed.
      const req = get(`${base}taskpane.html`, { rejectUnauthorized: false, timeout: 2000 } as https.RequestOptions, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
      req.on("timeout", () => req.destroy());
    });
    if (ok) return base;
  }
  return null;
}

async function waitForServer(server: ChildProcess, timeoutMs = 180_000): Promise<string | null> {
  let exited = false;
  server.once("exit", () => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (!exited && Date.now() < deadline) {
    const url = await serverUrl();
    if (url) return url;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return null;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`内部错误：${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
