// Generates the SYNTHETIC fixtures (see fixtures/README.md) and the 2025 merge map:
//
//   fixtures/provinces-63-synthetic.csv / .json / -long.csv   63 pre-2025 provinces
//   fixtures/provinces-34-synthetic.csv / .json               34 post-merger provinces
//   fixtures/merge-2025.csv                                   63 → 34 (Nghị quyết 202/2025/QH15)
//
// The indicator values are made up by a seeded generator (mulberry32), so the output is the same
// on every run: `node scripts/make-fixtures.mjs`. They are NOT published DTI data. The province
// names, codes, regions and the merge map are real (sources in fixtures/README.md).
//
// Arithmetic is done on integers (values in units of 0.0001), so ties are exact.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./mulberry32.mjs";

const OUT = fileURLToPath(new URL("../fixtures/", import.meta.url));

// The 8 scored main indicators of 922/QĐ-BTTTT (and, as assumed, 405/QĐ-BKHCN): id, Vietnamese
// name (CSV header), max points.
const INDICATORS = [
  ["awareness", "Nhận thức số", 100],
  ["institutions", "Thể chế số", 100],
  ["infrastructure", "Hạ tầng số", 100],
  ["human-resources", "Nhân lực số", 100],
  ["cybersecurity", "An toàn thông tin mạng", 100],
  ["digital-government", "Hoạt động chính quyền số", 200],
  ["digital-economy", "Hoạt động kinh tế số", 150],
  ["digital-society", "Hoạt động xã hội số", 150],
];
const POINTS = INDICATORS.map((i) => i[2]);
// Typical offsets of each indicator from a province's overall level (activity in digital society
// is the weakest everywhere in the published 2022 table, awareness and institutions the strongest).
const OFFSETS = [0.12, 0.1, 0.02, -0.02, -0.04, 0.06, -0.03, -0.15];

// The six socio-economic regions (Vùng kinh tế - xã hội).
const TDMNPB = "Trung du và miền núi phía Bắc";
const DBSH = "Đồng bằng sông Hồng";
const BTB = "Bắc Trung Bộ và duyên hải miền Trung";
const TN = "Tây Nguyên";
const DNB = "Đông Nam Bộ";
const DBSCL = "Đồng bằng sông Cửu Long";

