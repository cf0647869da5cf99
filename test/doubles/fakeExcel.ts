/**
 * A test double of the Excel JavaScript API, enough of it for SOIL's task pane: worksheets, ranges
 * (values / formulas / numberFormat / format / columnHidden / dataValidation / conditionalFormats),
 * tables (columns, filters, rows.add / delete), charts, freeze panes, selection, calculation.
 *
 * It behaves like Office.js where that matters to SOIL:
 * - operations are queued and run in order at context.sync(); loaded properties are readable only
 *   after a sync (reading earlier throws PropertyNotLoaded); an error rejects the sync;
 * - a request above 5 MB (JSON of the queued operations) fails with RequestPayloadSizeLimitExceeded,
 *   a response above 5 MB with ResponsePayloadSizeLimitExceeded (Excel on the web's limits);
 * - an API above the configured ExcelApi version fails with ApiNotFound; a write to a protected
 *   sheet fails with AccessDenied; adding a sheet or table name that exists, ItemAlreadyExists;
 * - a written string is entered as Excel enters typed text: into a cell formatted "@" it stays
 *   text; otherwise "=…" becomes a formula and "12" a number; a text over 32,767 characters fails;
 * - formula cells compute through a pluggable evaluator (SOIL functions: soilEvaluator.ts); any
 *   other formula reads as #NAME?. A 2-D result spills;
 * - CustomFunctionsRuntime (up to 1.3) is reported with ExcelApi 1.9 and later (not in Office 2019 at 1.7); the
 *   report can be wrong (`soilFunctionsRegistered: false`: the set answered, SOIL.* #NAME?);
 * - navigating from a null object (getItemOrNullObject that found nothing) fails the request: the
 *   API does not document it, so SOIL must not do it;
 * - charts.add makes no series by default (`chartAutoSeries: "none"`): what Excel may do over a source
 *   that has not computed yet; "perColumn" makes one per source column.
 * Every operation is recorded (`calls`) with the number of the sync that sent it.
 * No Node APIs: it is bundled for the browser in the end-to-end test.
 */

import { columnIndexOfLetters, columnLetter } from "../../src/core/layout";

export const MAX_ROWS = 1_048_576;
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export type Scalar = string | number | boolean;

export interface Cell {
  value: Scalar | null;
  formula?: string;
  numberFormat: string;
}

export interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface FormatRecord {
  address: string;
  property: string;
  value: unknown;
}

export interface ConditionalFormatRecord {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  font?: string;
}

export interface SeriesModel {
  name?: string;
  values?: string;
  xValues?: string;
  fill?: string;
}

export interface ChartModel {
  type: string;
  source: string;
  seriesBy: string;
  name?: string;
  properties: Record<string, unknown>;
  series: SeriesModel[];
  position?: [string, string];
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  box: Box;
  style?: string;
  filters: Map<string, string>;
}

export class SheetModel {
  readonly cells = new Map<number, Map<number, Cell>>();
  readonly columns = new Map<number, Record<string, unknown>>();
  readonly formats: FormatRecord[] = [];
  readonly conditionalFormats: ConditionalFormatRecord[] = [];
  readonly validations: { address: string; rule?: unknown; errorAlert?: unknown }[] = [];
  readonly charts: ChartModel[] = [];
  frozenRows = 0;
  /** Worksheet.visibility: "Visible", "Hidden" or "VeryHidden". */
  visibility = "Visible";
  protected = false;
  /** The protection's password and options, as protect() got them. */
  password?: string;
  protectionOptions?: unknown;
  /** Excel on the web's per-range permissions (allowEditRanges). */
  readonly allowEditRanges: { title: string; address: string; password?: string }[] = [];
  /** Page layout properties and print settings written (orientation, printTitleRows …). */
  readonly pageLayout: Record<string, unknown> = {};
  /** Merged areas ("B6:D6"). */
  readonly merges: string[] = [];
  /** The same areas as boxes, by their first row: the overlap check stays cheap with thousands of merges. */
  readonly mergeBoxesByRow = new Map<number, Box[]>();
  /**
   * The add-in user's temporary sheet view (namedSheetViews.enterTemporary, ExcelApiOnline 1.1), or null: the default
   * view. A table filter set while a view is active belongs to that view and that user; TableModel.filters is the
   * default view's, which every co-author sees (https://learn.microsoft.com/javascript/api/excel/excel.namedsheetviewcollection,
   * https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins).
   */
  view: { filters: Map<string, string> } | null = null;
  /** worksheet.onChanged handlers. */
  readonly changeHandlers: ((event: unknown) => Promise<unknown>)[] = [];
  constructor(public name: string) {}

  /** Whether a cell is locked: the last format.protection.locked written over it, locked by default as in Excel. */
  isLocked(row: number, col: number): boolean {
    let locked = true;
    for (const f of this.formats) {
      if (f.property !== "protection.locked") continue;
      const b = parseAddress(f.address).box;
      if (row >= b.r1 && row <= b.r2 && col >= b.c1 && col <= b.c2) locked = f.value !== false;
    }
    return locked;
  }

  /** A write Excel allows on a protected sheet: every cell of the box unlocked. */
  allowsWrite(box: Box): boolean {
    if (!this.protected) return true;
    if ((box.r2 - box.r1 + 1) * (box.c2 - box.c1 + 1) > 100_000) return false;
    for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) if (this.isLocked(r, c)) return false;
    return true;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(row)?.get(col);
  }

  ensure(row: number, col: number): Cell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { value: null, numberFormat: "General" }));
    return c;
  }

  lastRow(): number {
    let last = 0;
    for (const [r, row] of this.cells) for (const c of row.values()) if (c.value !== null || c.formula) last = Math.max(last, r);
    return last;
  }
}

export interface FormulaEvaluator {
  /** The value of `formula` in sheet!row,col; a 2-D array spills. Throw for an error value. */
  evaluate(formula: string, at: { sheet: string; row: number; col: number }, book: FakeWorkbook): unknown;
  /** Formulas that may spill (their anchors are evaluated when a neighbouring cell is read). */
  spills?(formula: string): boolean;
}

export interface CallRecord {
  /** 1-based number of the sync that sent it. */
  batch: number;
  target: string;
  member: string;
  args: unknown[];
}

// ---------------------------------------------------------------- addresses

export const colIndex = columnIndexOfLetters;


/** "'说明'!$B$2", "A1:P9", "C:C", "5:5" → sheet name (if any) and box. */
export function parseAddress(address: string): { sheet?: string; box: Box } {
  let sheet: string | undefined;
  let ref = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    sheet = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  ref = ref.replace(/\$/g, "").toUpperCase();
  const [a, b = a] = ref.split(":");
  const part = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(p);
    if (!m) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
    return { col: m[1] ? colIndex(m[1]) : null, row: m[2] ? Number(m[2]) : null };
  };
  const p1 = part(a);
  const p2 = part(b);
  return {
    sheet,
    box: {
      r1: p1.row ?? 1,
      r2: p2.row ?? MAX_ROWS,
      c1: p1.col ?? 0,
      c2: p2.col ?? 16383,
    },
  };
}

