/**
 * Text → GBK or Big5 bytes for tests, built from the platform's own decoders (Node has no GBK or Big5
 * encoder): every two-byte code is decoded once and the map reversed. ASCII stays one byte.
 */
const tables = new Map<string, Map<string, [number, number]>>();

function gbkTable(label = "gbk"): Map<string, [number, number]> {
  let table = tables.get(label);
  if (table) return table;
  table = new Map();
  tables.set(label, table);
  const decoder = new TextDecoder(label, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a GBK code
      }
    }
  }
  return table;
}

/** The GBK encoding of `text`; throws on a character GBK cannot write. */
export function gbkBytes(text: string, label = "gbk"): Buffer {
  const map = gbkTable(label);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = map.get(ch);
    if (!pair) throw new Error(`${label} cannot write U+${code.toString(16)} “${ch}”`);
    out.push(pair[0], pair[1]);
  }
  return Buffer.from(out);
}

/** UTF-16LE with a BOM, as Excel's “Unicode 文本” saves. */
export function utf16leWithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

/** The Big5 encoding of `text` (traditional characters); throws on a character Big5 cannot write. */
export function big5Bytes(text: string): Buffer {
  return gbkBytes(text, "big5");
}

/** UTF-16 without a BOM, as some tools save: little-endian, or big-endian. */
export function utf16WithoutBom(text: string, order: "LE" | "BE"): Buffer {
  const bytes = Buffer.from(text, "utf16le");
  return order === "LE" ? bytes : bytes.swap16();
}
