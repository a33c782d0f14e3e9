// The worker threads of `dti score --stream` (one reading and one scoring, or one doing both for a
// framework read twice) give the same scored batches and summary as scoring on the main thread
// (ranks, identities, issues, errors); and the CLI writes the same output with and without them.
// The workers' scripts are bundled from source with esbuild, as tsup builds dist/csv-worker.js,
// dist/read-worker.js, dist/unit-worker.js and dist/rows-worker.js (pass 2's CSV rows, every
// other segment written on a second core).
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { fileChunks } from "../../src/cli/file-chunks.ts";
import { readCsvBlocks } from "../../src/csv.ts";
import { scoreFileInWorker } from "../../src/cli/stream-in-worker.ts";
import { ROW_SEGMENT } from "../../src/cli/csv-rows.ts";
import { segmentsOf, startRowsWorker } from "../../src/cli/rows-in-worker.ts";
import { getFramework, scoreStream, type StreamOptions } from "../../src/index.ts";

const DIR = ".tmp/test-csv-worker";
const WORKERS = ["csv-worker", "read-worker", "unit-worker", "rows-worker"].map((name) => `src/cli/${name}.ts`);
const scripts = (dir: string) => ({ file: pathToFileURL(`${dir}/csv-worker.js`), read: pathToFileURL(`${dir}/read-worker.js`), units: pathToFileURL(`${dir}/unit-worker.js`) });
const SCRIPT = scripts(`${DIR}/lib`);

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  await build({ entryPoints: WORKERS, bundle: true, platform: "node", format: "esm", target: "node20", outdir: `${DIR}/lib`, packages: "external", logLevel: "error" });
  // The CLI twice: with its worker beside it, and alone (reading on the main thread).
  for (const [out, entries] of [[`${DIR}/with`, ["src/cli/main.ts", ...WORKERS]], [`${DIR}/without`, ["src/cli/main.ts"]]] as const) {
    await build({ entryPoints: [...entries], bundle: true, splitting: true, platform: "node", format: "esm", target: "node20", outdir: out, packages: "external", logLevel: "error" });
  }
  const lines = ["Đơn vị;Mã;a;b;c"];
  for (let i = 0; i < 60000; i++) {
    // Some names too long for a record to keep (pass 2 writes them from the units' strings).
    const name = i % 97 === 0 ? `"Công ty ${i}; TNHH"` : i % 1009 === 0 ? `Hợp tác xã dịch vụ nông nghiệp tổng hợp số ${i} của xã Đông Hưng` : `Đơn vị ${i}`;
    const a = i % 13 === 0 ? "" : `0,${String((i * 7919) % 10000).padStart(4, "0")}`;
    const b = i % 101 === 0 ? "NA" : `0.${String((i * 104729) % 10000).padStart(4, "0")}`;
    const c = i % 211 === 0 ? "1" : `0.${String(i % 10000).padStart(4, "0")}5`;
    lines.push(i % 503 === 0 ? `${name};DV${i};${a}` : `${name};DV${i};${a};${b};${c}`);
  }
  writeFileSync(`${DIR}/data.csv`, `\uFEFF${lines.join("\r\n")}\r\n`);
  writeFileSync(`${DIR}/good.csv`, lines.filter((l) => l.split(";").length === 5).join("\n"));
  writeFileSync(`${DIR}/bad.csv`, 'unit,a\nA,0.5\nB,"0.5\n');
  // Smaller files for comparing every batch: several batches, and (data) ragged rows and blanks.
  writeFileSync(`${DIR}/small.csv`, lines.filter((l) => l.split(";").length === 5).slice(0, 5001).join("\n"));
  writeFileSync(`${DIR}/small-data.csv`, lines.slice(0, 5001).join("\n"));
  // Header issues (a column no input has; an input no column has), logged before any row.
  writeFileSync(`${DIR}/columns.csv`, lines.slice(0, 3000).map((l, i) => (i === 0 ? "Đơn vị;Mã;a;b;ghi chú" : l)).join("\n"));
  // One cell that may be a number with a thousands separator, far into the file.
  writeFileSync(`${DIR}/grouped.csv`, `${lines.map((l, i) => (i === 45000 ? l.replace(/;[^;]*$/u, ";1.050") : l)).join("\n")}\n`);
  // Long rows (a note of 8 KB): a few dozen rows a block, so that one batch of units is read from
  // many blocks, whose memory the scoring worker gives back to the reading worker once scored.
  const note = (i: number) => `ghi chú ${i} `.repeat(1 + Math.floor(8000 / 14));
  writeFileSync(`${DIR}/long-rows.csv`, lines.slice(0, 3001).map((l, i) => (i === 0 ? `${l};ghi chú` : `${l};${note(i)}`)).join("\n"));
  // Identities the reading worker decodes and the scoring worker checks: names to clean (spaces,
  // an invisible character), repeats, a blank name, a shared code, a numeric code, quotes, years.
  const odd = ["  Xã  Một ;X1;2024", "Xã\u200bHai;X2;2024", "Xã Một;X3;2024", ";X4;2024", "Xã Ba;X1;2024", "Xã Một;X1;2025", '"Xã, Bốn";X5;2024', "Xã Năm;46;2024", "Xã Sáu;X6;20x4"];
  const plain = Array.from({ length: 30000 }, (_, i) => `Phường ${i};P${i};2024`);
  const identities = [...odd, ...plain.slice(0, 20000), ...odd.map((l) => l.replace(/;(\d+)$/u, ";2026")), ...plain.slice(20000)];
  writeFileSync(`${DIR}/identities.csv`, ["Đơn vị;Mã;Năm;a;b;c", ...identities.map((l, i) => `${l};0.${i % 10};0.5;0.25`)].join("\n"));
  // Good rows but for one repeat, which only checks across rows find: a unit's name again in
  // upper case (its key folded character by character), a code of another unit.
  const good = lines.filter((l) => l.split(";").length === 5).slice(0, 4001);
  writeFileSync(`${DIR}/repeats.csv`, [...good.slice(0, 3000), good[7]!.replace("Đơn vị", "ĐƠN VỊ").replace(";DV", ";XX"), ...good.slice(3000)].join("\n"));
  writeFileSync(`${DIR}/codes.csv`, [...good.slice(0, 3000), good[3999]!.replace("Đơn vị", "Xã").replace(/;DV\d+;/u, ";DV7;"), ...good.slice(3000)].join("\n"));
  // A unit left out by a bad cell, its name again (clean) further down: a repeat all the same.
  writeFileSync(`${DIR}/dropped.csv`, [...good.slice(0, 10), good[10]!.replace(/;[^;]*$/u, ";abc"), ...good.slice(11, 3000), good[10]!.replace(";DV", ";YY"), ...good.slice(3000)].join("\n"));
  // … and its code, used again by another unit.
  writeFileSync(`${DIR}/dropped-code.csv`, [...good.slice(0, 20), good[20]!.replace(/;[^;]*$/u, ";abc"), ...good.slice(21, 3000), good[20]!.replace("Đơn vị", "Phường"), ...good.slice(3000)].join("\n"));
  writeFileSync(`${DIR}/fw.json`, JSON.stringify({
    id: "worker-test", version: "1.0.0", title: { vi: "Thử" },
    root: { id: "idx", name: { vi: "Chỉ số" }, children: [
      { id: "a", name: { vi: "a" }, weight: 1, rule: { type: "value" } },
      { id: "b", name: { vi: "b" }, weight: 2, rule: { type: "value" } },
      { id: "c", name: { vi: "c" }, weight: 3, rule: { type: "value" } },
    ] },
  }));
}, 120_000);

