/**
 * CLI fuzz: `run()` in-process on 500 mutated data, framework, merge and formula files (text mutations, then
 * bytes: UTF-8, UTF-16 with a BOM, or stray invalid bytes). Every run must end with exit code 0, 1
 * or 2 and print no stack trace and no "internal error".
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/cli/decode-text.ts";
import type { CliIO } from "../../src/cli/io.ts";
import { run } from "../../src/cli/run.ts";
import { mutate, prng } from "./mutate.ts";

const SEED = 5_000_003;
const CASES = 500;

const csvBase = readFileSync("fixtures/provinces-63-synthetic.csv", "utf8").split("\n").slice(0, 6).join("\n");
const jsonBase = JSON.stringify(JSON.parse(readFileSync("fixtures/provinces-63-synthetic.json", "utf8")).slice(0, 5));
const mergeBase = readFileSync("fixtures/merge-2025.csv", "utf8").split("\n").slice(0, 5).join("\n");
const frameworkBase = JSON.stringify({
  id: "ward", version: "1", title: { vi: "Phường" },
  root: { id: "dti", name: { vi: "DTI" }, children: [
    { id: "awareness", name: { vi: "Nhận thức số" }, weight: 1, rule: { type: "value" } },
    { id: "institutions", name: { vi: "Thể chế số" }, weight: 2, rule: { type: "value" } },
  ] },
});

// Replaces the awareness column by a computed one (mutations break it in every way).
const formulasBase = JSON.stringify([{ column: "awareness", expression: "min(a, b) / max(a, b, 1)", inputs: { a: "Nhận thức số", b: "Thể chế số" } }]);

function toBytes(text: string, rnd: () => number): Uint8Array {
  const r = rnd();
  if (r < 0.1) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const bytes = Buffer.from(text, "utf8");
  if (r < 0.25 && bytes.length > 0) {
    const copy = Buffer.from(bytes);
    copy[Math.floor(rnd() * copy.length)] = [0xff, 0xc3, 0x80, 0xe0, 0x00][Math.floor(rnd() * 5)] as number;
    return copy;
  }
  return bytes;
}

describe("CLI fuzz: exit 0, 1 or 2, never a stack trace", () => {
  it(`${CASES} seeded runs (seed ${SEED})`, async () => {
    const rnd = prng(SEED);
    const failures: string[] = [];
    const codes = new Map<number, number>();
    for (let i = 0; i < CASES; i++) {
      const files = new Map<string, Uint8Array>();
      const dataIsJson = rnd() < 0.4;
      const data = mutate(dataIsJson ? jsonBase : csvBase, rnd);
      files.set(dataIsJson ? "data.json" : "data.csv", toBytes(data.text, rnd));
      const ownFramework = rnd() < 0.3;
      const fw = ownFramework ? mutate(frameworkBase, rnd) : undefined;
      if (fw !== undefined) files.set("fw.json", toBytes(fw.text, rnd));
      const withFormulas = rnd() < 0.2;
      if (withFormulas) files.set("formulas.json", toBytes(mutate(formulasBase, rnd).text, rnd));
      const withMerge = rnd() < 0.15;
      if (withMerge) files.set("merge.csv", toBytes(mutate(mergeBase, rnd).text, rnd));
      const args = [
        rnd() < 0.5 ? "score" : "validate",
        dataIsJson ? "data.json" : "data.csv",
        "--framework",
        ownFramework ? "fw.json" : "vn-dti-2022-province",
        ...(rnd() < 0.5 ? ["--missing", (["zero", "reweight", "error"] as const)[Math.floor(rnd() * 3)]!] : []),
        ...(rnd() < 0.3 ? ["--unknown-columns", "warn"] : []),
        ...(rnd() < 0.3 ? ["--group-by", "Vùng"] : []),
        ...(withMerge ? ["--merge", "merge.csv"] : []),
        ...(withFormulas ? ["--formulas", "formulas.json"] : []),
      ];
      if (args[0] === "score" && rnd() < 0.5) args.push("--format", (["json", "csv", "md"] as const)[Math.floor(rnd() * 3)]!);
      let stdout = "";
      let stderr = "";
      const io: CliIO = {
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        readFile: async (p) => {
          const bytes = files.get(p);
          if (bytes === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: "ENOENT" });
          return decodeText(bytes, p);
        },
        writeFile: async () => {},
        readStdin: async () => "",
      };
      const code = await run(args, io);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      const what = `case ${i} (${args.join(" ")}; data ${data.steps.join("+")}${fw ? `; framework ${fw.steps.join("+")}` : ""})`;
      if (![0, 1, 2].includes(code)) failures.push(`${what}: exit ${code}: ${stderr.slice(0, 300)}`);
      if (/internal error|\n\s+at \S+ \(/u.test(stderr)) failures.push(`${what}: ${stderr.slice(0, 300)}`);
      if (code === 0 && stdout === "") failures.push(`${what}: exit 0 without output`);
      if (code !== 0 && stderr === "") failures.push(`${what}: exit ${code} without a message`);
    }
    expect(failures).toEqual([]);
    expect(codes.get(0) ?? 0).toBeGreaterThan(20);
    expect(codes.get(1) ?? 0).toBeGreaterThan(20);
  }, 60_000);
});
