// The browser app's tests in a real browser: playwright-core drives Debian's /usr/bin/chromium
// (or $CHROMIUM; no browser is ever downloaded) against `dti app` (the built CLI serving dist/app
// on 127.0.0.1). Every expected value comes from the library in Node (dist/), never written here:
// the ranking of the 63-province sample, a what-if, the CSV of `dti score --format csv` (compared
// byte for byte), the report of `dti report`, the problems of a broken file, two years compared, a
// workbook read through the lazily loaded reader, offline use through the service worker, the
// first-load size, axe-core (no serious or critical violation on any page), a phone's width, the
// English toggle and the keyboard. Screenshots of each view go to docs/tutorials/images/officials/
// (the officials tutorial shows them). Needs `npm run build` first. Exits 1 on any failure.
// Usage: node scripts/app-test.mjs
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const root = resolve(import.meta.dirname, "..");
const browserPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const shots = join(root, "docs", "tutorials", "images", "officials");
mkdirSync(shots, { recursive: true });
const FIRST_LOAD_BUDGET = 200 * 1024;
const started = Date.now();

const { getFramework, score, DtiError } = await import(join(root, "dist", "index.js"));
const { parseCsv } = await import(join(root, "dist", "csv.js"));
const { whatIf, compareYears } = await import(join(root, "dist", "analysis.js"));
const fw = getFramework("vn-dti-2022-province");
const fixture = (name) => join(root, "fixtures", name);
const sampleTable = parseCsv(readFileSync(fixture("provinces-63-synthetic.csv"), "utf8"));
const sample = score(fw, sampleTable);

/** `dti …` with the built CLI: its standard output as bytes. */
function cli(args, cwd = root) {
  const run = spawnSync(process.execPath, [join(root, "dist", "cli.js"), ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`dti ${args.join(" ")} exited with ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** Starts `dti app --port 0` and resolves with its address. */
function startApp() {
  const child = spawn(process.execPath, [join(root, "dist", "cli.js"), "app", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((ok, fail) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const url = /http:\/\/127\.0\.0\.1:\d+\//u.exec(out)?.[0];
      if (url !== undefined) ok({ child, url });
    });
    child.on("exit", (code) => fail(new Error(`dti app exited with ${code} before serving`)));
  });
}

const results = [];
async function check(name, body) {
  const t0 = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ok    ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`  FAIL  ${name}: ${e instanceof Error ? e.message : e}`);
  }
}
function expect(cond, message) {
  if (!cond) throw new Error(message);
}

const { child: server, url } = await startApp();
const origin = new URL(url).origin;
const browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"] });
/** Requests anywhere but the app's own server: there must be none. */
const elsewhere = [];
const requested = [];
async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: "vi-VN", ...options });
  context.on("request", (r) => {
    requested.push(r.url());
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:") && !r.url().startsWith("blob:") && r.url() !== "about:srcdoc") elsewhere.push(r.url());
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log(`  page error: ${e.message}`));
  return { context, page };
}
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
const rows = (page) => page.locator("table.ranking tbody tr");
const upload = (page, file) => page.setInputFiles("#data-file", file);

const axeSource = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");
async function axe(page, where) {
  await page.addScriptTag({ content: axeSource });
  const { found, passed } = await page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return { found: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })), passed: r.passes.length };
  });
  // The rules ran (colour contrast, labels, landmarks …): an empty page would pass nothing.
  expect(passed >= 10, `${where}: axe passed only ${passed} rules`);
  const bad = found.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.length === 0, `${where}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes): ${v.help}`).join("; ")}`);
  return found.length;
}