describe("dti score --stream", { timeout: 120_000 }, () => {
  it("dti score --stream writes the same file with and without the worker", () => {
    const run = (variant: string) => {
      rmSync(`${DIR}/out.csv`, { force: true });
      const r = spawnSync(process.execPath, [`${DIR}/${variant}/main.js`, "score", `${DIR}/good.csv`, "--framework", `${DIR}/fw.json`, "--stream", "--missing", "zero", "-o", `${DIR}/out.csv`], { encoding: "utf8" });
      return { code: r.status, stderr: r.stderr, out: readFileSync(`${DIR}/out.csv`, "utf8") };
    };
    const withWorker = run("with");
    const without = run("without");
    expect(without.code).toBe(0);
    // More than two segments of rows (the rows worker writes the second), long names among them.
    expect(without.out.split("\n").length).toBeGreaterThan(2 * ROW_SEGMENT);
    expect(without.out).toContain("Hợp tác xã dịch vụ nông nghiệp tổng hợp số 1009 của xã Đông Hưng");
    expect(withWorker).toEqual(without);
    // Dense ranks (ties) and the output on standard output (the worker's rows written as text).
    const dense = (variant: string) => spawnSync(process.execPath, [`${DIR}/${variant}/main.js`, "score", `${DIR}/good.csv`, "--framework", `${DIR}/fw.json`, "--stream", "--missing", "zero", "--ranking", "dense"], { encoding: "utf8", maxBuffer: 1 << 28 });
    const denseWith = dense("with");
    expect(denseWith.status).toBe(0);
    expect(denseWith.stdout.split("\n").length).toBeGreaterThan(2 * ROW_SEGMENT);
    expect(denseWith.stdout).toBe(dense("without").stdout);
    // Only the index written (the workers' batches carry only it), in CSV and JSON.
    for (const format of ["csv", "json"]) {
      const depth = (variant: string) => {
        const r = spawnSync(process.execPath, [`${DIR}/${variant}/main.js`, "score", `${DIR}/good.csv`, "--framework", `${DIR}/fw.json`, "--stream", "--missing", "zero", "--depth", "0", "--format", format, "-o", `${DIR}/out.${format}`], { encoding: "utf8" });
        return { code: r.status, stderr: r.stderr, out: readFileSync(`${DIR}/out.${format}`, "utf8") };
      };
      const shallow = depth("with");
      expect(shallow.code).toBe(0);
      expect(shallow.out.length).toBeGreaterThan(100_000);
      expect(shallow).toEqual(depth("without"));
    }
    // With errors (ragged rows under "error"): the same messages, nothing written.
    const errs = (variant: string) => spawnSync(process.execPath, [`${DIR}/${variant}/main.js`, "score", `${DIR}/data.csv`, "--framework", `${DIR}/fw.json`, "--stream", "-o", `${DIR}/err.csv`], { encoding: "utf8" });
    const a = errs("with");
    const b = errs("without");
    expect(a.status).toBe(1);
    expect([a.status, a.stderr]).toEqual([b.status, b.stderr]);
    // A repeated unit or code, found once the units are scored: the file is read again, checked
    // row by row, for the messages of the thread alone.
    for (const file of ["repeats.csv", "codes.csv", "identities.csv", "dropped.csv", "dropped-code.csv"]) {
      const run = (variant: string) => spawnSync(process.execPath, [`${DIR}/${variant}/main.js`, "score", `${DIR}/${file}`, "--framework", `${DIR}/fw.json`, "--stream", "--missing", "zero", "-o", `${DIR}/err.csv`], { encoding: "utf8" });
      const once = run("with");
      expect(once.stderr).toMatch(file === "codes.csv" ? /code "DV7" is used by "Đơn vị 7"/u : file === "dropped-code.csv" ? /code "DV20" is used by "Đơn vị 20" \(row 21\) and "Phường 20"/u : /appears again/u);
      expect([once.status, once.stderr]).toEqual([1, run("without").stderr]);
    }
  });
});

