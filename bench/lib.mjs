// Shared helpers of the benchmarks (not a benchmark itself: the runner picks *.bench.mjs only).
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { createRandom } from "../dist/index.js";

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
 */
export function measure(command, args) {
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = timeBin
      ? spawn(timeBin, ["-f", "__TIME__ %e %U %S %M", command, ...args], { stdio: ["ignore", "ignore", "pipe"] })
      : spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    let hwm = 0;
    const poll = timeBin
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
            if (m) hwm = Math.max(hwm, Number(m[1]));
          } catch {}
        }, 20);
    child.on("error", reject);
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      const ms = performance.now() - started;
      const m = /__TIME__ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/u.exec(stderr);
      if (code !== 0) return reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${stderr.slice(-2000)}`));
      resolve({
        ms: m ? Number(m[1]) * 1000 : ms,
        cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : NaN,
        peakKiB: m ? Number(m[4]) : hwm,
        stderr: stderr.replace(/__TIME__.*\n?/u, ""),
      });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
