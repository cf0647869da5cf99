import * as React from "react";
import { Button, Caption1, Field, makeStyles, Radio, RadioGroup, Textarea, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";

export type SourceKind = "bundled" | "paste" | "file";

export interface SourcePickerProps {
  kind: SourceKind;
  onKindChange(kind: SourceKind): void;
  bundledName: string;
  pasted: string;
  onPastedChange(text: string): void;
  fileName: string | null;
  onFile(file: File): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  radios: { display: "flex", flexDirection: "row", flexWrap: "wrap" },
  file: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  fileName: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", color: tokens.colorNeutralForeground2 },
  textarea: { minHeight: "120px" },
});

/** Where the table comes from: the bundled one, pasted text, or a .txt / .csv / .docx / .xlsx file. */
export function SourcePicker(props: SourcePickerProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <RadioGroup className={styles.radios} layout="horizontal" value={props.kind} onChange={(_, d) => props.onKindChange(d.value as SourceKind)} aria-label="分工表来源">
        <Radio value="bundled" label="内置分工表" />
        <Radio value="paste" label="粘贴文本" />
        <Radio value="file" label="选择文件" />
      </RadioGroup>
      {props.kind === "bundled" && <Caption1>{props.bundledName}</Caption1>}
      {props.kind === "paste" && (
        <Field label="从 Word 或 Excel 复制分工表（连同表头）后粘贴到这里">
          <Textarea className={styles.textarea} resize="vertical" value={props.pasted} onChange={(_, d) => props.onPastedChange(d.value)} placeholder="序号	牵头部门	参与部门	主要工作	工作要求	责任单位	完成时限" />
        </Field>
      )}
      {props.kind === "file" && (
        <div className={styles.file}>
          <input
            ref={input}
            type="file"
            accept=".txt,.tsv,.csv,.docx,.xlsx"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) props.onFile(file);
              e.target.value = "";
            }}
          />
          <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
            选择文件…
          </Button>
          <span className={styles.fileName}>{props.fileName ?? "支持 .txt / .csv（制表符或逗号分隔）、.docx 和 .xlsx"}</span>
        </div>
      )}
    </div>
  );
}