describe("dti score --stream on a file that is not UTF-8", { timeout: 120_000 }, () => {
  const utf8 = (text: string) => Buffer.from(text, "utf8");
  /** The good rows with `bytes` put into the name of row `row` (after its first two letters). */
  function spoilt(rows: readonly string[], row: number, bytes: number[]): Buffer {
    const lines = rows.map((l) => utf8(`${l}\n`));
    const line = lines[row]!;
    lines[row] = Buffer.concat([line.subarray(0, 2), Buffer.from(bytes), line.subarray(2)]);
    return Buffer.concat(lines);
  }
  const small = () => readFileSync(`${DIR}/good.csv`, "utf8").split("\n").slice(0, 40);
  /** 4,500 rows with a long note: over 8 MiB, streamed without --stream. */
  const large = () => small().slice(0, 1).map((h) => `${h};ghi chú`).concat(Array.from({ length: 4500 }, (_, i) => `Xã ${i};X${i};0,5;0.25;0.${i % 10};${"x".repeat(2000)}`));
  const run = (variant: string, file: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [`${DIR}/${variant}/main.js`, "score", `${DIR}/${file}`, "--framework", `${DIR}/fw.json`, "--missing", "zero", "--format", "csv", ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
    return { code: r.status, stderr: r.stderr, stdout: r.stdout };
  };

  const SPOILT: Record<string, number[]> = { overlong: [0xc0, 0xaf], surrogate: [0xed, 0xa0, 0x80], nul: [0x00], latin1: [0xe3], replacement: [0xef, 0xbf, 0xbd] };

  it("says what the full reader says (code, row, message), with and without the workers", () => {
    const files: Record<string, Buffer> = {};
    for (const [name, bytes] of Object.entries(SPOILT)) files[name] = spoilt(small(), 25, bytes);
    files["latin1-header"] = spoilt(small(), 0, [0xe0]);
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(`${DIR}/enc-${name}.csv`, bytes);
      const full = run("with", `enc-${name}.csv`);
      expect(full.code, name).toBe(1);
      expect(full.stderr, name).toMatch(/^error DATA_ENCODING row (26|1):/u);
      for (const variant of ["with", "without"]) {
        const streamed = run(variant, `enc-${name}.csv`, "--stream");
        expect([streamed.code, streamed.stdout], `${name} ${variant}`).toEqual([1, ""]);
        expect(streamed.stderr.split("\n")[0], `${name} ${variant}`).toBe(full.stderr.split("\n")[0]);
      }
    }
  });

  it("reads UTF-16 with a byte order mark as the full reader does", () => {
    const text = small().join("\r\n");
    const le = Buffer.from(`\uFEFF${text}`, "utf16le");
    writeFileSync(`${DIR}/enc-utf16le.csv`, le);
    // Big-endian: the little-endian bytes swapped.
    writeFileSync(`${DIR}/enc-utf16be.csv`, Buffer.from(le).swap16());
    for (const file of ["enc-utf16le.csv", "enc-utf16be.csv"]) {
      const full = run("with", file);
      expect(full.code, full.stderr).toBe(0);
      expect(full.stdout.split("\n").length).toBeGreaterThan(30);
      for (const variant of ["with", "without"]) expect(run(variant, file, "--stream"), `${file} ${variant}`).toEqual(full);
    }
  });

  it("leaves a large file not asked to stream to the full reader: its error, exactly", () => {
    const good = large();
    for (const name of ["latin1", "nul"]) {
      writeFileSync(`${DIR}/enc-large-${name}.csv`, spoilt(good, 3000, SPOILT[name]!));
      // --format html is never streamed: the full reader's own answer.
      const full = run("with", `enc-large-${name}.csv`, "--ignore-column", "ghi chú", "--format", "html");
      expect(full.code).toBe(1);
      expect(full.stderr).toMatch(/^error DATA_ENCODING row 3001:/u);
      for (const variant of ["with", "without"]) {
        const auto = run(variant, `enc-large-${name}.csv`, "--ignore-column", "ghi chú");
        expect([auto.code, auto.stderr, auto.stdout], `${name} ${variant}`).toEqual([1, full.stderr, ""]);
      }
    }
    // The same file, good: streamed, and written.
    writeFileSync(`${DIR}/enc-large-good.csv`, `${good.join("\n")}\n`);
    const ok = run("with", "enc-large-good.csv", "--ignore-column", "ghi chú");
    expect([ok.code, ok.stdout.split("\n").length]).toEqual([0, 4502]);
  });
});

