/**
 * What the CLI needs from the outside world, so `run()` can be tested without touching a real
 * terminal or file system.
 *
 * @module
 */
import { readFile, writeFile } from "node:fs/promises";
import { decodeText } from "./decode-text.ts";
import { fileErrorMessage } from "./file-error.ts";
import { UsageError } from "./usage-error.ts";

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
}

/** The real process streams and file system. */
export function nodeIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile: async (p) => decodeText(await readFile(p), p),
    writeFile: async (p, t) => {
      try {
        await writeFile(p, t, "utf8");
      } catch (e) {
        throw new UsageError(fileErrorMessage(e, "write", p) ?? `cannot write ${p}: ${(e as Error).message}`);
      }
    },
    writeStdout: (t) => (process.stdout.write(t) ? Promise.resolve() : new Promise((resolve) => process.stdout.once("drain", () => resolve()))),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return decodeText(Buffer.concat(chunks), "standard input");
    },
    isTTY: process.stderr.isTTY === true,
  };
}
