/*
 * Guards the jest.config.js moduleNameMapper shim for "office-addin-manifest": without it, importing
 * office-addin-mock on Node 20 fails with "Must use import to load ES Module".
 */
import { OfficeMockObject } from "office-addin-mock";

describe("office-addin-mock under Jest", () => {
  it("creates an OfficeMockObject whose loaded properties can be read after sync", async () => {
    const seed = {
      range: {
        address: "Sheet1!A1",
        values: [["任务"]],
      },
    };
    const context = new OfficeMockObject(seed) as unknown as {
      range: { address: string; values: unknown[][]; load: (props: string) => void };
      sync: () => Promise<void>;
    };
    context.range.load("address");
    await context.sync();
    expect(context.range.address).toBe("Sheet1!A1");
  });
});
