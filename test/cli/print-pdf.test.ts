// `dti report --pdf`: finding a browser, and real PDFs of the 63-province and the 168-ward reports
// printed by headless Chromium and read back with pdftotext and pdfinfo (Debian's poppler-utils).
// The PDF checks run when both are installed (CI installs them: see .ci/run); otherwise they are
// reported as skipped, with the reason in their name.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_NO_BROWSER, findBrowser, printPdf } from "../../src/cli/print-pdf.ts";
import { UsageError } from "../../src/cli/usage-error.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { columnLabel, reportColumns } from "../../src/report/columns.ts";
import { printLayout } from "../../src/report/html-report/print-ranking.ts";
import { score } from "../../src/pipeline/score.ts";
import type { ScoreResult } from "../../src/pipeline/types.ts";
import { sampleResult } from "../report/helpers.ts";
import { wardCsv, wardFramework, wardRecords } from "../report/ward-sample.ts";
import { cli, FW22, SAMPLE } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "dti-pdf-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An executable file named `name` in a fresh folder (a stand-in browser that runs `script`). */
function fakeProgram(name: string, script = "#!/bin/sh\nexit 0\n"): { folder: string; path: string } {
  const folder = mkdtempSync(join(dir, "bin-"));
  const path = join(folder, name);
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return { folder, path };
}

describe("findBrowser", () => {
  it("takes --chromium first, and refuses a path that is not a program", () => {
    const fake = fakeProgram("my-chrome");
    expect(findBrowser(fake.path, { PATH: "" })).toEqual({ found: true, path: fake.path });
    expect(() => findBrowser(join(dir, "nope"), {})).toThrow(UsageError);
  });

  it("then DTI_CHROMIUM or CHROMIUM, saying so when it names no program", () => {
    const fake = fakeProgram("chrome-bin");
    expect(findBrowser(undefined, { DTI_CHROMIUM: fake.path, PATH: "" })).toEqual({ found: true, path: fake.path });
    expect(findBrowser(undefined, { CHROMIUM: fake.path, PATH: "" })).toEqual({ found: true, path: fake.path });
    const bad = findBrowser(undefined, { DTI_CHROMIUM: join(dir, "missing"), PATH: "" });
    expect(bad.found).toBe(false);
    expect(bad.found ? "" : bad.message).toContain("DTI_CHROMIUM=");
  });

  it("then chromium, google-chrome … on the PATH, in that order", () => {
    const chrome = fakeProgram("google-chrome");
    const chromium = fakeProgram("chromium");
    expect(findBrowser(undefined, { PATH: `${chrome.folder}:${chromium.folder}` }, "linux")).toEqual({ found: true, path: join(chromium.folder, "chromium") });
    expect(findBrowser(undefined, { PATH: chrome.folder }, "linux")).toEqual({ found: true, path: join(chrome.folder, "google-chrome") });
  });

  it("finds none on an empty PATH, with one line saying how to install one or print from a browser", () => {
    const none = findBrowser(undefined, { PATH: join(dir, "empty") }, "linux");
    expect(none.found).toBe(false);
    const message = none.found ? "" : none.message;
    expect(message).not.toContain("\n");
    expect(message).toContain("apt-get install chromium");
    expect(message).toContain("--chromium <path>");
    expect(message).toContain("print it from a browser");
  });
});