// The 63 pre-2025 provinces: name as dti.gov.vn writes it (2022 ranking page), official code
// (Quyết định 124/2004/QĐ-TTg), region, and the province it belongs to from 1 July 2025.
const P63 = [
  ["TP. Hà Nội", "01", DBSH, "TP. Hà Nội"],
  ["Hà Giang", "02", TDMNPB, "Tuyên Quang"],
  ["Cao Bằng", "04", TDMNPB, "Cao Bằng"],
  ["Bắc Kạn", "06", TDMNPB, "Thái Nguyên"],
  ["Tuyên Quang", "08", TDMNPB, "Tuyên Quang"],
  ["Lào Cai", "10", TDMNPB, "Lào Cai"],
  ["Điện Biên", "11", TDMNPB, "Điện Biên"],
  ["Lai Châu", "12", TDMNPB, "Lai Châu"],
  ["Sơn La", "14", TDMNPB, "Sơn La"],
  ["Yên Bái", "15", TDMNPB, "Lào Cai"],
  ["Hòa Bình", "17", TDMNPB, "Phú Thọ"],
  ["Thái Nguyên", "19", TDMNPB, "Thái Nguyên"],
  ["Lạng Sơn", "20", TDMNPB, "Lạng Sơn"],
  ["Quảng Ninh", "22", DBSH, "Quảng Ninh"],
  ["Bắc Giang", "24", TDMNPB, "Bắc Ninh"],
  ["Phú Thọ", "25", TDMNPB, "Phú Thọ"],
  ["Vĩnh Phúc", "26", DBSH, "Phú Thọ"],
  ["Bắc Ninh", "27", DBSH, "Bắc Ninh"],
  ["Hải Dương", "30", DBSH, "TP. Hải Phòng"],
  ["TP. Hải Phòng", "31", DBSH, "TP. Hải Phòng"],
  ["Hưng Yên", "33", DBSH, "Hưng Yên"],
  ["Thái Bình", "34", DBSH, "Hưng Yên"],
  ["Hà Nam", "35", DBSH, "Ninh Bình"],
  ["Nam Định", "36", DBSH, "Ninh Bình"],
  ["Ninh Bình", "37", DBSH, "Ninh Bình"],
  ["Thanh Hóa", "38", BTB, "Thanh Hóa"],
  ["Nghệ An", "40", BTB, "Nghệ An"],
  ["Hà Tĩnh", "42", BTB, "Hà Tĩnh"],
  ["Quảng Bình", "44", BTB, "Quảng Trị"],
  ["Quảng Trị", "45", BTB, "Quảng Trị"],
  ["Thừa Thiên - Huế", "46", BTB, "TP. Huế"],
  ["TP. Đà Nẵng", "48", BTB, "TP. Đà Nẵng"],
  ["Quảng Nam", "49", BTB, "TP. Đà Nẵng"],
  ["Quảng Ngãi", "51", BTB, "Quảng Ngãi"],
  ["Bình Định", "52", BTB, "Gia Lai"],
  ["Phú Yên", "54", BTB, "Đắk Lắk"],
  ["Khánh Hòa", "56", BTB, "Khánh Hòa"],
  ["Ninh Thuận", "58", BTB, "Khánh Hòa"],
  ["Bình Thuận", "60", BTB, "Lâm Đồng"],
  ["Kon Tum", "62", TN, "Quảng Ngãi"],
  ["Gia Lai", "64", TN, "Gia Lai"],
  ["Đắk Lắk", "66", TN, "Đắk Lắk"],
  ["Đắk Nông", "67", TN, "Lâm Đồng"],
  ["Lâm Đồng", "68", TN, "Lâm Đồng"],
  ["Bình Phước", "70", DNB, "Đồng Nai"],
  ["Tây Ninh", "72", DNB, "Tây Ninh"],
  ["Bình Dương", "74", DNB, "TP. Hồ Chí Minh"],
  ["Đồng Nai", "75", DNB, "Đồng Nai"],
  ["Bà Rịa - Vũng Tàu", "77", DNB, "TP. Hồ Chí Minh"],
  ["TP. Hồ Chí Minh", "79", DNB, "TP. Hồ Chí Minh"],
  ["Long An", "80", DBSCL, "Tây Ninh"],
  ["Tiền Giang", "82", DBSCL, "Đồng Tháp"],
  ["Bến Tre", "83", DBSCL, "Vĩnh Long"],
  ["Trà Vinh", "84", DBSCL, "Vĩnh Long"],
  ["Vĩnh Long", "86", DBSCL, "Vĩnh Long"],
  ["Đồng Tháp", "87", DBSCL, "Đồng Tháp"],
  ["An Giang", "89", DBSCL, "An Giang"],
  ["Kiên Giang", "91", DBSCL, "An Giang"],
  ["TP. Cần Thơ", "92", DBSCL, "TP. Cần Thơ"],
  ["Hậu Giang", "93", DBSCL, "TP. Cần Thơ"],
  ["Sóc Trăng", "94", DBSCL, "TP. Cần Thơ"],
  ["Bạc Liêu", "95", DBSCL, "Cà Mau"],
  ["Cà Mau", "96", DBSCL, "Cà Mau"],
];

