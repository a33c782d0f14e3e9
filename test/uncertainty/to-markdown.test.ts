import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { uncertaintyToMarkdown } from "../../src/uncertainty/to-markdown.ts";
import { uncertainty } from "../../src/uncertainty/uncertainty.ts";

const top5 = parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8"));
const dti = getFramework("vn-dti-2022-province");

describe("uncertaintyToMarkdown", () => {
  const ua = uncertainty(dti, top5, { runs: 200, seed: 7, weights: 0.25, aggregation: ["arithmetic", "geometric"], sensitivity: "stage" });

  it("writes Vietnamese labels, input names and decimal commas by default", () => {
    const md = uncertaintyToMarkdown(ua);
    const [summary] = md.split("\n");
    expect(summary).toMatch(/^Độ bất định của xếp hạng: 200 lần chạy, seed 7, \d+ lần tính\. Yếu tố bất định: trọng số \(\d+\); phép tổng hợp \(/u);
    expect(summary).toMatch(/Dịch chuyển hạng tuyệt đối trung bình: \d+(,\d+)?\.$/u);
    expect(md).toContain("| Yếu tố | Chỉ số bậc một Sᵢ | Chỉ số toàn phần STᵢ |");
    expect(md).toMatch(/^\| trọng số \| -?\d+(,\d+)? \| -?\d+(,\d+)? \|$/mu);
    expect(md).not.toMatch(/\d\.\d/u);
    // One row per unit: nominal rank, name, median rank, interval, shift.
    expect(md.split("\n").filter((l) => /^\| \d+ \| /u.test(l))).toHaveLength(5);
  });

  it("keeps English names and decimal points in English", () => {
    const md = uncertaintyToMarkdown(ua, { language: "en" });
    expect(md.split("\n")[0]).toMatch(/^Uncertainty of the ranking: 200 runs, seed 7, .*Uncertain inputs: weights \(\d+\); aggregation \(/u);
    expect(md).toMatch(/^\| weights \| /mu);
    expect(md).not.toMatch(/\d,\d/u);
  });
});
