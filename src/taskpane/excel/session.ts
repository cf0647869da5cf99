/** One Excel.run's worth of work: the context, the features of this Excel, and the batcher for its writes. */
import { PayloadBatcher, PAYLOAD_BUDGET } from "./payload";
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
  /** Whether a batch of writes ran with calculation suspended (formulas written since show nothing until finish). */
  get calculationSuspended(): boolean {
    return this.suspended;
  }

  async finish(last?: () => void): Promise<void> {
    await this.batcher.flush();
    if (!this.suspended && !last) return;
    if (this.suspended) this.context.workbook.application.calculate("Full");
    last?.();
    await this.batcher.sync();
    this.suspended = false;
  }
}
