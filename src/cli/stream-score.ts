/**
 * `dti score --stream`: scores a file of any size in two passes over small data. Pass 1 reads the
 * CSV as a stream, scores each unit as its row arrives and writes the unit's numbers (one line per
 * unit) to a temporary file, keeping only what ranking needs in memory. Then the ranks are
 * computed, and pass 2 reads the temporary file back line by line and writes the output (input
 * order) with ranks, names, codes, groups and years. With any error nothing is written: the
 * errors (the first `--max-issues`, then a count) go to stderr, as for `dti score`.
 *
 * `--out` is written beside the target and renamed over it at the end (`out-file.ts`): an error,
 * a full disk or Ctrl-C leaves an old file as it was. The temporary file of pass 1 is removed from
 * its folder as soon as it is open (where the system allows it), so that nothing is left behind
 * even by `kill -9`.
 *
 * @module
 */
import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatIssue } from "../errors.ts";
import { cliMessage } from "../text/option-hint.ts";
import type { Framework } from "../framework/types.ts";
import { formatScaled } from "../number/publish-float.ts";
import { csvCell } from "../report/escape.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";
import { scoreStream, type StreamOptions, type StreamSummary } from "../stream/score-stream.ts";
import { readCsvBlocksInWorker } from "./csv-blocks-worker.ts";
import { fileErrorMessage } from "./file-error.ts";
import type { CliIO } from "./io.ts";
import { handleWriter, openOutFile, removeOnSignal, type OutFile } from "./out-file.ts";
import { UsageError } from "./usage-error.ts";

/** How `dti score --stream` writes. */
export interface StreamCliSettings {
  readonly format: "csv" | "jsonl";
  /** Output file; standard output when undefined. */
  readonly out: string | undefined;
  readonly delimiter?: "," | ";" | "\t";
  readonly decimalComma: boolean;
  readonly bom: boolean;
  /** Also write every indicator (leaf) value; by default only computed nodes (groups, views). */
  readonly leaves: boolean;
}

/** Buffered text writes: `write` (awaited) when 64 KiB are buffered. */
export function bufferedWriter(write: (text: string) => Promise<void>) {
  let buffer = "";
  const flush = async () => {
    if (buffer === "") return;
    const text = buffer;
    buffer = "";
    await write(text);
  };
  return {
    /** Buffers the text; returns a promise only when the buffer was written (await it then). */
    add(text: string): Promise<void> | undefined {
      buffer += text;
      return buffer.length >= 1 << 16 ? flush() : undefined;
    },
    flush,
  };
}

/** Copies text and bytes into a 1 MiB buffer, written to the file (or stdout) when full. */
function byteWriter(out: OutFile | undefined, io: CliIO) {
  let buffer = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  const flush = async () => {
    if (used === 0) return;
    const full = buffer.subarray(0, used);
    buffer = Buffer.allocUnsafe(1 << 20);
    used = 0;
    if (out === undefined) {
      if (io.writeStdout !== undefined) await io.writeStdout(full.toString("utf8"));
      else io.stdout(full.toString("utf8"));
    } else {
      await out.write(full);
    }
  };
  const put = (head: string, data: Uint8Array, tail: string) => {
    used += buffer.write(head, used, "utf8");
    buffer.set(data, used);
    used += data.length;
    used += buffer.write(tail, used, "utf8");
  };
  return {
    /**
     * Copies `head`, the bytes and `tail`; returns a promise only when the buffer had to be written
     * first (await it then): no promise per line otherwise.
     */
    line(head: string, data: Uint8Array, tail: string): Promise<void> | undefined {
      const need = (head.length + tail.length) * 3 + data.length;
      if (used + need <= buffer.length) {
        put(head, data, tail);
        return undefined;
      }
      return flush().then(() => {
        if (need > buffer.length) buffer = Buffer.allocUnsafe(need);
        put(head, data, tail);
      });
    },
    flush,
  };
}

/**
 * The temporary file of pass 1, open for writing and reading back. It is unlinked at once where
 * the system allows it (the open handle keeps the data): no folder is left by a crash or `kill -9`;
 * elsewhere it is removed at the end, or by a signal.
 */
