/**
 * What real offices hand SOIL, as file bytes: each case is either refused (a Chinese message, nothing
 * written) or read exactly like the bundled table. Shared by the core, CLI and pane tests so every
 * front end is held to the same list.
 */
import { Requirement } from "../../src/core";
import { big5Bytes, gbkBytes, utf16leWithBom, utf16WithoutBom } from "./encodings";
import { seedText } from "./seedVariants";

export type HostileOutcome =
  /** Refused with a message matching this. */
  | { refused: RegExp }
  /** Read as the seed: the same requirements (ids, texts, departments, deadline kinds and dates), with a warning matching `warns` when given. */
  | { sameAsSeed: true; warns?: RegExp };

export interface HostileCase {
  name: string;
  file: string;
  bytes(): Buffer;
  outcome: HostileOutcome;
}

/** Applies `edit` to the cells of every tab-separated line of the seed (header and rows). */
export function mapSeedCells(edit: (cells: string[], isHeader: boolean) => string[], seed = seedText()): string {
  return seed
    .split("\n")
    .map((line) => {
      const cells = line.split("\t");
      return cells.length < 7 ? line : edit(cells, cells[0] === "序号").join("\t");
    })
    .join("\n");
}

/** Column order 完成时限, 工作要求, 序号, 责任单位, 主要工作, 参与部门, 牵头部门. */
const PERMUTATION = [6, 4, 0, 5, 3, 2, 1];

/** Bodies of a district plan, none in SOIL's registry. */
export const FOREIGN_DEPARTMENTS = ["区生态环境分局", "区农业农村局", "区自然资源分局", "区住房城乡建设局", "区水务局"];

const FULL_WIDTH = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** A table of another (traditional-Chinese) plan, as a Big5 file holds it: 6 requirements of bodies SOIL does not know. */
export const BIG5_TABLE = [
  "序號\t牽頭部門\t參與部門\t主要工作\t工作要求\t責任單位\t完成時限",
  ...["環境保護署", "農業委員會", "水利署", "經濟部工業局", "內政部營建署", "衛生福利部"].map(
    (body, i) => `${i + 1}\t${body}\t\t（${"一二三四五六"[i]}）推動土壤污染防治。\t建立土壤環境監測網絡，定期發布監測結果。\t${body}\t2019年底`,
  ),
].join("\n");

/** Characters no one sees: zero-width space, joiners, a BOM inside text, bidi embedding/override/isolate. */
const ZWSP = "\u200B";
const INVISIBLE = (name: string) => `\u202E${name.slice(0, 2)}\u200D${name.slice(2)}\u202C\u2066\uFEFF\u2069`;

