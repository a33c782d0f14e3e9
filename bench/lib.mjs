// Shared helpers of the benchmarks (not a benchmark itself: the runner picks *.bench.mjs only).
import { spawn } from "node:child_process";
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { constants, loadavg } from "node:os";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { createRandom } from "../dist/analysis.js";
import { mulberry32 } from "../scripts/mulberry32.mjs";

/** The library's own seeded PRNG (xoshiro128**), so every run generates the same data. */
export const prng = createRandom;

/** A framework of `indicators` value inputs in 10 pillars (weights 1-3 inside, 1-2 across). */
export function syntheticFramework(indicators) {
  const pillars = 10;
  const per = Math.ceil(indicators / pillars);
  const children = [];
  let made = 0;
  for (let p = 0; p < pillars && made < indicators; p++) {
    const kids = [];
    for (let k = 0; k < per && made < indicators; k++, made++) {
      kids.push({ id: `i${made}`, name: { vi: `Chỉ tiêu ${made}`, en: `Indicator ${made}` }, weight: 1 + (k % 3), rule: { type: "value" } });
    }
    children.push({ id: `p${p}`, name: { vi: `Trụ cột ${p}`, en: `Pillar ${p}` }, weight: 1 + (p % 2), children: kids });
  }
  return { id: "bench-synthetic", version: "1.0.0", title: { vi: "Khảo sát doanh nghiệp (tổng hợp)", en: "Synthetic firm survey" }, root: { id: "index", name: { vi: "Chỉ số", en: "Index" }, children } };
}

/** Writes a CSV of `units` rows (unit, code, then `indicators` 4-decimal values), streaming. */
export async function writeSyntheticCsv(path, units, indicators, seed = 20251123) {
  const rnd = prng(seed);
  const out = createWriteStream(path);
  const header = ["unit", "code"];
  for (let i = 0; i < indicators; i++) header.push(`i${i}`);
  let buffer = `${header.join(",")}\n`;
  for (let u = 0; u < units; u++) {
    let line = `Doanh nghiệp ${u},DN${u}`;
    for (let i = 0; i < indicators; i++) line += `,${(Math.floor(rnd() * 10001) / 10000).toFixed(4)}`;
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((r) => out.once("drain", r));
      buffer = "";
    }
  }
  await new Promise((resolve, reject) => out.end(buffer, (e) => (e ? reject(e) : resolve())));
}

/**
 * Runs a command as a child process and measures wall time, CPU time (user + system) and peak
 * resident memory: with `/usr/bin/time -f "%e %U %S %M"` when present (elapsed, user and system
 * seconds, max RSS in KiB), else wall time only and peak memory by polling /proc/<pid>/status
 * (VmHWM). CPU time is the steadier figure on a shared machine (waiting for a core is not in it).
 * A failed command rejects, unless `allowFailure`: then it resolves with `ok: false`, its exit
 * `code` (128 + signal for a signal, as a shell says), and `outOfMemory` when V8 or the kernel
 * said so, so that a benchmark can report the failure and go on. With `timeoutMs`, a command still
 * running then is killed (its whole process group) and reported with `timedOut`.
 */
export function measure(command, args, { allowFailure = false, timeoutMs } = {}) {
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group (detached), so that a timeout ends the command with /usr/bin/time.
    const child = timeBin
      ? spawn(timeBin, ["-f", "__TIME__ %e %U %S %M", command, ...args], { stdio: ["ignore", "ignore", "pipe"], detached: timeoutMs !== undefined })
      : spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], detached: timeoutMs !== undefined });
    let timedOut = false;
    let hwm = 0;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            hwm = Math.max(hwm, peakOfTree(child.pid));
            try {
              process.kill(-child.pid, "SIGKILL");
            } catch {}
          }, timeoutMs);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const poll = timeBin
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
            if (m) hwm = Math.max(hwm, Number(m[1]));
          } catch {}
        }, 20);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      const ms = performance.now() - started;
      const m = /__TIME__ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/u.exec(stderr);
      const exitCode = code ?? 128 + (constants.signals[signal] ?? 0);
      if ((exitCode !== 0 || timedOut) && !allowFailure) return reject(new Error(`${command} ${args.join(" ")} exited ${exitCode}: ${stderr.slice(-2000)}`));
      resolve({
        ok: exitCode === 0 && !timedOut,
        code: exitCode,
        timedOut,
        outOfMemory: !timedOut && /heap out of memory|Reached heap limit|Allocation failed|Out of Memory Error|Killed|terminated by signal 9/u.test(stderr),
        ms: m ? Number(m[1]) * 1000 : ms,
        cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : NaN,
        peakKiB: m ? Number(m[4]) : hwm || NaN,
        stderr: stderr.replace(/__TIME__.*\n?/u, ""),
      });
    });
  });
}

/** The largest VmHWM (KiB) of a process and its descendants, from /proc (0 when unreadable). */
function peakOfTree(pid) {
  let peak = 0;
  try {
    const m = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    if (m) peak = Number(m[1]);
    for (const c of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/u)) if (c) peak = Math.max(peak, peakOfTree(Number(c)));
  } catch {}
  return peak;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;

/**
 * A generated input file kept in .tmp/ between runs: reused when its side file (`<path>.json`)
 * records the same parameters, the file still has the size recorded and its first line is
 * `header`; otherwise `write(partialPath)` makes it again (into `<path>.partial`, renamed when
 * complete, so an interrupted run never leaves a file that looks finished).
 */
