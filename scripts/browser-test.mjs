// Browser smoke test: serves this repository's dist/, node_modules/, fixtures/ and test/browser/
// on 127.0.0.1 (a random port), opens test/browser/index.html in headless Chromium (Debian's
// /usr/bin/chromium, or $CHROMIUM) with --dump-dom, and checks the rendered DOM: status "ok", the
// ranking table with the 63 provinces, the bar chart, the same ranking from the CSV sample through
// dist/csv.js (dti/csv, the same build as Node's), the official-shaped workbook through
// dist/xlsx.js. Needs `npm run build` first.
// Usage: node scripts/browser-test.mjs
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";

const root = resolve(import.meta.dirname, "..");
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const served = ["dist", "node_modules", "fixtures", join("test", "browser")];
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8", ".map": "application/json" };

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^[/\\]+/u, "");
  const file = resolve(root, path);
  const allowed = served.some((dir) => file.startsWith(resolve(root, dir) + sep));
  if (!allowed || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/test/browser/index.html`;
const profile = mkdtempSync(join(tmpdir(), "dti-chromium-"));
const started = Date.now();

function dumpDom() {
  return new Promise((ok, fail) => {
    const args = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage", `--user-data-dir=${profile}`,
      // Lets the page's module script, fetch and rendering finish before the DOM is dumped.
      "--virtual-time-budget=20000",
      "--dump-dom", url,
    ];
    const child = spawn(chromium, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) ok(out);
      else fail(new Error(`chromium exited with ${code}\n${err.slice(-2000)}`));
    });
  });
}

let failed = false;
try {
  const dom = await dumpDom();
  const status = /<main id="app" data-status="([a-z]+)"/u.exec(dom)?.[1];
  const rows = (dom.match(/<tr>/gu) ?? []).length - 1;
  const problems = [];
  if (status !== "ok") problems.push(`status ${status}: ${/<main[^>]*>([\s\S]{0,500})/u.exec(dom)?.[1]}`);
  if (rows !== 63) problems.push(`expected 63 table rows, found ${rows}`);
  if (!dom.includes("TP. Hà Nội") || !dom.includes('<table class="dti-ranking">')) problems.push("no ranking table with TP. Hà Nội");
  if (!/<svg[^>]*viewBox/u.test(dom)) problems.push("no bar chart SVG");
  if (!dom.includes('data-csv="63 units from CSV"')) problems.push("dti/csv did not read the 63 units");
  if (!dom.includes('data-xlsx="5 units from xlsx, 1 warning"')) problems.push("dti/xlsx did not read the 5 provinces of the workbook (with its one warning)");
  if (problems.length > 0) {
    failed = true;
    console.error(`browser smoke test failed (${url}):\n- ${problems.join("\n- ")}`);
  } else {
    console.log(`browser ok: headless Chromium rendered the ranking table (${rows} rows) and the bar chart, read the CSV sample with dti/csv and the workbook with dti/xlsx; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
