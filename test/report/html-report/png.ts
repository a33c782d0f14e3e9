import { inflateSync } from "node:zlib";

/** A decoded 8-bit RGB(A) PNG: size and the pixels as RGBA bytes. */
export interface Png {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** Decodes a non-interlaced 8-bit truecolour (RGB or RGBA) PNG, as Chromium writes screenshots. */
export function decodePng(buf: Buffer): Png {
  const signature = "89504e470d0a1a0a";
  if (buf.subarray(0, 8).toString("hex") !== signature) throw new Error("not a PNG");
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.subarray(pos + 4, pos + 8).toString("latin1");
    const data = buf.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      colorType = data[9] ?? 0;
      if (depth !== 8 || (colorType !== 2 && colorType !== 6) || data[12] !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${data[12]}`);
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    pos += 12 + length;
  }
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? (cur[i - bpp] as number) : 0;
      const b = prev[i] as number;
      const c = i >= bpp ? (prev[i - bpp] as number) : 0;
      const x = line[i] as number;
      let v: number;
      switch (filter) {
        case 0: v = x; break;
        case 1: v = x + a; break;
        case 2: v = x + b; break;
        case 3: v = x + ((a + b) >> 1); break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default: throw new Error(`bad PNG filter ${filter}`);
      }
      cur[i] = v & 0xff;
    }
    for (let px = 0; px < width; px++) {
      const o = (y * width + px) * 4;
      out[o] = cur[px * bpp] as number;
      out[o + 1] = cur[px * bpp + 1] as number;
      out[o + 2] = cur[px * bpp + 2] as number;
      out[o + 3] = bpp === 4 ? (cur[px * bpp + 3] as number) : 255;
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

/** Luminance statistics of a rectangle: mean, variance, share of non-white pixels, distinct colours. */
export function regionStats(png: Png, x0: number, y0: number, w: number, h: number) {
  let sum = 0;
  let sum2 = 0;
  let ink = 0;
  const colors = new Set<number>();
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const o = (y * png.width + x) * 4;
      const r = png.rgba[o] as number;
      const g = png.rgba[o + 1] as number;
      const b = png.rgba[o + 2] as number;
      const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      sum += l;
      sum2 += l * l;
      if (l < 235) ink += 1;
      colors.add((r << 16) | (g << 8) | b);
    }
  }
  const n = w * h;
  const mean = sum / n;
  return { mean, variance: sum2 / n - mean * mean, ink: ink / n, colors: colors.size };
}

/** The RGB of one pixel. */
export function pixel(png: Png, x: number, y: number): [number, number, number] {
  const o = (y * png.width + x) * 4;
  return [png.rgba[o] as number, png.rgba[o + 1] as number, png.rgba[o + 2] as number];
}
