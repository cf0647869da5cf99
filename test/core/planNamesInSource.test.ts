/**
 * A plan's facts are data (presets/, seeds/, the workbook), never in src/: no line of src/ names a body,
 * alias or label of a registry preset, the bundled plan's city, or the default rules' report day. Collective
 * references (类别 泛指: 有关部门) are ordinary words, not a plan's bodies, and are not looked for.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";

const ROOT = path.join(__dirname, "../..");
const PRESETS = path.join(ROOT, "presets/registries");

interface PresetFile {
  label?: string;
  entries: { name: string; aliases?: string[]; short?: string; category?: string }[];
}

function planWords(): string[] {
  const words = new Set<string>(["邯郸"]);
  for (const file of readdirSync(PRESETS).filter((f) => f.endsWith(".json"))) {
    const preset = JSON.parse(readFileSync(path.join(PRESETS, file), "utf8")) as PresetFile;
    if (preset.label) words.add(preset.label);
    for (const e of preset.entries.filter((e) => e.category !== "泛指")) [e.name, e.short ?? "", ...(e.aliases ?? [])].forEach((w) => words.add(w));
  }
  return [...words].filter((w) => w.length >= 2);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(path.join(dir, d.name)) : /\.(ts|tsx|html|css)$/.test(d.name) ? [path.join(dir, d.name)] : []));
}

test("src/ names no body, alias or label of a preset, nor the bundled plan's city or report day", () => {
  const words = planWords();
  const { reportDay } = JSON.parse(readFileSync(path.join(ROOT, "presets/rules/default.json"), "utf8")) as { reportDay: number };
  const day = new RegExp(`(?<!\\d)${reportDay}日`);
  expect(words.length).toBeGreaterThan(40);
  const found: string[] = [];
  for (const file of sourceFiles(path.join(ROOT, "src"))) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        const hits = words.filter((w) => line.includes(w));
        if (day.test(line)) hits.push(`${reportDay}日`);
        if (hits.length > 0) found.push(`${path.relative(ROOT, file)}:${i + 1} ${hits.join("、")}`);
      });
  }
  expect(found).toEqual([]);
});
