/**
 * An .xlsx as the zip package it is (Open Packaging Conventions): its size before anything is unpacked,
 * its parts, relationships (relative or absolute targets), sheets and content types. The merge patches a
 * master through this instead of loading and re-writing it with exceljs, which drops what it cannot model
 * (allow-edit ranges, legacy sheet passwords, the add-in's webextension parts, charts, comments…).
 * No file system here (usable in a browser).
 */
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";
import { SoilUserError } from "../core/errors";

/** Unpacked size above which a workbook is refused before it is loaded (the 100x plan's master unpacks to about 30 MB). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export const REL_TYPES = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  calcChain: `${NS.rel}/calcChain`,
} as const;

export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * The sum of the entries' unpacked sizes, read from the zip's central directory without unpacking anything,
 * or null when the bytes are no zip (the loader then says so). A 314 KB zip holding a 300-million-character
 * string is refused here, before a byte of it is inflated.
 */
export function unpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  let entries = u16(eocd + 10);
  let offset = u32(eocd + 16);
  // Zip64: the real counts are in the zip64 end record the locator (just before the end record) points to.
  if ((entries === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const record = u64(eocd - 20 + 8);
    if (record + 56 > bytes.length || u32(record) !== 0x06064b50) return Infinity;
    entries = u64(record + 32);
    offset = u64(record + 48);
  }
  let total = 0;
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return Infinity;
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    if (size === 0xffffffff) {
      // The zip64 extra field (id 1) holds the 8-byte unpacked size first.
      size = Infinity;
      for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; e += 4 + u16(e + 2)) {
        if (u16(e) === 1 && e + 12 <= bytes.length) {
          size = u64(e + 4);
          break;
        }
      }
    }
    total += size;
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return total;
}

/**
 * The gate before a workbook is loaded: an OLE compound file (a workbook encrypted with a password to open,
 * or an old .xls) is named as such, and parts that unpack to more than MAX_UNPACKED_BYTES are refused.
 */
export function assertUnpackedSize(bytes: Uint8Array, name: string): void {
  if (bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b)) {
    throw new SoilUserError(`“${name}”是加密（设置了打开密码）的工作簿或旧版 .xls 文件，SOIL 无法读取`, "请在 Excel 中取消“用密码进行加密”，或另存为“Excel 工作簿 (*.xlsx)”后再选择");
  }
  const size = unpackedSize(bytes);
  if (size !== null && size > MAX_UNPACKED_BYTES) {
    const told = Number.isFinite(size) ? `解压后 ${mb(size)}` : "解压后大小无法确定";
    throw new SoilUserError(`“${name}”${told}，超过 SOIL 可读取的上限 ${mb(MAX_UNPACKED_BYTES)}，未读取`, "工作簿中可能有异常大的内容；请检查文件，或请对方重新保存后再交回");
  }
}

/** An XML part parsed with xmldom; a malformed part is an Error (the caller says which file). */
export function parseXml(text: string, part: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${part}: ${message}`);
    },
  }).parseFromString(text, "text/xml") as unknown as Document;
}

/** Child elements of `parent` with the local name `local`. */
export function childElements(parent: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (local === undefined || (n as Element).localName === local)) out.push(n as Element);
  return out;
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute ("/xl/…", as some tools write). */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") base.pop();
    else if (segment !== "." && segment !== "") base.push(segment);
  }
  return base.join("/");
}

/** `target` part as a relative reference from `sourcePart`'s folder. */
export function relativeTarget(sourcePart: string, target: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (no leading slash), or the target as written when external. */
  part: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** Part name, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  /** worksheet, chartsheet, dialogsheet…: the relationship type's last segment. */
  kind: string;
}

export interface XlsxPackage {
  zip: JSZip;
  workbookPart: string;
  sheets: SheetEntry[];
  /** The workbook part's relationships. */
  workbookRels: Relationship[];
  /** Namespace of the workbook's elements (transitional, or strict). */
  mainNamespace: string;
}

export async function readPart(zip: JSZip, part: string): Promise<string | null> {
  const file = zip.file(part);
  return file ? file.async("string") : null;
}

export async function readRelationships(zip: JSZip, sourcePart: string): Promise<Relationship[]> {
  const relsPart = sourcePart === "" ? "_rels/.rels" : relsPathOf(sourcePart);
  const text = await readPart(zip, relsPart);
  if (text === null) return [];
  return childElements(parseXml(text, relsPart).documentElement).map((r) => {
    const external = r.getAttribute("TargetMode") === "External";
    const target = r.getAttribute("Target") ?? "";
    return { id: r.getAttribute("Id") ?? "", type: r.getAttribute("Type") ?? "", part: external ? target : resolveTarget(sourcePart, target), external };
  });
}

/** Opens .xlsx bytes as a package (size checked first); SoilUserError when it is no workbook, with the reason. */
export async function openXlsxPackage(bytes: Uint8Array, name: string): Promise<XlsxPackage> {
  assertUnpackedSize(bytes, name);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw notWorkbook(name, error);
  }
  try {
    const root = await readRelationships(zip, "");
    const office = root.find((r) => r.type.endsWith("/officeDocument"));
    if (!office || !zip.file(office.part)) throw new Error("没有工作簿部件（_rels/.rels 中没有 officeDocument 关系）");
    const workbookPart = office.part;
    const doc = parseXml((await readPart(zip, workbookPart))!, workbookPart);
    const workbookRels = await readRelationships(zip, workbookPart);
    const sheetsElement = childElements(doc.documentElement, "sheets")[0];
    const sheets: SheetEntry[] = (sheetsElement ? childElements(sheetsElement, "sheet") : []).map((s) => {
      const relId = s.getAttributeNS(NS.rel, "id") ?? s.getAttributeNS("http://purl.oclc.org/ooxml/officeDocument/relationships", "id") ?? "";
      const rel = workbookRels.find((r) => r.id === relId);
      return { name: s.getAttribute("name") ?? "", sheetId: Number(s.getAttribute("sheetId")), relId, part: rel?.part ?? "", kind: rel?.type.split("/").pop() ?? "" };
    });
    return { zip, workbookPart, sheets, workbookRels, mainNamespace: doc.documentElement.namespaceURI ?? NS.main };
  } catch (error) {
    throw notWorkbook(name, error);
  }
}

function notWorkbook(name: string, error: unknown): SoilUserError {
  const reason = error instanceof Error ? error.message : String(error);
  return new SoilUserError(`无法读取“${name}”：不是 .xlsx 工作簿，或文件已损坏（${reason}）`, "请选择用 Excel、WPS 或 LibreOffice 保存的 .xlsx 文件（不支持 .xls）");
}

/**
 * The same package with every absolute relationship target ("/xl/worksheets/sheet1.xml", valid OPC that
 * some tools write) made relative, for exceljs, which only reads relative targets. Bytes unchanged when
 * there is none.
 */
export async function withRelativeTargets(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes;
  }
  let changed = false;
  for (const relsPart of Object.keys(zip.files).filter((p) => p.endsWith(".rels"))) {
    const text = await zip.file(relsPart)!.async("string");
    if (!/Target="\//.test(text)) continue;
    const source = relsPart === "_rels/.rels" ? "" : relsPart.replace(/_rels\/([^/]+)\.rels$/, "$1");
    const fixed = text.replace(/<Relationship\b[^>]*>/g, (element) =>
      /TargetMode="External"/.test(element) ? element : element.replace(/Target="\/([^"]*)"/, (_, target: string) => `Target="${source === "" ? target : relativeTarget(source, target)}"`),
    );
    zip.file(relsPart, fixed);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}
