import fc from "fast-check";
import { BUNDLED_REGISTRY, canonicalDepartment, joinDepartmentText, resolveDepartments } from "../../src/core";

const DEPARTMENTS = BUNDLED_REGISTRY.entries;

describe("department registry", () => {
  test("has no spelling claimed by two bodies", () => {
    const spellings = DEPARTMENTS.flatMap((d) => [d.name, ...d.aliases]);
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  test.each([
    ["市环保局", "市环境保护局"],
    ["市工业信息化局", "市工业和信息化局"],
    ["市发展和改革委员会", "市发展改革委"],
    ["人行邯郸市支行", "人行邯郸市中心支行"],
    ["市环 境保护局", "市环境保护局"],
    ["省环境保护厅", null],
  ])("%s → %s", (spelling, canonical) => {
    expect(canonicalDepartment(spelling)).toBe(canonical);
  });

  test("a cell becomes canonical names with role words removed and notes for every judgement", () => {
    const r = resolveDepartments("市发展改革委、 市环保局 牵头");
    expect(r.names).toEqual(["市发展改革委", "市环境保护局"]);
    expect(r.notes.map((n) => n.kind)).toEqual(["alias"]);
    expect(resolveDepartments("市林业局等").names).toEqual(["市林业局"]);
    expect(resolveDepartments("市委宣传部市教育局").notes[0].kind).toBe("split");
    expect(resolveDepartments("市环境保护局、市环保局").names).toEqual(["市环境保护局"]);
    const unknown = resolveDepartments("市 气象局牵头");
    expect(unknown.names).toEqual(["市气象局"]);
    expect(unknown.notes[0]).toMatchObject({ kind: "unknown" });
  });

  test("joining across a page break drops characters repeated at the break only when that makes a known name", () => {
    expect(joinDepartmentText("市环境保护局、市国土资源局", "源局、市农牧局")).toEqual({ text: "市环境保护局、市国土资源局、市农牧局", overlap: "源局" });
    expect(joinDepartmentText("市财政局、市农牧", "局等")).toEqual({ text: "市财政局、市农牧局等", overlap: "" });
    expect(joinDepartmentText("市财政局、", "市农牧局")).toEqual({ text: "市财政局、市农牧局", overlap: "" });
  });

  test("property: resolving never throws and never yields an empty or spaced name", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...DEPARTMENTS.map((d) => d.name), "、", " ", "牵头", "等"), fc.string({ maxLength: 4 }))), (parts) => {
        const { names } = resolveDepartments(parts.join(""));
        for (const n of names) expect(n).toMatch(/^\S+$/);
        expect(new Set(names).size).toBe(names.length);
      }),
    );
  });
});
