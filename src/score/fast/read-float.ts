import type { RawValue } from "../rules/outcome.ts";

/**
 * Reads a raw input as a float when that is certain to be the correctly rounded value of the
 * decimal the exact path reads: finite JSON numbers, and text that is plain unsigned digits with
 * at most one "." or "," decimal separator ("0.8252", "0,8252", "12", ".5"). Anything else
 * (signs, exponents, thousands groups, percent, white space, words) gives `undefined`: the exact
 * path then reads (or rejects) it.
 *
 * @example
 * ```ts
 * readFloat("0,8252"); // => 0.8252
 * readFloat("1 234,5"); // => undefined
 * ```
 */
export function readFloat(raw: RawValue): number | undefined {
  const out = new Float64Array(1);
  return readFloatInto(raw, out) ? out[0] : undefined;
}

/**
 * {@link readFloat} writing into `out[0]` and returning whether it read a number: no boxed float
 * is returned (hot loops read millions of cells).
 */
export function readFloatInto(raw: RawValue, out: Float64Array): boolean {
  if (typeof raw === "number") {
    // A JavaScript -0 is read as 0, as in text.
    out[0] = raw === 0 ? 0 : raw;
    return Number.isFinite(raw);
  }
  if (typeof raw !== "string") return false;
  const n = raw.length;
  if (n === 0 || n > 64) return false;
  const x = plainDecimal(raw, 0, n);
  if (x === x) {
    out[0] = x;
    return true;
  }
  // More than 15 digits (or not a plain decimal at all): the same grammar, read by Number().
  let sep = -1;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c === 46 || c === 44) && sep < 0) sep = i;
    else return false;
  }
  if (digits === 0 || sep === n - 1) return false;
  out[0] = Number(sep >= 0 && raw.charCodeAt(sep) === 44 ? `${raw.slice(0, sep)}.${raw.slice(sep + 1)}` : raw);
  return true;
}

/**
 * The double of `text.slice(start, end)` when it is a plain decimal of at most 15 digits (unsigned
 * digits with at most one "." or "," separator and a digit after it: "0.8252", "0,8252", "12",
 * ".5"), else NaN. The digits are an exact whole number (< 2^53) and dividing two exact doubles
 * rounds correctly: the result is the double `Number()` reads from the text (with "," as "."). It
 * reads a cell in place, without cutting a string out of its line.
 *
 * @example
 * ```ts
 * plainDecimal("a;0,8252;b", 2, 8); // => 0.8252
 * plainDecimal("1e5", 0, 3); // => NaN
 * ```
 */
export function plainDecimal(text: string, start: number, end: number): number {
  if (end - start > 16) return NaN;
  let sep = -1;
  let whole = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) whole = whole * 10 + (c - 48);
    else if ((c === 46 || c === 44) && sep < 0) sep = i;
    else return NaN;
  }
  return plainValue(whole, sep, start, end);
}

/**
 * The end of {@link plainDecimal} for a reader that has gone through the characters itself (all
 * digits but at most one separator, at `sep`, −1 for none): `whole` is the digits read as a whole
 * number. NaN when the text is empty, longer than 15 digits, or ends with its separator. (The CSV
 * block reader writes these lines out, with {@link POW10}, for the cells its loop reads fastest:
 * see `csv-blocks.ts`.)
 */
export function plainValue(whole: number, sep: number, start: number, end: number): number {
  if (end <= start || end - start > 16) return NaN;
  // 16 characters: 15 digits and a separator at most; a separator needs a digit after it ("5." is
  // not read by the exact path either).
  if (sep < 0) return end - start > 15 ? NaN : whole;
  if (sep === end - 1) return NaN;
  return whole / POW10[end - 1 - sep]!;
}

/** 10^0 … 10^22, all exact doubles. */
export const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * True when `text` is read by {@link readFloatInto} and has at most 15 significant digits: then
 * its double stands for exactly one such decimal, so two cells are equal exactly when their floats
 * are, and the float's shortest text is the decimal's value.
 *
 * @example
 * ```ts
 * isShortDecimal("0,8252"); // => true
 * isShortDecimal("0.12345678901234567"); // => false
 * ```
 */
export function isShortDecimal(text: string): boolean {
  if (text.length === 0 || text.length > 64) return false;
  let significant = 0;
  let started = false;
  let seps = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (c !== 48) started = true;
      if (started) significant++;
    } else if (c === 46 || c === 44) {
      if (++seps > 1) return false;
    } else return false;
  }
  // Trailing zeros after the separator count above but do not change the value: still at most 15
  // digits of a decimal whose double is unique among such decimals only if the whole text fits.
  return significant <= 15 && text.charCodeAt(text.length - 1) !== 46 && text.charCodeAt(text.length - 1) !== 44;
}
