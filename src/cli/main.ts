#!/usr/bin/env node
/**
 * Entry of the `dti` binary.
 *
 * @module
 */
import { nodeIO } from "./io.ts";
import { run } from "./run.ts";

// The reader of the output went away (`dti score … | head`): stop quietly, as other Unix tools do,
// instead of an unhandled EPIPE stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  process.stderr.write(`dti: cannot write the output: ${e.message}\n`);
  process.exit(2);
});

run(process.argv.slice(2), nodeIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`dti: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
