import * as React from "react";
import { Caption1, Divider, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ColumnMapping, Day, importProblem, MAX_TABLE_BYTES, tableOverview, tooLargeError } from "../../../core";
import type { ColumnMappingStore } from "../../excel/columnMappingStore";
import type { ExcelActions, PopulateOutcome, Progress, ReimportOutcome } from "../../excel/types";
import { readSourceFile, TableSource } from "../../source/readSource";
import { needsMapping, needsPlanYear, useParsedTable } from "../../source/useParsedTable";
import { ColumnMappingStep } from "../ColumnMappingStep";
import { SourceOptions } from "../SourceOptions";
import { DiagnosticsList } from "../DiagnosticsList";
import { ErrorNotice } from "../ErrorNotice";
import { OperationProgress } from "../OperationProgress";
import { PopulatePanel } from "../PopulatePanel";
import { SourceKind, SourcePicker } from "../SourcePicker";
import { TablePreview } from "../TablePreview";
import { usePaneAction } from "./usePaneAction";

// Shown only after a re-import: its own chunk, not part of the first screen.
const ReimportReport = React.lazy(() => import(/* webpackChunkName: "reimport-report" */ "../ReimportReport").then((m) => ({ default: m.ReimportReport })));

export interface ImportTabProps {
  /** null outside Excel: the table is previewed, nothing written. */
  actions: ExcelActions | null;
  bundledText: string;
  bundledName: string;
  today(): Day;
  /** The task table was written: "created" (the change log can start now) or re-imported; the other tabs read it again. */
  onWritten(kind: "created" | "reimported"): void;
  /** Where the workbook keeps the column mapping a user confirmed (re-import); absent outside Excel. */
  mappingStore?: ColumnMappingStore;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  waiting: { color: tokens.colorNeutralForeground3 },
});

/** 导入: choose the table, check its preview and diagnostics, write the workbook or re-import into it. */
export function ImportTab({ actions, bundledText, bundledName, today, onWritten, mappingStore }: ImportTabProps): React.JSX.Element {
  const styles = useStyles();
  const action = usePaneAction<"populate" | "reimport">();
  const [kind, setKind] = React.useState<SourceKind>("bundled");
  const [pasted, setPasted] = React.useState("");
  const [file, setFile] = React.useState<{ name: string; source: TableSource; bytes: Uint8Array } | null>(null);
  /** The column mapping the user confirmed for the current source (the mapping step), or null. */
  const [mapping, setMapping] = React.useState<ColumnMapping | null>(null);
  /** The plan's year the user typed for deadlines written without one; null: the title's. */
  const [planYear, setPlanYear] = React.useState<number | null>(null);
  const [populated, setPopulated] = React.useState<PopulateOutcome | null>(null);
  const [reimported, setReimported] = React.useState<ReimportOutcome | null>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);

  const source = React.useMemo<TableSource>(
    () => (kind === "file" && file ? file.source : { kind: "text", text: kind === "bundled" ? bundledText : kind === "paste" ? pasted : "" }),
    [kind, file, bundledText, pasted],
  );
  React.useEffect(() => {
    setMapping(null);
    setPlanYear(null);
  }, [source]);
  const remembered = React.useMemo(() => mappingStore?.load() ?? null, [mappingStore, mapping]);
  const { table, progress: readProgress } = useParsedTable(source, mapping, planYear, remembered);
  /** Nothing pasted or chosen yet: nothing to judge. */
  const nothingChosen = source.kind === "text" && source.text.trim() === "";
  const overview = React.useMemo(() => tableOverview(table), [table]);
  // The core's import gate (no table, columns missing, another plan): the preview shows why, the button stays off.
  const importable = React.useMemo(() => importProblem(table) === null, [table]);
  const ready = actions !== null && overview.requirements > 0 && importable;

  const onPopulate = async () => {
    if (!actions) return;
    setReimported(null);
    setProgress(null);
    const outcome = await action.run("populate", () => actions.populate(table, today(), setProgress));
    if (outcome) setPopulated(outcome);
    if (outcome?.kind === "created") onWritten("created");
  };

  const onReimport = async () => {
    if (!actions) return;
    setProgress(null);
    const outcome = await action.run("reimport", () => actions.reimport(table, today(), setProgress));
    if (outcome) {
      setPopulated(null);
      setReimported(outcome);
      onWritten("reimported");
    }
  };

  const onFile = async (chosen: File) => {
    // A file over the limit is refused from its size, before reading it.
    const read = await action.run(null, async () => {
      if (chosen.size > MAX_TABLE_BYTES) throw tooLargeError(chosen.size, `“${chosen.name}”`);
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      return { bytes, source: await readSourceFile(chosen.name, bytes) };
    });
    if (read !== undefined) setFile({ name: chosen.name, ...read });
  };

  const onSheet = async (sheet: string) => {
    if (!file) return;
    const read = await action.run(null, () => readSourceFile(file.name, file.bytes, { sheet }));
    if (read !== undefined) setFile({ ...file, source: read });
  };

  const onMapping = (confirmed: ColumnMapping) => {
    setMapping(confirmed);
    void action.run(null, async () => mappingStore?.save(confirmed));
  };

  return (
    <div className={styles.root}>
      {action.error && <ErrorNotice error={action.error} onDismiss={action.dismiss} />}
      <section className={styles.section}>
        <Subtitle2 as="h2">1. 选择分工表</Subtitle2>
        <SourcePicker kind={kind} onKindChange={setKind} bundledName={bundledName} pasted={pasted} onPastedChange={setPasted} fileName={file?.name ?? null} onFile={(f) => void onFile(f)} />
        <SourceOptions
          sheetNames={source.kind === "grid" ? (source.sheetNames ?? []) : []}
          sheet={source.kind === "grid" ? (source.sheetName ?? null) : null}
          onSheetChange={(s) => void onSheet(s)}
          askYear={planYear !== null || needsPlanYear(table)}
          planYear={planYear ?? table.planYear ?? null}
          onPlanYearChange={setPlanYear}
        />
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2">2. 核对预览</Subtitle2>
        {nothingChosen ? (
          // Nothing pasted or chosen yet: nothing to judge (no "分工表是空的" before the user has done anything).
          <Caption1 className={styles.waiting}>{kind === "paste" ? "粘贴分工表后，这里显示预览和诊断。" : "选择文件后，这里显示预览和诊断。"}</Caption1>
        ) : (
          <>
            {needsMapping(table) && table.columns && <ColumnMappingStep columns={table.columns} onConfirm={onMapping} />}
            <TablePreview overview={overview} departments={table.departments} progress={readProgress} />
            <DiagnosticsList diagnostics={table.diagnostics} />
          </>
        )}
      </section>
      <Divider />
      <section className={styles.section}>
        <Subtitle2 as="h2">3. 写入工作簿</Subtitle2>
        <PopulatePanel enabled={ready} busy={action.busy} outcome={populated} onPopulate={() => void onPopulate()} onReimport={() => void onReimport()} />
        {action.busy === "populate" && <OperationProgress label="生成工作簿" progress={progress} />}
        {action.busy === "reimport" && <OperationProgress label="按编号重新导入" progress={progress} />}
        {reimported && (
          <React.Suspense fallback={null}>
            <ReimportReport report={reimported.report} notices={reimported.notices} />
          </React.Suspense>
        )}
      </section>
    </div>
  );
}
