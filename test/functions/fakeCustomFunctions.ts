/**
 * A stand-in for the custom-functions runtime global `CustomFunctions` (Excel provides it; Node does
 * not): Error and ErrorCode as @types/custom-functions-runtime declares them, and an `associate` that
 * records registrations the way Excel would look them up by id.
 */

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface FakeCustomFunctions {
  Error: typeof FakeExcelError;
  ErrorCode: typeof ERROR_CODES;
  associate: (idOrMappings: string | Record<string, unknown>, fn?: unknown) => void;
  registered: Map<string, (...args: unknown[]) => unknown>;
}

export function fakeCustomFunctions(): FakeCustomFunctions {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: FakeExcelError,
    ErrorCode: ERROR_CODES,
    registered,
    associate(idOrMappings, fn) {
      const mappings = typeof idOrMappings === "string" ? { [idOrMappings]: fn } : idOrMappings;
      for (const [id, f] of Object.entries(mappings)) {
        if (typeof f !== "function") throw new Error(`associate(${id}) without a function`);
        // Excel matches ids case-insensitively; the metadata uses upper case.
        registered.set(id.toUpperCase(), f as (...args: unknown[]) => unknown);
      }
    },
  };
}

/** Installs the fake as the global the built script and functions.ts expect. */
export function installCustomFunctions(): FakeCustomFunctions {
  const fake = fakeCustomFunctions();
  (globalThis as unknown as { CustomFunctions: FakeCustomFunctions }).CustomFunctions = fake;
  return fake;
}

/** What a call shows in the cell: its value, or the error code and message it threw. */
export function cellResult(call: () => unknown): unknown {
  try {
    return call();
  } catch (e) {
    if (e && typeof e === "object" && "code" in e) {
      const { code, message } = e as FakeExcelError;
      return { error: code, message };
    }
    throw e;
  }
}

/** An error value as Excel passes it in a cell when allowErrorForDataTypeAny is on. */
export function errorCell(code: string): FakeExcelError {
  return new FakeExcelError(code);
}