// The 34 provinces from 1 July 2025: name, code (Cục Thống kê 2025 list), region. A merged
// province is given the region of the pre-merger province whose name it keeps (a convenience for
// the synthetic data, not an official regional assignment).
const P34 = [
  ["TP. Hà Nội", "01", DBSH],
  ["Cao Bằng", "04", TDMNPB],
  ["Tuyên Quang", "08", TDMNPB],
  ["Điện Biên", "11", TDMNPB],
  ["Lai Châu", "12", TDMNPB],
  ["Sơn La", "14", TDMNPB],
  ["Lào Cai", "15", TDMNPB],
  ["Thái Nguyên", "19", TDMNPB],
  ["Lạng Sơn", "20", TDMNPB],
  ["Quảng Ninh", "22", DBSH],
  ["Bắc Ninh", "24", DBSH],
  ["Phú Thọ", "25", TDMNPB],
  ["TP. Hải Phòng", "31", DBSH],
  ["Hưng Yên", "33", DBSH],
  ["Ninh Bình", "37", DBSH],
  ["Thanh Hóa", "38", BTB],
  ["Nghệ An", "40", BTB],
  ["Hà Tĩnh", "42", BTB],
  ["Quảng Trị", "44", BTB],
  ["TP. Huế", "46", BTB],
  ["TP. Đà Nẵng", "48", BTB],
  ["Quảng Ngãi", "51", BTB],
  ["Gia Lai", "52", TN],
  ["Khánh Hòa", "56", BTB],
  ["Đắk Lắk", "66", TN],
  ["Lâm Đồng", "68", TN],
  ["Đồng Nai", "75", DNB],
  ["TP. Hồ Chí Minh", "79", DNB],
  ["Tây Ninh", "80", DNB],
  ["Đồng Tháp", "82", DBSCL],
  ["Vĩnh Long", "86", DBSCL],
  ["An Giang", "91", DBSCL],
  ["TP. Cần Thơ", "92", DBSCL],
  ["Cà Mau", "96", DBSCL],
];


/** Total points × 10⁴ (an integer); DTI = total / 10⁷. */
const total = (values) => values.reduce((s, v, i) => s + v * POINTS[i], 0);
/** The DTI rounded half-up to 4 decimals, as an integer of 10⁻⁴ units. */
const published = (values) => Math.floor((total(values) + 500) / 1000);
const fmt = (v, comma) => {
  const s = `${Math.floor(v / 10000)}.${String(v % 10000).padStart(4, "0")}`;
  return comma ? s.replace(".", ",") : s;
};
const clamp = (v) => Math.min(10000, Math.max(500, v));

/**
 * Generates 4-decimal values for `names`: each unit gets a level in [0.47, 0.83], each indicator
 * that level plus its offset plus uniform noise of ±0.06, clamped to [0.05, 1].
 */
function generate(names, seed) {
  const rng = mulberry32(seed);
  return names.map(() => {
    const level = 0.47 + 0.36 * rng();
    return OFFSETS.map((o) => clamp(Math.round((level + o + (rng() - 0.5) * 0.12) * 10000)));
  });
}

/** Makes `b` an exact copy of `a`'s total with different values (Σ Δ × points = 0). */
const EXACT_DELTA = [150, -250, 100, 200, -200, -60, 80, 0];
/** Differs from a by 0.000015 in DTI: equal at 4 decimals only when a's total allows it. */
const NEAR_DELTA = [150, -250, 100, 200, -200, -60, 80, 1];

function applyDelta(values, delta) {
  const out = values.map((v, i) => v + (delta[i] ?? 0));
  if (out.some((v) => v < 500 || v > 10000)) throw new Error("delta leaves the value range");
  return out;
}

/**
 * Builds a data set with the designed ties and no accidental ones: every other pair of units
 * differs at 4 decimals. `exact` = [a, b]: b gets a's exact total. `near` = [c, d]: d's total is
 * 0.000015 above c's and both publish the same 4-decimal DTI.
 */
function build(names, seed, exact, near) {
  const values = generate(names, seed);
  const at = (name) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`unknown unit ${name}`);
    return i;
  };
  const [a, b] = exact.map(at);
  const inRange = (delta) => values[a].every((v, i) => v + delta[i] >= 500 && v + delta[i] <= 10000);
  values[b] = applyDelta(values[a], inRange(EXACT_DELTA) ? EXACT_DELTA : EXACT_DELTA.map((d) => -d));
  if (near !== undefined) {
    const [c, d] = near.map(at);
    // Move c's digital-society value until c and c + 0.000015 round to the same 4 decimals.
    while (published(values[c]) !== published(applyDelta(values[c], NEAR_DELTA))) values[c][7] += 1;
    values[d] = applyDelta(values[c], NEAR_DELTA);
  }
  const pairs = [[a, b]];
  if (near !== undefined) pairs.push(near.map(at));
  const fixed = new Set(pairs.flat());
  const designedPair = (x, y) => pairs.some(([p, q]) => (p === x && q === y) || (p === y && q === x));
  // Remove accidental ties at 4 decimals by nudging digital-society of a unit outside the pairs.
  for (let changed = true; changed; ) {
    changed = false;
    const seen = new Map();
    values.forEach((v, i) => {
      const key = published(v);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i);
        return;
      }
      if (designedPair(first, i)) return;
      const j = !fixed.has(i) ? i : !fixed.has(first) ? first : -1;
      if (j < 0) throw new Error(`designed units ${names[first]} and ${names[i]} tie by accident: change the seed`);
      values[j][7] += values[j][7] + 7 <= 10000 ? 7 : -7;
      changed = true;
    });
  }
  for (const [i, v] of values.entries()) {
    const dti = total(v) / 1e7;
    if (dti < 0.45 || dti > 0.85) throw new Error(`${names[i]}: DTI ${dti} outside [0.45, 0.85]`);
  }
  return values;
}

