import fc from "fast-check";
import { chunkRows, estimateJsonBytes, PayloadBatcher } from "../../src/taskpane/excel/payload";

const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

describe("payload estimates and batching", () => {
  test("the estimate never undercounts the UTF-8 JSON a request carries", () => {
    fc.assert(fc.property(fc.array(fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()))), (rows) => estimateJsonBytes(rows) >= utf8(rows)));
    expect(estimateJsonBytes(["土壤"])).toBe(JSON.stringify(["土壤"]).length + 10);
  });

  test("chunks keep order, respect the budget, and hold at least one row", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ["行", i]);
    const chunks = chunkRows(rows, 100);
    expect(chunks.flat()).toEqual(rows);
    for (const chunk of chunks) expect(chunk.length === 1 || chunk.reduce((n, r) => n + estimateJsonBytes(r), 0) <= 100).toBe(true);
    expect(chunkRows([["x".repeat(500)]], 100)).toHaveLength(1);
  });

  test("the batcher syncs only when the next write would not fit", async () => {
    let syncs = 0;
    const started: number[] = [];
    const batcher = new PayloadBatcher({ sync: async () => void syncs++ }, 100, () => started.push(syncs));
    for (let i = 0; i < 10; i++) await batcher.add(30, () => undefined);
    await batcher.flush();
    expect(syncs).toBe(4);
    expect(batcher.syncs).toBe(4);
    expect(started).toEqual([0, 1, 2, 3]);
    await batcher.flush();
    expect(syncs).toBe(4);
  });
});