async function unitsFile(): Promise<{ handle: FileHandle; path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `dti-stream-${process.pid}-`));
  const path = join(dir, "units.txt");
  const forget = removeOnSignal(dir);
  let handle: FileHandle;
  try {
    handle = await open(path, "w+");
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    forget();
    throw new UsageError(fileErrorMessage(e, "write", path) ?? `cannot write ${path}: ${(e as Error).message}`);
  }
  const unlinked = await rm(dir, { recursive: true, force: true }).then(
    () => true,
    () => false,
  );
  if (unlinked) forget();
  return {
    handle,
    path,
    remove: async () => {
      await handle.close().catch(() => undefined);
      if (!unlinked) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      forget();
    },
  };
}

/** Reads the handle's file from the start in 1 MiB chunks. */
async function* readBack(handle: FileHandle): AsyncGenerator<Buffer> {
  let position = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 20);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield chunk.subarray(0, bytesRead);
  }
}

/** Prints the kept issues and how many more there were. */
function printSummaryIssues(io: CliIO, summary: StreamSummary): void {
  for (const issue of summary.errors) io.stderr(`${formatIssue(cliMessage(issue))}\n`);
  if (summary.errorCount > summary.errors.length) {
    io.stderr(`dti: ${summary.errorCount} errors in all; the first ${summary.errors.length} are shown (--max-issues to show more)\n`);
  }
  for (const issue of summary.warnings) io.stderr(`${formatIssue(cliMessage(issue))}\n`);
  if (summary.warningCount > summary.warnings.length) io.stderr(`dti: ${summary.warningCount} warnings in all; the first ${summary.warnings.length} are shown\n`);
}

/**
 * Scores `file` in streaming mode and writes CSV or JSON lines. Returns the exit code: 0, or 1
 * when the data has errors (then nothing is written).
 */
