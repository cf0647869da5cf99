/**
 * The seed table and a "next version" of it for re-import tests: one requirement's text changed,
 * one deadline changed, task 30 removed, a requirement added to task 56, and a new task 57 whose
 * second requirement starts with "=" (it must stay text in the workbook).
 */
import * as fs from "fs";
import { BUNDLED_SOURCE } from "../../src/cli/source";

/** The bundled table, as the CLI and the pane read it. */
export function seedText(): string {
  return fs.readFileSync(BUNDLED_SOURCE, "utf8");
}

export const CHANGED = {
  textId: "1.1",
  oldText: "组织开展全市农用地土壤污染状况详查。",
  newText: "组织开展全市农用地土壤污染状况详查，建立详查成果数据库。",
  deadlineId: "1.2",
  oldDeadline: "2020年底",
  newDeadline: "2021年6月",
  removedTask: 30,
  addedToTask56: "建立土壤污染公益诉讼案件线索移送机制。",
  formulaText: "=SUM(1,1) 字样应保持为文字",
} as const;

export function nextVersionText(seed: string = seedText()): string {
  const lines = seed.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`${CHANGED.removedTask}\t`));
  const end = lines.findIndex((l) => l.startsWith(`${CHANGED.removedTask + 1}\t`));
  const kept = lines.filter((l, i) => i < start || i >= end || l.trim() === "" || l.startsWith("序号"));
  const out = kept.map((l) => {
    if (l.includes(CHANGED.oldText)) return l.replace(CHANGED.oldText, CHANGED.newText);
    if (l.includes("组织开展全市重点行业企业用地土壤污染状况详查。")) return l.replace(`\t${CHANGED.oldDeadline}`, `\t${CHANGED.newDeadline}`);
    return l;
  });
  while (out.length > 0 && out[out.length - 1].trim() === "") out.pop();
  out.push(
    `\t\t\t\t${CHANGED.addedToTask56}\t市检察院牵头\t2019年底`,
    `57\t市财政局\t市环境保护局\t（五十七）加强资金绩效管理。对土壤污染防治专项资金开展绩效评价。\t开展土壤污染防治专项资金绩效评价。\t市财政局牵头\t2019年底`,
    `\t\t\t\t${CHANGED.formulaText}\t市财政局、市环保局牵头\t持续推进`,
  );
  return out.join("\n") + "\n";
}