describe("dti report --pdf without a browser", () => {
  it("prints the one-line message and exits with its own code, before scoring", async () => {
    const saved = { PATH: process.env["PATH"], DTI_CHROMIUM: process.env["DTI_CHROMIUM"], CHROMIUM: process.env["CHROMIUM"] };
    process.env["PATH"] = join(dir, "empty");
    delete process.env["DTI_CHROMIUM"];
    delete process.env["CHROMIUM"];
    try {
      const r = await cli(["report", "no-such-file.csv", ...FW22, "--pdf", join(dir, "x.pdf")]);
      expect(r.code).toBe(EXIT_NO_BROWSER);
      expect(EXIT_NO_BROWSER).toBe(4);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^dti: --pdf needs Chromium/u);
      expect(existsSync(join(dir, "x.pdf"))).toBe(false);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it("reports a browser that fails, keeps the old file, and exits 4", async () => {
    const broken = fakeProgram("chromium", "#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n");
    const target = join(dir, "old.pdf");
    writeFileSync(target, "old");
    await expect(printPdf("<p>x</p>", target, broken.path)).rejects.toThrow(/exit code 3.*cannot open display/u);
    expect(readFileSync(target, "utf8")).toBe("old");
    const r = await cli(["report", SAMPLE, ...FW22, "--pdf", target, "--chromium", broken.path]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`dti: cannot print ${target}:`);
    // A "browser" that exits 0 without a PDF is no success either.
    const silent = fakeProgram("chromium");
    await expect(printPdf("<p>x</p>", target, silent.path)).rejects.toThrow(/wrote no PDF/u);
    expect(readFileSync(target, "utf8")).toBe("old");
  });

  it("--chromium needs --pdf", async () => {
    const r = await cli(["report", SAMPLE, ...FW22, "--chromium", "/usr/bin/chromium"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--chromium is the browser of --pdf");
  });
});

const CHROMIUM = findBrowser(undefined);
const PDFTOTEXT = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find(existsSync);
const PDFINFO = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].find(existsSync);
const missing = [
  ...(CHROMIUM.found ? [] : ["no Chromium (apt-get install chromium)"]),
  ...(PDFTOTEXT === undefined || PDFINFO === undefined ? ["no pdftotext/pdfinfo (apt-get install poppler-utils)"] : []),
];
const why = missing.length === 0 ? "" : ` — skipped: ${missing.join(", ")}`;

/** Text as compared: NFC, every run of whitespace one space. */
const fold = (text: string) => text.normalize("NFC").replace(/\s+/gu, " ").trim();

/** The PDF's pages, their sizes in points, and its text (plain and laid out). */
function readPdf(path: string) {
  const info = execFileSync(PDFINFO as string, ["-f", "1", "-l", "100000", path], { encoding: "utf8" });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gmu)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const pages = Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1]);
  const text = execFileSync(PDFTOTEXT as string, ["-enc", "UTF-8", path, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const layout = execFileSync(PDFTOTEXT as string, ["-enc", "UTF-8", "-layout", path, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  return { pages, sizes, text, layout };
}

/**
 * Checks a printed ranking: every page is A4 (either way up); each column label of the ranking is
 * in a printed header row (the line that starts "Hạng Đơn vị", nothing cut at the page's edge);
 * every unit is in the text once per printed ranking table.
 */
function checkPdf(path: string, result: ScoreResult, tables: number) {
  const { pages, sizes, text, layout } = readPdf(path);
  expect(pages).toBeGreaterThan(2);
  expect(sizes).toHaveLength(pages);
  for (const [w, h] of sizes) {
    const [short, long] = [Math.min(w, h), Math.max(w, h)];
    expect(Math.abs(short - 595.28)).toBeLessThan(1);
    expect(Math.abs(long - 841.89)).toBeLessThan(1);
  }
  expect(sizes.some(([w, h]) => w > h)).toBe(true); // the wide ranking prints landscape
  const lines = layout.split("\n").map(fold);
  const headers = lines.filter((l) => l.startsWith("Hạng Đơn vị"));
  expect(headers.length).toBeGreaterThanOrEqual(tables);
  const headerWords = new Set(headers.flatMap((l) => l.split(" ")));
  const labels = [columnLabel(result.nodes[0]!), ...reportColumns(result).map((c) => columnLabel(c))];
  const shortLabels = labels.filter((l) => !l.includes(" "));
  expect(shortLabels.length).toBeGreaterThan(8);
  for (const label of shortLabels) expect(headerWords, `column ${label} in a printed header row`).toContain(label.normalize("NFC"));
  const all = fold(text);
  for (const u of result.units) {
    const name = fold(u.unit);
    expect(all.split(name).length - 1, `${u.unit} in each printed ranking table`).toBeGreaterThanOrEqual(tables);
  }
  return { pages, sizes, text: all };
}

describe.skipIf(missing.length > 0)(`PDF of the reports through headless Chromium${why}`, () => {
  const province = join(dir, "provinces.pdf");
  const ward = join(dir, "wards.pdf");
  const wardResult = score(wardFramework, wardRecords(), { columns: { unit: "Đơn vị", group: "Cụm" } });
  let printed: { province: Awaited<ReturnType<typeof cli>>; ward: Awaited<ReturnType<typeof cli>> };

  beforeAll(async () => {
    mkdirSync(join(dir, "ward"), { recursive: true });
    writeFileSync(join(dir, "ward", "wards.csv"), wardCsv());
    writeFileSync(join(dir, "ward", "ward-index.json"), JSON.stringify(wardFramework));
    printed = {
      // With the band column the 63-province ranking is wider than a landscape page: two tables.
      province: await cli(["report", SAMPLE, ...FW22, "--bands", "egdi", "--pdf", province, "--issuer", "UBND TỈNH MẪU", "--issuer", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "--place", "Đà Nẵng", "--date", "2025-02-07", "--signer", "GIÁM ĐỐC", "--signer", "Nguyễn Văn A"]),
      ward: await cli(["report", join(dir, "ward", "wards.csv"), "--framework", join(dir, "ward", "ward-index.json"), "--unit-column", "Đơn vị", "--group-by", "Cụm", "--pdf", ward, "--out", "wards.html"]),
    };
  }, 300_000);

  it("the 63-province report: every column and every province on A4 pages, with the header block and page numbers", () => {
    expect(printed.province.code).toBe(0);
    expect(printed.province.stderr).toContain(`dti: wrote the PDF of the report of 63 units to ${province}`);
    expect(printed.province.stdout).toBe(""); // no HTML without --out
    const result = sampleResult();
    expect(printLayout(result, 1).chunks).toHaveLength(2);
    const { pages, text } = checkPdf(province, result, 2);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("Đà Nẵng, ngày 07 tháng 02 năm 2025");
    expect(text).toContain("Nguyễn Văn A");
    expect(text).toContain(`Trang 1/${pages}`);
    expect(text).toContain(`Trang ${pages}/${pages}`);
    // The appendix: each main indicator's max points and rule, under its decision.
    expect(text).toContain("Căn cứ: 922/QĐ-BTTTT ngày 20/05/2022");
    expect(text).toContain("Phụ lục: danh mục chỉ số");
    for (const n of getFramework("vn-dti-2022-province").root.children.flatMap((c) => c.children ?? [c])) expect(text).toContain(n.short ?? n.id);
  });

  it("the 168-ward report: 18 indicator columns in two tables, every ward, A4", () => {
    expect(printed.ward.code).toBe(0);
    // With --out, the HTML too.
    expect(printed.ward.stderr).toContain("dti: wrote the report of 168 units to wards.html");
    expect(printed.ward.written["wards.html"]).toContain('<div class="print-only">');
    expect(wardResult.units).toHaveLength(168);
    expect(printLayout(wardResult).chunks).toHaveLength(2);
    const { text } = checkPdf(ward, wardResult, 2);
    for (const short of ["TMĐT", "XHS", "VNeID", "TCNS", "WIFI"]) expect(text).toContain(short);
    expect(text).toContain("Tỷ lệ = a/b (a: hsdt.a; b: hsdt.b)");
  });
});