describe("scoreFileInWorker", { timeout: 120_000 }, () => {
  /** The batches and the summary of a stream, as plain data (every unit's identity read back). */
  async function outcome(stream: ReturnType<typeof scoreFileInWorker>) {
    const batches: unknown[] = [];
    try {
      for await (const batch of stream.batches()) batches.push(structuredClone(batch));
    } catch (e) {
      return { batches, error: String(e), issues: (e as { issues?: unknown }).issues, code: (e as { code?: unknown }).code };
    }
    const { unit, ranks, rankBytes: _, ...rest } = stream.summary();
    return { batches, ...rest, ranks: [...ranks], units: Array.from({ length: rest.units }, (_, i) => unit(i)) };
  }
  const none = scripts(`${DIR}/no-such-folder`);
  const read = (o: object) => o as { ok?: boolean; units?: unknown[] };
  const minmax = {
    id: "worker-minmax", version: "1.0.0", title: { vi: "Thử" },
    root: { id: "idx", name: { vi: "Chỉ số" }, children: [
      { id: "a", name: { vi: "a" }, weight: 1, rule: { type: "normalise", method: "minmax" } },
      { id: "b", name: { vi: "b" }, weight: 2, rule: { type: "value" } },
      { id: "c", name: { vi: "c" }, weight: 3, rule: { type: "normalise", method: "minmax" } },
    ] },
  };
  // (Made when the tests run: the framework file is written by beforeAll.)
  const cases = (): [string, object, StreamOptions][] => {
    const fw = JSON.parse(readFileSync(`${DIR}/fw.json`, "utf8")) as object;
    return [
      ["small.csv", fw, { missing: "zero", rankNodes: "all" }],
      ["small.csv", minmax, { missing: "reweight", ranking: "dense" }],
      ["small-data.csv", fw, { maxIssues: 5 }],
      ["identities.csv", fw, { maxIssues: 50 }],
      ["bad.csv", fw, {}],
      ["columns.csv", fw, { missing: "reweight", unknownColumns: "warn" }],
      ["columns.csv", fw, {}],
      ["long-rows.csv", fw, { missing: "reweight", unknownColumns: "warn", rankNodes: "all" }],
      ["nope.csv", fw, {}],
      ["../../fixtures/provinces-63-synthetic-2years.csv", getFramework("vn-dti-2022-province"), { rankNodes: ["digital-government"], unranked: ["Hà Giang"] }],
    ];
  };

  it("gives the batches and summary of scoreStream on this thread: ranks, identities, issues, two passes, errors", async () => {
    for (const [file, framework, options] of cases()) {
      const path = `${DIR}/${file}`;
      const fw = framework as Parameters<typeof scoreFileInWorker>[1];
      const inWorker = await outcome(scoreFileInWorker(path, fw, { delimiter: "auto" }, options, undefined, SCRIPT));
      const here = await outcome(scoreFileInWorker(path, fw, { delimiter: "auto" }, options, undefined, none));
      expect(inWorker).toEqual(here);
      expect(here).toEqual(await outcome(Object.assign(scoreStream(fw, () => readCsvBlocks(fileChunks(path), { delimiter: "auto" }), options))));
    }
  });

  it("leaves repeats to this thread when asked: the same batches without one, unchecked() with one", async () => {
    const fw = JSON.parse(readFileSync(`${DIR}/fw.json`, "utf8"));
    const options: StreamOptions = { missing: "reweight", maxIssues: 50 };
    const later = (file: string, script = SCRIPT) => scoreFileInWorker(`${DIR}/${file}`, fw, { delimiter: "auto" }, options, undefined, script, undefined, "later");
    const repeated = ["repeats.csv", "codes.csv", "identities.csv", "dropped.csv", "dropped-code.csv"];
    for (const file of ["small.csv", "small-data.csv", ...repeated]) {
      const stream = later(file);
      const got = await outcome(stream);
      const row = await outcome(scoreFileInWorker(`${DIR}/${file}`, fw, { delimiter: "auto" }, options, undefined, SCRIPT));
      // Unchecked: a repeat found here (among the units scored and those an error left out).
      expect(stream.unchecked(), file).toBe(repeated.includes(file));
      // Otherwise the very outcome of the checks row by row, errors and all (small-data.csv has some).
      if (!stream.unchecked()) expect(got, file).toEqual(row);
      if (file === "small-data.csv") expect(read(row).ok).toBe(false);
      // The rows were not checked for repeats: no message of one, and all the rows scored.
      if (file === "repeats.csv" || file === "codes.csv") {
        expect([read(got).ok, read(row).ok]).toEqual([true, false]);
        expect(read(got).units).toHaveLength(4001);
      }
      // Without the workers (and where the file is read twice) rows are checked one by one.
      const alone = later(file, none);
      expect(await outcome(alone)).toEqual(await outcome(scoreFileInWorker(`${DIR}/${file}`, fw, { delimiter: "auto" }, options, undefined, none)));
      expect(alone.unchecked()).toBe(false);
    }
    // Read again, the stream looks afresh.
    const twice = later("small.csv");
    await outcome(twice);
    await outcome(twice);
    expect(twice.unchecked()).toBe(false);
  });

  it("says when a cell may be a number with a thousands separator, and refuses a bad option on this thread", async () => {
    const found = async (script: typeof SCRIPT) => {
      let calls = 0;
      await outcome(scoreFileInWorker(`${DIR}/grouped.csv`, JSON.parse(readFileSync(`${DIR}/fw.json`, "utf8")), {}, { missing: "zero" }, () => calls++, script));
      return calls;
    };
    expect(await found(SCRIPT)).toBe(1);
    expect(await found(none)).toBe(1);
    expect(() => scoreFileInWorker(`${DIR}/good.csv`, JSON.parse(readFileSync(`${DIR}/fw.json`, "utf8")), {}, { rankNodes: ["zz"] }, undefined, SCRIPT)).toThrow(/rankNodes: "zz" is not a node/u);
  });

  it("carries only the nodes asked for (and the ranked ones), with the values of every node's stream", async () => {
    const fw = JSON.parse(readFileSync(`${DIR}/fw.json`, "utf8"));
    const options: StreamOptions = { missing: "zero", rankNodes: ["b"] };
    const few = scoreFileInWorker(`${DIR}/small.csv`, fw, {}, options, undefined, SCRIPT, (info) => info.id === "c");
    const all = scoreFileInWorker(`${DIR}/small.csv`, fw, {}, options, undefined, none);
    // The carried nodes keep the plan's order among themselves.
    const planPosition = (id: string) => all.nodes.find((info) => info.id === id)!.position;
    expect(few.nodes.map((info) => info.id).sort()).toEqual(["b", "c", "idx"]);
    expect([...few.nodes].sort((x, y) => x.position - y.position).map((info) => planPosition(info.id))).toEqual(["b", "c", "idx"].map(planPosition).sort((x, y) => x - y));
    const values = async (stream: ReturnType<typeof scoreFileInWorker>) => {
      const out: unknown[] = [];
      for await (const batch of stream.batches()) {
        for (let k = 0; k < batch.size; k++) {
          out.push([batch.units[k]!.unit, ...few.nodes.map((info) => {
            const at = k * batch.nodes + stream.nodes.find((n) => n.id === info.id)!.position;
            return [batch.scores[at], batch.published[at], batch.coverage[at]];
          })]);
        }
      }
      const summary = stream.summary();
      return { out, ranks: [...summary.ranks].map(([id, r]) => [id, [...r.rank]]) };
    };
    const a = await values(few);
    expect(a.out.length).toBe(5000);
    expect(a).toEqual(await values(all));
  });

  it("stops the workers when the reader stops early (no summary then)", async () => {
    // The process's threads (Linux): each worker is one; they end once the reader stops.
    const threads = () => Number(/Threads:\s+(\d+)/u.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN);
    const before = threads();
    const stream = scoreFileInWorker(`${DIR}/good.csv`, JSON.parse(readFileSync(`${DIR}/fw.json`, "utf8")), {}, { missing: "zero" }, undefined, SCRIPT);
    let batches = 0;
    let during = 0;
    for await (const _ of stream.batches()) {
      during = threads();
      if (++batches === 2) break;
    }
    expect(batches).toBe(2);
    expect(during).toBeGreaterThanOrEqual(before + 2);
    for (let wait = 0; wait < 50 && threads() > before; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(threads()).toBe(before);
    expect(() => stream.summary()).toThrow(/known once the stream has been read/u);
  });
});

describe("the rows worker", { timeout: 60_000 }, () => {
  it("takes every other segment of the result order", () => {
    const order = Int32Array.from({ length: 2 * ROW_SEGMENT + 5 }, (_, i) => 7 * i);
    const even = segmentsOf(order, 0);
    const odd = segmentsOf(order, 1);
    expect(even.length).toBe(ROW_SEGMENT + 5);
    expect(Array.from(odd)).toEqual(Array.from(order.subarray(ROW_SEGMENT, 2 * ROW_SEGMENT)));
    expect([...even.subarray(0, ROW_SEGMENT), ...odd, ...even.subarray(ROW_SEGMENT)]).toEqual([...order]);
    expect(Array.from(segmentsOf(order.subarray(0, 3), 1))).toEqual([]);
  });

  it("is not started for fewer units than two segments, nor without its script", () => {
    expect(startRowsWorker(2 * ROW_SEGMENT - 1, pathToFileURL(`${DIR}/lib/rows-worker.js`))).toBeUndefined();
    expect(startRowsWorker(10 * ROW_SEGMENT, pathToFileURL(`${DIR}/no-such-folder/rows-worker.js`))).toBeUndefined();
  });

  it("reads the records into memory both threads share, or leaves them to each thread past its limit", async () => {
    const records = Float64Array.from({ length: 3 * 40 }, (_, i) => i / 8);
    writeFileSync(`${DIR}/records.bin`, new Uint8Array(records.buffer));
    const fd = openSync(`${DIR}/records.bin`, "r");
    try {
      for (const [limit, read] of [[8 * 3 * 40, true], [8 * 3 * 40 - 1, false]] as const) {
        const worker = startRowsWorker(10 * ROW_SEGMENT, pathToFileURL(`${DIR}/lib/rows-worker.js`))!;
        worker.load(fd, 3, 40, limit);
        const all = await worker.records();
        if (read) {
          expect(all?.buffer).toBeInstanceOf(SharedArrayBuffer);
          expect(Array.from(all!)).toEqual(Array.from(records));
        } else expect(all).toBeUndefined();
        await worker.stop();
      }
    } finally {
      closeSync(fd);
    }
  });

  it("says when it stopped before its rows, instead of leaving pass 2 waiting", async () => {
    writeFileSync(`${DIR}/lib/failing-worker.js`, 'throw new Error("no rows here");\n');
    const worker = startRowsWorker(10 * ROW_SEGMENT, pathToFileURL(`${DIR}/lib/failing-worker.js`))!;
    await expect(worker.next()).rejects.toThrow(/no rows here/u);
    await worker.stop();
  });

  it("passes on its error with its file code (a records file it could not read)", async () => {
    writeFileSync(
      `${DIR}/lib/erring-worker.js`,
      'import { parentPort } from "node:worker_threads";\nparentPort.once("message", () => parentPort.postMessage({ error: { message: "EIO: i/o error, read", code: "EIO", syscall: "read" } }));\n',
    );
    const worker = startRowsWorker(10 * ROW_SEGMENT, pathToFileURL(`${DIR}/lib/erring-worker.js`))!;
    worker.start({} as Parameters<typeof worker.start>[0], 0, new Int32Array(2 * ROW_SEGMENT), new Int32Array(0), () => ({ unit: "" }));
    await expect(worker.next()).rejects.toMatchObject({ message: "EIO: i/o error, read", code: "EIO" });
    await worker.stop();
  });
});