export const HOSTILE_CASES: HostileCase[] = [
  { name: "an empty file", file: "空.txt", bytes: () => Buffer.alloc(0), outcome: { refused: /是空的/ } },
  { name: "only blank lines", file: "空行.txt", bytes: () => Buffer.from("\r\n  \t\r\n\u3000\r\n"), outcome: { refused: /分工表是空的/ } },
  { name: "the table in GBK", file: "分工表-GBK.txt", bytes: () => gbkBytes(seedText()), outcome: { sameAsSeed: true } },
  { name: "the table in UTF-16 with BOM (Excel's Unicode text)", file: "分工表-Unicode.txt", bytes: () => utf16leWithBom(seedText()), outcome: { sameAsSeed: true } },
  { name: "bytes neither UTF-8 nor GBK", file: "乱码.txt", bytes: () => Buffer.concat([Buffer.from(seedText().slice(0, 200)), Buffer.from([0xd0, 0xf2, 0x81, 0x20, 0x41])]), outcome: { refused: /既不是 UTF-8 也不是 GBK/ } },
  {
    name: "a binary file (PNG)",
    file: "图片.txt",
    bytes: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 500 }, (_, i) => (i * 37) % 256)]),
    outcome: { refused: /不是文本文件/ },
  },
  {
    name: "a binary file without NUL bytes",
    file: "数据.txt",
    bytes: () => Buffer.from(Array.from({ length: 4000 }, (_, i) => [0x01, 0x02, 0x41, 0x1b, 0x42, 0x7f, 0x43][i % 7])),
    outcome: { refused: /不是文本文件/ },
  },
  { name: "a .docx renamed .txt", file: "分工表.txt", bytes: () => Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml"), outcome: { refused: /压缩格式/ } },
  {
    name: "nobody responsible: columns 牵头部门 and 责任单位 missing",
    file: "缺列.txt",
    bytes: () => Buffer.from(mapSeedCells((cells) => cells.filter((_, i) => i !== 1 && i !== 5))),
    outcome: { refused: /缺少“责任单位”列/ },
  },
  {
    name: "columns in another order",
    file: "列序不同.txt",
    bytes: () => Buffer.from(mapSeedCells((cells) => PERMUTATION.map((i) => cells[i]))),
    outcome: { sameAsSeed: true },
  },
  {
    name: "a 50 MB text",
    file: "大文件.txt",
    bytes: () => Buffer.alloc(50 * 1024 * 1024, "序号\t工作要求\n"),
    outcome: { refused: /过大（50\.0 MB），超过 SOIL 可读取的上限 16 MB/ },
  },
  {
    name: "a table from another plan (other departments)",
    file: "其他方案.txt",
    bytes: () => {
      let k = 0;
      return Buffer.from(mapSeedCells((cells, header) => (header ? cells : cells.map((c, i) => (i === 5 && c.trim() !== "" ? `${FOREIGN_DEPARTMENTS[k++ % FOREIGN_DEPARTMENTS.length]}牵头` : c)))));
    },
    outcome: { refused: /另一份方案的分工表/ },
  },
  { name: "Windows line endings (CRLF)", file: "分工表-CRLF.txt", bytes: () => Buffer.from(seedText().replace(/\n/g, "\r\n")), outcome: { sameAsSeed: true } },
  {
    name: "full-width digits in deadlines and task numbers",
    file: "全角数字.txt",
    bytes: () => Buffer.from(mapSeedCells((cells, header) => (header ? cells : cells.map((c, i) => (i === 6 || i === 0 ? FULL_WIDTH(c) : c))))),
    outcome: { sameAsSeed: true },
  },
  {
    name: "zero-width spaces in the header, a department name and requirement texts",
    file: "零宽空格.txt",
    bytes: () =>
      Buffer.from(
        mapSeedCells((cells, header) =>
          header ? cells.map((c) => (c === "序号" ? `序${ZWSP}号` : c)) : cells.map((c, i) => (i === 5 ? c.replace(/市环境保护局/g, `市环境${ZWSP}保护局`) : i === 4 && c !== "" ? `${c}${ZWSP}` : c)),
        ),
      ),
    outcome: { sameAsSeed: true, warns: /发现不可见字符，已删除：第 1 列“序号”中有 1 个（零宽空格 U\+200B）/ },
  },
  {
    name: "bidi controls (U+202E …) and a ZWJ around department names",
    file: "方向控制符.txt",
    bytes: () => Buffer.from(mapSeedCells((cells, header) => (header ? cells : cells.map((c, i) => ((i === 5 || i === 1) && c.trim() !== "" ? INVISIBLE(c) : c))))),
    outcome: { sameAsSeed: true, warns: /文字方向控制符 U\+202E/ },
  },
  { name: "the table in UTF-16LE without BOM", file: "分工表-UTF16LE.txt", bytes: () => utf16WithoutBom(seedText(), "LE"), outcome: { sameAsSeed: true } },
  { name: "the table in UTF-16BE without BOM", file: "分工表-UTF16BE.txt", bytes: () => utf16WithoutBom(seedText(), "BE"), outcome: { sameAsSeed: true } },
  {
    name: "a traditional-Chinese table in Big5 (read as Big5, not as mojibake)",
    file: "分工表-Big5.txt",
    bytes: () => big5Bytes(BIG5_TABLE),
    outcome: { refused: /“環境保護署”.*另一份方案的分工表/ },
  },
  {
    name: "a 工作要求 of 40,000 characters (more than an Excel cell holds)",
    file: "超长单元格.txt",
    bytes: () => Buffer.from(mapSeedCells((cells, header) => (header || cells[4] !== "组织开展全市农用地土壤污染状况详查。" ? cells : cells.map((c, i) => (i === 4 ? c + "详".repeat(40_000) : c))))),
    outcome: { refused: /第 \d+ 行的“工作要求”有 40,0\d\d 个字符，超过 Excel 单元格的上限 32,767 个字符/ },
  },
];

/** What must match the seed's parse: ids, texts, departments, deadline kinds and dates. */
export function essentials(requirements: readonly Requirement[]) {
  return requirements.map((r) => ({ id: r.id, text: r.text, responsible: r.responsible, kind: r.deadline.kind, date: r.deadline.date }));
}
