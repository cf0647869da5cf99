/**
 * Hostile input at the core: every case of test/doubles/hostileInputs.ts is either refused with its
 * Chinese message or read exactly like the bundled table; plus the pieces (header reading, size limit,
 * a table of another plan) one by one.
 */
import {
  allRequirements,
  assertImportable,
  decodeTableBytes,
  importProblem,
  MAX_TABLE_BYTES,
  parseTable,
  readHeader,
  SoilUserError,
  TABLE_HEADERS,
  textProblem,
} from "../../src/core";
import { big5Bytes, gbkBytes, utf16WithoutBom } from "../doubles/encodings";
import { BIG5_TABLE, essentials, FOREIGN_DEPARTMENTS, HOSTILE_CASES, mapSeedCells } from "../doubles/hostileInputs";
import { seedText } from "../doubles/seedVariants";

const SEED = essentials(allRequirements(parseTable(seedText())));

/** The core's whole path for a file: decode, parse, the import gate. */
function importBytes(bytes: Uint8Array, name: string) {
  const decoded = decodeTableBytes(bytes, name);
  const table = parseTable(decoded.text);
  assertImportable(table, name);
  return { ...decoded, table };
}

describe("each hostile input: refused with a clear message, or read like the bundled table", () => {
  test.each(HOSTILE_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const bytes = c.bytes();
    if ("refused" in c.outcome) {
      let error: unknown;
      try {
        importBytes(bytes, c.file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SoilUserError);
      expect((error as SoilUserError).message).toMatch(c.outcome.refused);
      expect((error as SoilUserError).hint).toMatch(/请/);
    } else if ("ownRegistry" in c.outcome) {
      const { table } = importBytes(bytes, c.file);
      expect(allRequirements(table)).toHaveLength(c.outcome.requirements);
      expect(table.registry!.entries.map((e) => e.name)).toEqual(expect.arrayContaining([...c.outcome.ownRegistry]));
      expect(new Set(allRequirements(table).flatMap((r) => r.responsible))).toEqual(new Set(c.outcome.ownRegistry));
    } else {
      const { table } = importBytes(bytes, c.file);
      expect(essentials(allRequirements(table))).toEqual(SEED);
      if (c.outcome.warns) expect(table.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(c.outcome.warns));
      // Nothing invisible reaches a department name, a text or the registry of names.
      expect(JSON.stringify([table.departments, allRequirements(table).map((r) => [r.text, r.responsible])])).not.toMatch(/\p{Cf}/u);
    }
  });
});

describe("decoding", () => {
  test("names the encoding it used: UTF-8 (BOM or not), GBK, UTF-16", () => {
    const enc = (name: string) => decodeTableBytes(HOSTILE_CASES.find((c) => c.name.includes(name))!.bytes()).encoding;
    expect(enc("GBK")).toBe("GBK");
    expect(enc("UTF-16")).toBe("UTF-16LE");
    expect(enc("CRLF")).toBe("UTF-8");
    expect(decodeTableBytes(Buffer.from("\uFEFF序号\t工作要求")).text).toBe("序号\t工作要求");
    expect(decodeTableBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("序号", "utf16le").swap16()]))).toEqual({ text: "序号", encoding: "UTF-16BE" });
  });

  test("a PDF and an old .doc are named as such", () => {
    expect(() => decodeTableBytes(Buffer.from("%PDF-1.7\n..."), "a.txt")).toThrow(/是 PDF 文件/);
    expect(() => decodeTableBytes(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "a.txt")).toThrow(/旧版 Office 文档/);
  });

  test("a form feed or a stray control character in a real table is not binary", () => {
    const text = seedText().replace("\n", "\f\n").replace("序号", "序号\u0007");
    expect(decodeTableBytes(Buffer.from(text)).text).toBe(text);
  });
});

describe("the size limit (16 MiB)", () => {
  test("a text just under the limit is read; just over is refused before parsing", () => {
    const line = "\t\t\t\t工作要求内容。\t市环保局\t2020年\n";
    const under = "x".repeat(MAX_TABLE_BYTES - 10);
    expect(textProblem(under)).toBeNull();
    expect(textProblem(under + line)?.message).toMatch(/过大/);
    // UTF-8 bytes count, not characters: 6 MiB of Han characters is 18 MiB.
    expect(textProblem("测".repeat(6 * 1024 * 1024))?.message).toMatch(/过大（18\.0 MB）/);
  });

  test("a 50 MB paste gives one error and no tasks", () => {
    const t = parseTable(("序号\t工作要求\t" + "内容".repeat(50)).repeat(200_000));
    expect(t.tasks).toEqual([]);
    expect(t.diagnostics).toEqual([expect.objectContaining({ line: 1, severity: "error", code: "input", message: expect.stringMatching(/过大/) })]);
  });
});

