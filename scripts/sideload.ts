/**
 * How `npm start` gets the add-in into Excel on this platform: Excel desktop on Windows (developer
 * registry key) and macOS (the wef folder), Excel on the web everywhere else (upload manifest.xml).
 * A plan first, so that tests check every platform's plan without touching the machine.
 */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "fs";
import os from "os";
import path from "path";

export type SideloadAction =
  | { kind: "copy"; from: string; to: string }
  | { kind: "run"; command: string; args: string[]; what: string };

export interface SideloadPlan {
  target: "Excel 桌面版（Windows）" | "Excel 桌面版（macOS）" | "Excel 网页版";
  actions: SideloadAction[];
  /** What the user does next, in Chinese. */
  steps: string[];
}

export function manifestId(manifestXml: string): string {
  const m = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(manifestXml);
  if (!m) throw new Error("manifest.xml has no <Id>");
  return m[1];
}

const WEB_STEPS = (manifest: string, url: string) => [
  `在浏览器中打开 ${url}taskpane.html，如提示证书不受信任，请选择继续访问（本机开发证书）。`,
  "打开 Excel 网页版（Microsoft 365），新建或打开一个工作簿。",
  "依次点击 开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项。",
  `选择文件 ${manifest}，点击上传；功能区上会出现“土壤督办”选项卡，单击其中的“SOIL 任务督办”打开任务窗格。`,
];

export function sideloadPlan(platform: NodeJS.Platform, manifest: string, id: string, home = os.homedir(), url = "https://localhost:3000/"): SideloadPlan {
  if (platform === "darwin") {
    const wef = path.join(home, "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    return {
      target: "Excel 桌面版（macOS）",
      actions: [
        { kind: "copy", from: manifest, to: path.join(wef, `${id}.manifest.xml`) },
        { kind: "run", command: "open", args: ["-a", "Microsoft Excel"], what: "打开 Excel" },
      ],
      steps: [
        `已把 manifest.xml 复制到 ${wef}。`,
        "在 Excel 中打开或新建工作簿，点击 开始 → 加载项（或 插入 → 我的加载项），在“开发人员加载项”下选择 SOIL。",
        "若 Excel 已在运行，请先完全退出再打开。",
      ],
    };
  }
  if (platform === "win32") {
    const key = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
    return {
      target: "Excel 桌面版（Windows）",
      actions: [
        { kind: "run", command: "reg", args: ["add", key, "/v", id, "/t", "REG_SZ", "/d", manifest, "/f"], what: "登记开发人员加载项" },
        { kind: "run", command: "cmd", args: ["/c", "start", "", "excel"], what: "打开 Excel" },
      ],
      steps: [
        `已在注册表 ${key} 中登记 ${manifest}。`,
        "在 Excel 中打开或新建工作簿，点击 开始 → 加载项 → 我的加载项 → 开发人员加载项，选择 SOIL。",
        "如果看不到：可改用共享文件夹方式——把 manifest.xml 所在文件夹设为共享，在 文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录 中添加该共享路径（\\\\计算机名\\共享名）并勾选“在菜单中显示”，重启 Excel 后在 插入 → 我的加载项 → 共享文件夹 中选择 SOIL。",
        `不再需要时可删除：reg delete ${key} /v ${id} /f`,
      ],
    };
  }
  return { target: "Excel 网页版", actions: [], steps: WEB_STEPS(manifest, url) };
}

/** Carries out a plan; a failed step is reported, not fatal (the steps still say what to do by hand). */
export function runSideload(plan: SideloadPlan, log: (line: string) => void): void {
  for (const action of plan.actions) {
    if (action.kind === "copy") {
      mkdirSync(path.dirname(action.to), { recursive: true });
      copyFileSync(action.from, action.to);
      continue;
    }
    const result = spawnSync(action.command, action.args, { stdio: "ignore", timeout: 20_000 });
    if (result.status !== 0) log(`未能自动${action.what}（${result.error?.message ?? `退出码 ${result.status}`}），请按下面的步骤手动操作。`);
  }
}

export function readManifestId(manifest: string): string {
  if (!existsSync(manifest)) throw new Error(`找不到 ${manifest}`);
  return manifestId(readFileSync(manifest, "utf8"));
}
