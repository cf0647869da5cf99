/**
 * The export record that lets the office trust a returned department file: at export, an HMAC-SHA256 over
 * (export id, department, export date, baseline rows) with a key that only the master holds (a very hidden
 * sheet, EXPORT_KEY_SHEET); at merge, the same HMAC recomputed from what the returned file says. A clerk
 * who edits 导出信息 (department, baseline) cannot produce a matching signature without the master; whoever
 * has the master can. WebCrypto (crypto.subtle) exists in browsers and in Node, so the pane and the CLI
 * share this code.
 */
import { Day, isoFromDay, serialFromDay } from "./dates";
import { BASELINE_COLUMNS, cellText } from "./departmentFile";
import { canonicalDepartment, isGenericDepartment } from "./departments";
import { BUNDLED_REGISTRY } from "./presets";
import { DepartmentRegistry } from "./registry";
import { SoilUserError } from "./errors";
import { CellValue, ColumnKey } from "./layout";

/** The master's very hidden sheet holding the signing key: A1 label, B1 the key (hex). */
export const EXPORT_KEY_SHEET = "SOIL密钥";
export const EXPORT_KEY_LABEL = "SOIL 导出签名密钥（请勿修改或删除）";

const hex = (bytes: ArrayBuffer | Uint8Array) => Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

function randomHex(bytes: number): string {
  return hex(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A new 256-bit key for a master. */
export function newExportKey(): string {
  return randomHex(32);
}

/** A new id for one export (written into the department file). */
export function newExportId(): string {
  return randomHex(16);
}

/** Whether a cell read from the key sheet is a key. */
export function isExportKey(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{64}$/.test(value);
}

type Baseline = ReadonlyMap<string, Partial<Record<ColumnKey, unknown>>>;

/** Baseline rows as departmentFileContent makes them ([编号, ...BASELINE_COLUMNS]) → the map a reader gives. */
export function baselineMap(rows: readonly CellValue[][]): Baseline {
  const plain = (v: CellValue) => (v !== null && typeof v === "object" && "date" in v ? serialFromDay(v.date) : v);
  const map = new Map<string, Partial<Record<ColumnKey, unknown>>>();
  // The first row of an 编号 counts, as the reader (readDepartmentWorkbook) keeps it.
  for (const r of rows) {
    const id = cellText(plain(r[0]));
    if (id !== "" && !map.has(id)) map.set(id, Object.fromEntries(BASELINE_COLUMNS.map((spec, i) => [spec.key, plain(r[i + 1])])));
  }
  return map;
}

/**
 * Text as signed: OOXML escapes (_x000D_, which Excel writes for a carriage return and exceljs reads as is)
 * decoded and line ends unified, so a file Excel, WPS or LibreOffice re-saved still verifies.
 */
function canonical(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\r\n?/g, "\n");
}

/** What is signed: every value compared as the merge compares it (dates as days, text trimmed). */
function recordText(exportId: string, department: string, exportedOn: Day | null, baseline: Baseline): string {
  const rows = [...baseline].map(([id, values]) => [id, ...BASELINE_COLUMNS.map((spec) => cellText(values[spec.key], spec.format))].map(canonical));
  return JSON.stringify(["SOIL export v2", exportId, canonical(department), exportedOn === null ? "" : isoFromDay(exportedOn), rows]);
}

async function hmacKey(key: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  const bytes = new Uint8Array(key.match(/../g)!.map((b) => parseInt(b, 16)));
  return globalThis.crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

export async function signExportRecord(key: string, exportId: string, department: string, exportedOn: Day | null, baseline: Baseline): Promise<string> {
  const signature = await globalThis.crypto.subtle.sign("HMAC", await hmacKey(key, "sign"), new TextEncoder().encode(recordText(exportId, department, exportedOn, baseline)));
  return hex(signature);
}

/** The export record a returned file carries (导出信息 row 5), as read. */
export interface ExportRecord {
  exportId: string;
  signature: string;
}

/** Refuses a returned file whose export record does not verify with the master's key. */
export async function assertExportRecord(
  key: string | null,
  file: { department: string; exportedOn: Day | null; baseline: Baseline; record?: ExportRecord | null },
  name: string,
): Promise<void> {
  if (key === null) throw new SoilUserError("主表中没有导出签名密钥，无法核验部门文件", "部门文件须从此主表导出：请用任务窗格或 npm run soil -- export 从主表重新导出后再合并");
  const record = file.record;
  if (!record || !/^[0-9a-f]{64}$/.test(record.signature)) {
    throw new SoilUserError(`“${name}”没有导出签名（由较早版本的 SOIL 导出，或签名被删改），无法核验，未合并`, "请从主表重新导出该部门的文件，由部门填写后交回");
  }
  const bytes = new Uint8Array(record.signature.match(/../g)!.map((b) => parseInt(b, 16)));
  const text = new TextEncoder().encode(recordText(record.exportId, file.department, file.exportedOn, file.baseline));
  const ok = await globalThis.crypto.subtle.verify("HMAC", await hmacKey(key, "verify"), bytes, text);
  if (!ok) {
    throw new SoilUserError(
      `“${name}”的导出信息与主表的记录不符：文件中的责任单位、导出日期或原值被改动过，或文件不是从此主表导出的，未合并`,
      "请从主表重新导出该部门的文件；如文件确由部门交回，请与该部门核实",
    );
  }
}

/** A warning when the file's name names another department than the file holds (SOIL-甲局.xlsx holding 乙局's rows). */
export function fileNameDepartmentWarning(fileName: string, department: string, registry: DepartmentRegistry = BUNDLED_REGISTRY): string | null {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.xlsx$/i, "").replace(/^SOIL-/, "").replace(/_/g, "");
  const exact = canonicalDepartment(base, registry);
  const named = exact ? [exact] : registry.entries.filter((d) => !isGenericDepartment(d.name, registry) && base.includes(d.name)).map((d) => d.name);
  if (named.length === 0 || named.includes(department)) return null;
  return `注意：文件名“${fileName}”写的是${named.join("、")}，文件中的责任单位却是${department}（按文件中的${department}合并，请核实）`;
}
