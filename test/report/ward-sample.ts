// A deterministic synthetic ward sample: 168 wards and communes in 6 clusters, scored by a ward
// index of 16 indicators in 3 pillars with every kind of rule, as wide as the ward rankings that
// lost columns in print (TMĐT, XHS, VNeID, TCNS, WIFI …). Synthetic names and values, seed 168.
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { prng } from "../helpers/prng.ts";

export const wardFramework: FrameworkDefinition = {
  id: "ward-dti-synthetic",
  version: "1.0.0",
  title: { vi: "Chỉ số chuyển đổi số cấp xã (mẫu tổng hợp)", en: "Ward digital transformation index (synthetic)" },
  level: "ward",
  source: { decision: "01/QĐ-MẪU", date: "2025-07-01", issuer: "Ủy ban nhân dân thành phố (mẫu)" },
  root: {
    id: "dti",
    name: { vi: "Chỉ số chuyển đổi số cấp xã", en: "Ward DTI" },
    short: "DTI",
    maxPoints: 1000,
    children: [
      {
        id: "gov",
        name: { vi: "Chính quyền số", en: "Digital government" },
        short: "CQS",
        maxPoints: 400,
        children: [
          { id: "dvctt", name: { vi: "Dịch vụ công trực tuyến toàn trình" }, short: "DVCTT", maxPoints: 100, rule: { type: "ratio" } },
          { id: "hsdt", name: { vi: "Hồ sơ xử lý trực tuyến" }, short: "HSĐT", maxPoints: 80, rule: { type: "ratio" } },
          { id: "vneid", name: { vi: "Tài khoản định danh điện tử VNeID" }, short: "VNeID", maxPoints: 80, rule: { type: "ratio" } },
          { id: "tcns", name: { vi: "Tổ công nghệ số cộng đồng" }, short: "TCNS", maxPoints: 40, rule: { type: "boolean" } },
          { id: "kns", name: { vi: "Cán bộ có kỹ năng số" }, short: "KNS", maxPoints: 60, rule: { type: "points" } },
          { id: "hop", name: { vi: "Họp trực tuyến" }, short: "HTT", maxPoints: 40, rule: { type: "ladder", direction: "higher", steps: [{ threshold: 12, points: 40 }, { threshold: 6, points: 20 }, { threshold: 1, points: 10 }] } },
        ],
      },
      {
        id: "econ",
        name: { vi: "Kinh tế số", en: "Digital economy" },
        short: "KTS",
        maxPoints: 300,
        children: [
          { id: "tmdt", name: { vi: "Hộ kinh doanh bán hàng trên sàn thương mại điện tử" }, short: "TMĐT", maxPoints: 100, rule: { type: "value" } },
          { id: "ttkdtm", name: { vi: "Thanh toán không dùng tiền mặt" }, short: "TTKDTM", maxPoints: 80, rule: { type: "ratio" } },
          { id: "dns", name: { vi: "Doanh nghiệp số" }, short: "DNS", maxPoints: 60, rule: { type: "points" } },
          { id: "ocop", name: { vi: "Sản phẩm OCOP bán trực tuyến" }, short: "OCOP", maxPoints: 60, rule: { type: "value" } },
        ],
      },
      {
        id: "soc",
        name: { vi: "Xã hội số", en: "Digital society" },
        short: "XHS",
        maxPoints: 300,
        children: [
          { id: "wifi", name: { vi: "Điểm wifi công cộng miễn phí" }, short: "WIFI", maxPoints: 40, rule: { type: "boolean" } },
          { id: "cks", name: { vi: "Người dân có chữ ký số" }, short: "CKS", maxPoints: 60, rule: { type: "ratio" } },
          { id: "smartphone", name: { vi: "Người dân dùng điện thoại thông minh" }, short: "ĐTTM", maxPoints: 60, rule: { type: "value" } },
          { id: "cap", name: { vi: "Hộ gia đình có cáp quang" }, short: "CQ", maxPoints: 60, rule: { type: "value" } },
          { id: "ytdt", name: { vi: "Hồ sơ sức khỏe điện tử" }, short: "YTĐT", maxPoints: 40, rule: { type: "value" } },
          {
            id: "attt",
            name: { vi: "Mức độ bảo đảm an toàn thông tin" },
            short: "ATTT",
            maxPoints: 40,
            rule: { type: "categorical", categories: [{ label: "Cấp độ 3", points: 40 }, { label: "Cấp độ 2", points: 25 }, { label: "Chưa phân loại", points: 0 }] },
          },
        ],
      },
    ],
  },
};

const STEMS = ["An", "Bình", "Phước", "Thạnh", "Tân", "Hòa", "Long", "Đông", "Tây", "Hiệp", "Phú", "Mỹ", "Thủ", "Đức", "Cát", "Lái"];
const CLUSTERS = ["Cụm trung tâm", "Cụm phía Đông", "Cụm phía Tây", "Cụm phía Nam", "Cụm phía Bắc", "Cụm ven biển"];

/** The 168 ward records (wide, one row each) with their cluster in "Cụm". */
export function wardRecords(count = 168, seed = 168): Record<string, string | number>[] {
  const random = prng(seed);
  const names = new Set<string>();
  const rows: Record<string, string | number>[] = [];
  while (rows.length < count) {
    const kind = rows.length % 3 === 2 ? "Xã" : "Phường";
    const name = `${kind} ${STEMS[Math.floor(random() * STEMS.length)]} ${STEMS[Math.floor(random() * STEMS.length)]}`;
    if (names.has(name)) continue;
    names.add(name);
    const share = (lo: number) => Math.round((lo + random() * (1 - lo)) * 10_000) / 10_000;
    const ratio = (id: string, b: number) => ({ [`${id}.a`]: Math.round(share(0.2) * b), [`${id}.b`]: b });
    rows.push({
      "Đơn vị": name,
      "Cụm": CLUSTERS[rows.length % CLUSTERS.length] as string,
      ...ratio("dvctt", 400 + Math.floor(random() * 600)),
      ...ratio("hsdt", 1000 + Math.floor(random() * 3000)),
      ...ratio("vneid", 20_000 + Math.floor(random() * 40_000)),
      tcns: random() < 0.8 ? "có" : "không",
      kns: Math.round(random() * 60),
      hop: Math.floor(random() * 16),
      tmdt: share(0.1),
      ...ratio("ttkdtm", 5_000 + Math.floor(random() * 5_000)),
      dns: Math.round(random() * 60),
      ocop: share(0),
      wifi: random() < 0.6 ? "có" : "không",
      ...ratio("cks", 10_000 + Math.floor(random() * 20_000)),
      smartphone: share(0.5),
      cap: share(0.4),
      ytdt: share(0.2),
      attt: ["Cấp độ 3", "Cấp độ 2", "Chưa phân loại"][Math.floor(random() * 3)] as string,
    });
  }
  return rows;
}

/** The records as a semicolon-separated CSV (decimal commas, as Vietnamese spreadsheets write). */
export function wardCsv(rows = wardRecords()): string {
  const head = Object.keys(rows[0] as object);
  const cell = (v: string | number) => (typeof v === "number" ? String(v).replace(".", ",") : v);
  return `${head.join(";")}\n${rows.map((r) => head.map((h) => cell(r[h] as string | number)).join(";")).join("\n")}\n`;
}