function writeWide(base, rows, values) {
  const header = ["Tỉnh/thành phố", "Mã", "Vùng", ...INDICATORS.map((i) => i[1])];
  const lines = [header.join(";")];
  rows.forEach(([name, code, region], k) => lines.push([name, code, region, ...values[k].map((v) => fmt(v, true))].join(";")));
  writeFileSync(`${OUT}${base}.csv`, `\uFEFF${lines.join("\r\n")}\r\n`);
  const records = rows.map(([name, code, region], k) => {
    const rec = { unit: name, "Mã": code, "Vùng": region };
    INDICATORS.forEach(([id], i) => (rec[id] = values[k][i] / 10000));
    return rec;
  });
  writeFileSync(`${OUT}${base}.json`, `[\n${records.map((r) => `  ${JSON.stringify(r)}`).join(",\n")}\n]\n`);
}

function summary(label, rows, values) {
  const order = rows.map((r, i) => [r[0], total(values[i])]).sort((x, y) => y[1] - x[1]);
  console.log(`${label}: DTI ${(order.at(-1)[1] / 1e7).toFixed(6)} … ${(order[0][1] / 1e7).toFixed(6)}`);
  const byPublished = new Map();
  rows.forEach((r, i) => {
    const key = published(values[i]);
    byPublished.set(key, [...(byPublished.get(key) ?? []), `${r[0]} (${total(values[i]) / 1e7})`]);
  });
  for (const [key, units] of byPublished) if (units.length > 1) console.log(`  tie at ${fmt(key, false)}: ${units.join(", ")}`);
}

// 63 provinces: an exact tie (Bình Định = Vĩnh Long) and a tie at 4 decimals only (Hà Tĩnh ≈ Phú Yên).
const names63 = P63.map((p) => p[0]);
const v63 = build(names63, 20220712, ["Bình Định", "Vĩnh Long"], ["Hà Tĩnh", "Phú Yên"]);
writeWide("provinces-63-synthetic", P63, v63);
summary("63 provinces", P63, v63);

const long = ["unit,indicator,value"];
P63.forEach(([name], k) => INDICATORS.forEach(([id], i) => long.push(`${name},${id},${fmt(v63[k][i], false)}`)));
writeFileSync(`${OUT}provinces-63-synthetic-long.csv`, `${long.join("\n")}\n`);

// 34 provinces: an exact tie (Lạng Sơn = Tây Ninh).
const names34 = P34.map((p) => p[0]);
const v34 = build(names34, 20250701, ["Lạng Sơn", "Tây Ninh"], undefined);
writeWide("provinces-34-synthetic", P34, v34);
summary("34 provinces", P34, v34);

// The merge map: every old province, its new province, and the new province's code and region.
const byName34 = new Map(P34.map((p) => [p[0], p]));
const merge = ["unit,merged,merged code,merged group"];
for (const [name, , , into] of P63) {
  const target = byName34.get(into);
  if (target === undefined) throw new Error(`${name} → ${into}: not one of the 34`);
  merge.push(`${name},${into},${target[1]},${target[2]}`);
}
const targets = new Set(P63.map((p) => p[3]));
if (targets.size !== 34 || P63.length !== 63) throw new Error(`expected 63 → 34, got ${P63.length} → ${targets.size}`);
writeFileSync(`${OUT}merge-2025.csv`, `${merge.join("\n")}\n`);
console.log("wrote fixtures/provinces-63-synthetic.{csv,json}, provinces-63-synthetic-long.csv, provinces-34-synthetic.{csv,json}, merge-2025.csv");
