/**
 * What a careless or dishonest department hands back instead of its file, as bytes made from the file it
 * was given: each case is refused with a Chinese message and nothing is written. Shared by the CLI and
 * pane tests (the table-text cases are in hostileInputs.ts).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import zlib from "zlib";
import { DEPARTMENT_INFO_SHEET, columnIndex } from "../../src/core";

export interface HostileDepartmentFile {
  name: string;
  file: string;
  /** The bytes, from the department file as exported (signed by the master's key). */
  bytes(exported: Uint8Array): Promise<Uint8Array>;
  refused: RegExp;
}

async function edited(exported: Uint8Array, edit: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(exported as unknown as ArrayBuffer);
  edit(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export const HOSTILE_DEPARTMENT_FILES: HostileDepartmentFile[] = [
  {
    name: "a file whose 导出信息 names another department",
    file: "改单位.xlsx",
    bytes: (x) => edited(x, (b) => void (b.getWorksheet(DEPARTMENT_INFO_SHEET)!.getCell(2, 2).value = "市农牧局")),
    refused: /导出信息与主表的记录不符/,
  },
  {
    name: "a file whose baseline was rewritten (to overwrite the office's later edits)",
    file: "改原值.xlsx",
    bytes: (x) => edited(x, (b) => void (b.getWorksheet(DEPARTMENT_INFO_SHEET)!.getCell(7, columnIndex("notes") + 1).value = "办公室后来写的")),
    refused: /导出信息与主表的记录不符/,
  },
  {
    name: "a file whose export date was moved",
    file: "改日期.xlsx",
    bytes: (x) => edited(x, (b) => void (b.getWorksheet(DEPARTMENT_INFO_SHEET)!.getCell(3, 2).value = 40000)),
    refused: /导出信息与主表的记录不符/,
  },
  {
    name: "a file without its signature",
    file: "无签名.xlsx",
    bytes: (x) => edited(x, (b) => void (b.getWorksheet(DEPARTMENT_INFO_SHEET)!.getCell(5, 3).value = null)),
    refused: /没有导出签名/,
  },
  { name: "a 317 KB zip whose one string is 300 million characters", file: "炸弹.xlsx", bytes: (x) => unpackingTo(x, 300_000_000), refused: /超过 SOIL 可读取的上限 100\.0 MB/ },
  {
    name: "a workbook encrypted with a password to open (an OLE compound file, like an .xls)",
    file: "加密.xlsx",
    bytes: async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
    refused: /是加密（设置了打开密码）的工作簿或旧版 \.xls 文件/,
  },
  { name: "a text file renamed .xlsx", file: "文本.xlsx", bytes: async () => new TextEncoder().encode("进展情况：已完成"), refused: /不是 \.xlsx 工作簿/ },
  { name: "a file cut off in transfer", file: "截断.xlsx", bytes: async (x) => x.subarray(0, Math.floor(x.length / 2)), refused: /不是 \.xlsx 工作簿，或文件已损坏（.+）/ },
];

/** The department file re-zipped with shared strings that unpack to `characters` characters, deflated in chunks (no big buffer). */
export async function unpackingTo(file: Uint8Array, characters: number): Promise<Buffer> {
  const source = await JSZip.loadAsync(file);
  const entries: { name: string; data: Buffer; size: number; crc: number }[] = [];
  for (const name of Object.keys(source.files).filter((p) => !source.files[p].dir)) {
    if (name === "xl/sharedStrings.xml") continue;
    const raw = await source.file(name)!.async("nodebuffer");
    entries.push({ name, data: zlib.deflateRawSync(raw), size: raw.length, crc: zlib.crc32(raw) });
  }
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>');
  const tail = Buffer.from("</t></si></sst>");
  const chunk = Buffer.alloc(1024 * 1024, "A");
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = zlib.crc32(head);
  deflate.write(head);
  for (let left = characters; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  crc = zlib.crc32(tail, crc);
  deflate.end(tail);
  await done;
  entries.push({ name: "xl/sharedStrings.xml", data: Buffer.concat(out), size: head.length + characters + tail.length, crc });
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    // The local header and the central directory's entry hold the same fields from "flags" on (APPNOTE 4.3.7, 4.3.12).
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(0x0800, at); // UTF-8 names
      header.writeUInt16LE(8, at + 2); // deflated
      header.writeUInt32LE(e.crc >>> 0, at + 8);
      header.writeUInt32LE(e.data.length, at + 12);
      header.writeUInt32LE(e.size, at + 16);
      header.writeUInt16LE(name.length, at + 20);
      return header;
    };
    const local = fields(Buffer.alloc(30), 6);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    const central = fields(Buffer.alloc(46), 8);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
