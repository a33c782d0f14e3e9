// A probe, not a benchmark: the least a JavaScript reader of a CSV of plain numbers can do on one
// thread. It reads the file in 4 MiB pieces, finds every cell between commas and line feeds, and
// reads each as a number (digits as a whole number divided by a power of ten), without strings,
// quotes, trimming, checks or anything kept: `node bench/byte-loop.mjs <file.csv>`. What the
// stream's reader and scorer do beyond this is what they cost (docs/performance.md).
import { openSync, readSync } from "node:fs";

const fd = openSync(process.argv[2], "r");
const piece = Buffer.allocUnsafe(4 << 20);
const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);
const last = new Float64Array(1 << 16);
let cells = 0;
let lines = 0;
let position = 0;
let carried = 0;
const start = performance.now();
for (;;) {
  const read = readSync(fd, piece, carried, piece.length - carried, position);
  if (read === 0) break;
  position += read;
  const end = carried + read;
  let lineEnd = end - 1;
  while (lineEnd >= 0 && piece[lineEnd] !== 10) lineEnd--;
  let i = 0;
  while (i <= lineEnd) {
    let whole = 0;
    let decimals = 0;
    let point = false;
    let plain = true;
    const from = i;
    let c = piece[i];
    while (c !== 44 && c !== 10) {
      if (c >= 48 && c <= 57) {
        whole = whole * 10 + (c - 48);
        if (point) decimals++;
      } else if (c === 46 && !point) point = true;
      else plain = false;
      c = piece[++i];
    }
    last[cells++ & 0xffff] = plain && i > from ? whole / POWERS[decimals] : NaN;
    if (c === 10) lines++;
    i++;
  }
  carried = end - (lineEnd + 1);
  piece.copy(piece, 0, lineEnd + 1, end);
}
console.log(`${lines} lines, ${cells} cells in ${((performance.now() - start) / 1000).toFixed(2)} s`);
