// The CLI side by side with DuckDB (not a benchmark itself): both sides read the same CSV and
// write a CSV, each as a child process measured the same way (`measure`: /usr/bin/time wall,
// user + system CPU, peak RSS), alternating, `runs` times; then the outputs of the first run in
// which dti succeeded are compared unit by unit, streaming. A dti run that fails (exit code, out
// of memory) or runs past `timeoutMs` is reported and the benchmark goes on; it then fails at the
// end (exit code 1), as it does when the outputs differ.
import { rmSync } from "node:fs";
import { compareCsvByCode, measure, median, mib, secs } from "./lib.mjs";

const GiB = 1024 * 1024; // in KiB

/**
 * @param {object} o
 * @param {string} o.what          what is scored, for the summary line
 * @param {number} o.units         units in the CSV (their codes are DN0 … DN<units − 1>)
 * @param {number} o.runs
 * @param {number} o.timeoutMs     a dti run longer than this is killed and reported
 * @param {(out: string) => string[]} o.dtiArgs   node arguments of the dti side, writing `out`
 * @param {string} o.dtiLabel
 * @param {(out: string) => string[]} o.duckArgs  node arguments of the DuckDB side, writing `out`
 * @param {string} o.duckLabel
 * @param {{ left: string, right: string, kind: "value" | "rank" }[]} o.columns  compared columns
 * @param {{ label: string, args: (out: string) => string[], columns: { left: string, right: string, kind: "value" | "rank" }[] }} [o.same]
 *   a second DuckDB peer writing the same columns as dti (its ratio printed beside the first's;
 *   the target stays on the first), compared with dti on `columns`
 * @param {number} o.targetRatio   dti wall ≤ targetRatio × DuckDB wall
 * @param {string} o.tmpName       prefix of the output files in .tmp/ (deleted at the end)
 */
