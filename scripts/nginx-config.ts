/**
 * `npm run nginx-config -- [options]`: the nginx configuration that serves a production build of SOIL, rendered
 * from deploy/nginx/soil.conf.template and the build's deploy.json (host, Content-Security-Policy).
 *
 *   --build DIR         the build to serve (default dist/; made by `npm run build -- --env host=https://…/soil/`)
 *   --root DIR          where that build's files are on the server (default /var/www/soil)
 *   --cert FILE         TLS certificate (chain) in PEM (default /etc/ssl/certs/soil.pem)
 *   --key FILE          its private key (default /etc/ssl/private/soil.key)
 *   --listen ADDR       nginx listen address (default 443)
 *   --server-name NAME  default: the host name of the build's host URL
 *   --out FILE          write there instead of standard output
 */
import * as fs from "fs";
import * as path from "path";
import { SoilUserError } from "../src/core/errors";

const ROOT = path.resolve(__dirname, "..");
export const NGINX_TEMPLATE = path.join(ROOT, "deploy", "nginx", "soil.conf.template");

/** What a production build records about itself (webpack.config.js, DeployInfoPlugin). */
export interface DeployInfo {
  host: string | null;
  cloud: string;
  officeJs: string;
  officeJsSrc: string;
  csp: string | null;
}

export interface NginxOptions {
  /** The folder the built files are in on the server. */
  root: string;
  certificate: string;
  certificateKey: string;
  listen?: string;
  serverName?: string;
}

export function readDeployInfo(buildDir: string): DeployInfo {
  const file = path.join(buildDir, "deploy.json");
  if (!fs.existsSync(file)) {
    throw new SoilUserError(`找不到 ${file}：这不是 SOIL 的生产构建。`, "先运行 npm run build -- --env host=https://服务器/路径/");
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as DeployInfo;
}

/** A value that goes into the configuration as it is: no whitespace, quotes, braces, ";", "$" or "#". */
function plain(what: string, value: string, pattern = /^[^\s"'{};$#\\]+$/): string {
  if (!pattern.test(value)) throw new SoilUserError(`${what}含有 nginx 配置中不能直接使用的字符：${value}`, "请换一个只含字母、数字和 / . _ - : 的值。");
  return value;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function renderNginxConfig(info: DeployInfo, options: NginxOptions, template = fs.readFileSync(NGINX_TEMPLATE, "utf8")): string {
  if (!info.host) {
    throw new SoilUserError("这个构建没有部署地址，manifest.xml 仍指向 https://localhost:3000/。", "用 npm run build -- --env host=https://服务器/路径/ 重新构建。");
  }
  if (!info.csp) throw new SoilUserError("这个构建没有内容安全策略（开发构建？）。", "用 npm run build（生产构建）重新构建。");
  const host = new URL(info.host);
  const urlPath = plain("部署地址的路径", host.pathname, /^\/([A-Za-z0-9._~-]+\/)*$/);
  const values: Record<string, string> = {
    LISTEN: plain("监听地址", options.listen ?? "443"),
    SERVER_NAME: plain("服务器名", options.serverName ?? host.hostname),
    CERTIFICATE: plain("证书路径", path.resolve(options.certificate)),
    CERTIFICATE_KEY: plain("私钥路径", path.resolve(options.certificateKey)),
    DIST: plain("文件目录", path.resolve(options.root).replace(/\/+$/, "")),
    PATH: urlPath,
    PATH_REDIRECT: urlPath === "/" ? "# (none: the add-in is at the root)" : `location = ${urlPath.replace(/\/$/, "")} { return 301 ${urlPath}; }`,
    PATH_REGEX: escapeRegex(urlPath),
    CSP: plain("内容安全策略", info.csp, /^[^"\\$\n{};]+(;[^"\\$\n{};]+)*$/),
  };
  const out = template.replace(/@([A-Z_]+)@/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`unknown placeholder ${whole} in ${NGINX_TEMPLATE}`);
    return v;
  });
  return out;
}

function parseArgs(argv: string[]): { build: string; out?: string; options: NginxOptions } {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new SoilUserError(`${name} 后面缺少值。`);
    return v;
  };
  const known = ["--build", "--root", "--cert", "--key", "--listen", "--server-name", "--out"];
  for (let i = 0; i < argv.length; i += 2) {
    if (!known.includes(argv[i])) throw new SoilUserError(`不认识的参数：${argv[i]}`, `可用：${known.join(" ")}`);
  }
  return {
    build: path.resolve(get("--build") ?? path.join(ROOT, "dist")),
    out: get("--out"),
    options: {
      root: get("--root") ?? "/var/www/soil",
      certificate: get("--cert") ?? "/etc/ssl/certs/soil.pem",
      certificateKey: get("--key") ?? "/etc/ssl/private/soil.key",
      listen: get("--listen"),
      serverName: get("--server-name"),
    },
  };
}

function main(argv: string[]): number {
  try {
    const { build, out, options } = parseArgs(argv);
    const text = renderNginxConfig(readDeployInfo(build), options);
    if (out) {
      fs.writeFileSync(out, text);
      process.stderr.write(`已写入 ${out}（复制 ${build} 的全部文件到 ${options.root}/）\n`);
    } else process.stdout.write(text);
    return 0;
  } catch (e) {
    if (e instanceof SoilUserError) {
      process.stderr.write(`${e.message}${e.hint ? `\n${e.hint}` : ""}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
