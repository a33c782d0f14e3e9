#!/usr/bin/env node
/**
 * Entry of the `dti` binary.
 *
 * @module
 */
import { nodeIO } from "./io.ts";
import { run } from "./run.ts";

run(process.argv.slice(2), nodeIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`dti: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
