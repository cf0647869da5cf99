/**
 * The dev server (npm run dev-server / npm start) as webpack.config.js configures it, run for real over a tiny
 * build: it listens on localhost only and answers cross-origin requests from Office's origins only, not "*".
 */
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as { devServerOptions(): Promise<WebpackDevServer.Configuration>; isOfficeOrigin(origin: string): boolean };

jest.setTimeout(60_000);

let dir: string;
let server: WebpackDevServer;

function get(port: number, origin?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "localhost", port, path: "/main.js", headers: origin ? { Origin: origin } : {} }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
  });
}

beforeAll(async () => {
  process.env.SOIL_DEV_HTTPS = "0";
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "soil-devserver-"));
  fs.writeFileSync(path.join(dir, "entry.js"), "console.log('soil');\n");
  const options = await config.devServerOptions();
  const compiler = webpack({ mode: "development", context: dir, entry: "./entry.js", output: { path: path.join(dir, "dist"), filename: "main.js" }, infrastructureLogging: { level: "none" }, stats: "none" });
  // Port 0: any free one (other builds may hold 3000); everything else as the config says.
  server = new WebpackDevServer({ ...options, port: 0, hot: false, liveReload: false, client: false, open: false }, compiler);
  await server.start();
});

afterAll(async () => {
  await server?.stop();
  delete process.env.SOIL_DEV_HTTPS;
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the dev server listens on a loopback address only", () => {
  const address = (server.server as http.Server).address() as AddressInfo;
  expect(["127.0.0.1", "::1"]).toContain(address.address);
});

test("Excel on the web's origin gets CORS; any other origin does not, and nothing says *", async () => {
  const port = ((server.server as http.Server).address() as AddressInfo).port;
  const office = await get(port, "https://excel.officeapps.live.com");
  expect(office.status).toBe(200);
  expect(office.headers["access-control-allow-origin"]).toBe("https://excel.officeapps.live.com");
  expect(office.headers.vary).toMatch(/Origin/);
  for (const origin of ["https://evil.example", "https://excel.officeapps.live.com.evil.example", "http://excel.officeapps.live.com"]) {
    const other = await get(port, origin);
    expect([origin, other.headers["access-control-allow-origin"]]).toEqual([origin, undefined]);
  }
  const plain = await get(port);
  expect(plain.headers["access-control-allow-origin"]).toBeUndefined();
});

test("Office's origins: the web, the new cloud.microsoft domain and 21Vianet's; lookalikes refused", () => {
  for (const o of ["https://excel.officeapps.live.com", "https://usc-excel.officeapps.live.com", "https://excel.cloud.microsoft", "https://contoso.sharepoint.com", "https://excel.officeapps.partner.office365.cn"]) expect([o, config.isOfficeOrigin(o)]).toEqual([o, true]);
  for (const o of ["https://officeapps.live.com.evil.com", "https://evilofficeapps.live.com", "null", ""]) expect([o, config.isOfficeOrigin(o)]).toEqual([o, false]);
});
