import { SoilUserError } from "../../src/core";
import { describeError } from "../../src/taskpane/excel/errors";
import { FakeOfficeError } from "../doubles/fakeExcel";

const officeError = (code: string) => new FakeOfficeError(code, "english text from Excel");

describe("describeError: Excel's errors in plain Chinese with what to do", () => {
  test.each([
    ["ItemAlreadyExists", /同名/, /空白工作簿/],
    ["AccessDenied", /受保护/, /撤销工作表保护/],
    ["InvalidOperation", /拒绝/, /未受保护/],
    ["ApiNotFound", /不支持/, /Microsoft 365/],
    ["RequestPayloadSizeLimitExceeded", /5 MB/, /拆成几部分/],
    ["ResponsePayloadSizeLimitExceeded", /5 MB/, /桌面版/],
    ["ItemNotFound", /找不到/, /SoilTasks/],
    ["InvalidOperationInCellEditMode", /编辑状态/, /Esc/],
  ])("%s", (code, message, hint) => {
    const described = describeError(officeError(code));
    expect(described.code).toBe(code);
    expect(described.message).toMatch(message);
    expect(described.hint).toMatch(hint);
    expect(described.message).not.toContain("english");
  });

  test("an unknown code keeps the code and says to retry", () => {
    expect(describeError(officeError("SomethingNew"))).toMatchObject({ code: "SomethingNew", message: expect.stringContaining("SomethingNew"), hint: expect.stringContaining("重试") });
  });

  test("SOIL's own errors pass through with their hint", () => {
    expect(describeError(new SoilUserError("表头不对", "请恢复列顺序"))).toEqual({ message: "表头不对", hint: "请恢复列顺序" });
  });

  test("anything else is an unexpected error, still in Chinese", () => {
    expect(describeError(new TypeError("x is undefined")).message).toBe("发生意外错误：x is undefined");
  });
});