export async function cliSideBySide(o) {
  const dtiOut = `.tmp/${o.tmpName}-dti.csv`;
  const duckOut = `.tmp/${o.tmpName}-duckdb.csv`;
  const sameOut = `.tmp/${o.tmpName}-duckdb-same.csv`;
  const show = (m) =>
    m.ok
      ? `${secs(m.ms)} wall, ${secs(m.cpuMs)} CPU, peak ${mib(m.peakKiB)}`
      : `FAILED after ${secs(m.ms)}${Number.isNaN(m.cpuMs) ? "" : ` (${secs(m.cpuMs)} CPU)`}: ${m.timedOut ? `timed out (limit ${o.timeoutMs / 1000} s), killed` : `exit code ${m.code}`}${m.outOfMemory ? ", out of memory" : ""}, peak ${Number.isNaN(m.peakKiB) ? "unknown" : mib(m.peakKiB)}`;
  const dti = [];
  const duck = [];
  const same = [];
  let comparison;
  let sameComparison;
  try {
    for (let r = 0; r < o.runs; r++) {
      for (const out of [dtiOut, duckOut, sameOut]) rmSync(out, { force: true });
      // Alternate the sides so that machine load drifts affect them alike.
      duck.push(await measure(process.execPath, o.duckArgs(duckOut)));
      if (o.same !== undefined) same.push(await measure(process.execPath, o.same.args(sameOut)));
      dti.push(await measure(process.execPath, o.dtiArgs(dtiOut), { allowFailure: true, timeoutMs: o.timeoutMs }));
      console.log(`run ${r + 1}: DuckDB ${show(duck[r])}; ${o.same !== undefined ? `same columns ${show(same[r])}; ` : ""}dti ${show(dti[r])}`);
      if (!dti[r].ok) {
        const lines = dti[r].stderr.trim().split("\n");
        const said = lines.find((l) => /FATAL ERROR|out of memory|^error /u.test(l)) ?? lines.slice(-2).join(" / ");
        if (said) console.log(`    dti said: ${said.trim()}`);
      } else if (comparison === undefined) {
        comparison = await compareCsvByCode(dtiOut, duckOut, o.columns, o.units);
        if (o.same !== undefined) sameComparison = await compareCsvByCode(dtiOut, sameOut, o.same.columns, o.units);
      }
    }
  } finally {
    for (const out of [dtiOut, duckOut, sameOut]) rmSync(out, { force: true });
  }

  const ok = dti.filter((m) => m.ok);
  const duckMs = median(duck.map((m) => m.ms));
  const duckKiB = median(duck.map((m) => m.peakKiB));
  const pad = (s) => s.padEnd(26);
  console.log(`\nmedian of ${o.runs} (${o.what}; child processes, /usr/bin/time):`);
  console.log(`  ${pad(o.duckLabel)} ${secs(duckMs)} wall  ${secs(median(duck.map((m) => m.cpuMs)))} CPU  peak RSS ${mib(duckKiB)}`);
  if (o.same !== undefined) console.log(`  ${pad(o.same.label)} ${secs(median(same.map((m) => m.ms)))} wall  ${secs(median(same.map((m) => m.cpuMs)))} CPU  peak RSS ${mib(median(same.map((m) => m.peakKiB)))}`);
  let met = false;
  if (ok.length === o.runs) {
    const dtiMs = median(ok.map((m) => m.ms));
    const dtiKiB = median(ok.map((m) => m.peakKiB));
    const fast = dtiMs <= o.targetRatio * duckMs;
    const small = dtiKiB < GiB;
    met = fast && small;
    console.log(`  ${pad(o.dtiLabel)} ${secs(dtiMs)} wall  ${secs(median(ok.map((m) => m.cpuMs)))} CPU  peak RSS ${mib(dtiKiB)}`);
    console.log(`  ${pad("ratio dti / DuckDB")} ${(dtiMs / duckMs).toFixed(2)}× wall, ${(median(ok.map((m) => m.cpuMs)) / median(duck.map((m) => m.cpuMs))).toFixed(2)}× CPU; peak RSS ${(dtiKiB / duckKiB).toFixed(2)}×`);
    if (o.same !== undefined) {
      const sameMs = median(same.map((m) => m.ms));
      console.log(`  ${pad("ratio dti / same columns")} ${(dtiMs / sameMs).toFixed(2)}× wall, ${(median(ok.map((m) => m.cpuMs)) / median(same.map((m) => m.cpuMs))).toFixed(2)}× CPU; peak RSS ${(dtiKiB / median(same.map((m) => m.peakKiB))).toFixed(2)}× (no target: the target is on the line above)`);
    }
    console.log(`  targets: wall ≤ ${o.targetRatio}× DuckDB's ${fast ? "met" : "NOT met"}; peak < 1024 MiB ${small ? "met" : "NOT met"}`);
  } else {
    const failures = dti.filter((m) => !m.ok).map((m) => (m.timedOut ? "timed out" : `exit code ${m.code}${m.outOfMemory ? ", out of memory" : ""}`));
    console.log(`  ${pad(o.dtiLabel)} FAILED in ${o.runs - ok.length} of ${o.runs} runs (${failures.join("; ")})`);
    console.log(`  ${pad("ratio dti / DuckDB")} none`);
    console.log(`  targets: wall ≤ ${o.targetRatio}× DuckDB's NOT met; peak < 1024 MiB ${dti.some((m) => m.peakKiB >= GiB) ? "NOT met" : "not known"}`);
  }
  const report = (label, result, columns) => {
    const names = columns.length > 8 ? `${columns.length} columns (${columns.slice(0, 4).map((c) => c.left).join(", ")}, …)` : columns.map((c) => c.left).join(", ");
    console.log(`  ${label}: ${result?.equal === true && ok.length === o.runs ? "yes" : "no"} (${result ? `${names} of ${result.compared.toLocaleString("en")} units compared, ${result.mismatches} mismatches` : "dti wrote no output"})`);
    for (const p of result?.problems ?? []) console.log(`    ${p}`);
    return result?.equal === true && ok.length === o.runs;
  };
  let equal = report("outputs equal", comparison, o.columns);
  if (o.same !== undefined) equal = report("outputs equal, same columns", sameComparison, o.same.columns) && equal;
  if (!equal) process.exitCode = 1;
  return { equal, met };
}
