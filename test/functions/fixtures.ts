/**
 * The seed table as Excel would pass it to SOIL.* functions: rows built by the core layout (taskRows),
 * dates as serials, empty cells as "", with the departments' input columns filled deterministically so
 * every status shows up. Shared by the function tests and bench/functions.bench.ts.
 */
import {
  allRequirements,
  CellValue,
  columnIndex,
  Day,
  dayFromIso,
  ParsedTable,
  Requirement,
  serialFromDay,
  TASK_HEADERS,
  taskRows,
} from "../../src/core";
import { seedTable } from "../doubles/tables";

export { seedTable };


export function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
}

export function serial(iso: string): number {
  return serialFromDay(day(iso));
}

/** A cell as Excel hands it to a custom function: dates are serials, empty is "". */
export function excelValue(cell: CellValue): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "object") return "date" in cell ? serialFromDay(cell.date) : "";
  return cell;
}

/** What a department typed into a row's input columns. */
export interface RowInputs {
  progress: string;
  completedOn: Day | null;
  lastFeedback: Day | null;
}

const PROGRESS = ["未启动", "推进中", "已完成", "推进中", "", "未启动", "推进中"];
const BASE = day("2017-10-01");

/** Deterministic inputs for the i-th row: a mix of progress, completion dates before and after as-of days, feedback or none. */
export function inputsFor(i: number): RowInputs {
  return {
    progress: PROGRESS[i % PROGRESS.length],
    completedOn: i % 5 === 0 ? BASE + ((i * 37) % 1000) : null,
    lastFeedback: i % 4 === 0 ? null : BASE + ((i * 53) % 1100),
  };
}

/** A task-sheet row (all columns, Excel values) with the inputs written in. */
export function excelRow(cells: readonly CellValue[], inputs: RowInputs): (string | number | boolean)[] {
  const row = cells.map(excelValue);
  row[columnIndex("progress")] = inputs.progress;
  row[columnIndex("completedOn")] = inputs.completedOn === null ? "" : serialFromDay(inputs.completedOn);
  row[columnIndex("lastFeedback")] = inputs.lastFeedback === null ? "" : serialFromDay(inputs.lastFeedback);
  return row;
}

export interface SheetRow {
  requirement: Requirement;
  inputs: RowInputs;
  /** All TASK_COLUMNS, as Excel values. */
  cells: (string | number | boolean)[];
}

/** The seed's requirements as task-sheet rows, in sheet order. */
export function seedSheet(table: ParsedTable = seedTable()): SheetRow[] {
  const requirements = allRequirements(table);
  return taskRows(table, { flavor: "addin" }).map((cells, i) => {
    const inputs = inputsFor(i);
    return { requirement: requirements[i], inputs, cells: excelRow(cells, inputs) };
  });
}

/** The task table as SoilTasks[#All] passes it: header row, then the rows. */
export function tableRange(rows: readonly SheetRow[]): (string | number | boolean)[][] {
  return [[...TASK_HEADERS], ...rows.map((r) => r.cells)];
}

/**
 * A synthetic sheet of n requirements following the seed's patterns: the seed rows repeated in
 * order with fresh ids and their own deterministic inputs.
 */
export function syntheticSheet(n: number, seed: readonly SheetRow[] = seedSheet()): SheetRow[] {
  const out: SheetRow[] = [];
  for (let i = 0; i < n; i++) {
    const base = seed[i % seed.length];
    const inputs = inputsFor(i * 7 + 3);
    const cells = excelRow(base.cells, inputs);
    cells[columnIndex("id")] = `S${i + 1}`;
    out.push({ requirement: base.requirement, inputs, cells });
  }
  return out;
}
