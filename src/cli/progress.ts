/**
 * A one-line progress indicator on stderr, shown only when stderr is a terminal (never in pipes,
 * files or CI logs).
 *
 * @module
 */
import type { CliIO } from "./io.ts";

/** Reports the stage a long command is at. */
export interface Progress {
  /** Shows the current stage (replacing the previous one). */
  readonly step: (text: string) => void;
  /** Clears the line. */
  readonly done: () => void;
}

/**
 * A progress line: `dti: [2/4] scoring 63 units… 0.4 s` rewritten in place (carriage return and
 * erase-line), cleared by `done()`. Without a TTY every call does nothing.
 *
 * @example
 * ```ts
 * const p = progress(io, 4);
 * p.step("reading data.csv"); p.step("scoring"); p.done();
 * ```
 */
export function progress(io: CliIO, stages: number, now: () => number = Date.now): Progress {
  if (io.isTTY !== true) return { step: () => undefined, done: () => undefined };
  const start = now();
  let n = 0;
  return {
    step(text) {
      n += 1;
      const seconds = Math.round((now() - start) / 100) / 10;
      io.stderr(`\r\x1b[2Kdti: [${Math.min(n, stages)}/${stages}] ${text}… ${seconds} s`);
    },
    done() {
      io.stderr("\r\x1b[2K");
    },
  };
}