export async function cachedFile(path, params, header, write) {
  const metaPath = `${path}.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, "utf8"));
      const size = statSync(path).size;
      if (JSON.stringify(meta.params) === JSON.stringify(params) && meta.size === size && firstLine(path) === header) {
        return { path, size, reused: true, ms: 0 };
      }
    } catch {}
  }
  mkdirSync(dirname(path), { recursive: true });
  rmSync(metaPath, { force: true });
  const t = performance.now();
  await write(`${path}.partial`);
  renameSync(`${path}.partial`, path);
  const size = statSync(path).size;
  writeFileSync(metaPath, `${JSON.stringify({ params, size, header }, null, 2)}\n`);
  return { path, size, reused: false, ms: performance.now() - t };
}

/** The first line of a file (read from its first 64 KiB). */
export function firstLine(path) {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 16);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, n).toString("utf8");
    const end = text.indexOf("\n");
    return end < 0 ? text : text.slice(0, end);
  } finally {
    closeSync(fd);
  }
}

/** Header of the synthetic CSVs: unit, code, i0 … i<n−1>. */
export const syntheticHeader = (indicators) => ["unit", "code", ...Array.from({ length: indicators }, (_, i) => `i${i}`)].join(",");

/**
 * Writes a CSV of `units` rows for min-max scoring (mulberry32, seeded): unit "Doanh nghiệp <u>",
 * code "DN<u>", then `indicators` raw values with 2 decimals, column i in [0, 10^(1 + i mod 3))
 * (as percentages, per-100 counts and larger counts mix in real data).
 */
export async function writeMinmaxCsv(path, units, indicators, seed) {
  const rnd = mulberry32(seed);
  const out = createWriteStream(path);
  let buffer = `${syntheticHeader(indicators)}\n`;
  for (let u = 0; u < units; u++) {
    let line = `Doanh nghiệp ${u},DN${u}`;
    for (let i = 0; i < indicators; i++) line += `,${(Math.floor(rnd() * 10 ** (3 + (i % 3))) / 100).toFixed(2)}`;
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((r) => out.once("drain", r));
      buffer = "";
    }
  }
  await new Promise((resolve, reject) => out.end(buffer, (e) => (e ? reject(e) : resolve())));
}

/** Formats milliseconds as seconds (≥ 1 s) or milliseconds. */
export const secs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 3 : 1)} ms`);

/** The 1-minute load average and the time, for the record of a run. */
export const loadLine = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} at ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** A published value ("0.8002", 4 decimals) as a whole number of 10^-4 (8002), or NaN for any other text. */
const scaled4 = (text) => (/^\d+\.\d{4}$/u.test(text) ? Number(text.replace(".", "")) : NaN);
/** A rank ("12") as a number, or NaN. */
const whole = (text) => (/^\d+$/u.test(text) ? Number(text) : NaN);

/**
 * Compares two CSV outputs unit by unit, streaming both (nothing but typed arrays per unit is
 * kept): `right` (DuckDB's, in any row order) is read first into Float64Arrays indexed by the
 * unit's position (its code is "DN<position>", as the generators write it), then `left` (dti's)
 * is read line by line and each of its units compared. `columns` pairs a left column with a right
 * one and says how to read them: "value" (exactly 4 decimals) or "rank" (a whole number). Units
 * missing on either side count as mismatches. Cells are split on commas: the generated names
 * and codes have none (a quote in a line is reported, not guessed at).
 */
export async function compareCsvByCode(left, right, columns, units) {
  const store = columns.map(() => new Float64Array(units).fill(NaN));
  const seenRight = new Uint8Array(units);
  const seenLeft = new Uint8Array(units);
  const problems = [];
  let mismatches = 0;
  const note = (text) => {
    mismatches++;
    if (problems.length < 5) problems.push(text);
  };
  const read = async (path, side, onRow) => {
    const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
    let header;
    let at;
    for await (const line of lines) {
      if (line === "") continue;
      if (line.includes('"')) {
        note(`${side}: a quoted line: ${line.slice(0, 80)}`);
        continue;
      }
      const cells = line.split(",");
      if (header === undefined) {
        header = cells;
        at = new Map(header.map((name, k) => [name, k]));
        continue;
      }
      const code = cells[at.get("code")];
      const m = /^DN(\d+)$/u.exec(code ?? "");
      const u = m ? Number(m[1]) : -1;
      if (!(u >= 0 && u < units)) {
        note(`${side}: unknown unit code ${code}`);
        continue;
      }
      onRow(u, (name) => cells[at.get(name)] ?? "", code);
    }
    if (header === undefined) note(`${side}: empty output`);
    else for (const [l, r] of columns.map((c) => [c.left, c.right])) if (!header.includes(side === "left" ? l : r)) note(`${side}: no column ${side === "left" ? l : r}`);
  };
  const parse = (kind, text) => (kind === "rank" ? whole(text) : scaled4(text));
  await read(right, "right", (u, cell) => {
    seenRight[u] = 1;
    columns.forEach((c, k) => (store[k][u] = parse(c.kind, cell(c.right))));
  });
  let compared = 0;
  await read(left, "left", (u, cell, code) => {
    if (seenLeft[u]) return note(`left: unit ${code} twice`);
    seenLeft[u] = 1;
    if (!seenRight[u]) return note(`unit ${code}: not in the right output`);
    compared++;
    columns.forEach((c, k) => {
      const l = parse(c.kind, cell(c.left));
      if (!(l === store[k][u])) note(`unit ${code}: ${c.left} ${cell(c.left)} against ${c.right} ${store[k][u]}${c.kind === "value" ? " (×10^-4)" : ""}`);
    });
  });
  for (let u = 0; u < units; u++) if (seenRight[u] !== seenLeft[u]) note(`unit DN${u}: in ${seenRight[u] ? "right" : "left"} output only`);
  return { equal: mismatches === 0 && compared === units, compared, mismatches, problems };
}