export function boxAddress(box: Box): string {
  const a = `${columnLetter(box.c1)}${box.r1}`;
  const b = `${columnLetter(box.c2)}${box.r2}`;
  return a === b ? a : `${a}:${b}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const API_VERSIONS = (v: string) => v.split(".").map(Number);
function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = API_VERSIONS(have);
  const [b1, b2] = API_VERSIONS(need);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

// ---------------------------------------------------------------- the workbook

/** Structured-reference items by Excel's language, in the same order ([#All] is [#全部] in Chinese Excel). */
const TABLE_ITEMS = {
  en: ["#All", "#Data", "#Headers", "#Totals", "#This Row"],
  zh: ["#全部", "#数据", "#标题", "#汇总", "#此行"],
};

/** The formula's text with quoted strings and sheet names blanked out. */
function outsideQuotes(formula: string): string {
  return formula.replace(/"[^"]*"|'[^']*'/g, (q) => " ".repeat(q.length));
}

function replaceOutsideQuotes(formula: string, from: string, to: string): string {
  const mask = outsideQuotes(formula);
  return formula.split("").map((ch, i) => (ch === from && mask[i] === from ? to : ch)).join("");
}

export interface FakeOptions {
  /** Highest ExcelApi requirement set supported ("1.7" for Office 2019). */
  apiVersion?: string;
  /** isSetSupported("CustomFunctionsRuntime", …) answers yes (up to 1.3); default: with ExcelApi 1.9 and later. */
  customFunctions?: boolean;
  /** The highest CustomFunctionsRuntime reported when `customFunctions` (default "1.3"; CustomFunctions.Error needs 1.2). */
  customFunctionsRuntime?: string;
  /**
   * Whether the SOIL functions are registered (default: when `customFunctions`). false models what office-js #884,
   * #1031 and #3504 report, the set answered supported where custom functions do not run (Office 2016 Professional
   * Plus, Mac retail 2019), and a SharePoint-catalog deployment or metadata that failed to load: every SOIL.* is #NAME?.
   */
  soilFunctionsRegistered?: boolean;
  evaluator?: FormulaEvaluator;
  payloadLimit?: number;
  /** Series charts.add makes from its source: none (default) or one per column (or row). */
  chartAutoSeries?: "none" | "perColumn";
  /** An error code for an operation Excel should refuse (fault injection), or undefined. */
  refuse?: (call: { target: string; member: string }) => string | undefined;
  /** Excel's language (default en-US): the structured-reference items range.formulasLocal takes ([#All] / [#全部]). */
  displayLanguage?: string;
  /** The regional format's list separator, what range.formulasLocal separates arguments with (default ","; e.g. ";" in de-DE). */
  listSeparator?: "," | ";";
  /** ExcelApiOnline 1.1 (Excel on the web only): allowEditRanges. Default false (desktop). */
  online?: boolean;
  /**
   * Whether a table grows over values written just below it (default true), as Microsoft's coauthoring page has
   * add-ins add rows (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins). false: a
   * user whose AutoCorrect option "Include new rows and columns in table" is off.
   */
  tableAutoExpand?: boolean;
  /**
   * Objects the Office.js in use lacks although the host reports their set: the npm package @microsoft/office-js
   * 1.1.110 has no AllowEditRange (nor sheet views) while Excel on the web reports ExcelApiOnline 1.1.
   */
  officeJsWithout?: ("allowEditRanges" | "namedSheetViews")[];
}

export class FakeWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly calls: CallRecord[] = [];
  readonly requestBytes: number[] = [];
  syncCount = 0;
  activeSheet: string | null = null;
  selection: string | null = null;
  suspendedSyncs = 0;
  calculations: string[] = [];
  apiVersion: string;
  readonly displayLanguage: string;
  readonly listSeparator: "," | ";";
  customFunctions: boolean;
  customFunctionsRuntime: string;
  soilFunctionsRegistered: boolean;
  evaluator?: FormulaEvaluator;
  payloadLimit: number;
  chartAutoSeries: "none" | "perColumn";
  refuse?: FakeOptions["refuse"];
  online: boolean;
  tableAutoExpand: boolean;
  officeJsWithout: string[];
  /** Bytes of every range argument handed to a custom function (soilEvaluator.ts), in call order. */
  readonly customFunctionArguments: number[] = [];
  /** onChanged events raised by the add-in's own writes, not yet handled. */
  readonly pendingEvents: Promise<void>[] = [];
  /** Bumped by every write: evaluation results are cached per version. */
  version = 0;
  private cache = new Map<string, unknown>();
  private evaluating = new Set<string>();

  constructor(options: FakeOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.17";
    this.customFunctions = options.customFunctions ?? versionAtLeast(this.apiVersion, "1.9");
    this.customFunctionsRuntime = options.customFunctionsRuntime ?? "1.3";
    this.soilFunctionsRegistered = options.soilFunctionsRegistered ?? this.customFunctions;
    this.evaluator = options.evaluator;
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
    this.chartAutoSeries = options.chartAutoSeries ?? "none";
    this.refuse = options.refuse;
    this.displayLanguage = options.displayLanguage ?? "en-US";
    this.listSeparator = options.listSeparator ?? ",";
    this.online = options.online ?? false;
    this.tableAutoExpand = options.tableAutoExpand ?? true;
    this.officeJsWithout = options.officeJsWithout ?? [];
  }

  /** Fires worksheet onChanged on `sheet` as Excel does after an edit; settles when the handlers have. */
  async fireChanged(
    sheet: string,
    event: { address: string; source?: "Local" | "Remote"; changeType?: string; triggerSource?: string; details?: { valueBefore?: unknown; valueAfter?: unknown } },
  ): Promise<void> {
    const model = this.sheet(sheet) ?? itemNotFound(sheet);
    const args = { source: "Local", changeType: "RangeEdited", worksheetId: sheet, type: "WorksheetChanged", triggerSource: "Unknown", ...event };
    await Promise.all(model.changeHandlers.map((h) => h(args)));
  }

  /** Waits for the events the add-in's writes raised (and those their handlers raised in turn). */
  async settleEvents(): Promise<void> {
    while (this.pendingEvents.length > 0) await this.pendingEvents.shift();
  }

  /** Types values into a sheet as a user would (no add-in request): the cells change, then onChanged fires. */
  async typeInto(sheet: string, address: string, values: Scalar[][], source: "Local" | "Remote" = "Local"): Promise<void> {
    const model = this.sheet(sheet) ?? itemNotFound(sheet);
    const { box } = parseAddress(address);
    const single = box.r1 === box.r2 && box.c1 === box.c2;
    const before = single ? this.valueAt(model, box.r1, box.c1) : undefined;
    values.forEach((row, i) => row.forEach((v, j) => enter(model.ensure(box.r1 + i, box.c1 + j), v)));
    this.touched();
    await this.fireChanged(sheet, { address, source, details: single ? { valueBefore: before, valueAfter: values[0][0] } : undefined });
  }

  isSetSupported = (name: string, version: string): boolean =>
    (name === "ExcelApi" && versionAtLeast(this.apiVersion, version)) ||
    (name === "CustomFunctionsRuntime" && this.customFunctions && versionAtLeast(this.customFunctionsRuntime, version)) ||
    (name === "ExcelApiOnline" && this.online && versionAtLeast("1.1", version));

  /**
   * A formula written through range.formulasLocal, as range.formulas would hold it. formulasLocal is "in the user's
   * language and number-formatting locale" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulaslocal-member):
   * table items are Excel's language's ([#全部] in Chinese Excel for [#All]) and arguments are separated by the
   * regional list separator. A formula in another locale's dialect is refused, as Excel refuses a formula it cannot parse.
   */
  invariantFormula(local: string): string {
    const items = this.displayLanguage.toLowerCase().startsWith("zh") ? TABLE_ITEMS.zh : TABLE_ITEMS.en;
    const foreign = [...TABLE_ITEMS.en, ...TABLE_ITEMS.zh].filter((item) => !items.includes(item));
    const refuse = (why: string): never => {
      throw new FakeOfficeError("InvalidArgument", `formulasLocal: ${local} is not a formula in ${this.displayLanguage} with list separator "${this.listSeparator}" (${why}).`);
    };
    for (const item of foreign) if (local.includes(`[${item}]`)) refuse(`table item [${item}]`);
    const other = this.listSeparator === "," ? ";" : ",";
    if (outsideQuotes(local).includes(other)) refuse(`separator "${other}"`);
    let formula = local;
    items.forEach((item, i) => (formula = formula.split(`[${item}]`).join(`[${TABLE_ITEMS.en[i]}]`)));
    return this.listSeparator === "," ? formula : replaceOutsideQuotes(formula, ";", ",");
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  table(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name === name);
  }

  /**
   * Excel.run: one request context, synced at the end if anything is still queued. Excel.run(context, batch) runs
   * a batch in an earlier run's context again, as Microsoft removes an event handler: "Excel.run(eventContext, …)
   * { eventResult.remove(); await context.sync(); }" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events).
   * A context used after its run ended (not re-entered) fails its sync with InvalidObjectPath.
   */
  run = (async <T>(first: unknown, second?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const batch = (second ?? first) as (context: Excel.RequestContext) => Promise<T>;
    const context = second ? (first as FakeContext) : new FakeContext(this);
    context.running++;
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.queued() > 0) await context.sync();
      return result;
    } finally {
      context.running--;
    }
  }) as {
    <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
    <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  };

  // ------------------------------------------------------------ cell reading (what Excel shows)

  /** The value a cell shows: constant, computed formula, spilled value, or "". */
  valueAt(sheet: SheetModel, row: number, col: number): Scalar {
    const cell = sheet.cell(row, col);
    if (cell?.formula) {
      const result = this.compute(sheet, row, col, cell.formula);
      return Array.isArray(result) ? (result[0]?.[0] as Scalar) : result;
    }
    if (cell && cell.value !== null) return cell.value;
    return this.spilledAt(sheet, row, col) ?? "";
  }

  private compute(sheet: SheetModel, row: number, col: number, formula: string): Scalar | Scalar[][] {
    const key = `${this.version}|${sheet.name}|${row}|${col}`;
    if (this.cache.has(key)) return this.cache.get(key) as Scalar;
    if (this.evaluating.has(key)) return "#CIRC!";
    this.evaluating.add(key);
    let result: Scalar | Scalar[][];
    try {
      const value = this.evaluator ? this.evaluator.evaluate(formula, { sheet: sheet.name, row, col }, this) : "#NAME?";
      result = value === undefined || value === null ? "" : (value as Scalar | Scalar[][]);
    } catch (error) {
      result = (error as { excelError?: string }).excelError ?? "#VALUE!";
    } finally {
      this.evaluating.delete(key);
    }
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  private spilledAt(sheet: SheetModel, row: number, col: number): Scalar | undefined {
    for (const [r, c, formula] of this.spillAnchors(sheet)) {
      if (r > row || c > col) continue;
      const result = this.compute(sheet, r, c, formula);
      if (Array.isArray(result) && row - r < result.length && col - c < (result[row - r]?.length ?? 0)) return result[row - r][col - c];
    }
    return undefined;
  }

  /**
   * The cells of a sheet holding spilling formulas, found once per version (like computed values):
   * scanning the sheet for every empty cell read made reading a 20,000-row table quadratic.
   */
  private spillAnchors(sheet: SheetModel): [number, number, string][] {
    const spills = this.evaluator?.spills;
    if (!spills) return [];
    const cached = this.anchorCache.get(sheet);
    if (cached && cached.version === this.version) return cached.anchors;
    const anchors: [number, number, string][] = [];
    for (const [r, cells] of sheet.cells) for (const [c, cell] of cells) if (cell.formula && spills(cell.formula)) anchors.push([r, c, cell.formula]);
    this.anchorCache.set(sheet, { version: this.version, anchors });
    return anchors;
  }
  private readonly anchorCache = new Map<SheetModel, { version: number; anchors: [number, number, string][] }>();

  /** Values of a box as Excel would return them in range.values. */
  valuesOf(sheet: SheetModel, box: Box): Scalar[][] {
    const out: Scalar[][] = [];
    for (let r = box.r1; r <= box.r2; r++) {
      const row: Scalar[] = [];
      for (let c = box.c1; c <= box.c2; c++) row.push(this.valueAt(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  touched(): void {
    this.version++;
  }

  /** A table whose next row `box` starts in (within its columns) grows over the written rows. */
  expandTablesOver(sheet: SheetModel, box: Box): void {
    if (!this.tableAutoExpand) return;
    for (const t of this.tables) {
      if (t.sheet === sheet && box.r1 === t.box.r2 + 1 && box.c1 >= t.box.c1 && box.c1 <= t.box.c2) t.box = { ...t.box, r2: box.r2 };
    }
  }
}

// ---------------------------------------------------------------- request context and proxies

interface Operation {
  target: string;
  member: string;
  args: unknown[];
  apiSet?: string;
  /** The sheet written, for protection; undefined for reads and workbook-level operations. */
  writes?: () => SheetModel | undefined;
  /** The cells a value write goes to: allowed on a protected sheet when all are unlocked. */
  box?: () => Box;
  run: () => void;
  response?: () => unknown;
}

type Resolver<T> = () => T | null;

function notLoaded(what: string): never {
  throw new FakeOfficeError("PropertyNotLoaded", `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

function itemNotFound(what: string): never {
  throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${what}`);
}

function fromNullObject(what: string): never {
  throw new FakeOfficeError("GeneralException", `${what}: navigated from a null object (the double refuses what the API does not document)`);
}

function propsOf(option?: string | string[]): string[] {
  if (option === undefined) return [];
  return (Array.isArray(option) ? option : option.split(",")).map((p) => p.trim()).filter(Boolean);
}

export class FakeContext {
  private queue: Operation[] = [];
  readonly workbook: WorkbookProxy;
  /** Excel.run batches this context is in (0: its run has ended). */
  running = 0;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  queued(): number {
    return this.queue.length;
  }

  enqueue(op: Operation): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    if (this.running === 0) throw new FakeOfficeError("InvalidObjectPath", "The request context was used after its Excel.run ended (run a batch in it with Excel.run(context, batch)).");
    const book = this.book;
    const ops = this.queue;
    this.queue = [];
    book.syncCount++;
    const batch = book.syncCount;
    let requestBytes = 0;
    for (const op of ops) {
      requestBytes += utf8Length(JSON.stringify({ t: op.target, m: op.member, a: op.args })) + 20;
      book.calls.push({ batch, target: op.target, member: op.member, args: op.args });
    }
    book.requestBytes.push(requestBytes);
    if (requestBytes > book.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    let responseBytes = 0;
    for (const op of ops) {
      if (op.apiSet) {
        const [set, version] = op.apiSet.startsWith("Online") ? ["ExcelApiOnline", op.apiSet.slice(6)] : ["ExcelApi", op.apiSet];
        if (!book.isSetSupported(set, version)) throw new FakeOfficeError("ApiNotFound", `${op.member} needs ${set} ${version}`);
      }
      const refused = book.refuse?.(op);
      if (refused) throw new FakeOfficeError(refused, `${op.target}.${op.member} refused`);
      const written = op.writes?.();
      if (written?.protected && !(op.box && written.allowsWrite(op.box()))) throw new FakeOfficeError("AccessDenied", `The sheet ${written.name} is protected.`);
      op.run();
      if (op.writes) book.touched();
      // Excel raises onChanged for the add-in's own value writes too (source Local), after the request.
      if (op.box && written && written.changeHandlers.length > 0) {
        // triggerSource (ExcelApi 1.14) tells the add-in's own writes apart.
        const event = { address: boxAddress(op.box()), source: "Local" as const, ...(versionAtLeast(book.apiVersion, "1.14") ? { triggerSource: "ThisLocalAddin" } : {}) };
        const sheetName = written.name;
        book.pendingEvents.push(Promise.resolve().then(() => book.fireChanged(sheetName, event)));
      }
      if (op.response) responseBytes += utf8Length(JSON.stringify(op.response()) ?? "");
    }
    if (responseBytes > book.payloadLimit) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
  }
}

/** Base of proxies: a path for the call log and a queue to put operations on. */
class Proxied {
  constructor(
    readonly ctx: FakeContext,
    readonly path: string,
  ) {}

  protected op(member: string, args: unknown[], run: () => void, extra: Partial<Operation> = {}): void {
    this.ctx.enqueue({ target: this.path, member, args, run, ...extra });
  }
}

/** format / title / legend …: records property writes as format records (nested paths), methods as calls. */
/**
 * What Excel documents for Worksheet.pageLayout (ExcelApi 1.9), enforced when the request runs:
 * enum values (PaperType, PageOrientation, PrintOrder), margins in points (not negative), zoom as
 * either a scale of 10–400 or pages to fit, never both (PageLayoutZoomOptions), print titles as whole
 * rows / whole columns, and a header or footer of at most 255 characters (Excel's limit).
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions
 */
function checkPageLayout(property: string, value: unknown): void {
  const refuse = (why: string) => {
    throw new FakeOfficeError("InvalidArgument", `pageLayout.${property}: ${why}`);
  };
  const enums: Record<string, readonly string[]> = {
    orientation: ["Portrait", "Landscape"],
    printOrder: ["DownThenOver", "OverThenDown"],
    paperSize: ["A3", "A4", "A5", "B4", "B5", "Letter", "Legal", "Executive"],
  };
  if (enums[property] && !enums[property].includes(value as string)) refuse(`${String(value)} is not a value of the enum`);
  if (/Margin$/.test(property) && !(typeof value === "number" && value >= 0)) refuse("a margin is a number of points, 0 or more");
  if (property === "zoom") {
    const z = value as Excel.PageLayoutZoomOptions;
    const fits = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
    if (z.scale !== undefined && z.scale !== null && fits) refuse("a scale and pages to fit cannot be set together");
    if (z.scale !== undefined && z.scale !== null && !(z.scale >= 10 && z.scale <= 400)) refuse("the scale is between 10 and 400");
  }
  if (property === "setPrintTitleRows" && !/^\$?\d+:\$?\d+$/.test(value as string)) refuse("print title rows are whole rows ($1:$1)");
  if (property === "setPrintTitleColumns" && !/^\$?[A-Z]+:\$?[A-Z]+$/.test(value as string)) refuse("print title columns are whole columns ($A:$A)");
  if (/Footer$|Header$/.test(property) && String(value).length > 255) refuse("a header or footer holds at most 255 characters");
}

function recorder(ctx: FakeContext, path: string, record: (property: string, value: unknown) => void, sheet: Resolver<SheetModel>, apiSet?: string): object {
  const make = (prefix: string): object =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === "then") return undefined;
          if (prop === "getItem") return (key: string) => make(`${prefix}getItem(${key}).`);
          if (/^(autofit|setSolidColor|clear)/.test(prop)) {
            return (...args: unknown[]) =>
              ctx.enqueue({ target: path, member: `${prefix}${prop}()`, args, apiSet, writes: () => sheet() ?? undefined, run: () => record(`${prefix}${prop}()`, args) });
          }
          return make(`${prefix}${prop}.`);
        },
        set(_t, prop: string, value: unknown) {
          ctx.enqueue({ target: path, member: `${prefix}${prop}`, args: [value], apiSet, writes: () => sheet() ?? undefined, run: () => record(`${prefix}${prop}`, value) });
          return true;
        },
      },
    );
  return make("");
}

class WorkbookProxy extends Proxied {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(ctx: FakeContext) {
    super(ctx, "workbook");
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, "workbook.tables", () => null);
    this.application = new ApplicationProxy(ctx);
  }
}

class ApplicationProxy extends Proxied {
  constructor(ctx: FakeContext) {
    super(ctx, "application");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.op("suspendApiCalculationUntilNextSync", [], () => this.ctx.book.suspendedSyncs++, { apiSet: "1.6" });
  }
  calculate(type: string): void {
    this.op("calculate", [type], () => this.ctx.book.calculations.push(type));
  }
}

class WorksheetCollectionProxy extends Proxied {
  private loadedItems?: WorksheetProxy[];
  constructor(ctx: FakeContext) {
    super(ctx, "workbook.worksheets");
  }
  get items(): WorksheetProxy[] {
    return this.loadedItems ?? notLoaded("items");
  }
  load(option?: string): this {
    this.op(
      "load",
      [option],
      () => {
        this.loadedItems = this.ctx.book.sheets.map((s) => {
          const proxy = new WorksheetProxy(this.ctx, s.name, () => this.ctx.book.sheet(s.name) ?? null);
          proxy.known.name = s.name;
          return proxy;
        });
      },
      { response: () => this.ctx.book.sheets.map((s) => s.name) },
    );
    return this;
  }
  add(name: string): WorksheetProxy {
    const book = this.ctx.book;
    this.op("add", [name], () => {
      if (book.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named ${name} already exists.`);
      book.sheets.push(new SheetModel(name));
    });
    return new WorksheetProxy(this.ctx, name, () => book.sheet(name) ?? itemNotFound(name));
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, () => this.ctx.book.sheet(name) ?? itemNotFound(name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    // As in Office.js, isNullObject is known after the next sync without a load.
    const proxy = new WorksheetProxy(this.ctx, name, () => this.ctx.book.sheet(name) ?? null, () => this.ctx.book.sheet(name) ?? fromNullObject(name));
    this.op("getItemOrNullObject", [name], () => (proxy.known.isNullObject = proxy.resolve() === null), { apiSet: "1.4" });
    return proxy;
  }
}

