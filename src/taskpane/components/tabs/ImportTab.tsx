import * as React from "react";
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import {
  ColumnMapping,
  Day,
  DepartmentRegistry,
  importProblem,
  MAX_TABLE_BYTES,
  REGISTRY_PRESETS,
  RegistryAddition,
  registryAdditions,
  registryPreset,
  registryWithAdditions,
  TABLE_REGISTRY_ID,
  SoilUserError,
  tableOverview,
  tooLargeError,
} from "../../../core";
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
import { RegistryOption, RegistryStep } from "../RegistryStep";
import { TablePreview } from "../TablePreview";
import { usePaneAction } from "./usePaneAction";

// Shown only after a re-import: its own chunk, not part of the first screen.
const ReimportReport = React.lazy(() => import(/* webpackChunkName: "reimport-report" */ "../ReimportReport").then((m) => ({ default: m.ReimportReport })));

export interface ImportTabProps {
  /** null outside Excel: the table is previewed, nothing written. */
  actions: ExcelActions | null;
  /** The bundled table's text and name; null while its chunk loads. */
  bundledText: string | null;
  bundledName: string | null;
  today(): Day;
  /** The task table was written: "created" (the change log can start now) or re-imported; the other tabs read it again. */
  onWritten(kind: "created" | "reimported"): void;
  /** Where the workbook keeps the column mapping a user confirmed (re-import); absent outside Excel. */
  mappingStore?: ColumnMappingStore;
}

/** The registries an office picks from: the presets (presets/registries/*.json) and the table's own. */
const REGISTRY_OPTIONS: readonly RegistryOption[] = [...REGISTRY_PRESETS.map((p) => ({ id: p.id, label: p.label })), { id: TABLE_REGISTRY_ID, label: "按分工表建立" }];
/** The option of the registry the workbook keeps (its 单位名录 sheet, with the office's edits): the default once there is one. */
const WORKBOOK_REGISTRY_ID = "workbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  waiting: { color: tokens.colorNeutralForeground3 },
  // A plain rule rather than Fluent's Divider: one component less in the first screen's bundle.
  rule: { width: "100%", height: "1px", margin: 0, border: "none", backgroundColor: tokens.colorNeutralStroke2 },
});

