/**
 * Batching under Excel on the web's 5 MB request limit. Every write is queued with an estimate of
 * its size; a context.sync() happens only when the next write would take the batch past the budget,
 * so a populate takes a fixed number of syncs plus one per ~4 MB of data:
 *
 *   syncs ≈ fixed + ceil(estimated JSON bytes of all writes / PAYLOAD_BUDGET)
 *
 * The estimate counts JSON text with every non-ASCII character as 6 bytes (\uXXXX), the most a JSON
 * encoder can spend on one, so a batch never exceeds the real limit; 1 MB stays free for the
 * request's own overhead.
 */

export const PAYLOAD_BUDGET = 4_000_000;
/** Per queued operation: object path, method and property names. */
export const OPERATION_OVERHEAD = 200;

/** Upper bound of the JSON bytes `value` takes in a request. */
export function estimateJsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += 5;
  return bytes;
}

export interface SyncTarget {
  sync(): Promise<unknown>;
}

/**
 * Queues writes and syncs when the budget is reached. `beforeBatch` runs before the first write of
 * each batch (used for suspendApiCalculationUntilNextSync, which lasts until the next sync only).
 */
export class PayloadBatcher {
  private pending = 0;
  private operations = 0;
  syncs = 0;

  constructor(
    private readonly context: SyncTarget,
    private readonly budget: number = PAYLOAD_BUDGET,
    private readonly beforeBatch?: () => void,
  ) {}

  /** Queues `write` (which queues Office.js operations) costing `bytes`; syncs first if it would not fit. */
  async add(bytes: number, write: () => void): Promise<void> {
    if (this.operations > 0 && this.pending + bytes > this.budget) await this.flush();
    if (this.operations === 0) this.beforeBatch?.();
    write();
    this.pending += bytes;
    this.operations++;
  }

  /** Writes of `values` with their own estimate. */
  async addValues(values: unknown, write: () => void): Promise<void> {
    await this.add(estimateJsonBytes(values) + OPERATION_OVERHEAD, write);
  }

  async flush(): Promise<void> {
    if (this.operations === 0) return;
    await this.sync();
  }

  /** Syncs now, also when nothing of the batcher's is queued (a read queued outside it). */
  async sync(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
    this.operations = 0;
  }
}

/** Splits rows into consecutive chunks of at most `budget` estimated bytes each (at least one row per chunk). */
export function chunkRows<T>(rows: readonly T[], budget: number = PAYLOAD_BUDGET, size: (row: T) => number = estimateJsonBytes): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const b = size(row);
    if (current.length > 0 && bytes + b > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += b;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
