import { describe, expect, it } from "vitest";
import { cli, FW22, SAMPLE } from "../helpers.ts";

describe("dti report", () => {
  it("writes the HTML report to --out, with the framework's sources", async () => {
    const r = await cli(["report", SAMPLE, ...FW22, "--out", "report.html"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("dti: wrote the report of 63 units to report.html\n");
    const html = r.written["report.html"] ?? "";
    expect(html.startsWith("<!doctype html>\n<html lang=\"vi\">")).toBe(true);
    expect(html).toContain("dẫn đầu TP. Đà Nẵng (0,8387)");
    expect(html).toContain("922/QĐ-BTTTT");
    expect(html).toContain("fixtures/provinces-63-synthetic.csv");
  });

  it("compares with --before, in English with en-US numbers", async () => {
    const r = await cli(["report", "fixtures/provinces-34-synthetic.csv", ...FW22, "--before", SAMPLE, "--before-label", "63", "--after-label", "34", "--lang", "en", "--cards", "2"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("DTI: 63 → 34");
    expect(r.stdout).toContain('<html lang="en">');
    expect(r.stdout.match(/<article class="card"/gu)).toHaveLength(2);
  });

  it("adds bands, the robustness of the ranking and levers; the same seed gives the same report", async () => {
    const args = ["report", SAMPLE, ...FW22, "--bands", "egdi", "--uncertainty-runs", "200", "--seed", "3", "--cards", "3"];
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<section id="uncertainty">');
    expect(r.stdout).toContain("200 lần mô phỏng Monte Carlo (seed 3) thay đổi: weights (10).");
    // The screen table and the first printed table (the ranking is wider than a page) each have a band column.
    expect(r.stdout.match(/<td class="band-col"><span class="band /gu)).toHaveLength(2 * 63);
    expect(r.stdout.match(/<svg class="interval"/gu)).toHaveLength(63 + 3); // section rows + cards
    expect(r.stdout).toContain("<li>Hoạt động chính quyền số (0,9209) thêm 0,1 → DTI +0,0158</li>");
    expect((await cli(args)).stdout).toBe(r.stdout);
    const wider = await cli([...args.slice(0, -2), "--uncertainty-weights", "±50%", "--levers", "0", "--lang", "en"]);
    expect(wider.stdout).toContain("200 Monte Carlo runs (seed 3) varying: weights (10).");
    expect(wider.stdout).not.toContain("Biggest levers");
  });

  it("rejects bad options with exit code 2", async () => {
    expect((await cli(["report", SAMPLE, ...FW22, "--seed", "3"])).stderr).toContain("--seed and --uncertainty-weights need --uncertainty-runs");
    expect((await cli(["report", SAMPLE, ...FW22, "--uncertainty-runs", "many"])).code).toBe(2);
    expect((await cli(["report", SAMPLE, ...FW22, "--bands", "nope"])).code).toBe(2);
    expect((await cli(["report", SAMPLE, ...FW22, "--cards", "x"])).code).toBe(2);
    expect((await cli(["report", SAMPLE, ...FW22, "--format", "pdf"])).code).toBe(2);
    const bad = await cli(["report", SAMPLE, ...FW22, "--locale", "not a locale"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--locale must be a locale");
  });

  it("adds the administrative header, the signature block, unit pages and the indicator appendix", async () => {
    const r = await cli([
      "report", SAMPLE, ...FW22, "--cards", "0", "--unit-pages",
      "--issuer", "UBND THÀNH PHỐ ĐÀ NẴNG", "--issuer", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "--doc-number", "12/BC-SKHCN",
      "--place", "Đà Nẵng", "--date", "2025-03-05", "--signer", "KT. GIÁM ĐỐC", "--signer", "PHÓ GIÁM ĐỐC", "--signer", "Nguyễn Văn A",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<div>UBND THÀNH PHỐ ĐÀ NẴNG</div><div class="body">SỞ KHOA HỌC VÀ CÔNG NGHỆ</div><div class="number">Số: 12/BC-SKHCN</div>');
    expect(r.stdout).toContain("Đà Nẵng, ngày 05 tháng 3 năm 2025");
    expect(r.stdout).toContain('<div class="position">PHÓ GIÁM ĐỐC</div><div class="space"></div><div class="name">Nguyễn Văn A</div>');
    expect(r.stdout.match(/<article class="unit-page"/gu)).toHaveLength(63);
    // The levers of every unit page (not only of the cards, here none).
    expect(r.stdout.match(/<div class="label lever">/gu)).toHaveLength(63);
    expect(r.stdout).toContain('<section id="appendix">');
    // Without the options: no header, no signature, no unit pages.
    const plain = await cli(["report", SAMPLE, ...FW22, "--cards", "0"]);
    expect(plain.stdout).not.toContain('<div class="doc-header">');
    expect(plain.stdout).not.toContain('<div class="signature">');
    expect(plain.stdout).not.toContain('<article class="unit-page"');
  });

  it("refuses a date that is not YYYY-MM-DD, or not a day of the calendar", async () => {
    for (const date of ["05/03/2025", "2024-02-30", "2023-02-29", "2025-04-31", "2025-13-01"]) {
      const r = await cli(["report", SAMPLE, ...FW22, "--date", date]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--date must be a day of the calendar, YYYY-MM-DD (got "${date}")`);
    }
    const leap = await cli(["report", SAMPLE, ...FW22, "--date", "2024-02-29", "--issuer", "UBND"]);
    expect(leap.code).toBe(0);
  }, 60_000);

  it("reports an unknown featured unit as a typed error", async () => {
    const r = await cli(["report", SAMPLE, ...FW22, "--featured", "Atlantis"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("REPORT_UNIT_UNKNOWN");
  });

  it("shows progress on a terminal only, and clears it", async () => {
    const tty = await cli(["report", SAMPLE, ...FW22, "--out", "r.html"], {}, true);
    expect(tty.stderr).toMatch(/\r\x1b\[2Kdti: \[1\/3\] reading fixtures\/provinces-63-synthetic\.csv… [\d.]+ s/u);
    expect(tty.stderr).toContain("[3/3] drawing charts for 63 units");
    expect(tty.stderr).toContain("\r\x1b[2Kdti: wrote the report");
    const pipe = await cli(["report", SAMPLE, ...FW22, "--out", "r.html"], {}, false);
    expect(pipe.stderr).not.toContain("\r");
  });
});
