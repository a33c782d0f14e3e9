// Renders the HTML report in headless Chromium and checks the screenshot is a real, readable page.
// Runs when Chromium is installed (CI installs it: see .ci/run); otherwise reported as skipped.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toHTMLReport } from "../../../src/report/html-report/to-html-report.ts";
import { applyBands } from "../../../src/analysis/apply-bands.ts";
import { getBands } from "../../../src/analysis/bands.ts";
import { sampleResult } from "../helpers.ts";
import { decodePng, pixel, regionStats, type Png } from "./png.ts";

const CHROMIUM = [process.env["CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => p !== undefined && p !== "" && existsSync(p));
const WIDTH = 1200;
const HEIGHT = 1600;

describe.skipIf(CHROMIUM === undefined)("HTML report in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-shot-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function screenshot(html: string, name: string): Buffer {
    const page = join(dir, `${name}.html`);
    const png = join(dir, `${name}.png`);
    writeFileSync(page, html);
    execFileSync(
      CHROMIUM as string,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars", `--user-data-dir=${join(dir, "profile")}`,
        `--screenshot=${png}`, `--window-size=${WIDTH},${HEIGHT}`, pathToFileURL(page).href,
      ],
      { stdio: "ignore", timeout: 90_000 },
    );
    return readFileSync(png);
  }

  let png: Png;
  let one: Png;
  let banded: Png;
  beforeAll(() => {
    const result = sampleResult();
    png = decodePng(screenshot(toHTMLReport(result, { dataSource: "provinces-63-synthetic.csv" }), "sample"));
    banded = decodePng(screenshot(toHTMLReport(result, { bands: applyBands(result, getBands("egdi")) }), "banded"));
    one = decodePng(screenshot(toHTMLReport({ ...result, units: result.units.slice(0, 1), coverage: { units: 1, complete: 1, mean: 1 } }), "one"));
  }, 180_000);

  it("renders the sample report: styled header, summary figures and the bar chart", () => {
    expect([png.width, png.height]).toEqual([WIDTH, HEIGHT]);
    // The header band is the dark blue gradient (CSS applied), with white title text on it.
    const [r, g, b] = pixel(png, 10, 10);
    expect(b).toBeGreaterThan(100);
    expect(r).toBeLessThan(80);
    expect(g).toBeLessThan(90);
    expect(regionStats(png, 40, 20, 600, 50).colors).toBeGreaterThan(20);
    // The whole page is far from blank: text, cards and coloured bars.
    const page = regionStats(png, 0, 0, WIDTH, HEIGHT);
    expect(page.variance).toBeGreaterThan(500);
    expect(page.colors).toBeGreaterThan(200);
    // The lower half holds the bar chart: many inked pixels of several colours.
    const chart = regionStats(png, 0, 800, WIDTH, 700);
    expect(chart.ink).toBeGreaterThan(0.08);
    expect(chart.colors).toBeGreaterThan(50);
  });

  it("a page with one unit is much emptier than the 63-unit page (the checks can fail)", () => {
    expect([one.width, one.height]).toEqual([WIDTH, HEIGHT]);
    expect(regionStats(one, 0, 800, WIDTH, 700).ink).toBeLessThan(regionStats(png, 0, 800, WIDTH, 700).ink / 2);
  });

  it("draws the band distribution in the summary: a green bar (very high, 17 units) the plain report has not", () => {
    // The very-high segment is #4ade80; count pixels of about that colour in the summary's area.
    const green = (p: Png) => {
      let n = 0;
      for (let y = 300; y < 700; y += 2) for (let x = 0; x < WIDTH; x += 2) {
        const [r, g, b] = pixel(p, x, y);
        if (Math.abs(r - 0x4a) < 12 && Math.abs(g - 0xde) < 12 && Math.abs(b - 0x80) < 12) n++;
      }
      return n;
    };
    expect(green(png)).toBe(0);
    expect(green(banded)).toBeGreaterThan(500);
  });
});
