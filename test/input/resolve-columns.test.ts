import { describe, expect, it } from "vitest";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { resolveColumns } from "../../src/input/resolve-columns.ts";
import { WARD } from "../helpers/ward-framework.ts";

describe("a header naming its input by a code in final parentheses", () => {
  it("reads 'Name (code)' as the input with that key, a ratio's two inputs too", () => {
    const plan = resolveColumns(["Đơn vị", "Hồ sơ trực tuyến: tử số (online.a)", "Hồ sơ: mẫu số ( ONLINE.B )", "Khảo sát (survey)"], defineFramework(WARD));
    expect([...plan.inputs]).toEqual([[1, "online.a"], [2, "online.b"], [3, "survey"]]);
    expect(plan.issues).toEqual([]);
  });

  it("takes only an input key as a code: a unit in parentheses or a group id stays an unknown column", () => {
    const plan = resolveColumns(["Tỉnh", "Tỷ lệ (%)", "Nền tảng (foundation)", "Nhận thức số (awareness)"], getFramework("vn-dti-2022-province"), { unknownColumns: "warn" });
    expect([...plan.inputs]).toEqual([[3, "awareness"]]);
    expect(plan.issues.map((i) => i.column)).toEqual(["Tỷ lệ (%)", "Nền tảng (foundation)"]);
  });

  it("reports two columns giving one input, by name and by code", () => {
    const plan = resolveColumns(["Tỉnh", "Nhận thức số", "NTS mới (awareness)"], getFramework("vn-dti-2022-province"));
    expect(plan.issues[0]).toMatchObject({ code: "DATA_AMBIGUOUS_COLUMN", column: "NTS mới (awareness)" });
  });
});