/** What the re-import's report says when the workbook's 方案年份 read the table's year-less deadlines. */
function planYearNotice(year: number): string {
  return `完成时限未写年份的（如“年底前”），按本工作簿“说明”中的方案年份 ${year} 年理解；如需改用其他年份，请在上方填写方案年份后再重新导入。`;
}

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
  /** 方案年份 as the workbook held it at the last re-import (说明, the office's): the table's year unless one is typed. */
  const [workbookYear, setWorkbookYear] = React.useState<number | null>(null);
  const [populated, setPopulated] = React.useState<PopulateOutcome | null>(null);
  const [reimported, setReimported] = React.useState<ReimportOutcome | null>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);

  const source = React.useMemo<TableSource>(
    () => (kind === "file" && file ? file.source : { kind: "text", text: kind === "bundled" ? (bundledText ?? "") : kind === "paste" ? pasted : "" }),
    [kind, file, bundledText, pasted],
  );
  React.useEffect(() => {
    setMapping(null);
    setPlanYear(null);
  }, [source]);
  const remembered = React.useMemo(() => mappingStore?.load() ?? null, [mappingStore, mapping]);
  // 单位名录: null is parseTable's choice (the bundled registry, the first preset, for a table that fits it, else the table's own).
  const [registryChoice, setRegistryChoice] = React.useState<string | null>(null);
  // The workbook's own 单位名录, read when the user picks it (reading it at once would load the Excel code before the
  // first action, which the first screen does without); null: not read, none there, or outside Excel.
  const [workbookRegistry, setWorkbookRegistry] = React.useState<DepartmentRegistry | null>(null);
  const registryOptions = React.useMemo(
    () => (actions ? [{ id: WORKBOOK_REGISTRY_ID, label: "本工作簿的单位名录" }, ...REGISTRY_OPTIONS] : REGISTRY_OPTIONS),
    [actions],
  );
  const chooseRegistry = (id: string) => {
    if (id !== WORKBOOK_REGISTRY_ID || !actions) return setRegistryChoice(id);
    void action.run(null, async () => {
      const registry = await actions.readWorkbookRegistry();
      if (!registry) throw new SoilUserError("当前工作簿中还没有“单位名录”工作表", "请先生成工作簿，或选择其他单位名录。");
      setWorkbookRegistry(registry);
      setRegistryChoice(id);
    });
  };
  /** The registry before any proposal was accepted, and the bodies the import adds to it. */
  const [base, setBase] = React.useState<{ registry: DepartmentRegistry; additions: RegistryAddition[] } | null>(null);
  const [accepted, setAccepted] = React.useState<ReadonlySet<string>>(new Set());
  const chosenRegistry: DepartmentRegistry | "none" | undefined = React.useMemo(() => {
    if (accepted.size > 0 && base) return registryWithAdditions(base.registry, base.additions, accepted);
    if (registryChoice === TABLE_REGISTRY_ID) return "none";
    if (registryChoice === WORKBOOK_REGISTRY_ID) return workbookRegistry ?? undefined;
    return registryChoice === null ? undefined : registryPreset(registryChoice)?.registry;
  }, [registryChoice, accepted, base, workbookRegistry]);
  const { table, progress: readProgress, reparse } = useParsedTable(source, mapping, planYear ?? workbookYear, remembered, chosenRegistry);
  // Before any proposal is accepted, the table's own reading is the base the proposals are made against.
  const current = React.useMemo(
    () => (accepted.size > 0 || !table.registry ? null : { registry: table.registry, additions: registryAdditions(table, table.registry) }),
    [table, accepted],
  );
  React.useEffect(() => {
    if (current) setBase(current);
  }, [current]);
  React.useEffect(() => setAccepted(new Set()), [source, registryChoice]);
  const shown = current ?? base;
  const registryShown = shown?.registry ?? table.registry;
  const chosenOption = registryChoice ?? REGISTRY_OPTIONS.find((o) => registryPreset(o.id)?.registry === registryShown)?.id ?? TABLE_REGISTRY_ID;
  const toggleProposal = (name: string) =>
    setAccepted((before) => {
      const next = new Set(before);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  /** Nothing pasted or chosen yet: nothing to judge. */
  const nothingChosen = source.kind === "text" && source.text.trim() === "";
  const overview = React.useMemo(() => tableOverview(table), [table]);
  // The core's import gate (no table, columns unconfirmed, a cell over the limit): the preview shows why, the button stays off.
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
    const outcome = await action.run("reimport", async () => {
      // Deadlines written without a year are read with the workbook's 方案年份 (说明, as the office set it) unless the
      // user typed a year here; the table is read again with it when that changes a deadline.
      // Read on every re-import (the office may have changed it since), never taken for a year the user typed.
      const year = planYear === null && needsPlanYear(table) ? await actions.readPlanYear() : null;
      const done = await actions.reimport(year !== null && year !== table.planYear ? reparse(year) : table, today(), setProgress);
      if (planYear === null) setWorkbookYear(year);
      return year !== null ? { ...done, notices: [planYearNotice(year), ...done.notices] } : done;
    });
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
        <SourcePicker kind={kind} onKindChange={setKind} bundledName={bundledName ?? "内置分工表（载入中…）"} pasted={pasted} onPastedChange={setPasted} fileName={file?.name ?? null} onFile={(f) => void onFile(f)} />
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
          <Caption1 className={styles.waiting}>{kind === "paste" ? "粘贴分工表后，这里显示预览和诊断。" : kind === "bundled" ? "正在载入内置分工表…" : "选择文件后，这里显示预览和诊断。"}</Caption1>
        ) : (
          <>
            {needsMapping(table) && table.columns && <ColumnMappingStep columns={table.columns} onConfirm={onMapping} />}
            <TablePreview overview={overview} departments={table.departments} progress={readProgress} />
            {table.tasks.length > 0 && (
              <RegistryStep
                options={registryOptions}
                chosen={chosenOption}
                onChoose={chooseRegistry}
                additions={shown?.additions ?? []}
                accepted={accepted}
                onToggleProposal={toggleProposal}
              />
            )}
            <DiagnosticsList diagnostics={table.diagnostics} />
          </>
        )}
      </section>
      <hr className={styles.rule} />
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
