import { describe, expect, it } from "vitest";
import { localName } from "../../src/text/local-name.ts";

describe("localName", () => {
  it("English when asked for and present, else Vietnamese", () => {
    const name = { vi: "Nhận thức số", en: "Digital awareness" };
    expect(localName(name, "en")).toBe("Digital awareness");
    expect(localName(name, "vi")).toBe("Nhận thức số");
    expect(localName(name)).toBe("Nhận thức số");
    expect(localName({ vi: "Nhận thức số" }, "en")).toBe("Nhận thức số");
  });
});
