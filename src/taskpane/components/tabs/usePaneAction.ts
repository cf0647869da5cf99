import * as React from "react";
import { describeError, PaneMessage } from "../../excel/errors";

/** A tab's running action and its last error, in Chinese. */
export interface PaneAction<B extends string> {
  /** The action running now (what its spinner or progress is about), or null. */
  busy: B | null;
  error: PaneMessage | null;
  /** Runs `work` with `what` as the busy action; an error becomes `error`, the result `undefined`. */
  run<T>(what: B | null, work: () => Promise<T>): Promise<T | undefined>;
  /** Shows an error raised elsewhere (e.g. inside a panel that runs its own work). */
  fail(error: unknown): void;
  dismiss(): void;
}

/** One tab's busy flag and error: each tab owns its own, so one tab's failure does not blank another's. */
export function usePaneAction<B extends string>(): PaneAction<B> {
  const [busy, setBusy] = React.useState<B | null>(null);
  const [error, setError] = React.useState<PaneMessage | null>(null);
  const run = React.useCallback(async <T,>(what: B | null, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(what);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(describeError(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  }, []);
  const fail = React.useCallback((e: unknown) => setError(describeError(e)), []);
  const dismiss = React.useCallback(() => setError(null), []);
  return { busy, error, run, fail, dismiss };
}
