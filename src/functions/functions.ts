/* Minimal custom functions entry (placeholder; the functions engineer replaces it). */

/**
 * 返回 SOIL 加载项的版本说明。
 * @customfunction VERSION
 * @returns SOIL 版本字符串。
 */
export function version(): string {
  return "SOIL 0.1.0";
}
