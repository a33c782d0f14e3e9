import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addText, room, type ByteBuffer } from "../../src/text/utf8-bytes.ts";

/** Any character, the awkward ones often: 1-, 2- and 3-byte ones at their limits, surrogates. */
const char = fc.oneof(
  fc.constantFrom("a", "1", ",", '"', "\n", "ệ", "Đ", "ă", "\u00a0", "\u07ff", "\u0800", "\uffff", "😀", "\ud800", "\udbff", "\udc00", "\udfff", "\u3000"),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const text = (maxLength: number) => fc.array(char, { maxLength }).map((cs) => cs.join(""));

describe("addText", () => {
  it("appends any text's UTF-8 bytes as TextEncoder encodes them (short and long, surrogate pairs, lone surrogates)", () => {
    fc.assert(
      fc.property(fc.array(text(80), { maxLength: 6 }), (texts) => {
        const out: ByteBuffer = { bytes: new Uint8Array(4), length: 0 };
        for (const t of texts) addText(out, t);
        expect(Array.from(out.bytes.subarray(0, out.length))).toEqual(texts.flatMap((t) => Array.from(new TextEncoder().encode(t))));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("room", () => {
  it("grows the buffer to hold n more bytes, keeping those written", () => {
    const out: ByteBuffer = { bytes: Uint8Array.from([1, 2, 3, 4]), length: 3 };
    room(out, 10);
    expect(out.bytes.length).toBeGreaterThanOrEqual(13);
    expect(Array.from(out.bytes.subarray(0, 3))).toEqual([1, 2, 3]);
  });
});
