import * as React from "react";
import { Caption1, Divider, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import {
  Day,
  importProblem,
  MAX_TABLE_BYTES,
  parseTable,
  parseTableWithOwnRegistry,
  REGISTRY_PRESETS,
  registryAdditions,
  registryPreset,
  registryWithAdditions,
  TABLE_REGISTRY_ID,
  tableOverview,
  tooLargeError,
} from "../../../core";
import type { ExcelActions, PopulateOutcome, Progress, ReimportOutcome } from "../../excel/types";
import { readSourceFile } from "../../source/readSource";
import { DiagnosticsList } from "../DiagnosticsList";
import { ErrorNotice } from "../ErrorNotice";
import { OperationProgress } from "../OperationProgress";
import { PopulatePanel } from "../PopulatePanel";
import { RegistryOption, RegistryStep } from "../RegistryStep";
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
}

/** The registries an office picks from: the presets (presets/registries/*.json) and the table's own. */
const REGISTRY_OPTIONS: readonly RegistryOption[] = [...REGISTRY_PRESETS.map((p) => ({ id: p.id, label: p.label })), { id: TABLE_REGISTRY_ID, label: "按分工表建立" }];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  waiting: { color: tokens.colorNeutralForeground3 },
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
  const [progress, setProgress] = React.useState<Progress | null>(null);

  const text = kind === "bundled" ? bundledText : kind === "paste" ? pasted : (file?.text ?? "");
  // null: the registry parseTable chooses (邯郸市2017 for a table that fits it, else the table's own).
  const [registryChoice, setRegistryChoice] = React.useState<string | null>(null);
  const [accepted, setAccepted] = React.useState<ReadonlySet<string>>(new Set());
  const read = React.useMemo(() => {
    const preset = registryChoice === null ? null : registryPreset(registryChoice);
    const base = registryChoice === TABLE_REGISTRY_ID ? parseTableWithOwnRegistry(text) : parseTable(text, preset ? { registry: preset.registry } : {});
    const registry = base.registry!;
    const additions = registryAdditions(base, registry);
    const chosen = registryChoice ?? REGISTRY_OPTIONS.find((o) => registryPreset(o.id)?.registry === registry)?.id ?? TABLE_REGISTRY_ID;
    return { base, registry, additions, chosen };
  }, [text, registryChoice]);
  // Accepted proposals re-read the table with the registry they make (the alias or split applies).
  const table = React.useMemo(
    () => (accepted.size === 0 ? read.base : parseTable(text, { registry: registryWithAdditions(read.registry, read.additions, accepted) })),
    [read, accepted, text],
  );
  React.useEffect(() => {
    setAccepted(new Set());
  }, [read]);
  const toggleProposal = (name: string) =>
    setAccepted((before) => {
      const next = new Set(before);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  const overview = React.useMemo(() => tableOverview(table), [table]);
  // The core's import gate (no table, columns missing, another plan): the preview shows why, the button stays off.
  const importable = React.useMemo(() => importProblem(table) === null, [table]);
  // Bodies the registry does not know are listed in the preview and added with the import (never a refusal).
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
        {text.trim() === "" ? (
          // Nothing pasted or chosen yet: nothing to judge (no "分工表是空的" before the user has done anything).
          <Caption1 className={styles.waiting}>{kind === "paste" ? "粘贴分工表后，这里显示预览和诊断。" : "选择文件后，这里显示预览和诊断。"}</Caption1>
        ) : (
          <>
            <TablePreview overview={overview} departments={table.departments} />
            <RegistryStep
              options={REGISTRY_OPTIONS}
              chosen={read.chosen}
              onChoose={setRegistryChoice}
              additions={read.additions}
              accepted={accepted}
              onToggleProposal={toggleProposal}
            />
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
