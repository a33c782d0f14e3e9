import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.ts";
import { progress } from "../../src/cli/progress.ts";

function io(isTTY: boolean | undefined) {
  let err = "";
  const value: CliIO = {
    stdout: () => undefined,
    stderr: (t) => {
      err += t;
    },
    readFile: async () => "",
    writeFile: async () => undefined,
    readStdin: async () => "",
    ...(isTTY !== undefined ? { isTTY } : {}),
  };
  return { value, err: () => err };
}

describe("progress", () => {
  it("rewrites one line with the stage and the elapsed time, then clears it", () => {
    const t = io(true);
    let now = 1000;
    const p = progress(t.value, 2, () => now);
    p.step("reading");
    now = 2500;
    p.step("scoring");
    p.done();
    expect(t.err()).toBe("\r\x1b[2Kdti: [1/2] reading… 0 s\r\x1b[2Kdti: [2/2] scoring… 1.5 s\r\x1b[2K");
  });
  it("writes nothing without a terminal", () => {
    for (const flag of [false, undefined]) {
      const t = io(flag);
      const p = progress(t.value, 2);
      p.step("reading");
      p.done();
      expect(t.err()).toBe("");
    }
  });
});