let page;
let context;
try {
  ({ context, page } = await newPage({ bypassCSP: true }));
  const firstLoad = [];
  /** The files of the first load. */
  const initial = new Set();
  page.on("response", async (r) => {
    if (r.url().startsWith(origin)) firstLoad.push({ url: r.url(), body: await r.body().catch(() => Buffer.alloc(0)) });
  });

  await check("the page loads with the Vietnamese title, the privacy note and no request elsewhere", async () => {
    await page.goto(url);
    await page.waitForSelector("main#main");
    expect((await page.locator("h1").textContent()) === "Chỉ số chuyển đổi số: chấm điểm và xếp hạng", "no Vietnamese title");
    expect((await page.locator(".privacy").textContent()).includes("không rời khỏi máy này"), "no privacy note");
    await shot(page, "01-data");
  });

  await check(`the first load is under ${FIRST_LOAD_BUDGET / 1024} KB gzip and loads no workbook reader`, async () => {
    await page.waitForLoadState("networkidle");
    const scripts = firstLoad.filter((r) => !r.url.endsWith("/sw.js"));
    const gzip = scripts.reduce((n, r) => n + gzipSync(r.body, { level: 9 }).length, 0);
    console.log(`        first load: ${scripts.length} files, ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip < FIRST_LOAD_BUDGET, `${(gzip / 1024).toFixed(1)} KB gzip`);
    for (const r of scripts) initial.add(r.url);
  });
  const beforeCsv = requested.length;

  await check("the 63-province sample: 63 units, rank 1 as the library ranks it", async () => {
    await upload(page, fixture("provinces-63-synthetic.csv"));
    await page.waitForSelector("main[data-view=ranking] table.ranking");
    expect((await rows(page).count()) === 63, `${await rows(page).count()} rows`);
    const first = rows(page).first();
    const leader = sample.units.find((u) => u.rank === 1);
    expect((await first.locator("td").first().textContent()) === "1", "first row is not rank 1");
    expect((await first.locator("th").textContent()) === leader.unit, `rank 1 is ${await first.locator("th").textContent()}, the library says ${leader.unit}`);
    expect((await page.locator(".count").textContent()).includes("63"), "no count of 63 units");
    expect(requested.slice(beforeCsv).every((u) => !/chunk-/u.test(u) || initial.has(u)), "a CSV file loaded a script chunk");
    await shot(page, "02-ranking");
  });

  await check("filter by group, search, sort by keyboard", async () => {
    const group = sample.units.find((u) => u.group !== undefined).group;
    await page.selectOption("#group", group);
    const inGroup = sample.units.filter((u) => u.group === group).length;
    expect((await rows(page).count()) === inGroup, `${await rows(page).count()} rows in ${group}, the library has ${inGroup}`);
    await page.selectOption("#group", "");
    await page.fill("#search", "hà");
    const found = await rows(page).locator("th").allTextContents();
    expect(found.length > 0 && found.every((n) => n.toLowerCase().includes("hà")), `search: ${found.join(", ")}`);
    await page.fill("#search", "");
    await page.locator("thead th button").first().focus();
    await page.keyboard.press("Enter");
    expect((await rows(page).first().locator("td").first().textContent()) === String(Math.max(...sample.units.map((u) => u.rank))), "Enter on the rank header did not sort descending");
    await page.locator("thead th button").first().press("Enter");
  });

  // The tenth unit of the ranking (units come in rank order): one with a rank above it to reach.
  const target = sample.units.filter((u) => u.rank !== null && u.rank > 1)[8];
  await check("a unit's page: its value and rank, contributions, radar, the least improvement to the next rank", async () => {
    await page.locator(`table.ranking a:text-is("${target.unit}")`).click();
    await page.waitForSelector("main[data-view=unit] #unit-title");
    expect((await page.locator("#unit-title").textContent()) === target.unit, "wrong unit");
    expect((await page.locator("#unit-value").getAttribute("data-value")) === target.value, "value differs from the library's");
    expect((await page.locator("#unit-rank").getAttribute("data-rank")) === String(target.rank), "rank differs");
    expect((await page.locator("table.contributions tbody tr").count()) > 8, "no contributions");
    expect((await page.locator("figure.chart svg").count()) === 1, "no radar chart");
    await page.waitForSelector("#plan-body:not([aria-busy])", { timeout: 60_000 });
    expect((await page.locator("#plan-body li").count()) > 0, `no plan: ${await page.locator("#plan-body").textContent()}`);
    await shot(page, "03-unit");
  });

  await check("a what-if slider rescores live, as the library's whatIf", async () => {
    const slider = page.locator("#wi-awareness");
    await slider.focus();
    for (let i = 0; i < 25; i++) await page.keyboard.press("ArrowRight");
    const value = await slider.inputValue();
    const expected = whatIf(fw, sampleTable, target.unit, { awareness: value });
    await page.waitForFunction((v) => document.getElementById("whatif-result")?.dataset.value === v, expected.after.value, { timeout: 30_000 });
    expect((await page.locator("#whatif-result").getAttribute("data-rank")) === String(expected.after.rank), "rank after differs");
    expect(expected.after.value !== target.value, `the slider did not change the score (awareness ${value})`);
    console.log(`        awareness ${value}: ${target.value} → ${expected.after.value}, rank ${target.rank} → ${expected.after.rank}`);
    // To the top of the scale: a larger change, and a better rank.
    await page.keyboard.press("End");
    const top = whatIf(fw, sampleTable, target.unit, { awareness: await slider.inputValue() });
    await page.waitForFunction((v) => document.getElementById("whatif-result")?.dataset.value === v, top.after.value, { timeout: 30_000 });
    expect((await page.locator("#whatif-result").getAttribute("data-rank")) === String(top.after.rank), "rank at the top differs");
    expect(top.after.rank < target.rank, `awareness at its maximum does not move ${target.unit} up`);
    console.log(`        awareness ${await slider.inputValue()}: ${top.after.value}, rank ${top.after.rank}`);
    await page.locator("section.whatif").scrollIntoViewIfNeeded();
    await shot(page, "04-what-if");
  });

  await check("the CSV download is byte for byte `dti score --format csv`", async () => {
    await page.goto(`${url}#downloads`);
    await page.waitForSelector("#download-csv");
    await shot(page, "05-downloads");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    const got = readFileSync(await download.path());
    const want = cli(["score", fixture("provinces-63-synthetic.csv"), "--framework", "vn-dti-2022-province", "--format", "csv"]);
    expect(Buffer.compare(got, want) === 0, `CSV differs (${got.length} bytes, dti score wrote ${want.length})`);
  });

  await check("the HTML report download and the printed report are `dti report`'s", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-html")]);
    const got = readFileSync(await download.path(), "utf8");
    const want = cli(["report", "provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province"], join(root, "fixtures")).toString("utf8");
    expect(got === want, `report differs (${got.length} characters, dti report wrote ${want.length})`);
    // Printing hands the same report to the browser's print (headless Chromium prints to nothing).
    await page.click("#print");
    await page.waitForSelector("#print-frame", { state: "attached" });
    expect((await page.locator("#print-frame").getAttribute("srcdoc")) === want, "the printed report is not dti report's");
  });

  await check("the English toggle", async () => {
    await page.goto(`${url}#ranking`);
    await page.click("header button");
    await page.waitForSelector("html[lang=en]");
    expect((await page.locator("h1").textContent()) === "Digital transformation index: scoring and ranking", "not English");
    await shot(page, "06-ranking-en");
    await page.click("header button");
    await page.waitForSelector("html[lang=vi]");
  });

  await check("a file with errors: every problem listed with its row, column and unit", async () => {
    const lines = readFileSync(fixture("provinces-63-synthetic.csv"), "utf8").split("\n");
    const cells = lines[3].split(";");
    cells[4] = "abc";
    lines[3] = cells.join(";");
    const cells2 = lines[8].split(";");
    cells2[6] = "1,5";
    lines[8] = cells2.join(";");
    const broken = lines.join("\n");
    let issues = [];
    try {
      score(fw, parseCsv(broken));
    } catch (e) {
      if (!(e instanceof DtiError)) throw e;
      issues = e.issues;
    }
    expect(issues.filter((i) => i.severity === "error").length === 2, `the library found ${issues.length} problems`);
    await page.goto(`${url}#data`);
    await page.setInputFiles("#data-file", { name: "loi.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
    await page.waitForSelector("main[data-view=problems] table.problems");
    const listed = await page.locator("table.problems tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    expect(listed.length === issues.length, `${listed.length} rows listed, the library found ${issues.length}`);
    for (const i of issues) {
      expect(listed.some((r) => r[1] === String(i.row ?? "") && r[2] === (i.column ?? "") && r[3] === (i.unit ?? "") && r[4] === (i.messageVi ?? i.message)), `not listed: ${JSON.stringify(i)}`);
    }
    await shot(page, "07-problems");
  });

  await check("two years side by side, as compareYears", async () => {
    const table = parseCsv(readFileSync(fixture("provinces-63-synthetic-2years.csv"), "utf8"));
    const years = compareYears(score(fw, table), { from: 2022, to: 2023 });
    await page.goto(`${url}#data`);
    await upload(page, fixture("provinces-63-synthetic-2years.csv"));
    await page.waitForSelector("main[data-view=ranking]");
    await page.click('nav a[href="#years"]');
    await page.waitForSelector("table.years-table");
    const shown = await page.locator("table.years-table tbody tr").count();
    expect(shown === years.units.length, `${shown} rows, compareYears has ${years.units.length}`);
    const first = years.units[0];
    const row = await page.locator("table.years-table tbody tr").first().locator("th, td").allTextContents();
    expect(row[0] === first.unit && row[6] === (first.rankChange === null ? "" : first.rankChange > 0 ? `+${first.rankChange}` : String(first.rankChange)), `first row ${row.join(" | ")}`);
    await shot(page, "08-years");
  });

  await check("a framework of one's own (a criteria table, CSV and .xlsx) and its data: the CSV of `dti score`, a unit's page with its sliders", async () => {
    const args = ["score", fixture("wards-illustration-synthetic.csv"), "--framework", fixture("ward-framework-illustration.csv"), "--format", "csv"];
    const want = cli(args);
    await page.goto(`${url}#data`);
    await page.setInputFiles("#framework-file", fixture("ward-framework-illustration.csv"));
    // The data loaded before is scored again with it (the provinces' columns are not its own).
    await page.waitForSelector("main[data-view=problems]");
    await page.goto(`${url}#data`);
    expect((await page.locator("#framework option[disabled]").textContent()) !== "", "the framework loaded is not shown");
    await upload(page, fixture("wards-illustration-synthetic.csv"));
    await page.waitForSelector("main[data-view=ranking] table.ranking");
    expect((await rows(page).count()) === want.toString("utf8").trim().split("\r\n").length - 1, `${await rows(page).count()} rows`);
    await page.goto(`${url}#downloads`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    expect(Buffer.compare(readFileSync(await download.path()), want) === 0, "CSV differs from dti score's");
    await page.goto(`${url}#ranking`);
    await rows(page).nth(1).locator("a").click();
    await page.waitForSelector("section.whatif .sliders");
    expect((await page.locator("section.whatif .sliders .slider").count()) > 5, "no what-if inputs for the ward framework");
    await page.waitForSelector("#plan-body:not([aria-busy])", { timeout: 60_000 });
    // The same criteria table as an Excel workbook: the same ranking.
    const { writeWorkbook } = await import(join(root, "dist", "xlsx.js"));
    const { readCsvRows } = await import(join(root, "dist", "csv.js"));
    const sheet = readCsvRows(readFileSync(fixture("ward-framework-illustration.csv"), "utf8")).map((r) => r.cells.map((value) => ({ value })));
    await page.goto(`${url}#data`);
    await page.setInputFiles("#framework-file", { name: "tieu-chi.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(writeWorkbook([{ name: "Tiêu chí", rows: sheet }])) });
    await page.waitForSelector("main[data-view=ranking] table.ranking");
    await page.goto(`${url}#downloads`);
    const [again] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    expect(Buffer.compare(readFileSync(await again.path()), want) === 0, "with the criteria table from a workbook, the CSV differs from dti score's");
    await page.goto(`${url}#data`);
    await page.selectOption("#framework", "vn-dti-2022-province");
  });

  await check("accessibility: no serious or critical axe-core violation on any page", async () => {
    await page.goto(`${url}#data`);
    await upload(page, fixture("provinces-63-synthetic.csv"));
    await page.waitForSelector("main[data-view=ranking] table.ranking");
    let minor = 0;
    for (const view of ["data", "ranking", `unit/${encodeURIComponent(target.unit)}`, "downloads", "problems"]) {
      await page.goto(`${url}#${view}`);
      await page.waitForSelector("main#main");
      if (view.startsWith("unit")) await page.waitForSelector("#plan-body:not([aria-busy])", { timeout: 60_000 });
      minor += await axe(page, view);
    }
    const years = await newPage({ bypassCSP: true });
    await years.page.goto(url);
    await upload(years.page, fixture("provinces-63-synthetic-2years.csv"));
    await years.page.waitForSelector("main[data-view=ranking]");
    await years.page.goto(`${url}#years`);
    await years.page.waitForSelector("table.years-table");
    minor += await axe(years.page, "years");
    await years.context.close();
    console.log(`        6 pages checked; ${minor} moderate or minor findings`);
  });

  await check("a phone's width: no page wider than the screen", async () => {
    const phone = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await phone.page.goto(url);
    await upload(phone.page, fixture("provinces-63-synthetic.csv"));
    await phone.page.waitForSelector("main[data-view=ranking] table.ranking");
    for (const view of ["ranking", `unit/${encodeURIComponent(target.unit)}`, "downloads"]) {
      await phone.page.goto(`${url}#${view}`);
      await phone.page.waitForSelector("main#main");
      const wide = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(wide <= 0, `${view} is ${wide} px wider than the screen`);
    }
    await phone.page.goto(`${url}#ranking`);
    await phone.page.screenshot({ path: join(shots, "09-phone.png") });
    await phone.context.close();
  });

  await check("an Excel workbook: its reader loads only now, and scores as `dti score` does", async () => {
    const want = cli(["score", fixture("dti-2022-province-official.xlsx"), "--framework", "vn-dti-2022-province", "--format", "csv"]).toString("utf8");
    const units = want.trim().split("\r\n").length - 1;
    const before = requested.length;
    await page.goto(`${url}#data`);
    await upload(page, fixture("dti-2022-province-official.xlsx"));
    await page.waitForSelector("main[data-view=ranking] table.ranking");
    expect((await rows(page).count()) === units, `${await rows(page).count()} rows, dti score has ${units}`);
    expect(requested.slice(before).some((u) => /chunk-/u.test(u) && !initial.has(u)), "no script chunk was loaded for the workbook");
  });

  await check("offline: after one visit the app opens and reads a workbook with no network", async () => {
    const off = await newPage();
    await off.page.goto(url);
    await off.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await off.page.waitForFunction(() => navigator.serviceWorker.controller !== null || caches.keys().then((k) => k.length > 0));
    await off.context.setOffline(true);
    await off.page.reload();
    await off.page.waitForSelector("main#main");
    await upload(off.page, fixture("dti-2022-province-official.xlsx"));
    await off.page.waitForSelector("main[data-view=ranking] table.ranking", { timeout: 30_000 });
    await off.context.close();
  });

  await check("keyboard: the skip link first, every page reachable by Tab", async () => {
    await page.goto(`${url}#data`);
    await page.reload();
    await page.waitForSelector("main#main");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("skip")), "the first Tab does not reach the skip link");
    const names = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      names.push(await page.evaluate(() => document.activeElement?.getAttribute("href") ?? ""));
    }
    for (const v of ["#data", "#problems", "#ranking", "#unit", "#years", "#downloads"]) expect(names.includes(v), `Tab never reaches ${v}`);
  });

  await check("nothing was requested from anywhere but the app's server", async () => {
    expect(elsewhere.length === 0, elsewhere.join(", "));
  });
} finally {
  await browser.close();
  server.kill("SIGINT");
}

const failed = results.filter((r) => !r.ok).length;
console.log(`app browser tests: ${results.length - failed} of ${results.length} checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s (screenshots in docs/tutorials/images/officials/)`);
process.exit(failed > 0 ? 1 : 0);
