/**
 * The pane's parse of the chosen table: at once for tables of ordinary size, in chunks for large
 * ones, yielding to the browser between chunks so the pane stays responsive and shows "已读 n / N 行".
 */
import * as React from "react";
import { allRequirements, ColumnMapping, DepartmentRegistry, ParsedTable, ParseOptions } from "../../core";
import { parseSource, sourceReader, TableSource } from "../../sources/tableSource";

/** Rows read at once before a table counts as large (the bundled plan is about 300). */
export const CHUNK_ROWS = 5000;

export interface ParseProgress {
  done: number;
  total: number;
}

const EMPTY: ParsedTable = { tasks: [], departments: [], diagnostics: [] };

function rowCount(source: TableSource): number {
  if (source.kind === "grid") return source.grid.rows.length;
  let n = 1;
  for (let i = source.text.indexOf("\n"); i >= 0 && n <= CHUNK_ROWS; i = source.text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Deadlines written without a year (年底前, 7月底前): read with the plan's year, or not at all without one. */
export function needsPlanYear(table: ParsedTable): boolean {
  return allRequirements(table).some((r) => r.deadline.yearSupplied || (r.deadline.kind === "unknown" && /^(?:今年|本年|当年)?(?:年底|年末|\d{1,2}月)/.test(r.deadline.raw)));
}

/** A table whose columns SOIL could not read by itself. */
export function needsMapping(table: ParsedTable): boolean {
  return table.columns?.status === "guessed" || table.columns?.status === "unrecognised";
}

/**
 * `columns`: the mapping the user confirmed for this source; `remembered`: the one the workbook keeps
 * from an earlier import, tried only when the table cannot be read without one.
 */
export function useParsedTable(
  source: TableSource,
  columns: ColumnMapping | null,
  planYear: number | null,
  remembered: ColumnMapping | null = null,
  /** The 单位名录 chosen in the import step ("none": built from the table); undefined: parseTable's choice. */
  registry?: DepartmentRegistry | "none",
): {
  table: ParsedTable;
  progress: ParseProgress | null;
  /** The same table read at once with another plan year (a re-import with the workbook's 方案年份). */
  reparse(planYear: number): ParsedTable;
} {
  const options = React.useMemo(
    () => ({ ...(columns ? { columns } : {}), ...(planYear !== null ? { planYear } : {}), ...(registry !== undefined ? { registry } : {}) }),
    [columns, planYear, registry],
  );
  const large = React.useMemo(() => rowCount(source) > CHUNK_ROWS, [source]);
  /** The whole parse at once: the remembered mapping tried when the table cannot be read without one. */
  const parseAtOnce = React.useCallback(
    (parseOptions: ParseOptions) => {
      const table = parseSource(source, parseOptions);
      if (columns || !remembered || !needsMapping(table)) return table;
      const again = parseSource(source, { ...parseOptions, columns: remembered });
      return again.columns?.status === "confirmed" && again.tasks.length > 0 ? again : table;
    },
    [source, columns, remembered],
  );
  const small = React.useMemo(() => (large ? null : parseAtOnce(options)), [large, parseAtOnce, options]);
  const reparse = React.useCallback((year: number) => parseAtOnce({ ...options, planYear: year }), [parseAtOnce, options]);
  const [chunked, setChunked] = React.useState<{ table: ParsedTable | null; progress: ParseProgress | null }>({ table: null, progress: null });

  React.useEffect(() => {
    if (!large) return;
    let cancelled = false;
    const reader = sourceReader(source, options);
    setChunked({ table: null, progress: { done: 0, total: reader.total } });
    const next = () => {
      if (cancelled) return;
      const finished = reader.step(CHUNK_ROWS);
      if (finished) setChunked({ table: reader.finish(), progress: null });
      else {
        setChunked({ table: null, progress: { done: reader.done, total: reader.total } });
        setTimeout(next, 0);
      }
    };
    setTimeout(next, 0);
    return () => {
      cancelled = true;
    };
  }, [large, source, options]);

  if (small) return { table: small, progress: null, reparse };
  return { table: chunked.table ?? EMPTY, progress: chunked.table ? null : (chunked.progress ?? { done: 0, total: 0 }), reparse };
}
