/** One Excel.run's worth of work: the context, the features of this Excel, and the batcher for its writes. */
import { OPERATION_OVERHEAD, PayloadBatcher, PAYLOAD_BUDGET } from "./payload";
import { ProgressListener, silent } from "./progress";
import { ExcelFeatures } from "./requirements";

export class WorkbookSession {
  readonly batcher: PayloadBatcher;
  /** Whether calculation was suspended for some batch (then the workbook is recalculated at the end). */
  private suspended = false;
  /** Where a long action says how far it is (set by the action's caller; silent by default). */
  progress: ProgressListener = silent;

  constructor(
    readonly context: Excel.RequestContext,
    readonly features: ExcelFeatures,
    budget: number = PAYLOAD_BUDGET,
  ) {
    this.batcher = new PayloadBatcher(context, budget, () => {
      // Lasts until the next sync only: asked again for every batch of writes.
      if (!features.suspendCalculation) return;
      context.workbook.application.suspendApiCalculationUntilNextSync();
      this.suspended = true;
    });
  }

  /**
   * Sends what is queued; when calculation was suspended, recalculates ("it is the developer's
   * responsibility to re-calc the workbook", says suspendApiCalculationUntilNextSync). That recalculates the built-in
   * formulas; SOIL's custom functions are called for the cells just written anyway (office-js #1462: calculate does
   * not call custom functions again). `last` queues
   * small operations after the recalculation in the same, final request (outside the batcher, so
   * calculation is not suspended for them).
   */
  async finish(last?: () => void): Promise<void> {
    // Calculation never suspended (ExcelApi < 1.6): the formulas computed as they were written, so `last`
    // rides in the final batch of writes instead of a request of its own.
    if (!this.suspended) {
      if (last) await this.batcher.add(OPERATION_OVERHEAD, last);
      await this.batcher.flush();
      this.suspended = false;
      return;
    }
    await this.batcher.flush();
    this.context.workbook.application.calculate("Full");
    last?.();
    await this.batcher.sync();
    this.suspended = false;
  }
}
