/**
 * The one place where SOIL's errors meet the custom-functions runtime: a user mistake (CellInputError)
 * becomes #VALUE! or #N/A with its Chinese message; anything unexpected becomes #VALUE! too, so no
 * exception ever escapes a custom function.
 */
import { CellInputError } from "./cells";

export function guard<A extends unknown[], T>(compute: (...args: A) => T, ...args: A): T {
  try {
    // The arguments passed on rather than a closure made per call: these run for every SOIL cell.
    return compute(...args);
  } catch (e) {
    if (e instanceof CellInputError) throw new CustomFunctions.Error(CustomFunctions.ErrorCode[e.kind], e.message);
    const detail = e instanceof Error ? e.message : String(e);
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `SOIL 函数内部错误：${detail}`);
  }
}
