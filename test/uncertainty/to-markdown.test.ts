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
    expect(md).toMatch(/^\| trọng số \| -?\d+(,\d+)? ± \d+(,\d+)? \| -?\d+(,\d+)? ± \d+(,\d+)? \|$/mu);
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

  it("says that an Sᵢ below 0 or an STᵢ above 1 is estimator noise, in the reader's spelling", () => {
    const noisy = { ...ua, sensitivity: [{ input: "weights", first: -0.021, total: 1.034, firstMargin: 0.05, totalMargin: 0.06 }, { input: "aggregation", first: 0.4, total: 0.5, firstMargin: 0.05, totalMargin: 0.05 }] };
    const en = uncertaintyToMarkdown(noisy, { language: "en" });
    expect(en).toContain("| weights | -0.021 ± 0.05 | 1.034 ± 0.06 |");
    expect(en).toContain("Note: an Sᵢ below 0 or an STᵢ above 1 (here weights Sᵢ -0.021; weights STᵢ 1.034) is Monte Carlo noise of the estimators, not a property of the ranking");
    expect(en).toContain("four times the runs (runs: 800) halve it.");
    expect(uncertaintyToMarkdown(noisy, { language: "en", spelling: "cli" })).toContain("four times the runs (--runs 800) halve it.");
    const vi = uncertaintyToMarkdown(noisy);
    expect(vi).toContain("Ghi chú: Sᵢ dưới 0 hoặc STᵢ trên 1 (ở đây trọng số Sᵢ -0,021; trọng số STᵢ 1,034) là sai số Monte Carlo");
    // No note when every estimate is in [0, 1].
    const calm = { ...ua, sensitivity: [{ input: "weights", first: 0.3, total: 0.6, firstMargin: 0.05, totalMargin: 0.06 }] };
    expect(uncertaintyToMarkdown(calm, { language: "en" })).not.toContain("Note:");
  });
});
