// The stems and final numbers of names, read once for the order of tied units, are those of their
// definition: the text before the final number (one id per distinct text) and that number's value.
import { describe, expect, it } from "vitest";
import { numberedNameReader, numberedNames } from "../../src/rank/numbered-names.ts";
import { trailingNumberStart } from "../../src/text/collator.ts";
import { prng } from "../helpers/prng.ts";

/** By definition: the stem's text cut out and looked up, the number read by `Number`. */
function byDefinition(names: readonly string[]) {
  const ids = new Map<string, number>();
  return names.map((name) => {
    const at = trailingNumberStart(name);
    if (at < 0) return [-1, 0];
    const stem = name.slice(0, at);
    if (!ids.has(stem)) ids.set(stem, ids.size);
    return [ids.get(stem)!, Number(name.slice(at))];
  });
}

describe("numberedNames", () => {
  it("gives each name its stem and final number as their definition does (400 random lists, stems in runs and mixed)", () => {
    const next = prng(5);
    const stems = ["Phường ", "Phường", "Phườn", "Xã ", "Tổ ", "Ấp ", "Doanh nghiệp ", "doanh nghiệp ", "", "Huế", "Quận 1", "X"];
    for (let t = 0; t < 400; t++) {
      const names: string[] = [];
      let stem = stems[0]!;
      for (let k = Math.floor(next() * 60); k > 0; k--) {
        // Mostly the same stem as the name before, sometimes another.
        if (next() < 0.3) stem = stems[Math.floor(next() * stems.length)]!;
        const digits = Math.floor(next() * 18);
        const number = digits === 0 ? "" : `${1 + Math.floor(next() * 9)}${Array.from({ length: digits - 1 }, () => Math.floor(next() * 10)).join("")}`;
        names.push(next() < 0.05 ? `${stem}0${number}` : `${stem}${number}`);
      }
      const got = numberedNames(names.length, (i) => names[i]!);
      expect(names.map((_, i) => [got.stem[i], got.stem[i]! < 0 ? 0 : got.number[i]])).toEqual(byDefinition(names));
      // The same given one at a time to a reader that starts small and grows (the streamed CLI's).
      const reader = numberedNameReader(1);
      for (const name of names) reader.add(name);
      const read = reader.names();
      expect(read.stem.length).toBe(names.length);
      expect(names.map((_, i) => [read.stem[i], read.stem[i]! < 0 ? 0 : read.number[i]])).toEqual(byDefinition(names));
    }
  });
});