describe("header recognition", () => {
  test("columns in another order, with a column SOIL does not use, are read by name", () => {
    const text = mapSeedCells((cells, header) => [...cells.slice(4), header ? "备 注" : "无", ...cells.slice(0, 4)]);
    const t = parseTable(text);
    expect(essentials(allRequirements(t))).toEqual(SEED);
    expect(t.diagnostics.filter((d) => d.code === "ignored-columns")).toEqual([expect.objectContaining({ severity: "info", message: "表头中的“备注”列 SOIL 不使用，原样保留，写入工作簿时放在 SOIL 各列之后" })]);
  });

  test("other spellings of the column names", () => {
    expect(readHeader(["序号", "牵头单位", "配合部门", "主要工作", "工作要求", "责任部门", "完成时间"])).toEqual({
      kind: "header",
      columns: ["no", "lead", "partners", "mainWork", "text", "responsible", "deadline"],
      ignored: [],
    });
  });

  test("only the requirement text and someone responsible are indispensable", () => {
    expect(readHeader(["序号", "牵头部门", "主要工作", "工作要求", "责任单位"])).toMatchObject({ kind: "header" });
    expect(readHeader(["序号", "参与部门", "主要工作", "工作要求", "完成时限"])).toEqual({ kind: "incomplete", missing: ["责任单位"], repeated: [] });
    expect(readHeader([...TABLE_HEADERS, "责任单位"])).toEqual({ kind: "incomplete", missing: [], repeated: ["责任单位"] });
  });

  test("a header with nobody responsible is named, and no row under that header is read", () => {
    const t = parseTable(mapSeedCells((cells) => cells.filter((_, i) => i !== 1 && i !== 5)));
    expect(allRequirements(t)).toHaveLength(0);
    // The seed repeats its header at each page break: each one is reported.
    const errors = t.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(1);
    expect(errors.every((d) => d.code === "missing-columns" && d.message === "表头缺少“责任单位”列，无法确定各列内容，未读取该表")).toBe(true);
    expect(() => assertImportable(t)).toThrow("表头缺少“责任单位”列");
  });

  test("no 完成时限 column: every requirement 时限待定, said once; no 责任单位: the 牵头 units are responsible", () => {
    const t = parseTable(mapSeedCells((cells) => cells.filter((_, i) => i !== 6)));
    expect(allRequirements(t)).toHaveLength(195);
    expect(allRequirements(t).every((r) => r.deadline.kind === "none")).toBe(true);
    expect(t.diagnostics.filter((d) => d.code === "missing-deadline")).toEqual([]);
    expect(t.diagnostics.some((d) => d.code === "column-mapping" && /没有完成时限列/.test(d.message))).toBe(true);
    const noResponsible = parseTable(mapSeedCells((cells) => cells.filter((_, i) => i !== 5)));
    const first = allRequirements(noResponsible)[0];
    expect(first.responsible).toEqual(noResponsible.tasks[0].lead);
    expect(noResponsible.diagnostics.some((d) => d.severity === "warning" && /责任单位取牵头单位/.test(d.message))).toBe(true);
  });

  test("a line of prose naming two column words is not a header", () => {
    expect(readHeader(["序号和工作要求见下表"])).toBeNull();
    expect(readHeader(["序号", "工作要求"])).toBeNull();
  });
});

describe("a table of another plan: read with its own registry, never refused", () => {
  const withResponsible = (names: (k: number) => string) => {
    let k = 0;
    return parseTable(mapSeedCells((cells, header) => (header ? cells : cells.map((c, i) => (i === 5 && c.trim() !== "" ? names(k++) : c)))));
  };

  test("every 责任单位 unknown to the bundled registry: the table's own bodies make the registry", () => {
    const t = withResponsible((k) => FOREIGN_DEPARTMENTS[k % FOREIGN_DEPARTMENTS.length]);
    expect(importProblem(t)).toBeNull();
    expect(t.registry!.label).toBe("本表");
    expect(t.diagnostics.filter((d) => d.code === "unknown-department" && d.message.includes("区"))).toEqual([]);
  });

  test("a few unknown bodies (the seed has some) keep the bundled registry and are warnings", () => {
    expect(importProblem(parseTable(seedText()))).toBeNull();
    const t = withResponsible((k) => (k % 2 === 0 ? "市环境保护局" : "区水务局"));
    expect(importProblem(t)).toBeNull();
    expect(t.registry!.label).toBe("邯郸市2017");
    expect(t.diagnostics.some((d) => d.code === "unknown-department")).toBe(true);
  });
});

