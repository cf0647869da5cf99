/**
 * The pane's parse of the chosen table: at once for tables of ordinary size, in chunks for large
 * ones, yielding to the browser between chunks so the pane stays responsive and shows "已读 n / N 行".
 */
import * as React from "react";
import { allRequirements, ColumnMapping, ParsedTable } from "../../core";
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
): { table: ParsedTable; progress: ParseProgress | null } {
  const options = React.useMemo(() => ({ ...(columns ? { columns } : {}), ...(planYear !== null ? { planYear } : {}) }), [columns, planYear]);
  const large = React.useMemo(() => rowCount(source) > CHUNK_ROWS, [source]);
  const small = React.useMemo(() => {
    if (large) return null;
    const table = parseSource(source, options);
    if (columns || !remembered || !needsMapping(table)) return table;
    const again = parseSource(source, { ...options, columns: remembered });
    return again.columns?.status === "confirmed" && again.tasks.length > 0 ? again : table;
  }, [large, source, options, columns, remembered]);
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

  if (small) return { table: small, progress: null };
  return { table: chunked.table ?? EMPTY, progress: chunked.table ? null : (chunked.progress ?? { done: 0, total: 0 }) };
}
