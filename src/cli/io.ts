/**
 * What the CLI needs from the outside world, so `run()` can be tested without touching a real
 * terminal or file system.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import { decodeText } from "./decode-text.ts";
import { writeOutFile } from "./out-file.ts";

/** Streams and files the CLI uses. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<string>;
  readonly writeFile: (path: string, text: string) => Promise<void>;
  readonly readStdin: () => Promise<string>;
  /** True when stderr is a terminal: progress is shown only then. Absent means false. */
  readonly isTTY?: boolean;
  /** Writes to standard output and resolves when it can take more (back-pressure for streaming). */
  readonly writeStdout?: (text: string) => Promise<void>;
  /** Reads a file's bytes (workbooks). Absent: binary files cannot be read. */
  readonly readBytes?: (path: string) => Promise<Uint8Array>;
  /** Writes bytes to a file (workbooks), all or nothing. Absent: binary files cannot be written. */
  readonly writeBytes?: (path: string, data: Uint8Array) => Promise<void>;
  /** Writes bytes to standard output. Absent: binary output needs `--out`. */
  readonly stdoutBytes?: (data: Uint8Array) => Promise<void>;
  /** True when standard output is a terminal (where a workbook's bytes must not go). */
  readonly stdoutIsTTY?: boolean;
}

/** The real process streams and file system. */
export function nodeIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile: async (p) => decodeText(await readFile(p), p),
    // Beside the target, then renamed over it: an error or Ctrl-C leaves an old file as it was.
    writeFile: (p, t) => writeOutFile(p, t),
    writeStdout: (t) => (process.stdout.write(t) ? Promise.resolve() : new Promise((resolve) => process.stdout.once("drain", () => resolve()))),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return decodeText(Buffer.concat(chunks), "standard input");
    },
    isTTY: process.stderr.isTTY === true,
    readBytes: async (p) => new Uint8Array(await readFile(p)),
    writeBytes: (p, data) => writeOutFile(p, data),
    stdoutBytes: (data) => new Promise((resolve, reject) => process.stdout.write(data, (e) => (e ? reject(e) : resolve()))),
    stdoutIsTTY: process.stdout.isTTY === true,
  };
}
