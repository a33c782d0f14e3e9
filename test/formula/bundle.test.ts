import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** Bundles an entry (all dependencies inlined) and lists the packages it pulls in. */
async function packagesOf(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, format: "esm", platform: "neutral", mainFields: ["module", "main"], logLevel: "silent" });
  const names = Object.keys(result.metafile.inputs)
    .map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(p)?.[1])
    .filter((n): n is string => n !== undefined);
  return [...new Set(names)].sort();
}

describe("mathjs stays out of the core", () => {
  it("the core entry bundles without mathjs; dti/formula brings it", async () => {
    const core = await packagesOf("src/index.ts");
    expect(core).not.toContain("mathjs");
    // decimal.js stays out of the core too: scoring decides on BigInt rationals.
    expect(core).toEqual(["zod"]);
    expect(await packagesOf("src/formula.ts")).toContain("mathjs");
  }, 30_000);
});
