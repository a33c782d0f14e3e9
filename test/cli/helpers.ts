import { readFile } from "node:fs/promises";
import type { CliIO } from "../../src/cli/io.ts";
import { run } from "../../src/cli/run.ts";

/**
 * Runs the CLI in-process: real files are read (`files` and `bytes` stand in for some); writes and
 * streams are captured (binary ones in `writtenBytes` and `stdoutBytes`).
 */
export async function cli(args: string[], files: Record<string, string> = {}, isTTY?: boolean, bytes: Record<string, Uint8Array> = {}, stdoutIsTTY = false) {
  let stdout = "";
  let stderr = "";
  const written: Record<string, string> = {};
  const writtenBytes: Record<string, Uint8Array> = {};
  let stdoutBytes: Uint8Array | undefined;
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile: async (p) => files[p] ?? readFile(p, "utf8"),
    writeFile: async (p, t) => {
      written[p] = t;
    },
    readStdin: async () => files["-"] ?? "",
    readBytes: async (p) => bytes[p] ?? new Uint8Array(await readFile(p)),
    writeBytes: async (p, data) => {
      writtenBytes[p] = data;
    },
    stdoutBytes: async (data) => {
      stdoutBytes = data;
    },
    stdoutIsTTY,
    ...(isTTY !== undefined ? { isTTY } : {}),
  };
  const code = await run(args, io);
  return { code, stdout, stderr, written, writtenBytes, stdoutBytes };
}

export const SAMPLE = "fixtures/provinces-63-synthetic.csv";
export const FW22 = ["--framework", "vn-dti-2022-province"];
