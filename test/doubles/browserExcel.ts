/**
 * Browser entry of the Excel double for the end-to-end test: injected before the pane loads, it
 * exposes `window.__SOIL_EXCEL__` (what index.tsx looks for when Office reports no host) and the
 * workbook itself as `window.__SOIL_BOOK__` for the test's assertions.
 */
import { FakeWorkbook } from "./fakeExcel";
import { soilEvaluator } from "./soilEvaluator";

const book = new FakeWorkbook({ evaluator: soilEvaluator });
const w = window as unknown as Record<string, unknown>;
w.__SOIL_BOOK__ = book;
/** Workbooks the pane opened with Excel.createWorkbook (base64 .xlsx), for the test to read. */
const created: string[] = [];
w.__SOIL_CREATED__ = created;
w.__SOIL_EXCEL__ = {
  run: book.run,
  isSetSupported: book.isSetSupported,
  createWorkbook: async (base64: string) => {
    created.push(base64);
  },
};
