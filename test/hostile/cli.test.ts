import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeIO, type CliIO } from "../../src/cli/io.ts";
import { run } from "../../src/cli/run.ts";

const dir = mkdtempSync(join(tmpdir(), "dti-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process on real files (read through the real decoder); output captured. */
async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { ...nodeIO(), stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const FW = ["--framework", "vn-dti-2020-province"];
const CSV = "Tỉnh;Chính quyền số;Kinh tế số;Xã hội số\nBắc Ninh;0,4449;0,3668;0,4052\n";

describe("the CLI on hostile files: exit 0, 1 or 2 with plain messages, never a stack trace", () => {
  it("reads UTF-16 LE files with a BOM (Excel's Unicode text)", async () => {
    const path = file("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, "utf16le")]));
    const r = await cli(["score", path, ...FW, "--format", "csv"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Bắc Ninh");
    expect(r.stdout).toContain("0.4096");
  });

  it("refuses a Windows-1258 file with DATA_ENCODING (exit 1)", async () => {
    const path = file("cp1258.csv", Buffer.concat([Buffer.from("Tỉnh;Chính quyền số;Kinh tế số;Xã hội số\nB", "utf8"), Buffer.from([0xe9, 0x63]), Buffer.from(" Ninh;0,4;0,3;0,4\n")]));
    const r = await cli(["score", path, ...FW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error DATA_ENCODING row 2: .*cp1258\.csv is not UTF-8 \(invalid byte 0xe9/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  });

  it.each([
    ["empty.csv", "", "DATA_EMPTY"],
    ["bom.csv", "\uFEFF", "DATA_EMPTY"],
    ["quote.csv", 'Tỉnh;Chính quyền số\n"Bắc Ninh;0,4\n', "DATA_PARSE"],
    ["bad.json", "[{", "DATA_PARSE"],
    ["deep.json", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, "DATA_NOT_A_ROW"],
    ["proto.json", '{"__proto__":[{"Tỉnh":"x"}]}', "DATA_NOT_A_ROW"],
    ["inf.csv", "Tỉnh;Chính quyền số;Kinh tế số;Xã hội số\nA;1e309;NaN;Infinity\n", "DATA_NOT_A_NUMBER"],
  ])("%s → exit 1, %s", async (name, content, code) => {
    const r = await cli(["validate", file(name, content), ...FW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error ${code}`);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  });

  it("a framework file nested 100,000 levels is FRAMEWORK_TOO_DEEP (exit 1)", async () => {
    const n = 100_000;
    const fw = file("deep-fw.json", `{"id":"t","version":"1","title":{"vi":"T"},"root":${'{"id":"n","name":{"vi":"n"},"children":['.repeat(n)}${"]}".repeat(n)}}`);
    const r = await cli(["score", file("d.csv", CSV), "--framework", fw]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error FRAMEWORK_TOO_DEEP/u);
  });
});
