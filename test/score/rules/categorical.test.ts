import { describe, expect, it } from "vitest";
import type { CategoricalRule } from "../../../src/framework/types.ts";
import { scoreCategorical } from "../../../src/score/rules/categorical.ts";
import { failure, scoreOf } from "./helpers.ts";

const head: CategoricalRule = {
  type: "categorical",
  categories: [
    { label: "Bí thư/Chủ tịch", aliases: ["Chủ tịch", "Bí thư"], points: 10 },
    { label: "Phó Bí thư/Phó Chủ tịch", aliases: ["Phó"], points: 5 },
    { label: "Chưa có", aliases: ["Không"], points: 0 },
  ],
};

const levels: CategoricalRule = {
  type: "categorical",
  categories: [
    { label: "Mức 4", score: 1 },
    { label: "Mức 3", score: 0.75 },
    { label: "Mức 2", score: 0.5 },
    { label: "1", score: 0.25 },
  ],
};

describe("scoreCategorical", () => {
  it("scores a label by its points over the max", () => {
    expect(scoreOf(scoreCategorical(head, 10, "Bí thư/Chủ tịch"))).toBe("1");
    expect(scoreOf(scoreCategorical(head, 10, "Phó Bí thư/Phó Chủ tịch"))).toBe("0.5");
    expect(scoreOf(scoreCategorical(head, 10, "Chưa có"))).toBe("0");
    expect(scoreOf(scoreCategorical(head, 20, "Phó Bí thư/Phó Chủ tịch"))).toBe("0.25");
  });

  it("matches aliases, case-insensitively, after NFC and with white space folded", () => {
    expect(scoreOf(scoreCategorical(head, 10, "chủ tịch"))).toBe("1");
    expect(scoreOf(scoreCategorical(head, 10, "BÍ THƯ"))).toBe("1");
    expect(scoreOf(scoreCategorical(head, 10, "phó bí thư/phó chủ tịch"))).toBe("0.5");
    expect(scoreOf(scoreCategorical(head, 10, "Phó".normalize("NFD")))).toBe("0.5");
    expect(scoreOf(scoreCategorical(head, 10, "  Phó\u00a0Bí thư/Phó   Chủ tịch "))).toBe("0.5");
    expect(scoreOf(scoreCategorical(head, 10, "không"))).toBe("0");
  });

  it("scores a category by its score directly", () => {
    expect(scoreOf(scoreCategorical(levels, undefined, "mức 3"))).toBe("0.75");
    expect(scoreOf(scoreCategorical(levels, undefined, "Mức 4"))).toBe("1");
  });

  it("matches a number input against a label as text", () => {
    expect(scoreOf(scoreCategorical(levels, undefined, 1))).toBe("0.25");
  });

  it("reports an unknown category, listing the labels", () => {
    expect(failure(scoreCategorical(head, 10, "Trưởng phòng"), "DATA_UNKNOWN_CATEGORY")).toBe(
      '"Trưởng phòng" is not one of "Bí thư/Chủ tịch", "Phó Bí thư/Phó Chủ tịch", "Chưa có"',
    );
    failure(scoreCategorical(levels, undefined, "Mức 5"), "DATA_UNKNOWN_CATEGORY");
    failure(scoreCategorical(levels, undefined, true), "DATA_UNKNOWN_CATEGORY");
  });
});