class WorksheetProxy extends Proxied {
  readonly known: Record<string, unknown> = {};
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: { freezeRows(count: number): void };
  readonly protection: {
    load(p?: string): unknown;
    readonly protected: boolean;
    readonly options: unknown;
    protect(options?: unknown, password?: string): void;
    unprotect(password?: string): void;
    readonly allowEditRanges?: AllowEditRangesProxy;
  };
  readonly onChanged: { add(handler: (event: unknown) => Promise<unknown>): { remove(): void; context: FakeContext } };
  readonly pageLayout: object;
  /** Only where ExcelApiOnline 1.1 is (Excel on the web): elsewhere the property is missing, as in an Office.js without it. */
  readonly namedSheetViews?: { enterTemporary(): void; exit(): void };
  /** What objects got from this sheet resolve it with: a null sheet fails them. */
  private readonly navigate: Resolver<SheetModel>;
  constructor(
    ctx: FakeContext,
    name: string,
    readonly resolve: Resolver<SheetModel>,
    navigate?: Resolver<SheetModel>,
  ) {
    super(ctx, `worksheets.getItem(${name})`);
    this.navigate = navigate ?? resolve;
    this.tables = new TableCollectionProxy(ctx, `${this.path}.tables`, this.navigate);
    this.charts = new ChartCollectionProxy(ctx, `${this.path}.charts`, this.navigate);
    this.freezePanes = {
      freezeRows: (count: number) =>
        this.op("freezePanes.freezeRows", [count], () => this.model() && (this.model()!.frozenRows = count), { apiSet: "1.7", writes: () => this.model() }),
    };
    const known: Record<string, unknown> = {};
    const sheetModel = () => this.model() ?? itemNotFound(this.path);
    this.protection = {
      load: (p?: string) => {
        this.op("protection.load", [p], () => {
          known.protected = this.model()?.protected ?? false;
          known.options = this.model()?.protectionOptions ?? {};
        });
        return this.protection;
      },
      get protected() {
        return "protected" in known ? (known.protected as boolean) : notLoaded("protected");
      },
      get options() {
        return "options" in known ? known.options : notLoaded("options");
      },
      protect: (options?: unknown, password?: string) =>
        this.op("protection.protect", [options, password === undefined ? undefined : "***"], () => {
          const m = sheetModel();
          if (m.protected) throw new FakeOfficeError("InvalidOperation", "The worksheet is already protected.");
          Object.assign(m, { protected: true, password, protectionOptions: options });
        }, { apiSet: password === undefined ? "1.2" : "1.7" }),
      unprotect: (password?: string) =>
        this.op("protection.unprotect", [password === undefined ? undefined : "***"], () => {
          const m = sheetModel();
          if (m.protected && (m.password ?? "") !== (password ?? "")) throw new FakeOfficeError("BadPassword", "The password is incorrect.");
          Object.assign(m, { protected: false, password: undefined });
        }, { apiSet: password === undefined ? "1.2" : "1.7" }),
      allowEditRanges: ctx.book.officeJsWithout.includes("allowEditRanges") ? undefined : new AllowEditRangesProxy(ctx, `${this.path}.protection.allowEditRanges`, sheetModel),
    };
    this.onChanged = {
      add: (handler) => {
        this.op("onChanged.add", [], () => sheetModel().changeHandlers.push(handler), { apiSet: "1.7" });
        return {
          context: ctx,
          remove: () =>
            this.op("onChanged.remove", [], () => {
              const list = sheetModel().changeHandlers;
              const i = list.indexOf(handler);
              if (i >= 0) list.splice(i, 1);
            }),
        };
      },
    };
    if (ctx.book.online && !ctx.book.officeJsWithout.includes("namedSheetViews")) {
      const views = { apiSet: "Online1.1" };
      this.namedSheetViews = {
        // A new temporary view starts from what the default view shows.
        enterTemporary: () =>
          this.op("namedSheetViews.enterTemporary", [], () => {
            const m = sheetModel();
            const shared = ctx.book.tables.find((t) => t.sheet === m)?.filters ?? new Map<string, string>();
            m.view = { filters: new Map(shared) };
          }, views),
        exit: () => this.op("namedSheetViews.exit", [], () => (sheetModel().view = null), views),
      };
    }
    const layout = (property: string, value: unknown) => {
      checkPageLayout(property, value);
      sheetModel().pageLayout[property] = value;
    };
    const pageRecorder = recorder(ctx, `${this.path}.pageLayout`, layout, () => this.model() ?? null, "1.9") as Record<string, unknown>;
    this.pageLayout = new Proxy(pageRecorder, {
      get: (target, prop: string) => {
        if (prop === "setPrintTitleRows" || prop === "setPrintTitleColumns" || prop === "setPrintArea") {
          return (address: string) => this.op(`pageLayout.${prop}`, [address], () => layout(prop, address), { apiSet: "1.9", writes: () => this.model() });
        }
        return target[prop];
      },
    });
  }
  model(): SheetModel | undefined {
    return this.navigate() ?? undefined;
  }
  get name(): string {
    return (this.known.name as string) ?? notLoaded("name");
  }
  get isNullObject(): boolean {
    return "isNullObject" in this.known ? (this.known.isNullObject as boolean) : notLoaded("isNullObject");
  }
  /** ExcelApi 1.1: https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member */
  set visibility(value: string) {
    if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw new FakeOfficeError("InvalidArgument", `Invalid visibility ${value}`);
    this.op("visibility", [value], () => ((this.model() ?? itemNotFound(this.path)).visibility = value));
  }
  load(option?: string): this {
    this.op("load", [option], () => {
      const m = this.resolve();
      this.known.isNullObject = m === null;
      if (m) this.known.name = m.name;
    });
    return this;
  }
  getRange(address: string): RangeProxy {
    const { box } = parseAddress(address);
    return new RangeProxy(this.ctx, `${this.path}.getRange(${address})`, this.navigate, () => box);
  }
  getUsedRange(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getUsedRange()`, this.navigate, () => usedBox(this.navigate()) ?? { r1: 1, r2: 1, c1: 0, c2: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const range = new RangeProxy(this.ctx, `${this.path}.getUsedRangeOrNullObject()`, this.navigate, () => usedBox(this.navigate()));
    this.op("getUsedRangeOrNullObject", [valuesOnly], () => range.knowNull(), { apiSet: "1.4" });
    return range;
  }
  activate(): void {
    this.op("activate", [], () => (this.ctx.book.activeSheet = this.model()?.name ?? itemNotFound(this.path)));
  }
  /** Worksheet.delete (ExcelApi 1.1): the sheet and its tables. */
  delete(): void {
    this.op("delete", [], () => {
      const book = this.ctx.book;
      const m = this.model() ?? itemNotFound(this.path);
      book.sheets.splice(book.sheets.indexOf(m), 1);
      for (let i = book.tables.length - 1; i >= 0; i--) if (book.tables[i].sheet === m) book.tables.splice(i, 1);
      if (book.activeSheet === m.name) book.activeSheet = null;
    });
  }
}

class RangeProxy extends Proxied {
  private loaded: Record<string, unknown> = {};
  readonly format: object;
  readonly conditionalFormats: { add(type: string): object; clearAll(): void };
  readonly dataValidation: { clear(): void; rule: unknown; errorAlert: unknown };

  constructor(
    ctx: FakeContext,
    path: string,
    readonly sheet: Resolver<SheetModel>,
    /** The cells, worked out when the operation runs (table ranges move). */
    readonly box: () => Box | null,
  ) {
    super(ctx, path);
    this.format = recorder(ctx, `${path}.format`, (property, value) => this.recordFormat(property, value), sheet);
    this.conditionalFormats = {
      add: (type: string) => {
        const record: ConditionalFormatRecord = { address: "", type };
        const cf = { apiSet: "1.6" };
        this.op("conditionalFormats.add", [type], () => {
          record.address = boxAddress(this.cells());
          this.model().conditionalFormats.push(record);
        }, { ...cf, writes: () => this.model() });
        const set = (member: string, apply: (value: string) => void) =>
          settable({}, "color", (value: string) => this.op(`conditionalFormat.${member}`, [value], () => apply(value), cf));
        return {
          custom: {
            rule: settable({}, "formula", (value: string) => this.op("conditionalFormat.custom.rule.formula", [value], () => (record.formula = value), cf)),
            format: {
              fill: set("custom.format.fill.color", (v) => (record.fill = v)),
              font: set("custom.format.font.color", (v) => (record.font = v)),
            },
          },
        };
      },
      clearAll: () =>
        this.op("conditionalFormats.clearAll", [], () => {
          const m = this.model();
          const box = this.cells();
          const keep = m.conditionalFormats.filter((cf) => !overlaps(parseAddress(cf.address).box, box));
          m.conditionalFormats.splice(0, m.conditionalFormats.length, ...keep);
        }, { apiSet: "1.6", writes: () => this.model() }),
    };
    const dv = { apiSet: "1.8", writes: () => this.model() };
    const validation = {
      clear: () =>
        this.op("dataValidation.clear", [], () => {
          const m = this.model();
          const box = this.cells();
          const keep = m.validations.filter((v) => !overlaps(parseAddress(v.address).box, box));
          m.validations.splice(0, m.validations.length, ...keep);
        }, dv),
    };
    settable(validation, "rule", (value: unknown) => this.op("dataValidation.rule", [value], () => (this.validation().rule = value), dv));
    settable(validation, "errorAlert", (value: unknown) => this.op("dataValidation.errorAlert", [value], () => (this.validation().errorAlert = value), dv));
    this.dataValidation = validation as RangeProxy["dataValidation"];
  }

  knowNull(): void {
    this.loaded = { ...this.loaded, isNullObject: this.sheet() === null || this.box() === null };
  }

  private validation() {
    const address = boxAddress(this.cells());
    const m = this.model();
    let v = m.validations.find((x) => x.address === address);
    if (!v) m.validations.push((v = { address }));
    return v;
  }

  model(): SheetModel {
    return this.sheet() ?? itemNotFound(this.path);
  }

  cells(): Box {
    return this.box() ?? itemNotFound(this.path);
  }

  private recordFormat(property: string, value: unknown): void {
    const m = this.model();
    const box = this.cells();
    m.formats.push({ address: boxAddress(box), property, value });
    if (box.r1 === 1 && box.r2 === MAX_ROWS) {
      for (let c = box.c1; c <= box.c2; c++) {
        const column = m.columns.get(c) ?? {};
        column[property] = value;
        m.columns.set(c, column);
      }
    }
  }

  private checkShape(values: unknown, what: string): unknown[][] {
    const box = this.cells();
    const rows = box.r2 - box.r1 + 1;
    const cols = box.c2 - box.c1 + 1;
    if (!Array.isArray(values) || values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeOfficeError("InvalidArgument", `${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
    }
    return values as unknown[][];
  }

