// The key table finds what a Map of composite keys finds: random texts and years, entries added
// past several growths, equal hashes for different texts (every hash forced into a few values), and
// values replaced.
import { describe, expect, it } from "vitest";
import { keyHash, keyTable } from "../../src/input/key-table.ts";

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe("keyTable", () => {
  for (const [label, hashOf] of [
    ["keyHash", keyHash],
    ["colliding hashes", (text: string, year: number) => keyHash(text, year) & 7],
  ] as const) {
    it(`finds what a Map finds (${label})`, () => {
      const rnd = random(label.length);
      const table = keyTable();
      const map = new Map<string, number>();
      const words = ["huế", "hà nội", "đà nẵng", "cần thơ", "a", "", "ab\u0000c"];
      for (let k = 0; k < 5000; k++) {
        const text = `${words[Math.floor(rnd() * words.length)]}${Math.floor(rnd() * 900)}`;
        const year = rnd() < 0.3 ? 0 : 2020 + Math.floor(rnd() * 3);
        const hash = hashOf(text, year);
        const found = table.find(hash, year, text);
        const key = `${year}\u0000${text}`;
        const expected = map.get(key);
        if (expected === undefined) {
          expect(found).toBe(-1);
          const e = table.add(hash, year, text, k);
          expect(e).toBe(table.size - 1);
          map.set(key, e);
        } else {
          expect(found).toBe(expected);
          expect(table.text(found)).toBe(text);
          if (rnd() < 0.5) table.setValue(found, k);
        }
      }
      expect(table.size).toBe(map.size);
      expect(map.size).toBeGreaterThan(2000);
      for (const [key, e] of map) {
        const [year, text] = [Number(key.slice(0, key.indexOf("\u0000"))), key.slice(key.indexOf("\u0000") + 1)];
        expect(table.find(hashOf(text, year), year, text)).toBe(e);
      }
    });
  }

  it("finds an entry by a key of its text", () => {
    const table = keyTable();
    const lower = (text: string) => text.toLowerCase();
    const e = table.add(keyHash("huế", 0), 0, "Huế", 7);
    expect(table.find(keyHash("huế", 0), 0, "huế", lower)).toBe(e);
    expect(table.find(keyHash("huế", 0), 0, "huế")).toBe(-1);
    expect(table.find(keyHash("huế", 0), 2024, "huế", lower)).toBe(-1);
  });

  it("hashes the text and the year", () => {
    expect(keyHash("huế", 2024)).toBe(keyHash("huế", 2024));
    expect(keyHash("huế", 2024)).not.toBe(keyHash("huế", 2025));
    expect(keyHash("huế", 0)).not.toBe(keyHash("hue", 0));
  });
});
