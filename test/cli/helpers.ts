import { readFile } from "node:fs/promises";
import type { CliIO } from "../../src/cli/io.ts";
import { run } from "../../src/cli/run.ts";

/** Runs the CLI in-process: real files are read; writes and streams are captured. */
export async function cli(args: string[], files: Record<string, string> = {}, isTTY?: boolean) {
  let stdout = "";
  let stderr = "";
  const written: Record<string, string> = {};
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
    ...(isTTY !== undefined ? { isTTY } : {}),
  };
  const code = await run(args, io);
  return { code, stdout, stderr, written };
}

export const SAMPLE = "fixtures/provinces-63-synthetic.csv";
export const FW22 = ["--framework", "vn-dti-2022-province"];
