/**
 * The one memory limit a user can meet without a bug: a JavaScript string holds at most about
 * 512 MB of text, so a whole file that large cannot be read as one, nor a report that large built.
 * Said in plain words (exit 2), not as an "internal error".
 *
 * @module
 */

/**
 * A one-line message when `e` is the runtime's "string too long" error (reading a file of over
 * 512 MB, or building an output that large), else `undefined`.
 *
 * @example
 * ```ts
 * textLimitMessage(new RangeError("Invalid string length")); // => "the text is too large to hold …"
 * ```
 */
export function textLimitMessage(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  const tooLong = code === "ERR_STRING_TOO_LONG" || (e instanceof RangeError && /Invalid string length/u.test(e.message));
  if (!tooLong) return undefined;
  return "the text is too large to hold in memory (a JavaScript string is at most about 512 MB): score a large CSV with `dti score --stream`, or ask for less (fewer units, --cards, --limit)";
}
