/** How far a long action (populate, re-import, report, export, merge) is, for the pane to say, not only spin. */
export interface Progress {
  /** 1-based step of `steps`. */
  step: number;
  steps: number;
  /** What the step does, in Chinese (写入任务清单). */
  what: string;
  /** Rows (or cells, files) done of `total` within the step, where the step counts them. */
  done?: number;
  total?: number;
}

export type ProgressListener = (progress: Progress) => void;

export const silent: ProgressListener = () => undefined;
