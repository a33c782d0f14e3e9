/**
 * `dti score --stream`: scores a file of any size in two passes over small data. Pass 1 reads the
 * CSV as a stream, scores each unit as its row arrives and writes the unit's numbers (one line per
 * unit) to a temporary file, keeping only what ranking needs in memory. Then the ranks are
 * computed, and pass 2 reads the temporary file back line by line and writes the output (input
 * order) with ranks, names, codes, groups and years. With any error nothing is written: the
 * errors (the first `--max-issues`, then a count) go to stderr, as for `dti score`.
 *
 * @module
 */
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCsvStream } from "../csv.ts";
import { formatIssue } from "../errors.ts";
import { cliMessage } from "../text/option-hint.ts";
import type { Framework } from "../framework/types.ts";
import { formatScaled } from "../number/publish-float.ts";
import { csvCell } from "../report/escape.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";
import { scoreStream, type StreamOptions, type StreamSummary } from "../stream/score-stream.ts";
import type { CliIO } from "./io.ts";

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

/** Buffered writes with back-pressure: a stream's `write` is awaited when its buffer is full. */
function bufferedWriter(write: (text: string) => boolean | Promise<void>, drain: () => Promise<void>) {
  let buffer = "";
  const flush = async () => {
    if (buffer === "") return;
    const text = buffer;
    buffer = "";
    const ok = await write(text);
    if (ok === false) await drain();
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

function fileWriter(stream: WriteStream) {
  return bufferedWriter(
    (t) => stream.write(t),
    () => new Promise((resolve) => stream.once("drain", () => resolve())),
  );
}

/** Copies text and bytes into a 1 MiB buffer, written to the file (or stdout) when full. */
function byteWriter(stream: WriteStream | undefined, io: CliIO) {
  let buffer = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  const flush = async () => {
    if (used === 0) return;
    const full = buffer.subarray(0, used);
    buffer = Buffer.allocUnsafe(1 << 20);
    used = 0;
    if (stream === undefined) {
      if (io.writeStdout !== undefined) await io.writeStdout(full.toString("utf8"));
      else io.stdout(full.toString("utf8"));
    } else if (!stream.write(full)) {
      await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
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

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once("error", reject);
    stream.end(() => resolve());
  });
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
  const stream = scoreStream(framework, () => readCsvStream(createReadStream(file), csvDelimiter === undefined ? {} : { delimiter: csvDelimiter }), options);
  const d = settings.delimiter ?? ",";
  const style = plainStyle(settings.decimalComma, "");
  const num = (value: string | number) => formatNumber(value, style);
  const shown = stream.nodes.filter((n) => n.id !== stream.root && (settings.leaves || n.kind !== "leaf"));
  const dir = await mkdtemp(join(tmpdir(), "dti-stream-"));
  const tempPath = join(dir, "units.txt");
  try {
    // Pass 1: each unit's numbers, one line per unit, in input order.
    const temp = createWriteStream(tempPath, { encoding: "utf8" });
    const tempOut = fileWriter(temp);
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
    await closeStream(temp);
    const summary = stream.summary();
    printSummaryIssues(io, summary);
    if (!summary.ok) return 1;

    // Pass 2: ranks and names from memory, numbers from the temporary file.
    const rootRanks = summary.ranks.get(stream.root)!;
    const nodeRanks = stream.ranked.filter((id) => id !== stream.root).map((id) => ({ id, ranks: summary.ranks.get(id)! }));
    const outStream = settings.out === undefined ? undefined : createWriteStream(settings.out, { encoding: "utf8" });
    const out = outStream !== undefined ? fileWriter(outStream) : bufferedWriter(io.writeStdout ?? ((t) => (io.stdout(t), true)), async () => undefined);
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
    const bytes = byteWriter(outStream, io);
    let rest: Buffer = Buffer.alloc(0);
    for await (const chunk of createReadStream(tempPath)) {
      const buf = rest.length === 0 ? (chunk as Buffer) : Buffer.concat([rest, chunk as Buffer]);
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
    if (outStream !== undefined) {
      await closeStream(outStream);
      io.stderr(`dti: wrote ${summary.units} units to ${settings.out}\n`);
    }
    return 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
