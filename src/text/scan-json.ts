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
  const n = text.length;
  const stack: Frame[] = [];
  const duplicates: { path: (string | number)[]; key: string; offset: number }[] = [];
  let i = 0;

  const done = (error?: { offset: number; message: string }): JsonScan => {
    const offsets = duplicates.map((d) => d.offset);
    if (error !== undefined) offsets.push(error.offset);
    const places = positions(text, offsets);
    const out = duplicates.map((d, k) => ({ path: d.path, key: d.key, ...(places[k] as { line: number; column: number }) }));
    if (error === undefined) return { duplicates: out };
    return { error: { ...(places[places.length - 1] as { line: number; column: number }), message: error.message }, duplicates: out };
  };
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  /** Reads a string at `i` (a quote); returns its end, or a message. */
  const string = (): string | undefined => {
    i++;
    for (;;) {
      if (i >= n) return "a string is not closed (a missing double quote)";
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/u.test(text.slice(i + 2, i + 6))) return "\\u must be followed by four hexadecimal digits";
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else return `"\\${e ?? ""}" is not an escape JSON knows (write \\\\ for a backslash)`;
        continue;
      }
      if (c < 32) return "a line break or other control character inside a string (write \\n or \\t)";
      i++;
    }
  };
  /** Reads `"key":` into the object on top of the stack; returns a message on error. */
  const key = (frame: Frame & { kind: "object" }): string | undefined => {
    skipSpace();
    if (text.charCodeAt(i) !== 34) return "expected a key in double quotes";
    const start = i;
    const bad = string();
    if (bad !== undefined) return bad;
    const raw = text.slice(start + 1, i - 1);
    const name = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
    if (frame.keys.has(name)) duplicates.push({ path: pathOf(stack.slice(0, -1)), key: name, offset: start });
    frame.keys.add(name);
    frame.key = name;
    skipSpace();
    if (text[i] !== ":") return `expected ":" after the key ${JSON.stringify(name)}`;
    i++;
    return undefined;
  };

  for (;;) {
    // A value is expected at i.
    skipSpace();
    if (i >= n) return done({ offset: i, message: "the text ends where a value was expected" });
    const c = text[i];
    let closed = true;
    if (c === "{") {
      i++;
      skipSpace();
      if (text[i] === "}") i++;
      else {
        const frame: Frame = { kind: "object", keys: new Set(), key: "" };
        stack.push(frame);
        const bad = key(frame);
        if (bad !== undefined) return done({ offset: i, message: bad });
        closed = false;
      }
    } else if (c === "[") {
      i++;
      skipSpace();
      if (text[i] === "]") i++;
      else {
        stack.push({ kind: "array", index: 0 });
        closed = false;
      }
    } else if (c === '"') {
      const start = i;
      const bad = string();
      if (bad !== undefined) return done({ offset: i >= n ? start : i, message: bad });
    } else if (text.startsWith("true", i)) i += 4;
    else if (text.startsWith("false", i)) i += 5;
    else if (text.startsWith("null", i)) i += 4;
    else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return done({ offset: i, message: `expected a value (text in double quotes, a number, true, false, null, { or [), not ${JSON.stringify(text.slice(i, i + 10))}` });
      i = NUMBER.lastIndex;
    }
    if (!closed) continue;
    // After a value: a separator or the end of the containers that hold it.
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i < n ? done({ offset: i, message: "unexpected text after the end of the JSON value" }) : done();
      }
      const s = text[i];
      if (s === ",") {
        i++;
        if (top.kind === "array") top.index++;
        else {
          const bad = key(top);
          if (bad !== undefined) return done({ offset: i, message: bad });
        }
        break;
      }
      if ((top.kind === "object" && s === "}") || (top.kind === "array" && s === "]")) {
        i++;
        stack.pop();
        continue;
      }
      const what = top.kind === "object" ? `"," or "}"` : `"," or "]"`;
      return done({ offset: i, message: i >= n ? `the text ends where ${what} was expected` : `expected ${what}` });
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
