import * as React from "react";
import { Caption1, Checkbox, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, tokens } from "@fluentui/react-components";
import type { RegistryAddition } from "../../core";

export interface RegistryOption {
  /** A preset id, or "none" for the table's own registry. */
  id: string;
  label: string;
}

export interface RegistryStepProps {
  options: readonly RegistryOption[];
  /** The option in use (the one the table was read with). */
  chosen: string;
  onChoose(id: string): void;
  /** Bodies of the table the registry does not know yet. */
  additions: readonly RegistryAddition[];
  /** Names whose proposal (alias / split) the user accepted. */
  accepted: ReadonlySet<string>;
  onToggleProposal(name: string): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "160px", overflowY: "auto" },
  note: { color: tokens.colorNeutralForeground3 },
});

function proposalText(a: RegistryAddition): string | null {
  if (a.proposal?.kind === "alias") return `作为“${a.proposal.of}”的别称`;
  if (a.proposal?.kind === "split") return `拆分为 ${a.proposal.parts.join("、")}`;
  return null;
}

/**
 * 单位名录: which registry the table is read with, and the bodies the import adds ("N 个单位将加入单位名录"),
 * confirmed by writing the workbook; a likely misspelling is offered as an alias or split to accept.
 */
export function RegistryStep(props: RegistryStepProps): React.JSX.Element {
  const styles = useStyles();
  const { additions } = props;
  const selected = props.options.find((o) => o.id === props.chosen);
  return (
    <section className={styles.root} aria-label="单位名录">
      <Field label="单位名录（按此识别和归并责任单位）">
        {/* A native select (Fluent Select): no pop-up positioning code in the first screen's bundle. */}
        <Select value={selected?.id ?? ""} onChange={(_, data) => data.value && props.onChoose(data.value)}>
          {props.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {additions.length === 0 ? (
        <Caption1 className={styles.note}>分工表中的单位都在单位名录中。</Caption1>
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{additions.length} 个单位将加入单位名录</MessageBarTitle>
            <ul className={styles.list}>
              {additions.map((a) => {
                const proposal = proposalText(a);
                return (
                  <li key={a.name}>
                    {a.name}
                    {proposal && <Checkbox label={`可能是笔误：${proposal}`} checked={props.accepted.has(a.name)} onChange={() => props.onToggleProposal(a.name)} />}
                  </li>
                );
              })}
            </ul>
            <Caption1>生成工作簿或重新导入即确认：这些单位写入“单位名录”工作表，之后可在那里修改。</Caption1>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