  private each(values: unknown[][], apply: (cell: Cell, value: unknown) => void): void {
    const box = this.cells();
    const m = this.model();
    values.forEach((row, i) => row.forEach((value, j) => apply(m.ensure(box.r1 + i, box.c1 + j), value)));
  }

  set values(values: unknown[][]) {
    this.op("values", [values], () => this.write(this.checkShape(values, "values")), { writes: () => this.model(), box: () => this.cells() });
  }
  /** Values or formulas entered as typed; a table just above grows over them. */
  private write(values: unknown[][]): void {
    this.each(values, enter);
    this.ctx.book.expandTablesOver(this.model(), this.cells());
  }
  get values(): unknown[][] {
    return (this.loaded.values as unknown[][]) ?? notLoaded("values");
  }
  set formulas(values: unknown[][]) {
    this.op("formulas", [values], () => this.write(this.checkShape(values, "formulas")), { writes: () => this.model(), box: () => this.cells() });
  }
  /** Formulas in Excel's language and regional format (see FakeWorkbook.invariantFormula); stored as range.formulas holds them. */
  set formulasLocal(values: unknown[][]) {
    const book = this.ctx.book;
    const invariant = (v: unknown) => (typeof v === "string" && v.startsWith("=") ? book.invariantFormula(v) : v);
    this.op("formulasLocal", [values], () => this.write(this.checkShape(values, "formulasLocal").map((row) => row.map(invariant))), {
      writes: () => this.model(),
      box: () => this.cells(),
    });
  }
  get formulas(): unknown[][] {
    return (this.loaded.formulas as unknown[][]) ?? notLoaded("formulas");
  }
  set numberFormat(values: unknown[][]) {
    this.op("numberFormat", [values], () => this.each(this.checkShape(values, "numberFormat"), (cell, f) => (cell.numberFormat = String(f))), {
      writes: () => this.model(),
    });
  }
  get numberFormat(): unknown[][] {
    return (this.loaded.numberFormat as unknown[][]) ?? notLoaded("numberFormat");
  }
  set columnHidden(value: boolean) {
    this.op("columnHidden", [value], () => this.recordFormat("columnHidden", value), { apiSet: "1.2", writes: () => this.model() });
  }
  get address(): string {
    return (this.loaded.address as string) ?? notLoaded("address");
  }
  get rowCount(): number {
    return (this.loaded.rowCount as number) ?? notLoaded("rowCount");
  }
  get rowIndex(): number {
    return (this.loaded.rowIndex as number) ?? notLoaded("rowIndex");
  }
  get columnCount(): number {
    return (this.loaded.columnCount as number) ?? notLoaded("columnCount");
  }
  get columnIndex(): number {
    return (this.loaded.columnIndex as number) ?? notLoaded("columnIndex");
  }
  get isNullObject(): boolean {
    return "isNullObject" in this.loaded ? (this.loaded.isNullObject as boolean) : notLoaded("isNullObject");
  }

