/**
 * Text → GBK bytes for tests, built from the platform's own GBK decoder (Node has no GBK encoder):
 * every two-byte GBK code is decoded once and the map reversed. ASCII stays one byte.
 */
let table: Map<string, [number, number]> | null = null;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("gbk", { fatal: true });
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
export function gbkBytes(text: string): Buffer {
  const map = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = map.get(ch);
    if (!pair) throw new Error(`GBK cannot write U+${code.toString(16)} “${ch}”`);
    out.push(pair[0], pair[1]);
  }
  return Buffer.from(out);
}

/** UTF-16LE with a BOM, as Excel's “Unicode 文本” saves. */
export function utf16leWithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}
