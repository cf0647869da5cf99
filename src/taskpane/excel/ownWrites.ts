/**
 * Cells SOIL itself writes on 任务清单 (a merged department file, a decision on an extension, a cell the
 * change log fills in). Excel raises worksheet onChanged for them as for anyone's edit; from ExcelApi 1.14
 * the event's triggerSource says "ThisLocalAddin", before that the change log asks here. Entries expire, so
 * an event Excel never sends does not hide a later edit of the same cell.
 */
const TTL_MS = 30_000;

/** "I5:I5" and "$I$5" → "I5": the form Excel gives a one-cell change in the event's address. */
export function cellKey(address: string): string {
  const plain = address.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();
  const [a, b] = plain.split(":");
  return b === undefined || a === b ? a : plain;
}

export class OwnWrites {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  add(address: string): void {
    this.expiries.set(cellKey(address), this.now() + TTL_MS);
  }

  /** Whether the change at `address` is SOIL's own write (and forgets it). */
  take(address: string): boolean {
    const key = cellKey(address);
    const expiry = this.expiries.get(key);
    this.expiries.delete(key);
    for (const [k, t] of this.expiries) if (t < this.now()) this.expiries.delete(k);
    return expiry !== undefined && expiry >= this.now();
  }

  forget(address: string): void {
    this.expiries.delete(cellKey(address));
  }
}

/** The one registry the pane's actions and its change log share. */
export const ownWrites = new OwnWrites();
