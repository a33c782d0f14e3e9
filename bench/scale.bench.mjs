// 1,000,000 units × 100 indicators from CSV: `dti score --stream` against a bare csv-parse pass
// over the same file, both as child processes, wall time and peak RSS (median of BENCH_RUNS runs,
// default 3). BENCH_UNITS scales the file (default 1,000,000). The file is generated once into
// .tmp/ (deterministic PRNG; the same file as stream-1m.bench.mjs) and reused while its
// parameters, size and header match; the framework goes to a temporary directory.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cachedFile, measure, median, mib, syntheticFramework, syntheticHeader, writeSyntheticCsv } from "./lib.mjs";

const units = Number(process.env.BENCH_UNITS ?? 1_000_000);
const indicators = Number(process.env.BENCH_INDICATORS ?? 100);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const seed = 20251123;
const dir = mkdtempSync(join(tmpdir(), "dti-bench-"));
try {
  const fw = join(dir, "framework.json");
  writeFileSync(fw, JSON.stringify(syntheticFramework(indicators)));
  const file = await cachedFile(`.tmp/bench-synthetic-${units}x${indicators}-s${seed}.csv`, { kind: "synthetic", units, indicators, seed }, syntheticHeader(indicators), (p) =>
    writeSyntheticCsv(p, units, indicators, seed),
  );
  const csv = file.path;
  const size = file.size;
  console.log(`${units.toLocaleString("en")} units × ${indicators} indicators: ${(size / 2 ** 20).toFixed(0)} MiB (${csv}, ${file.reused ? "reused" : `generated in ${(file.ms / 1000).toFixed(1)} s`})`);

  const bare = [];
  const dti = [];
  for (let r = 0; r < runs; r++) {
    // Alternate the two so that machine load drifts affect both alike.
    bare.push(await measure(process.execPath, ["bench/bare-parse.mjs", csv]));
    dti.push(await measure(process.execPath, ["dist/cli.js", "score", csv, "--framework", fw, "--stream", "--format", "csv", "-o", "/dev/null"]));
    const show = (m) => `${(m.ms / 1000).toFixed(1)} s wall, ${(m.cpuMs / 1000).toFixed(1)} s CPU, ${mib(m.peakKiB)}`;
    console.log(`run ${r + 1}: bare parse ${show(bare[r])}; dti score --stream ${show(dti[r])}`);
  }
  const bareMs = median(bare.map((m) => m.ms));
  const dtiMs = median(dti.map((m) => m.ms));
  const bareCpu = median(bare.map((m) => m.cpuMs));
  const dtiCpu = median(dti.map((m) => m.cpuMs));
  const bareKiB = median(bare.map((m) => m.peakKiB));
  const dtiKiB = median(dti.map((m) => m.peakKiB));
  console.log(`\nmedian of ${runs} (${units.toLocaleString("en")} units × ${indicators} indicators, ${(size / 2 ** 20).toFixed(0)} MiB CSV):`);
  console.log(`  bare csv-parse pass      ${(bareMs / 1000).toFixed(1)} s wall  ${(bareCpu / 1000).toFixed(1)} s CPU  peak RSS ${mib(bareKiB)}`);
  console.log(`  dti score --stream       ${(dtiMs / 1000).toFixed(1)} s wall  ${(dtiCpu / 1000).toFixed(1)} s CPU  peak RSS ${mib(dtiKiB)}`);
  console.log(`  ratio dti / bare parse   ${(dtiMs / bareMs).toFixed(2)}× wall, ${(dtiCpu / bareCpu).toFixed(2)}× CPU (target ≤ 1.5×); peak ${mib(dtiKiB)} (target < 1024 MiB)`);
  console.log(`  throughput               ${Math.round(units / (dtiMs / 1000)).toLocaleString("en")} units/s, ${((size / 2 ** 20) / (dtiMs / 1000)).toFixed(1)} MiB/s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