  load(option?: string | string[]): this {
    const props = propsOf(option);
    let snapshot: Record<string, unknown> = {};
    this.op(
      "load",
      [option],
      () => {
        const m = this.sheet();
        const box = m ? this.box() : null;
        snapshot = { isNullObject: box === null };
        if (m && box) {
          const book = this.ctx.book;
          for (const p of props) {
            if (p === "values") snapshot.values = book.valuesOf(m, box);
            else if (p === "formulas") snapshot.formulas = mapBox(box, (r, c) => m.cell(r, c)?.formula ?? m.cell(r, c)?.value ?? "");
            else if (p === "numberFormat") snapshot.numberFormat = mapBox(box, (r, c) => m.cell(r, c)?.numberFormat ?? "General");
            else if (p === "address") snapshot.address = `${quoteSheet(m.name)}!${boxAddress(box)}`;
            else if (p === "rowCount") snapshot.rowCount = box.r2 - box.r1 + 1;
            else if (p === "columnCount") snapshot.columnCount = box.c2 - box.c1 + 1;
            else if (p === "rowIndex") snapshot.rowIndex = box.r1 - 1;
            else if (p === "columnIndex") snapshot.columnIndex = box.c1;
          }
        }
        this.loaded = snapshot;
      },
      { response: () => snapshot },
    );
    return this;
  }

