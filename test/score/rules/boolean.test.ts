import { describe, expect, it } from "vitest";
import { scoreBoolean } from "../../../src/score/rules/boolean.ts";
import { failure, scoreOf } from "./helpers.ts";

const YES = ["true", "TRUE", "yes", "Y", "1", "có", "Có", "CÓ", "co", "x", "X", "đạt", "Đạt", "dat", "rồi", " có "];
const NO = ["false", "FALSE", "no", "N", "0", "không", "Không", "khong", "chưa", "chua", "chưa đạt", "Không  đạt"];

describe("scoreBoolean", () => {
  it("reads yes words in Vietnamese and English", () => {
    for (const word of YES) expect(scoreOf(scoreBoolean({ type: "boolean" }, word)), word).toBe("1");
    expect(scoreOf(scoreBoolean({ type: "boolean" }, "Có".normalize("NFD")))).toBe("1");
  });

  it("reads no words in Vietnamese and English", () => {
    for (const word of NO) expect(scoreOf(scoreBoolean({ type: "boolean" }, word)), word).toBe("0");
    expect(scoreOf(scoreBoolean({ type: "boolean" }, "Không".normalize("NFD")))).toBe("0");
  });

  it("reads JSON booleans and the numbers 1 and 0", () => {
    expect(scoreOf(scoreBoolean({ type: "boolean" }, true))).toBe("1");
    expect(scoreOf(scoreBoolean({ type: "boolean" }, false))).toBe("0");
    expect(scoreOf(scoreBoolean({ type: "boolean" }, 1))).toBe("1");
    expect(scoreOf(scoreBoolean({ type: "boolean" }, 0))).toBe("0");
  });

  it("direction higher (the default) scores yes 1; lower scores no 1", () => {
    expect(scoreOf(scoreBoolean({ type: "boolean", direction: "higher" }, "có"))).toBe("1");
    expect(scoreOf(scoreBoolean({ type: "boolean", direction: "lower" }, "có"))).toBe("0");
    expect(scoreOf(scoreBoolean({ type: "boolean", direction: "lower" }, "không"))).toBe("1");
    expect(scoreOf(scoreBoolean({ type: "boolean", direction: "lower" }, false))).toBe("1");
  });

  it("reports what is neither yes nor no", () => {
    expect(failure(scoreBoolean({ type: "boolean" }, "maybe"), "DATA_NOT_A_BOOLEAN")).toBe('"maybe" is not yes/no (có/không, true/false, 1/0)');
    expect(failure(scoreBoolean({ type: "boolean" }, 2), "DATA_NOT_A_BOOLEAN")).toBe("2 is not yes/no (có/không, true/false, 1/0)");
    failure(scoreBoolean({ type: "boolean" }, "0.5"), "DATA_NOT_A_BOOLEAN");
    failure(scoreBoolean({ type: "boolean" }, "có không"), "DATA_NOT_A_BOOLEAN");
    failure(scoreBoolean({ type: "boolean" }, ""), "DATA_NOT_A_BOOLEAN");
  });
});
