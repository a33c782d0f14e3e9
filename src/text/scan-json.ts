/**
 * A second look at JSON text, for what `JSON.parse` does not say: where a syntax error is (line
 * and column: its message names a position only sometimes, and differently in each engine), and
 * which keys an object repeats (it keeps the last value without a word, so a second `"unit"` key
 * renames the unit).
 *
 * @module
 */

/** A key written twice in one object. */
export interface DuplicateKey {
  /** Where the object is: array indexes and keys from the top, e.g. `["units", 2]`. */
  readonly path: readonly (string | number)[];
  readonly key: string;
  /** 1-based line and column of the second occurrence. */
  readonly line: number;
  readonly column: number;
}

/** The first syntax error: where, and what was expected there. */
export interface JsonSyntaxError {
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** What {@link scanJson} found. */
export interface JsonScan {
  readonly error?: JsonSyntaxError;
  readonly duplicates: readonly DuplicateKey[];
}

type Frame = { kind: "object"; keys: Set<string>; key: string } | { kind: "array"; index: number };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/**
 * Scans JSON text (a leading BOM already removed) without building values, in one pass and
 * without recursion (any nesting depth): the first syntax error, and every repeated key up to it.
 *
 * @example
 * ```ts
 * scanJson('[{"unit": "A",\n "unit": "B"}]').duplicates;
 * // => [{ path: [0], key: "unit", line: 2, column: 2 }]
 * scanJson('{"a": 1,}').error;
 * // => { line: 1, column: 9, message: "expected a key in double quotes" }
 * ```
 */
export function scanJson(text: string): JsonScan {
  const scan = new JsonScanner(text);
  for (;;) {
    // A value is expected at i.
    const opened = scan.value();
    if (typeof opened === "object") return opened;
    if (opened) continue;
    // After a value: a separator or the end of the containers that hold it.
    const after = scan.afterValue();
    if (after !== undefined) return after;
  }
}

/** A syntax error found at an offset. */
type Failure = { offset: number; message: string };

/** The scan's state: the offset `i`, the open containers, the repeated keys found so far. */
class JsonScanner {
  private i = 0;
  private readonly text: string;
  private readonly n: number;
  private readonly stack: Frame[] = [];
  private readonly duplicates: { path: (string | number)[]; key: string; offset: number }[] = [];

  constructor(text: string) {
    this.text = text;
    this.n = text.length;
  }

  /** The scan's outcome: the repeated keys, and the error if any, by line and column. */
  done(error?: Failure): JsonScan {
    const offsets = this.duplicates.map((d) => d.offset);
    if (error !== undefined) offsets.push(error.offset);
    const places = positions(this.text, offsets);
    const out = this.duplicates.map((d, k) => ({ path: d.path, key: d.key, ...(places[k] as { line: number; column: number }) }));
    if (error === undefined) return { duplicates: out };
    return { error: { ...(places[places.length - 1] as { line: number; column: number }), message: error.message }, duplicates: out };
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else return;
    }
  }