export async function streamScoreFile(
  io: CliIO,
  file: string,
  framework: Framework,
  options: StreamOptions,
  settings: StreamCliSettings,
  csvDelimiter: "," | ";" | "\t" | "auto" | undefined,
): Promise<number> {
  // The output is opened first: a folder, a missing folder or no permission is said at once, not
  // after an hour of reading.
  const outFile = settings.out === undefined ? undefined : await openOutFile(settings.out);
  let units: Awaited<ReturnType<typeof unitsFile>> | undefined;
  let committed = false;
  try {
    // The file is read, cut and its numbers parsed on a worker thread while this one scores.
    const stream = scoreStream(framework, () => readCsvBlocksInWorker(file, csvDelimiter === undefined ? {} : { delimiter: csvDelimiter }), options);
    const d = settings.delimiter ?? ",";
    const style = plainStyle(settings.decimalComma, "");
    const num = (value: string | number) => formatNumber(value, style);
    const shown = stream.nodes.filter((n) => n.id !== stream.root && (settings.leaves || n.kind !== "leaf"));
    units = await unitsFile();
    const temp = units;
    // Pass 1: each unit's numbers, one line per unit, in input order.
    const tempWriter = handleWriter(temp.handle, (e) => new UsageError(fileErrorMessage(e, "write", temp.path) ?? `cannot write ${temp.path}: ${(e as Error).message}`));
    const tempOut = bufferedWriter((t) => tempWriter.write(t));
    let hasCode = false;
    let hasGroup = false;
    let hasYear = false;
    for await (const unit of stream) {
      hasCode ||= unit.code !== undefined;
      hasGroup ||= unit.group !== undefined;
      hasYear ||= unit.year !== undefined;
      const { published, scores, coverage } = unit.nodes;
      let line: string;
      if (settings.format === "csv") {
        line = num(unit.value);
        for (const n of shown) {
          const p = published[n.position]!;
          line += d + (Number.isNaN(p) ? "" : num(formatScaled(p, stream.decimals)));
        }
        line += `${d}${num(unit.coverage)}\n`;
      } else {
        line = `"value":${JSON.stringify(unit.value)},"score":${JSON.stringify(unit.score)},"coverage":${unit.coverage},"nodes":{`;
        line += shown
          .map((n) => {
            const p = published[n.position]!;
            const missing = Number.isNaN(p);
            return `${JSON.stringify(n.id)}:{"value":${missing ? "null" : JSON.stringify(formatScaled(p, stream.decimals))},"score":${missing ? "null" : scores[n.position]},"coverage":${coverage[n.position]}}`;
          })
          .join(",");
        line += "}}\n";
      }
      const full = tempOut.add(line);
      if (full !== undefined) await full;
    }
    await tempOut.flush();
    await tempWriter.finish();
    const summary = stream.summary();
    printSummaryIssues(io, summary);
    if (!summary.ok) return 1;

    // Pass 2: ranks and names from memory, numbers from the temporary file.
    const rootRanks = summary.ranks.get(stream.root)!;
    const nodeRanks = stream.ranked.filter((id) => id !== stream.root).map((id) => ({ id, ranks: summary.ranks.get(id)! }));
    const out = bufferedWriter(outFile !== undefined ? (t) => outFile.write(t) : (io.writeStdout ?? (async (t) => io.stdout(t))));
    const eol = settings.format === "csv" ? "\r\n" : "\n";
    if (settings.format === "csv") {
      const header = [
        "rank",
        ...(hasGroup ? ["group_rank"] : []),
        "unit",
        ...(hasCode ? ["code"] : []),
        ...(hasGroup ? ["group"] : []),
        ...(hasYear ? ["year"] : []),
        ...nodeRanks.map((r) => `${r.id}_rank`),
        stream.root,
        ...shown.map((n) => n.id),
        "coverage",
      ];
      await out.add(`${settings.bom ? "\uFEFF" : ""}${header.map((h) => csvCell(h, d)).join(d)}${eol}`);
    }
    // The numbers are copied as bytes: no decoding and encoding of the bulk of the output.
    let i = 0;
    const rank = (r: Int32Array, k: number) => (r[k]! === 0 ? "" : String(r[k]));
    const head = (): string => {
      const u = summary.unit(i);
      if (settings.format === "csv") {
        let h = rank(rootRanks.rank, i) + d;
        if (hasGroup) h += rank(rootRanks.groupRank, i) + d;
        h += csvCell(u.unit, d) + d;
        if (hasCode) h += csvCell(u.code ?? "", d) + d;
        if (hasGroup) h += csvCell(u.group ?? "", d) + d;
        if (hasYear) h += (u.year === undefined ? "" : String(u.year)) + d;
        for (const r of nodeRanks) h += rank(r.ranks.rank, i) + d;
        return h;
      }
      const rankOf = (r: Int32Array) => (r[i] === 0 ? "null" : String(r[i]));
      let h = `{"rank":${rankOf(rootRanks.rank)},`;
      if (u.group !== undefined) h += `"groupRank":${rankOf(rootRanks.groupRank)},`;
      h += `"unit":${JSON.stringify(u.unit)},`;
      if (u.code !== undefined) h += `"code":${JSON.stringify(u.code)},`;
      if (u.group !== undefined) h += `"group":${JSON.stringify(u.group)},`;
      if (u.year !== undefined) h += `"year":${u.year},`;
      if (nodeRanks.length > 0) h += `"ranks":{${nodeRanks.map((r) => `${JSON.stringify(r.id)}:${rankOf(r.ranks.rank)}`).join(",")}},`;
      return h;
    };
    await out.flush();
    const bytes = byteWriter(outFile, io);
    let rest: Buffer = Buffer.alloc(0);
    for await (const chunk of readBack(temp.handle)) {
      const buf = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
        const full = bytes.line(head(), buf.subarray(start, nl), eol);
        if (full !== undefined) await full;
        i++;
        start = nl + 1;
      }
      rest = Buffer.from(buf.subarray(start));
    }
    await bytes.flush();
    await out.flush();
    if (outFile !== undefined) {
      await outFile.commit();
      committed = true;
      io.stderr(`dti: wrote ${summary.units} units to ${settings.out}\n`);
    }
    return 0;
  } finally {
    // Errors in the data, a failed write, a broken input: the old output stays as it was.
    if (!committed) await outFile?.abort();
    await units?.remove();
  }
}
