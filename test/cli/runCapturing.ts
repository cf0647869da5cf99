/** Runs the CLI in-process with its output captured: what every CLI test looks at. */
import { runCli } from "../../src/cli/main";

export async function runCapturing(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}