  getRow(index: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getRow(${index})`, this.sheet, () => {
      const b = this.box();
      return b && { ...b, r1: b.r1 + index, r2: b.r1 + index };
    });
  }

  clear(applyTo: string = "All"): void {
    this.op("clear", [applyTo], () => {
      const m = this.model();
      const box = this.cells();
      for (const [r, row] of m.cells) {
        if (r < box.r1 || r > box.r2) continue;
        for (const [c, cell] of row) {
          if (c < box.c1 || c > box.c2) continue;
          if (applyTo === "All" || applyTo === "Contents") Object.assign(cell, { value: null, formula: undefined });
          if (applyTo === "All" || applyTo === "Formats") cell.numberFormat = "General";
        }
      }
      if (applyTo === "All" || applyTo === "Formats") {
        const keep = m.formats.filter((f) => !overlaps(parseAddress(f.address).box, box) || f.property === "columnWidth");
        m.formats.splice(0, m.formats.length, ...keep);
      }
    }, { writes: () => this.model() });
  }

  /**
   * Range.merge (ExcelApi 1.2): `across` merges each row of the range on its own. Like Excel, a merged
   * area keeps the value of its upper-left cell only; an area overlapping one already merged is refused.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)
   */
  merge(across = false): void {
    this.op("merge", [across], () => {
      const m = this.model();
      const box = this.cells();
      const areas = across ? Array.from({ length: box.r2 - box.r1 + 1 }, (_, i) => ({ ...box, r1: box.r1 + i, r2: box.r1 + i })) : [box];
      for (const area of areas) {
        const near: Box[] = [];
        for (const [row, boxes] of m.mergeBoxesByRow) if (row <= area.r2) for (const b of boxes) if (b.r2 >= area.r1) near.push(b);
        if (near.some((b) => overlaps(b, area))) throw new FakeOfficeError("InvalidOperation", "Cannot merge a range that overlaps a merged area.");
        for (let r = area.r1; r <= area.r2; r++) {
          for (let c = area.c1; c <= area.c2; c++) {
            const cell = m.cell(r, c);
            if ((r !== area.r1 || c !== area.c1) && cell) Object.assign(cell, { value: null, formula: undefined });
          }
        }
        m.merges.push(boxAddress(area));
        const sameRow = m.mergeBoxesByRow.get(area.r1);
        if (sameRow) sameRow.push(area);
        else m.mergeBoxesByRow.set(area.r1, [area]);
      }
    }, { apiSet: "1.2", writes: () => this.model() });
  }

  select(): void {
    this.op("select", [], () => {
      const m = this.model();
      this.ctx.book.selection = `${quoteSheet(m.name)}!${boxAddress(this.cells())}`;
    });
  }
}

/** Adds a write-only property (reading it, as in Office.js without a load, throws). */
function settable<T extends object, V>(target: T, name: string, set: (value: V) => void): T {
  Object.defineProperty(target, name, { set, get: () => notLoaded(name), enumerable: true });
  return target;
}

function mapBox<T>(box: Box, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = box.r1; r <= box.r2; r++) {
    const row: T[] = [];
    for (let c = box.c1; c <= box.c2; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

function overlaps(a: Box, b: Box): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** "Total number of characters that a cell can contain: 32,767 characters" (Excel specifications and limits). */
export const MAX_CELL_CHARACTERS = 32_767;

/**
 * Excel's entry of a written value: text into "@" cells stays text; otherwise = starts a formula and digits
 * make a number ("If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 * interprets this value as a formula": Excel.Range values,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
 * A text longer than a cell holds (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3)
 * fails the request, as Excel refuses it.
 */
export function enter(cell: Cell, value: unknown): void {
  if (typeof value === "string" && value.length > MAX_CELL_CHARACTERS) {
    throw new FakeOfficeError("InvalidArgument", `The text is ${value.length} characters long; a cell holds at most ${MAX_CELL_CHARACTERS}.`);
  }
  cell.formula = undefined;
  if (value === null || value === undefined || value === "") {
    cell.value = null;
    return;
  }
  if (typeof value !== "string") {
    cell.value = value as Scalar;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = value;
  } else if (value.startsWith("=") || (/^[+\-@]/.test(value) && !NUMBER.test(value))) {
    cell.value = null;
    cell.formula = value;
  } else if (NUMBER.test(value.trim())) {
    cell.value = Number(value);
  } else {
    cell.value = value;
  }
}

// ---------------------------------------------------------------- tables

class TableCollectionProxy extends Proxied {
  constructor(
    ctx: FakeContext,
    path: string,
    readonly sheet: Resolver<SheetModel>,
  ) {
    super(ctx, path);
  }
  add(address: string, hasHeaders: boolean): TableProxy {
    const book = this.ctx.book;
    const holder: { table?: TableModel } = {};
    this.op("add", [address, hasHeaders], () => {
      const parsed = parseAddress(address);
      const sheet = (parsed.sheet ? book.sheet(parsed.sheet) : this.sheet()) ?? itemNotFound(address);
      if (!hasHeaders) throw new FakeOfficeError("InvalidArgument", "the fake supports tables with headers only");
      const name = `Table${book.tables.length + 1}`;
      holder.table = { name, sheet, box: parsed.box, filters: new Map() };
      book.tables.push(holder.table);
    }, { writes: () => this.sheet() ?? undefined });
    return new TableProxy(this.ctx, `${this.path}.add(${address})`, () => holder.table ?? null);
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, `workbook.tables.getItem(${name})`, () => this.ctx.book.table(name) ?? itemNotFound(name));
  }
  getItemOrNullObject(name: string): TableProxy {
    const proxy = new TableProxy(this.ctx, `workbook.tables.getItemOrNullObject(${name})`, () => this.ctx.book.table(name) ?? null);
    this.op("getItemOrNullObject", [name], () => proxy.knowNull(), { apiSet: "1.4" });
    return proxy;
  }
}

class TableProxy extends Proxied {
  private known: Record<string, unknown> = {};
  readonly columns: { getItem(name: string): TableColumnProxy };
  readonly rows: { add(index: number | undefined | null, values: unknown[][]): void; getItemAt(index: number): { delete(): void } };

  constructor(
    ctx: FakeContext,
    path: string,
    readonly resolve: Resolver<TableModel>,
  ) {
    super(ctx, path);
    this.columns = { getItem: (name: string) => new TableColumnProxy(ctx, `${path}.columns.getItem(${name})`, this, name) };
    this.rows = {
      add: (index, values) =>
        this.op("rows.add", [index, values], () => {
          const t = this.model();
          if (index !== undefined && index !== null) throw new FakeOfficeError("InvalidArgument", "the fake appends rows only");
          const top = t.box.r2 + 1;
          // Like Excel, inserting table rows shifts what is below the table down (in the table's columns).
          for (let r = t.sheet.lastRow(); r >= top; r--) {
            for (let c = t.box.c1; c <= t.box.c2; c++) {
              const cell = t.sheet.cell(r, c);
              if (cell) Object.assign(t.sheet.ensure(r + values.length, c), { ...cell });
              Object.assign(t.sheet.ensure(r, c), { value: null, formula: undefined, numberFormat: "General" });
            }
          }
          t.box = { ...t.box, r2: t.box.r2 + values.length };
          values.forEach((row, i) => row.forEach((v, j) => enter(t.sheet.ensure(top + i, t.box.c1 + j), v)));
        }, { writes: () => this.resolve()?.sheet }),
      getItemAt: (index: number) => ({
        delete: () =>
          this.op(`rows.getItemAt(${index}).delete`, [], () => {
            const t = this.model();
            // Rows of a filtered table are not deleted (office-js #994): the add-in must see the table unfiltered.
            if ((t.sheet.view?.filters ?? t.filters).size > 0) throw new FakeOfficeError("InvalidOperation", "rows of a filtered table cannot be deleted");
            const row = t.box.r1 + 1 + index;
            if (row > t.box.r2) itemNotFound(`row ${index}`);
            const last = t.sheet.lastRow();
            for (let r = row; r <= Math.max(last, t.box.r2); r++) {
              for (let c = t.box.c1; c <= t.box.c2; c++) {
                const below = t.sheet.cell(r + 1, c);
                const target = t.sheet.ensure(r, c);
                if (below) Object.assign(target, { ...below });
                else Object.assign(target, { value: null, formula: undefined, numberFormat: "General" });
              }
            }
            t.box = { ...t.box, r2: t.box.r2 - 1 };
          }, { writes: () => this.resolve()?.sheet }),
      }),
    };
  }

  model(): TableModel {
    return this.resolve() ?? itemNotFound(this.path);
  }

  knowNull(): void {
    this.known.isNullObject = this.resolve() === null;
  }

  /** Table.resize (ExcelApi 1.13): same header row and columns, new last row. */
  resize(address: string): void {
    this.op("resize", [address], () => {
      const t = this.model();
      const { box } = parseAddress(address);
      if (box.r1 !== t.box.r1 || box.c1 !== t.box.c1 || box.c2 !== t.box.c2 || box.r2 <= box.r1) {
        throw new FakeOfficeError("InvalidArgument", "the header row must stay, the columns too, with at least one data row");
      }
      t.box = { ...t.box, r2: box.r2 };
    }, { apiSet: "1.13", writes: () => this.resolve()?.sheet });
  }

  set name(value: string) {
    this.op("name", [value], () => {
      if (this.ctx.book.tables.some((t) => t.name === value && t !== this.model())) throw new FakeOfficeError("ItemAlreadyExists", `A table named ${value} already exists.`);
      this.model().name = value;
    });
  }
  get name(): string {
    return (this.known.name as string) ?? notLoaded("name");
  }
  set style(value: string) {
    this.op("style", [value], () => (this.model().style = value));
  }
  get isNullObject(): boolean {
    return "isNullObject" in this.known ? (this.known.isNullObject as boolean) : notLoaded("isNullObject");
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.worksheet`, () => this.resolve()?.sheet ?? null);
  }
  load(option?: string): this {
    this.op("load", [option], () => {
      const t = this.resolve();
      this.known = { isNullObject: t === null, ...(t ? { name: t.name } : {}) };
    });
    return this;
  }
  private range(part: "header" | "body" | "all"): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.get${part}Range()`, () => this.resolve()?.sheet ?? null, () => {
      const t = this.resolve();
      if (!t) return null;
      const b = t.box;
      if (part === "header") return { ...b, r2: b.r1 };
      if (part === "body") return { ...b, r1: b.r1 + 1, r2: Math.max(b.r1 + 1, b.r2) };
      return b;
    });
  }
  getHeaderRowRange(): RangeProxy {
    return this.range("header");
  }
  getDataBodyRange(): RangeProxy {
    return this.range("body");
  }
  getRange(): RangeProxy {
    return this.range("all");
  }
  clearFilters(): void {
    this.op("clearFilters", [], () => (this.model().sheet.view?.filters ?? this.model().filters).clear(), { apiSet: "1.2" });
  }
}

class TableColumnProxy extends Proxied {
  readonly filter: {
    applyCustomFilter(criteria: string): void;
    apply(criteria: { filterOn: string; criterion1?: string }): void;
    clear(): void;
    load(p?: string): unknown;
    readonly criteria: { filterOn?: string; criterion1?: string } | null;
  };
  constructor(
    ctx: FakeContext,
    path: string,
    readonly table: TableProxy,
    readonly name: string,
  ) {
    super(ctx, path);
    const index = () => {
      const t = table.model();
      const headers = ctx.book.valuesOf(t.sheet, { ...t.box, r2: t.box.r1 })[0];
      const i = headers.indexOf(name);
      return i < 0 ? itemNotFound(`column ${name}`) : i;
    };
    // The filters of the active sheet view: the user's temporary view, or the default view every co-author sees.
    const filters = () => table.model().sheet.view?.filters ?? table.model().filters;
    let loaded: { criteria?: { filterOn?: string; criterion1?: string } | null } = {};
    this.filter = {
      applyCustomFilter: (criteria: string) =>
        this.op("filter.applyCustomFilter", [criteria], () => {
          index();
          filters().set(name, criteria);
        }, { apiSet: "1.2" }),
      // Custom filters only (criterion1), what SOIL and its tests set.
      apply: (criteria) =>
        this.op("filter.apply", [criteria], () => {
          index();
          if (criteria.criterion1 === undefined) throw new FakeOfficeError("InvalidArgument", "the fake applies custom filters only");
          filters().set(name, criteria.criterion1);
        }, { apiSet: "1.2" }),
      clear: () => this.op("filter.clear", [], () => filters().delete(name), { apiSet: "1.2" }),
      load: () => {
        this.op("filter.load", ["criteria"], () => {
          index();
          const c = filters().get(name);
          loaded = { criteria: c === undefined ? null : { filterOn: "Custom", criterion1: c } };
        }, { apiSet: "1.2" });
        return this.filter;
      },
      get criteria() {
        return "criteria" in loaded ? (loaded.criteria ?? null) : notLoaded("criteria");
      },
    };
    this.index = index;
  }
  private index: () => number;
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getDataBodyRange()`, () => this.table.resolve()?.sheet ?? null, () => {
      const t = this.table.resolve();
      if (!t) return null;
      const c = t.box.c1 + this.index();
      return { r1: t.box.r1 + 1, r2: Math.max(t.box.r1 + 1, t.box.r2), c1: c, c2: c };
    });
  }
}

