// The streamed CLI's chunks checked as the whole file read at once is checked (`decodeText`, then
// `parseCsv`): the same DATA_ENCODING error (row, message) for bytes that are not UTF-8, a NUL or a
// U+FFFD, wherever the chunks are cut; a UTF-16 file given on as the UTF-8 of its text.
import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkedChunks, checkedChunksAsync } from "../../src/cli/utf8-chunks.ts";
import { decodeText } from "../../src/cli/decode-text.ts";
import { parseCsv } from "../../src/input/csv/parse-csv.ts";
import { isDtiError, type Issue } from "../../src/errors.ts";

const DIR = ".tmp/test-utf8-chunks";
const utf8 = (text: string) => [...new TextEncoder().encode(text)];
const bytesOf = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? utf8(p) : p)));
const utf16 = (text: string, le: boolean) => {
  const out = [le ? 0xff : 0xfe, le ? 0xfe : 0xff];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
};

const HEAD = "Tỉnh,a\r\nHà Nội,0.5\r\n";
const FILES: Record<string, Uint8Array> = {
  valid: bytesOf([0xef, 0xbb, 0xbf], HEAD, "Huế 🌏,0.7\n"),
  overlong: bytesOf(HEAD, "Hu", [0xc0, 0xaf], ",0.7\n"),
  surrogate: bytesOf(HEAD, "Hu", [0xed, 0xa0, 0x80], ",0.7\n"),
  nul: bytesOf(HEAD, "Hu", [0x00], "ế,0.7\n"),
  replacement: bytesOf(HEAD, "Hu\uFFFD,0.7\n"),
  "latin1-header": bytesOf("T", [0xec], "nh,a\nHuế,0.7\n"),
  "latin1-name": bytesOf(HEAD, "Qu", [0xe3], "ng Ninh,0.7\n"),
  "cut-at-end": bytesOf(HEAD, "Hu", [0xe1, 0xbb]),
  "nul-then-bad": bytesOf(HEAD, "A", [0x00], ",0.1\nB", [0xff], ",0.2\n"),
  "cr-lines-nul": bytesOf("Tỉnh,a\rHà Nội,0.5\r\rHu", [0x00], ",0.7\r"),
  zip: bytesOf([0x50, 0x4b, 3, 4, 0x14, 0x00, 0x08, 0x00, 0xc8, 0xff]),
  "utf16le": utf16(`${HEAD}Huế 🌏,0.7\n`, true),
  "utf16be": utf16(`${HEAD}Huế,0.7\r`, false),
  "utf16le-nul": utf16(`${HEAD}\r\nHu\u0000ế,0.7\n`, true),
  "utf16le-odd": Uint8Array.from([...utf16(`${HEAD}Huế,0.7\n`, true), 0x41]),
};

/** What the full reader says of `bytes`: its DATA_ENCODING issue, or the text it reads. */
function fullReader(bytes: Uint8Array, file: string): { issue?: Issue | undefined; text?: string } {
  let text: string;
  try {
    text = decodeText(bytes, file);
  } catch (e) {
    if (!isDtiError(e)) throw e;
    return { issue: e.issues[0] };
  }
  const issue = parseCsv(text).issues.find((i) => i.code === "DATA_ENCODING");
  return issue === undefined ? { text } : { issue };
}

/** The bytes cut at `cuts`. */
const cut = (bytes: Uint8Array, cuts: readonly number[]) => [0, ...cuts].map((at, k) => bytes.subarray(at, k < cuts.length ? cuts[k] : bytes.length));

async function streamed(chunks: Uint8Array[], file: string, sync: boolean): Promise<{ issue?: Issue | undefined; bytes?: Uint8Array }> {
  const out: Uint8Array[] = [];
  try {
    if (sync) for (const c of checkedChunks(chunks, file)) out.push(c);
    else {
      async function* source() {
        yield* chunks;
      }
      for await (const c of checkedChunksAsync(source(), file)) out.push(c);
    }
  } catch (e) {
    if (!isDtiError(e)) throw e;
    return { issue: e.issues[0] };
  }
  return { bytes: Buffer.concat(out) };
}

describe("checkedChunks", () => {
  mkdirSync(DIR, { recursive: true });
  for (const [name, bytes] of Object.entries(FILES)) {
    it(`says what the full reader says of ${name}, wherever the chunks are cut`, async () => {
      const file = `${DIR}/${name}.csv`;
      writeFileSync(file, bytes);
      const full = fullReader(bytes, file);
      const cuts: number[][] = [[], Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)];
      for (let i = 1; i < bytes.length; i++) cuts.push([i]);
      for (const at of cuts) {
        for (const sync of [true, false]) {
          const got = await streamed(cut(bytes, at), file, sync);
          if (full.issue !== undefined) expect(got.issue, `${name} cut at ${at.join(",")}`).toEqual(full.issue);
          else {
            expect(got.issue).toBeUndefined();
            // UTF-8 given on as it is (its BOM dropped later, by the CSV reader); UTF-16 as the UTF-8 of its text.
            const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(got.bytes!);
            expect(text.replace(/^\uFEFF/u, ""), `${name} cut at ${at.join(",")}`).toBe(full.text);
          }
        }
      }
    });
  }

  it("names the full reader's errors (a sample, to read)", () => {
    const say = (name: string) => fullReader(FILES[name]!, `${DIR}/${name}.csv`).issue?.message;
    expect(say("overlong")).toMatch(/is not UTF-8 \(invalid byte 0xc0 at offset \d+, line 3\)/u);
    expect(say("nul-then-bad")).toMatch(/invalid byte 0xff/u);
    expect(say("cr-lines-nul")).toBe('line 4 holds NUL characters: the file looks like UTF-16; save it as "CSV UTF-8"');
    expect(say("utf16le-nul")).toMatch(/^line 4 holds NUL/u);
    expect(say("zip")).toMatch(/is a zip file/u);
  });
});
