/**
 * The pane's parse of the chosen table: at once for tables of ordinary size, in chunks for large
 * ones, yielding to the browser between chunks so the pane stays responsive and shows "已读 n / N 行".
 */
import * as React from "react";
import { ColumnMapping, ParsedTable } from "../../core";
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

export function useParsedTable(source: TableSource, columns: ColumnMapping | null, planYear: number | null): { table: ParsedTable; progress: ParseProgress | null } {
  const options = React.useMemo(() => ({ ...(columns ? { columns } : {}), ...(planYear !== null ? { planYear } : {}) }), [columns, planYear]);
  const large = React.useMemo(() => rowCount(source) > CHUNK_ROWS, [source]);
  const small = React.useMemo(() => (large ? null : parseSource(source, options)), [large, source, options]);
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