/** The cells that hold a value or formula, or null. */
function usedBox(m: SheetModel | null): Box | null {
  if (!m) return null;
  let box: Box | null = null;
  for (const [r, row] of m.cells) {
    for (const [c, cell] of row) {
      if (cell.value === null && !cell.formula) continue;
      box = box ? { r1: Math.min(box.r1, r), r2: Math.max(box.r2, r), c1: Math.min(box.c1, c), c2: Math.max(box.c2, c) } : { r1: r, r2: r, c1: c, c2: c };
    }
  }
  return box;
}

// ---------------------------------------------------------------- protection (Excel on the web's allowEditRanges)

class AllowEditRangesProxy extends Proxied {
  private loadedItems?: { title: string; delete(): void }[];
  constructor(
    ctx: FakeContext,
    path: string,
    readonly sheet: () => SheetModel,
  ) {
    super(ctx, path);
  }
  get items(): { title: string; delete(): void }[] {
    return this.loadedItems ?? notLoaded("items");
  }
  load(option?: string): this {
    this.op("load", [option], () => {
      const list = this.sheet().allowEditRanges;
      this.loadedItems = list.map((r) => ({
        title: r.title,
        delete: () =>
          this.op("delete", [r.title], () => {
            const i = list.indexOf(r);
            if (i >= 0) list.splice(i, 1);
          }, { apiSet: "Online1.1", writes: () => this.sheet() }),
      }));
    }, { apiSet: "Online1.1" });
    return this;
  }
  add(title: string, rangeAddress: string, options?: { password?: string }): void {
    this.op("add", [title, rangeAddress, options?.password === undefined ? undefined : "***"], () => {
      const m = this.sheet();
      if (m.allowEditRanges.some((r) => r.title === title)) throw new FakeOfficeError("ItemAlreadyExists", `An AllowEditRange titled ${title} exists.`);
      for (const part of rangeAddress.split(",")) parseAddress(part);
      m.allowEditRanges.push({ title, address: rangeAddress, password: options?.password });
    }, { apiSet: "Online1.1", writes: () => this.sheet() });
  }
}

