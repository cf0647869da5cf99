/**
 * The parser's input: a table as rows of cells, each row with the source line (text) or sheet row
 * (.xlsx, .docx) where it starts. Every source form becomes one: tab-separated text as the extraction
 * left it, TSV/CSV pasted or saved from Excel (cells quoted because they hold Alt+Enter line breaks),
 * .docx tables and .xlsx sheets (src/sources). Inside a cell, "\n" separates list items (paragraphs of
 * a Word cell, Alt+Enter lines of an Excel cell).
 */
import Papa from "papaparse";

export interface GridRow {
  cells: string[];
  /** 1-based line of the text (or row of the sheet / table) where the row starts. */
  line: number;
  /** true where the cell's text is a merged cell's, copied from its top-left cell (.xlsx, .docx). */
  merged?: boolean[];
}

export type GridSource = "text" | "csv" | "docx" | "xlsx";

export interface TableGrid {
  rows: GridRow[];
  source: GridSource;
  /** Text before the table (a document's title), where the plan's year may be written. */
  title?: string;
  /** How the text was read, when it is worth telling (quoted cells read, quotes not understood, invisible characters removed). */
  notes?: { line: number; message: string; severity?: "info" | "warning"; code?: "cell-list" | "invisible-character" }[];
}

/** A title is a row of one text (one cell, or one merged over the row). */
export function isTitleRow(row: GridRow): boolean {
  return new Set(row.cells.map((c) => c.trim()).filter(Boolean)).size === 1;
}

/** The largest number of rows a worksheet holds (Excel's limit): more cannot be one table. */
export const MAX_GRID_ROWS = 1_048_576;

/** A quoted cell as Excel writes it: a field starting with " right after a separator or a line start. */
function hasQuotedCells(text: string, delimiter: string): boolean {
  return text.startsWith('"') || text.includes(`${delimiter}"`) || text.includes('\n"');
}

/**
 * Is every quoted field one Excel would have quoted? Excel quotes a cell only when it holds a quote, a
 * line break or the separator; a field like "净土" (quotes in the text itself, as an extraction leaves
 * them) means the text is not Excel's quoting, and it is split as it stands.
 */
function quotedAsExcel(text: string, delimiter: string): boolean {
  const sep = delimiter === "\t" ? "\t" : ",";
  const field = new RegExp(`(?:^|${sep}|\n)"((?:[^"]|"")*)"(?=${sep}|\n|$)`, "g");
  let any = false;
  for (const m of text.matchAll(field)) {
    any = true;
    // A tab cannot be typed into an Excel cell, so a "quoted cell" holding one is text that happens to
    // contain quotes (a lone " in a requirement), not Excel's quoting of a tab-separated paste.
    if (delimiter === "\t" && m[1].includes("\t")) return false;
    if (!/""|\n/.test(m[1]) && !(delimiter === "," && m[1].includes(","))) return false;
  }
  return any;
}

function plainRows(text: string, delimiter: string): GridRow[] {
  const rows: GridRow[] = [];
  text.split("\n").forEach((line, i) => rows.push({ cells: line.split(delimiter), line: i + 1 }));
  return rows;
}

/** Rows of a text table as Excel quotes them (RFC 4180 with the text's own separator), or null when the quotes do not parse. */
function quotedRows(text: string, delimiter: string): GridRow[] | null {
  const rows: GridRow[] = [];
  let failed = false;
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      if (result.errors.length > 0) {
        failed = true;
        parser.abort();
        return;
      }
      rows.push({ cells: result.data, line });
      // Lines are counted over the row's own text, once: linear in the size of the text.
      const end = result.meta.cursor;
      for (let i = offset; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      offset = end;
      if (offset < text.length && text.charCodeAt(offset) === 10) {
        line++;
        offset++;
      }
    },
  });
  return failed ? null : rows;
}

/**
 * Text → grid. Tabs separate cells when the text has any (Word, Excel and the extraction all paste
 * that way); otherwise commas (a .csv). Quoted cells are read as Excel writes them (a line break or a
 * tab inside quotes stays in the cell); text whose quotes do not parse is split at every separator.
 */
export function textToGrid(source: string, options: { csv?: boolean } = {}): TableGrid {
  const text = source.replace(/\r\n|\r/g, "\n");
  const delimiter = text.includes("\t") || !options.csv ? "\t" : ",";
  const notes: TableGrid["notes"] = [];
  let rows: GridRow[] | null = null;
  if (hasQuotedCells(text, delimiter) && quotedAsExcel(text, delimiter)) {
    rows = quotedRows(text, delimiter);
    if (rows === null) notes.push({ line: 1, message: "表格中的引号不成对，未按 Excel 的带引号单元格读取，按每行一条记录读取" });
    else if (rows.some((r) => r.cells.some((c) => c.includes("\n")))) {
      notes.push({ line: 1, message: "表格按 Excel 复制或另存的格式读取：引号内的换行属于同一单元格，换行分隔的单位或时限按列表处理" });
    }
  }
  return { rows: rows ?? plainRows(text, delimiter), source: delimiter === "," ? "csv" : "text", notes };
}
