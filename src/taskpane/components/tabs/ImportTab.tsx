import * as React from "react";
import { Divider, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { Day, importProblem, MAX_TABLE_BYTES, parseTable, tableOverview, tooLargeError } from "../../../core";
import type { ExcelActions, PopulateOutcome, ReimportOutcome } from "../../excel/types";
import { readSourceFile } from "../../source/readSource";
import { DiagnosticsList } from "../DiagnosticsList";
import { ErrorNotice } from "../ErrorNotice";
import { PopulatePanel } from "../PopulatePanel";
import { ReimportReport } from "../ReimportReport";
import { SourceKind, SourcePicker } from "../SourcePicker";
import { TablePreview } from "../TablePreview";
import { usePaneAction } from "./usePaneAction";

export interface ImportTabProps {
  /** null outside Excel: the table is previewed, nothing written. */
  actions: ExcelActions | null;
  bundledText: string;
  bundledName: string;
  today(): Day;
  /** The task table was written: "created" (the change log can start now) or re-imported; the other tabs read it again. */
  onWritten(kind: "created" | "reimported"): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** 导入: choose the table, check its preview and diagnostics, write the workbook or re-import into it. */
export function ImportTab({ actions, bundledText, bundledName, today, onWritten }: ImportTabProps): React.JSX.Element {
  const styles = useStyles();
  const action = usePaneAction<"populate" | "reimport">();
  const [kind, setKind] = React.useState<SourceKind>("bundled");
  const [pasted, setPasted] = React.useState("");
  const [file, setFile] = React.useState<{ name: string; text: string } | null>(null);
  const [populated, setPopulated] = React.useState<PopulateOutcome | null>(null);
  const [reimported, setReimported] = React.useState<ReimportOutcome | null>(null);

  const text = kind === "bundled" ? bundledText : kind === "paste" ? pasted : (file?.text ?? "");
  const table = React.useMemo(() => parseTable(text), [text]);
  const overview = React.useMemo(() => tableOverview(table), [table]);
  // The core's import gate (no table, columns missing, another plan): the preview shows why, the button stays off.
  const importable = React.useMemo(() => importProblem(table) === null, [table]);
  const ready = actions !== null && overview.requirements > 0 && importable;

  const onPopulate = async () => {
    if (!actions) return;
    setReimported(null);
    const outcome = await action.run("populate", () => actions.populate(table, today()));
    if (outcome) setPopulated(outcome);
    if (outcome?.kind === "created") onWritten("created");
  };

  const onReimport = async () => {
    if (!actions) return;
    const outcome = await action.run("reimport", () => actions.reimport(table, today()));
    if (outcome) {
      setPopulated(null);
      setReimported(outcome);
      onWritten("reimported");
    }
  };

  const onFile = async (chosen: File) => {
    // A file over the limit is refused from its size, before reading it.
    const textOfFile = await action.run(null, async () => {
      if (chosen.size > MAX_TABLE_BYTES) throw tooLargeError(chosen.size, `“${chosen.name}”`);
      return readSourceFile(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
    });
    if (textOfFile !== undefined) setFile({ name: chosen.name, text: textOfFile });
  };

  return (
    <div className={styles.root}>
      {action.error && <ErrorNotice error={action.error} onDismiss={action.dismiss} />}
      <section className={styles.section}>
        <Subtitle2 as="h2">1. 选择分工表</Subtitle2>
        <SourcePicker kind={kind} onKindChange={setKind} bundledName={bundledName} pasted={pasted} onPastedChange={setPasted} fileName={file?.name ?? null} onFile={(f) => void onFile(f)} />
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2">2. 核对预览</Subtitle2>
        <TablePreview overview={overview} departments={table.departments} />
        <DiagnosticsList diagnostics={table.diagnostics} />
      </section>
      <Divider />
      <section className={styles.section}>
        <Subtitle2 as="h2">3. 写入工作簿</Subtitle2>
        <PopulatePanel enabled={ready} busy={action.busy} outcome={populated} onPopulate={() => void onPopulate()} onReimport={() => void onReimport()} />
        {reimported && <ReimportReport report={reimported.report} notices={reimported.notices} />}
      </section>
    </div>
  );
}
