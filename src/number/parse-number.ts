/**
 * Reads a number written by a person or a spreadsheet: "0.6789", "0,6789" (vi-VN decimal comma),
 * "1.234,5" and "1,234.5" (thousands separators), "1 234,5" (spaces or no-break spaces),
 * "85%" (→ 0.85 only when `percent` is allowed). Returns the canonical decimal text (so exact
 * decimals can be built from it) or `undefined` when the text is not a number.
 *
 * A lone separator followed by exactly three digits ("1,234" or "1.234") is ambiguous; it is read
 * as a decimal separator (0-1 scores are the common case) unless `thousands` says otherwise.
 *
 * @example
 * ```ts
 * parseNumber("0,6789"); // => "0.6789"
 * parseNumber("1.234.567,891"); // => "1234567.891"
 * parseNumber("abc"); // => undefined
 * ```
 */
export function parseNumber(text: string, options: ParseNumberOptions = {}): string | undefined {
  let s = text.normalize("NFC").replace(/[\s\u00a0\u202f]+/gu, "");
  if (s === "") return undefined;
  let percent = false;
  if (s.endsWith("%")) {
    if (!options.percent) return undefined;
    percent = true;
    s = s.slice(0, -1);
  }
  let sign = "";
  if (s.startsWith("-") || s.startsWith("+") || s.startsWith("\u2212")) {
    sign = s.startsWith("+") ? "" : "-";
    s = s.slice(1);
  }
  let canonical: string | undefined;
  if (/^\d+$/u.test(s)) canonical = s;
  else if (/^\d*[.,]\d+$/u.test(s)) {
    // One separator. Three digits after it could be a thousands group.
    const sep = s.includes(",") ? "," : ".";
    const [int, frac] = s.split(sep) as [string, string];
    canonical = options.thousands === sep && frac.length === 3 && int !== "" ? `${int}${frac}` : `${int === "" ? "0" : int}.${frac}`;
  } else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/u.test(s)) canonical = s.replace(/\./gu, "").replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/u.test(s)) canonical = s.replace(/,/gu, "");
  else if (/^\d+(\.\d+)?[eE][+-]?\d+$/u.test(s)) canonical = s;
  if (canonical === undefined) return undefined;
  const n = Number(canonical);
  if (!Number.isFinite(n)) return undefined;
  if (percent) canonical = shiftLeft2(canonical);
  return sign === "-" && n !== 0 ? `-${canonical}` : canonical;
}

/** Options of {@link parseNumber}. */
export interface ParseNumberOptions {
  /** Accept a trailing "%" and divide by 100. Default false. */
  readonly percent?: boolean;
  /** Which character groups thousands when a lone separator is followed by three digits. */
  readonly thousands?: "," | ".";
}

/** Divides canonical decimal text by 100 exactly, by moving the decimal point (no float division). */
function shiftLeft2(s: string): string {
  const sci = /^(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/u.exec(s);
  if (sci === null) {
    const [int, frac = ""] = s.split(".") as [string, string?];
    return movePoint(int, frac, -2);
  }
  const [, int, frac = "", exp] = sci as unknown as [string, string, string | undefined, string];
  const shift = Number(exp) - 2;
  // A far exponent stays an exponent: written out, "1e-99999999%" would be 100 million zeros.
  if (Math.abs(shift) > 100) return `${int}${frac === "" ? "" : `.${frac}`}e${shift}`;
  return movePoint(int, frac, shift);
}

/** `int.frac` × 10^`shift` as plain decimal text without needless zeros: ("7", "", -3) → "0.007". */
function movePoint(int: string, frac: string, shift: number): string {
  const digits = `${int}${frac}`;
  const point = int.length + shift;
  const text =
    point <= 0 ? `0.${"0".repeat(-point)}${digits}` : point >= digits.length ? `${digits}${"0".repeat(point - digits.length)}` : `${digits.slice(0, point)}.${digits.slice(point)}`;
  const out = text.replace(/^0+(?=\d)/u, "").replace(/(\.\d*?)0+$/u, "$1").replace(/\.$/u, "");
  return out === "" ? "0" : out;
}
