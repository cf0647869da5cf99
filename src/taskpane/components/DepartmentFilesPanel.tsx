import * as React from "react";
import { Button, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import type { DepartmentExport, DepartmentMergeOutcome, Progress, ProgressListener } from "../excel/types";
import { DepartmentMergeReport } from "./DepartmentMergeReport";
import { DepartmentPicker } from "./DepartmentPicker";
import { OperationProgress } from "./OperationProgress";

export interface DepartmentFilesPanelProps {
  /** Departments named in 责任单位 (the status board's list). */
  departments: readonly string[];
  /** No workbook to work on (outside Excel, or before the task sheet exists). */
  disabled: boolean;
  /** ExcelActions.exportDepartmentFile with today's date bound. */
  exportFile(department: string, onProgress: ProgressListener): Promise<DepartmentExport>;
  /** ExcelActions.mergeDepartmentFile. */
  mergeFile(bytes: Uint8Array, fileName: string, onProgress: ProgressListener): Promise<DepartmentMergeOutcome>;
  /** An action failed: the pane shows it (describeError + ErrorNotice). */
  onError(error: unknown): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface MergedFile {
  fileName: string;
  outcome: DepartmentMergeOutcome;
}

/**
 * 部门文件: export one department's rows as its own workbook, and merge the files departments return.
 * Every Excel call is one of the two actions it is given.
 */
export function DepartmentFilesPanel({ departments, disabled, exportFile, mergeFile, onError }: DepartmentFilesPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [department, setDepartment] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<"export" | "merge" | null>(null);
  const [exported, setExported] = React.useState<string | null>(null);
  const [download, setDownload] = React.useState<{ url: string; fileName: string } | null>(null);
  const [merged, setMerged] = React.useState<MergedFile[]>([]);
  const input = React.useRef<HTMLInputElement>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  /** Which file of how many is being merged. */
  const [fileOf, setFileOf] = React.useState<{ n: number; of: number; name: string } | null>(null);

  React.useEffect(() => () => {
    if (download) URL.revokeObjectURL(download.url);
  }, [download]);

  const onExport = async () => {
    if (!department) return;
    setBusy("export");
    setExported(null);
    setDownload(null);
    setProgress(null);
    try {
      const result = await exportFile(department, setProgress);
      if (result.kind === "download") {
        const blob = new Blob([result.bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
        setDownload({ url: URL.createObjectURL(blob), fileName: result.fileName });
        setExported(`${result.department}：${result.rows} 条工作要求。此版本 Excel 不能直接打开新工作簿，请下载后发给该单位。`);
      } else {
        setExported(`${result.department}：${result.rows} 条工作要求，已在新窗口中打开，请另存后发给该单位。`);
      }
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };

  const onFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setBusy("merge");
    const results: MergedFile[] = [];
    try {
      // One after another: each file is planned against the table with the files before it merged.
      for (const [i, file] of files.entries()) {
        setProgress(null);
        setFileOf({ n: i + 1, of: files.length, name: file.name });
        const bytes = new Uint8Array(await file.arrayBuffer());
        results.push({ fileName: file.name, outcome: await mergeFile(bytes, file.name, setProgress) });
      }
    } catch (error) {
      onError(error);
    } finally {
      setMerged(results);
      setBusy(null);
    }
  };

  return (
    <section className={styles.root} aria-label="部门文件">
      <Text className={styles.note}>为一个责任单位导出只含本单位工作要求的工作簿；各单位填写后交回，在这里合并。双方都改过的单元格保留办公室的值，部门的值记在“合并冲突”工作表中。</Text>
      <DepartmentPicker departments={departments} value={department} disabled={disabled || busy !== null} onChange={setDepartment} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled || busy !== null || department === null} onClick={onExport}>
          导出
        </Button>
      </div>
      {busy === "export" && <OperationProgress label={`导出 ${department ?? ""}`} progress={progress} />}
      {exported && <Text>{exported}</Text>}
      {download && (
        <Link href={download.url} download={download.fileName}>
          下载 {download.fileName}
        </Link>
      )}
      <div className={styles.row}>
        {/* The browser's own file input ("Choose Files") is hidden: a button in Chinese opens it. */}
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          multiple
          hidden
          aria-label="合并交回的文件"
          disabled={disabled || busy !== null}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = ""; // the same file can be chosen again
            void onFiles(files);
          }}
        />
        <Button icon={<DocumentArrowUpRegular />} disabled={disabled || busy !== null} onClick={() => input.current?.click()}>
          选择交回的文件合并…
        </Button>
        <Text className={styles.note}>.xlsx，可多选</Text>
      </div>
      {busy === "merge" && <OperationProgress label="合并交回的文件" progress={progress} extra={fileOf ? `文件 ${fileOf.n}/${fileOf.of}：${fileOf.name}` : undefined} />}
      {merged.map((m, i) => (
        <DepartmentMergeReport key={`${i}-${m.fileName}`} fileName={m.fileName} outcome={m.outcome} />
      ))}
    </section>
  );
}
