/**
 * Four Markdown outputs once wrote a name from the data or the framework without escaping it, so a
 * Markdown viewer turned it into HTML (a unit named `<img src=x onerror=…>` ran script). Each case
 * here is one of them, through the CLI that writes it.
 */
import { describe, expect, it } from "vitest";
import { cli } from "../cli/helpers.ts";

const TAG = "<img src=x onerror=alert(1)>";
const RAW_TAG = /<\/?(img|script)\b/iu;

/** An additive framework whose root short label and indicator names are markup. */
const framework = JSON.stringify({
  id: "hostile",
  version: "1.0.0",
  title: { vi: TAG, en: TAG },
  root: {
    id: "dti",
    name: { vi: TAG },
    short: TAG,
    children: [
      { id: "a", name: { vi: `${TAG} a` }, weight: 1, rule: { type: "value" } },
      { id: "b", name: { vi: `${TAG} b` }, weight: 1, rule: { type: "value" } },
    ],
  },
});

const data = ["unit,year,a,b", `${TAG},2023,0.2,0.3`, "Hà Nội,2023,0.6,0.6", "Huế,2023,0.5,0.5", `${TAG},2024,0.9,0.8`, "Hà Nội,2024,0.6,0.6", "Huế,2024,0.4,0.5"].join("\n");
const files = { "fw.json": framework, "data.csv": data };
const args = ["data.csv", "--framework", "fw.json", "--year-column", "year"];

describe("Markdown outputs escape names from the data", () => {
  it("dti years: the summary sentence naming the most improved units", async () => {
    const r = await cli(["years", ...args], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Tăng nhiều nhất: &lt;img src=x onerror=alert(1)&gt;");
    expect(r.stdout).not.toMatch(RAW_TAG);
  });

  it("dti explain: the heading with the index's short label", async () => {
    const r = await cli(["explain", ...args, "--unit", "Huế"], files);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("## Huế: giải thích &lt;img src=x onerror=alert(1)&gt; năm 2024");
    expect(r.stdout).not.toMatch(RAW_TAG);
  });

  it("dti whatif --to-rank / --to-score: the exact minimum naming the indicators", async () => {
    for (const goal of [["--to-rank", "1"], ["--to-score", "0.7"]]) {
      const r = await cli(["whatif", ...args, "--unit", "Huế", ...goal], files);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Tối thiểu chính xác .*&lt;img src=x onerror=alert\(1\)&gt; a/u);
      expect(r.stdout).not.toMatch(RAW_TAG);
    }
  });

  it("dti score --bands set.json: the heading with the band set's name", async () => {
    const bands = JSON.stringify({ id: "x", name: { vi: TAG, en: TAG }, note: TAG, bands: [{ id: "hi", label: { vi: TAG }, min: 0.5 }, { id: "lo", label: { vi: "thấp" } }] });
    const r = await cli(["score", ...args, "--bands", "bands.json"], { ...files, "bands.json": bands });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("### &lt;img src=x onerror=alert(1)&gt;\n");
    expect(r.stdout).not.toMatch(RAW_TAG);
  });
});
