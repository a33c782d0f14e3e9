import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.ts";
import { run } from "../../src/cli/run.ts";

async function cli(args: string[], files: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: async (p) => {
      const text = files[p];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: "ENOENT" });
      return text;
    },
    writeFile: async () => {},
    readStdin: async () => "",
  };
  return { code: await run(args, io), stdout, stderr };
}

const framework = JSON.stringify({
  id: "ward", version: "1", title: { vi: "Phường" },
  root: { id: "dti", name: { vi: "DTI" }, maxPoints: 100, children: [
    { id: "awareness", name: { vi: "Nhận thức số" }, maxPoints: 40, rule: { type: "points" } },
    { id: "online-share", name: { vi: "Tỷ lệ hồ sơ trực tuyến" }, maxPoints: 60, rule: { type: "value" } },
  ] },
});
const data = "Phường;Nhận thức số;Hồ sơ trực tuyến;Tổng hồ sơ\nBến Nghé;30;180;200\nĐa Kao;20;45;60\n";
const formulas = JSON.stringify([{ column: "online-share", expression: "a / b", inputs: { a: "Hồ sơ trực tuyến", b: "Tổng hồ sơ" } }]);

describe("dti score / validate --formulas", () => {
  it("adds the computed columns before scoring", async () => {
    const r = await cli(["score", "d.csv", "--framework", "fw.json", "--formulas", "f.json", "--format", "csv"], { "d.csv": data, "fw.json": framework, "f.json": formulas });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // (30 + 0.9 × 60) / 100 = 0.84; (20 + 0.75 × 60) / 100 = 0.65
    expect(r.stdout.split("\r\n").slice(1, 3).map((l) => l.split(",").slice(0, 3))).toEqual([
      ["1", "Bến Nghé", "0.8400"],
      ["2", "Đa Kao", "0.6500"],
    ]);
  });

  it("reports refused formulas and bad files with typed codes, never a crash", async () => {
    const files = { "d.csv": data, "fw.json": framework };
    const bad = await cli(["validate", "d.csv", "--framework", "fw.json", "--formulas", "f.json"], { ...files, "f.json": JSON.stringify([{ column: "online-share", expression: "a.constructor", inputs: { a: "Tổng hồ sơ" } }]) });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error FORMULA_FORBIDDEN/u);
    const notJson = await cli(["validate", "d.csv", "--framework", "fw.json", "--formulas", "f.json"], { ...files, "f.json": "{" });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^error OPTION_INVALID/u);
    const missing = await cli(["validate", "d.csv", "--framework", "fw.json", "--formulas", "nope.json"], files);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/\n\s+at /u);
  });
});