  /** Reads a string at `i` (a quote); returns undefined at its end, or a message. */
  private string(): string | undefined {
    const { text, n } = this;
    this.i++;
    for (;;) {
      if (this.i >= n) return "a string is not closed (a missing double quote)";
      const c = text.charCodeAt(this.i);
      if (c === 34) {
        this.i++;
        return undefined;
      }
      if (c === 92) {
        const e = text[this.i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/u.test(text.slice(this.i + 2, this.i + 6))) return "\\u must be followed by four hexadecimal digits";
          this.i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) this.i += 2;
        else return `"\\${e ?? ""}" is not an escape JSON knows (write \\\\ for a backslash)`;
        continue;
      }
      if (c < 32) return "a line break or other control character inside a string (write \\n or \\t)";
      this.i++;
    }
  }

  /** Reads `"key":` into the object on top of the stack; returns a message on error. */
  private key(frame: Frame & { kind: "object" }): string | undefined {
    this.skipSpace();
    if (this.text.charCodeAt(this.i) !== 34) return "expected a key in double quotes";
    const start = this.i;
    const bad = this.string();
    if (bad !== undefined) return bad;
    const raw = this.text.slice(start + 1, this.i - 1);
    const name = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
    if (frame.keys.has(name)) this.duplicates.push({ path: pathOf(this.stack.slice(0, -1)), key: name, offset: start });
    frame.keys.add(name);
    frame.key = name;
    this.skipSpace();
    if (this.text[this.i] !== ":") return `expected ":" after the key ${JSON.stringify(name)}`;
    this.i++;
    return undefined;
  }

  /**
   * Reads the value at `i`: true when it opened a container (a value is expected next), false
   * when it was read whole, or the outcome on an error.
   */
  value(): boolean | JsonScan {
    const { text, n } = this;
    this.skipSpace();
    if (this.i >= n) return this.done({ offset: this.i, message: "the text ends where a value was expected" });
    const c = text[this.i];
    if (c === "{" || c === "[") {
      this.i++;
      this.skipSpace();
      if (text[this.i] === (c === "{" ? "}" : "]")) {
        this.i++;
        return false;
      }
      if (c === "[") {
        this.stack.push({ kind: "array", index: 0 });
        return true;
      }
      const frame: Frame = { kind: "object", keys: new Set(), key: "" };
      this.stack.push(frame);
      const bad = this.key(frame);
      return bad === undefined ? true : this.done({ offset: this.i, message: bad });
    }
    if (c === '"') {
      const start = this.i;
      const bad = this.string();
      return bad === undefined ? false : this.done({ offset: this.i >= n ? start : this.i, message: bad });
    }
    if (text.startsWith("true", this.i)) this.i += 4;
    else if (text.startsWith("false", this.i)) this.i += 5;
    else if (text.startsWith("null", this.i)) this.i += 4;
    else {
      NUMBER.lastIndex = this.i;
      if (!NUMBER.test(text)) return this.done({ offset: this.i, message: `expected a value (text in double quotes, a number, true, false, null, { or [), not ${JSON.stringify(text.slice(this.i, this.i + 10))}` });
      this.i = NUMBER.lastIndex;
    }
    return false;
  }

  /** After a value: reads a separator (undefined: a value follows) or closes containers; the outcome at the end or on an error. */
  afterValue(): JsonScan | undefined {
    const { text, n, stack } = this;
    for (;;) {
      this.skipSpace();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return this.i < n ? this.done({ offset: this.i, message: "unexpected text after the end of the JSON value" }) : this.done();
      }
      const s = text[this.i];
      if (s === ",") {
        this.i++;
        if (top.kind === "array") top.index++;
        else {
          const bad = this.key(top);
          if (bad !== undefined) return this.done({ offset: this.i, message: bad });
        }
        return undefined;
      }
      if ((top.kind === "object" && s === "}") || (top.kind === "array" && s === "]")) {
        this.i++;
        stack.pop();
        continue;
      }
      const what = top.kind === "object" ? `"," or "}"` : `"," or "]"`;
      return this.done({ offset: this.i, message: this.i >= n ? `the text ends where ${what} was expected` : `expected ${what}` });
    }
  }
}

/**
 * Where and why `JSON.parse` failed on `text`, for a message: " at line 3, column 5: expected …",
 * or ": " and the engine's own message when the scan finds nothing (it always should).
 *
 * @example
 * ```ts
 * `data.json is not valid JSON${whereJsonFails('[1,]', new SyntaxError("x"))}`;
 * // => "data.json is not valid JSON at line 1, column 4: expected a value (…), not \"]\""
 * ```
 */
export function whereJsonFails(text: string, e: unknown): string {
  const at = scanJson(text).error;
  return at === undefined ? `: ${(e as Error).message}` : ` at line ${at.line}, column ${at.column}: ${at.message}`;
}

function pathOf(frames: readonly Frame[]): (string | number)[] {
  return frames.map((f) => (f.kind === "array" ? f.index : f.key));
}

/** 1-based line and column of each offset (offsets in any order), in one pass over the text. */
function positions(text: string, offsets: readonly number[]): { line: number; column: number }[] {
  const order = offsets.map((o, k) => [o, k] as const).sort((a, b) => a[0] - b[0]);
  const out: { line: number; column: number }[] = new Array(offsets.length);
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const [offset, k] of order) {
    for (; at < offset && at < text.length; at++) {
      if (text.charCodeAt(at) === 10) {
        line++;
        lineStart = at + 1;
      }
    }
    out[k] = { line, column: offset - lineStart + 1 };
  }
  return out;
}
