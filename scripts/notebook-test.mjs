// Executes docs/notebooks/quickstart.ipynb on a real Deno Jupyter kernel and checks its outputs:
// the ranking renders as an HTML table (63 rows), the charts as SVG, an explanation and an uncertainty
// analysis as HTML tables, with no errors.
// Needs `jupyter nbconvert` (Debian: jupyter-nbconvert, python3-jupyter-client) and a build
// (`npm run build`: the notebook imports `npm:dti`, which resolves to dist/ here). The kernelspec
// "dti-deno" is (re)installed with `deno jupyter --install --force`, pointing at the `deno` from
// node_modules (scripts/ensure-deno.mjs); the notebook itself names the usual "deno" kernel.
// nbconvert runs with a preprocessor that also collects results Deno's kernel sends after a cell's
// idle status (scripts/deno_late_outputs.py explains).
// Usage: node scripts/notebook-test.mjs            (executes into a temporary file)
//        node scripts/notebook-test.mjs --update   (also writes the executed notebook back in place,
//                                                   and its radar chart to quickstart-radar.svg)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureDeno } from "./ensure-deno.mjs";

const root = resolve(import.meta.dirname, "..");
const notebook = join(root, "docs", "notebooks", "quickstart.ipynb");
const deno = ensureDeno();
const env = { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" };
const started = Date.now();

execFileSync(deno, ["jupyter", "--install", "--name", "dti-deno", "--display", "Deno (dti)", "--force"], { env, stdio: ["ignore", "ignore", "inherit"] });
const dir = mkdtempSync(join(tmpdir(), "dti-notebook-"));
const out = join(dir, "quickstart.ipynb");
try {
  execFileSync(
    "jupyter",
    [
      "nbconvert",
      "--to", "notebook",
      // = --execute, with late outputs collected (see scripts/deno_late_outputs.py)
      "--NotebookExporter.preprocessors=deno_late_outputs.LateOutputExecutePreprocessor",
      "--ExecutePreprocessor.kernel_name=dti-deno",
      "--ExecutePreprocessor.timeout=120",
      "--output", out,
      notebook,
    ],
    { cwd: join(root, "docs", "notebooks"), env: { ...env, PYTHONPATH: join(root, "scripts"), PYTHONDONTWRITEBYTECODE: "1" }, stdio: ["ignore", "inherit", "inherit"], timeout: 300_000 },
  );
  const executed = JSON.parse(readFileSync(out, "utf8"));
  const outputs = executed.cells.filter((c) => c.cell_type === "code").flatMap((c) => c.outputs);
  const text = (o, mime) => [o.data?.[mime] ?? ""].flat().join("");
  const problems = [];
  const errors = outputs.filter((o) => o.output_type === "error" || o.name === "stderr");
  if (errors.length > 0) problems.push(`error outputs: ${JSON.stringify(errors).slice(0, 500)}`);
  const tables = outputs.map((o) => text(o, "text/html")).filter((h) => h.includes('<table class="dti-ranking">'));
  const rows = (html) => (html.match(/<tr>/gu) ?? []).length - 1;
  if (!tables.some((h) => rows(h) === 63 && h.includes("TP. Hà Nội"))) problems.push("no HTML ranking table of the 63 provinces");
  if (!tables.some((h) => rows(h) === 5 && h.includes("units</caption>"))) problems.push("no English top-5 HTML table");
  const svgs = outputs.map((o) => text(o, "image/svg+xml")).filter((s) => s.startsWith("<svg"));
  if (!svgs.some((s) => s.includes("TP. Hà Nội") && s.includes("</svg>"))) problems.push("no radar SVG of TP. Hà Nội");
  if (svgs.length < 2) problems.push(`expected the radar and the bar chart SVGs, got ${svgs.length}`);
  // Analyses render through the same protocol: explain as its table, uncertainty as its intervals.
  const analyses = outputs.map((o) => text(o, "text/html")).filter((h) => h.startsWith('<div class="dti-analysis">'));
  const explained = analyses.find((h) => h.includes("<h2>TP. Hà Nội: giải thích DTI"));
  if (explained === undefined || !/<td><strong>DTI<\/strong><\/td><td style="text-align:right"><strong>0,\d{4}<\/strong><\/td>/u.test(explained)) problems.push("no explain table of TP. Hà Nội with its DTI value");
  const ua = analyses.find((h) => h.includes("Độ bất định của xếp hạng: 200 lần chạy, seed 42"));
  if (ua === undefined || rows(ua) !== 10 || !ua.includes("Khoảng 5–95 %")) problems.push("no uncertainty table (200 runs, seed 42, ten units with 5–95 % intervals)");
  if (problems.length > 0) {
    console.error(`notebook check failed:\n- ${problems.join("\n- ")}`);
    process.exitCode = 1;
  } else {
    console.log(`notebook ok: ${outputs.length} outputs, ${tables.length} HTML tables (rows ${tables.map(rows).join(", ")}), ${svgs.length} SVG charts, ${analyses.length} analyses; ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (process.argv.includes("--update")) {
      copyFileSync(out, notebook);
      // The radar as the kernel rendered it, for the README's notebook example.
      writeFileSync(join(root, "docs", "notebooks", "quickstart-radar.svg"), svgs.find((s) => s.includes("TP. Hà Nội")));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
