import fc from "fast-check";
import { BUNDLED_REGISTRY, canonicalDepartment, joinDepartmentText, resolveDepartments } from "../../src/core";

const DEPARTMENTS = BUNDLED_REGISTRY.entries;
import { canonicalDepartmentName, departmentFileName } from "../../src/core/departmentFile";
import { SoilUserError } from "../../src/core/errors";

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

describe("names with invisible characters and parentheses (issue #14)", () => {
  test("a zero-width space or a bidi control does not make a second department that looks identical", () => {
    expect(resolveDepartments("市环境\u200B保护局").names).toEqual(["市环境保护局"]);
    expect(resolveDepartments("\u202E市水利局\u202C、市环\u200D保局\uFEFF").names).toEqual(["市水利局", "市环境保护局"]);
    expect(canonicalDepartment("市环境\u2066保护局\u2069")).toBe("市环境保护局");
    const unknown = resolveDepartments("\u202E某某局");
    expect(unknown.names).toEqual(["某某局"]);
    expect(unknown.notes[0].message).not.toMatch(/\p{Cf}/u);
  });

  test.each([
    ["各县（市、区）政府", ["各县（市、区）政府"]],
    ["各县(市、区)政府", ["各县(市、区)政府"]],
    ["各县（市、区）政府、市水利局", ["市水利局", "各县（市、区）政府"]],
    ["市水利局；各县(市，区)政府牵头", ["市水利局", "各县(市，区)政府"]],
  ])("“%s” is not split inside parentheses", (cell, names) => {
    expect([...resolveDepartments(cell).names].sort()).toEqual([...names].sort());
  });

  test("a department's file name carries no invisible character (U+202E would show it reversed)", () => {
    expect(departmentFileName("\u202E市水利局\u202C")).toBe("SOIL-市水利局.xlsx");
    expect(departmentFileName("市环境\u200B保护局\u0007")).toBe("SOIL-市环境保护局.xlsx");
  });

  test("a blank department is refused with a hint naming no body of a plan", () => {
    let error: unknown = null;
    try {
      canonicalDepartmentName("  ");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SoilUserError);
    expect(error).toMatchObject({ message: "没有指定责任单位（“  ”）", hint: "请写出责任单位的名称，例如 县环境保护局" });
  });
});