describe("line endings and full-width digits", () => {
  test("CRLF, CR and LF give the same parse, diagnostics on the same lines", () => {
    const lf = parseTable(seedText());
    for (const eol of ["\r\n", "\r"]) {
      const other = parseTable(seedText().replace(/\n/g, eol));
      expect(other).toEqual(lf);
    }
  });

  test("full-width deadlines keep their text and read the same date", () => {
    const t = parseTable(mapSeedCells((cells, header) => (header ? cells : cells.map((c, i) => (i === 6 ? c.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : c)))));
    const r = allRequirements(t).find((x) => x.id === "1.1")!;
    expect(r.deadline).toEqual({ raw: "２０１８年底", kind: "by", date: SEED[0].date });
    expect(essentials(allRequirements(t))).toEqual(SEED);
  });
});

describe("GBK decoding agrees with the browser's", () => {
  test("0xFF is refused (Node's ICU would drop it silently), a lead byte without its trail is refused", () => {
    expect(() => decodeTableBytes(Buffer.from([0xd0, 0xf2, 0xff, 0x41]))).toThrow(/既不是 UTF-8 也不是 GBK/);
    expect(() => decodeTableBytes(Buffer.from([0xd0, 0xf2, 0x81, 0x20]))).toThrow(/既不是 UTF-8 也不是 GBK/);
    expect(decodeTableBytes(Buffer.from([0xd0, 0xf2, 0xba, 0xc5, 0x80]))).toEqual({ text: "序号€", encoding: "GBK" });
  });
});

test("no table is refused for the names of its bodies, however few or many rows", () => {
  const rows = (n: number) =>
    [TABLE_HEADERS.join("\t"), ...Array.from({ length: n }, (_, i) => [i === 0 ? "1" : "", "", "", i === 0 ? "（一）任务。" : "", `要求${i}。`, "区水务局牵头", "2020年"].join("\t"))].join("\n");
  for (const n of [4, 5, 50]) expect(importProblem(parseTable(rows(n)))).toBeNull();
});

describe("invisible characters and encodings (issue #14)", () => {
  test("a header 序\u200B号 is 序号; the warning says which character, where, and what the cell reads", () => {
    const table = parseTable(mapSeedCells((cells, header) => (header ? [`序\u200B号`, ...cells.slice(1)] : cells)));
    expect(allRequirements(table)).toHaveLength(195);
    const warning = table.diagnostics.find((d) => d.code === "invisible-character")!;
    expect(warning).toMatchObject({ severity: "warning", message: "发现不可见字符，已删除：第 1 列“序号”中有 1 个（零宽空格 U+200B）" });
    expect(warning.line).toBe(seedText().split("\n").findIndex((l) => l.startsWith("序号")) + 1);
  });

  test("U+202E never reaches a department name, the table's list of departments or a diagnostic", () => {
    const table = parseTable(mapSeedCells((cells, header) => (header ? cells : cells.map((c, i) => (i === 5 && c !== "" ? `\u202E${c}` : c)))));
    expect(JSON.stringify([table.departments, allRequirements(table).map((r) => r.responsible)])).not.toMatch(/\p{Cf}/u);
    expect(table.diagnostics.filter((d) => d.code !== "invisible-character").map((d) => d.message).join("")).not.toMatch(/\p{Cf}/u);
    expect(table.departments).toEqual(parseTable(seedText()).departments);
  });

  test("UTF-16 without BOM is read as UTF-16 of its byte order, not called binary", () => {
    expect(decodeTableBytes(utf16WithoutBom(seedText(), "LE"))).toEqual({ text: seedText(), encoding: "UTF-16LE" });
    expect(decodeTableBytes(utf16WithoutBom(seedText(), "BE"))).toEqual({ text: seedText(), encoding: "UTF-16BE" });
    expect(decodeTableBytes(utf16WithoutBom("序号\t工作要求\n1\t建立", "LE")).text).toBe("序号\t工作要求\n1\t建立");
  });

  test("Big5 is told from GBK by what reads as Chinese", () => {
    expect(decodeTableBytes(big5Bytes(BIG5_TABLE))).toEqual({ text: BIG5_TABLE, encoding: "Big5" });
    expect(decodeTableBytes(gbkBytes(seedText())).encoding).toBe("GBK");
    expect(decodeTableBytes(gbkBytes("序号\t工作要求\t责任单位"))).toEqual({ text: "序号\t工作要求\t责任单位", encoding: "GBK" });
  });

  test("bytes that read as neither GBK nor Big5 Chinese are refused naming the encodings tried and how to save as UTF-8", () => {
    // 伞擅伞擅 in GBK, 氶卍氶卍 in Big5: neither reads as a table's Chinese.
    const bytes = Buffer.from([0xc9, 0xa1, 0xc9, 0xc3, 0xc9, 0xa1, 0xc9, 0xc3]);
    expect(() => decodeTableBytes(bytes, "x.txt")).toThrow(/无法确定“x\.txt”的编码.*已尝试 UTF-8、GBK、Big5/);
    try {
      decodeTableBytes(bytes);
    } catch (error) {
      expect((error as SoilUserError).hint).toContain("UTF-8");
    }
  });
});
