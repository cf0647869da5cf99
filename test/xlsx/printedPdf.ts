/**
 * A PDF that LibreOffice printed, read as a reader sees it: each page's sheet (from the footer SOIL
 * writes: sheet name, 第 n 页，共 N 页), its lines of words with their boxes (`pdftotext -bbox`), and the
 * size of the type. Used by the print tests; poppler-utils is installed where LibreOffice is.
 */
import { execFileSync } from "child_process";

export interface PrintedWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PrintedPage {
  /** 1-based page of the PDF. */
  page: number;
  width: number;
  height: number;
  /** The sheet the footer names, "" when the page has no SOIL footer. */
  sheet: string;
  /** n of 第 n 页 (LibreOffice counts pages per sheet). */
  pageOfSheet: number;
  /** Lines top to bottom, each its words left to right (the footer left out). */
  lines: PrintedWord[][];
  words: PrintedWord[];
}

const CJK_ONLY = /^[\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF]+$/;

function decode(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

/** Words in reading order, grouped into lines: a word whose vertical centre is inside a line's first word's box (CJK and Latin fonts sit a little apart). */
function linesOf(words: PrintedWord[]): PrintedWord[][] {
  const sorted = [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const lines: PrintedWord[][] = [];
  for (const word of sorted) {
    const line = lines[lines.length - 1];
    const middle = (word.yMin + word.yMax) / 2;
    if (line && middle >= line[0].yMin && middle <= line[0].yMax) line.push(word);
    else lines.push([word]);
  }
  return lines.map((l) => l.sort((a, b) => a.xMin - b.xMin));
}

export function lineText(line: readonly PrintedWord[]): string {
  return line.map((w) => w.text).join(" ");
}

/** Every page of a PDF with its words (one pdftotext run). */
export function printedPages(pdf: string): PrintedPage[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const pages: PrintedPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = pageRe.exec(html); m; m = pageRe.exec(html)) {
    const words: PrintedWord[] = [];
    for (let w = wordRe.exec(m[3]); w; w = wordRe.exec(m[3])) {
      words.push({ xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: decode(w[5]) });
    }
    const lines = linesOf(words);
    const last = lines[lines.length - 1] ?? [];
    const footer = /^(.*?)\s*第(\d+)页，共(\d+)页$/.exec(last.map((w) => w.text).join("").replace(/[\s\u3000]+/g, ""));
    pages.push({
      page: pages.length + 1,
      width: Number(m[1]),
      height: Number(m[2]),
      sheet: footer ? footer[1] : "",
      pageOfSheet: footer ? Number(footer[2]) : 0,
      lines: footer ? lines.slice(0, -1) : lines,
      words: footer ? words.filter((w) => !last.includes(w)) : words,
    });
  }
  return pages;
}

/** Pages per sheet, in the order the sheets print. */
export function pagesPerSheet(pages: readonly PrintedPage[]): Map<string, PrintedPage[]> {
  const out = new Map<string, PrintedPage[]>();
  for (const p of pages) out.set(p.sheet, [...(out.get(p.sheet) ?? []), p]);
  return out;
}

/**
 * The size of the type in points, from words of CJK characters only: each is one em wide in a CJK
 * font, so a word's width over its length is the size it is printed at (its box height also holds the
 * line gap). The smallest over the pages given.
 */
export function smallestTypeSize(pages: readonly PrintedPage[]): number {
  let smallest = Infinity;
  for (const p of pages) {
    for (const w of p.words) {
      const chars = [...w.text];
      if (chars.length >= 2 && CJK_ONLY.test(w.text)) smallest = Math.min(smallest, (w.xMax - w.xMin) / chars.length);
    }
  }
  return smallest;
}

/** Font names the PDF embeds (pdffonts), subset prefixes removed. */
export function pdfFonts(pdf: string): string[] {
  const out = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
  return [
    ...new Set(
      out
        .split("\n")
        .slice(2)
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, "")),
    ),
  ].sort();
}