// ---------------------------------------------------------------- charts

class ChartCollectionProxy extends Proxied {
  private loadedItems?: ChartProxy[];
  constructor(
    ctx: FakeContext,
    path: string,
    readonly sheet: Resolver<SheetModel>,
  ) {
    super(ctx, path);
  }
  get items(): ChartProxy[] {
    return this.loadedItems ?? notLoaded("items");
  }
  load(option?: string): this {
    this.op("load", [option], () => {
      const charts = this.sheet()?.charts ?? [];
      this.loadedItems = charts.map((model, i) => {
        const proxy = new ChartProxy(this.ctx, `${this.path}.items[${i}]`, () => model, this.sheet);
        proxy.known.name = model.name;
        return proxy;
      });
    });
    return this;
  }
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    const holder: { chart?: ChartModel } = {};
    this.op("add", [type, source.path, seriesBy], () => {
      const box = source.cells();
      const model: ChartModel = { type, source: boxAddress(box), seriesBy: seriesBy ?? "Auto", properties: {}, series: [] };
      if (this.ctx.book.chartAutoSeries === "perColumn") {
        const byRows = seriesBy === "Rows";
        const count = byRows ? box.r2 - box.r1 + 1 : box.c2 - box.c1 + 1;
        for (let i = 0; i < count; i++) {
          model.series.push({ values: boxAddress(byRows ? { ...box, r1: box.r1 + i, r2: box.r1 + i } : { ...box, c1: box.c1 + i, c2: box.c1 + i }) });
        }
      }
      (this.sheet() ?? itemNotFound(this.path)).charts.push(model);
      holder.chart = model;
    }, { writes: () => this.sheet() ?? undefined });
    return new ChartProxy(this.ctx, `${this.path}.add(${type})`, () => holder.chart ?? null, this.sheet);
  }
}

class SeriesProxy extends Proxied {
  readonly format: { fill: { setSolidColor(color: string): void } };
  constructor(
    ctx: FakeContext,
    path: string,
    readonly resolve: () => SeriesModel,
    readonly chart: ChartProxy,
  ) {
    super(ctx, path);
    this.format = { fill: { setSolidColor: (color: string) => this.write("format.fill.setSolidColor", [color], () => (this.resolve().fill = color)) } };
  }
  private write(member: string, args: unknown[], run: () => void, apiSet?: string): void {
    this.op(member, args, run, { apiSet, writes: () => this.chart.sheet() ?? undefined });
  }
  set name(value: string) {
    this.write("name", [value], () => (this.resolve().name = value));
  }
  setValues(range: RangeProxy): void {
    this.write("setValues", [range.path], () => (this.resolve().values = boxAddress(range.cells())), "1.7");
  }
  setXAxisValues(range: RangeProxy): void {
    this.write("setXAxisValues", [range.path], () => (this.resolve().xValues = boxAddress(range.cells())), "1.7");
  }
  delete(): void {
    this.write("delete", [], () => {
      const list = this.chart.model().series;
      const i = list.indexOf(this.resolve());
      if (i >= 0) list.splice(i, 1);
    }, "1.7");
  }
}

class SeriesCollectionProxy extends Proxied {
  private loadedItems?: SeriesProxy[];
  constructor(
    ctx: FakeContext,
    path: string,
    readonly chart: ChartProxy,
  ) {
    super(ctx, path);
  }
  get items(): SeriesProxy[] {
    return this.loadedItems ?? notLoaded("items");
  }
  load(option?: string): this {
    this.op("load", [option], () => {
      this.loadedItems = this.chart.model().series.map((model, i) => new SeriesProxy(this.ctx, `${this.path}.items[${i}]`, () => model, this.chart));
    });
    return this;
  }
  add(name?: string): SeriesProxy {
    const holder: { series?: SeriesModel } = {};
    this.op("add", [name], () => {
      holder.series = { name };
      this.chart.model().series.push(holder.series);
    }, { apiSet: "1.7", writes: () => this.chart.sheet() ?? undefined });
    return new SeriesProxy(this.ctx, `${this.path}.add(${name})`, () => holder.series ?? itemNotFound("series"), this.chart);
  }
}

class ChartProxy extends Proxied {
  readonly known: Record<string, unknown> = {};
  readonly title: object;
  readonly legend: object;
  readonly axes: object;
  readonly series: SeriesCollectionProxy;
  constructor(
    ctx: FakeContext,
    path: string,
    readonly resolve: Resolver<ChartModel>,
    readonly sheet: Resolver<SheetModel>,
  ) {
    super(ctx, path);
    const record = (prefix: string, apiSet?: string) =>
      recorder(ctx, `${path}.${prefix}`, (property, value) => (this.model().properties[`${prefix}.${property}`] = value), sheet, apiSet);
    this.title = record("title");
    this.legend = record("legend");
    this.axes = record("axes", "1.7");
    this.series = new SeriesCollectionProxy(ctx, `${path}.series`, this);
  }
  model(): ChartModel {
    return this.resolve() ?? itemNotFound(this.path);
  }
  get name(): string {
    return "name" in this.known ? (this.known.name as string) : notLoaded("name");
  }
  set name(value: string) {
    this.op("name", [value], () => (this.model().name = value));
  }
  setPosition(start: string, end: string): void {
    this.op("setPosition", [start, end], () => (this.model().position = [start, end]));
  }
  delete(): void {
    this.op("delete", [], () => {
      const charts = this.sheet()?.charts ?? [];
      const i = charts.indexOf(this.model());
      if (i >= 0) charts.splice(i, 1);
    }, { writes: () => this.sheet() ?? undefined });
  }
}
