// 150,000 units through the CLI: `dti report`, `dti chart` and `dti score --format svg` exited 3
// ("internal error": Math.max(...values) overflowed the stack at about 125,000 values), and the
// report's unit cards made it quadratic. Now they draw the top and bottom 50 with a note.
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.ts";

const N = 150_000;
const csv = (() => {
  const lines = ["unit,government,economy,society"];
  for (let i = 0; i < N; i++) lines.push(`Đơn vị ${i + 1},${((i * 7919) % 10_000) / 10_000},${((i * 104_729) % 10_000) / 10_000},${((i * 31) % 10_000) / 10_000}`);
  return `${lines.join("\n")}\n`;
})();
const NOTE_VI = "hiển thị 50 đơn vị đầu và 50 đơn vị cuối trong số 150.000 đơn vị";
const run = (args: string[]) => cli([args[0] as string, "units.csv", "--framework", "vn-dti-2020-province", ...args.slice(1)], { "units.csv": csv });

describe("150,000 units through the CLI", () => {
  it("dti chart: the top and bottom 50 with the note", async () => {
    const svg = await run(["chart"]);
    expect(svg.stderr).toBe("");
    expect(svg.code).toBe(0);
    expect(svg.stdout).toContain(`⋯ ${NOTE_VI} ⋯`);
    expect(svg.stdout.match(/class="bar"/gu)).toHaveLength(100);
  }, 600_000);

  it("dti score --format svg, in English", async () => {
    const r = await run(["score", "--format", "svg", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("⋯ showing the top 50 and bottom 50 of 150,000 units ⋯");
  }, 600_000);

  it("dti report: charts and cards say what they show; the ranking table has every unit", async () => {
    const r = await run(["report", "-o", "report.html"]);
    expect(r.stderr).toBe("dti: wrote the report of 150000 units to report.html\n");
    expect(r.code).toBe(0);
    const html = r.written["report.html"] ?? "";
    expect(html).toContain(`⋯ ${NOTE_VI} ⋯`);
    expect(html).toContain(`<p class="window-note">${NOTE_VI}</p>`);
    expect(html.match(/<article class="card"/gu)).toHaveLength(100);
    expect(html).toContain(">Đơn vị 150000<");
  }, 600_000);
});
