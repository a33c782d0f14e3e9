/**
 * DTI 2021-2023, ministry level (922/QĐ-BTTTT): 6 main indicators, 1000 points.
 *
 * @module
 */
import type { FrameworkDefinition } from "../types.ts";

/**
 * The ministry-level DTI of 922/QĐ-BTTTT (20/05/2022): five foundation indicators of 100 points
 * each and "Hoạt động chuyển đổi số" of 500 points; DTI = total points / 1000. Ministries are
 * ranked in two groups (with / without public services): pass the group column (e.g. "Khối") as
 * the ranking group.
 *
 * @example
 * ```ts
 * import { getFramework, score } from "dti";
 * const r = score(getFramework("vn-dti-2022-ministry"), [{ unit: "Bộ X", awareness: 0.8, institutions: 0.7,
 *   infrastructure: 0.9, "human-resources": 0.6, cybersecurity: 0.5, "digital-transformation": 0.4 }]);
 * r.units[0].value; // => "0.5500"
 * ```
 */
export const vnDti2022Ministry: FrameworkDefinition = {
  id: "vn-dti-2022-ministry",
  version: "1.0.0",
  title: {
    vi: "Bộ chỉ số chuyển đổi số cấp bộ (922/QĐ-BTTTT)",
    en: "Ministry-level Digital Transformation Index (Decision 922/QĐ-BTTTT)",
  },
  level: "ministry",
  source: {
    decision: "922/QĐ-BTTTT",
    date: "2022-05-20",
    issuer: "Bộ Thông tin và Truyền thông (Ministry of Information and Communications)",
    appliesTo: "DTI 2021, 2022, 2023 (ministries, ministry-level and government agencies)",
    references: [
      "https://thuviennhadat.vn/vbpl/quyet-dinh-922-qd-btttt-2022-xac-dinh-bo-chi-so-danh-gia-chuyen-doi-so-cua-cac-bo-514140.html",
      "https://businesswiki.codx.vn/bo-chi-so-danh-gia-muc-do-chuyen-doi-so-cua-co-quan-nha-nuoc/",
      "https://travinh.gov.vn/1426/37932/73050/691291/chuyen-doi-so/danh-gia-muc-do-chuyen-doi-so-nam-2022-tra-vinh-xep-hang-25-63-tinh-thanh-pho",
    ],
  },
  root: {
    id: "dti",
    name: { vi: "Chỉ số chuyển đổi số cấp bộ", en: "Ministry-level Digital Transformation Index" },
    short: "DTI",
    maxPoints: 1000,
    children: [
      {
        id: "foundation",
        name: { vi: "Nhóm chỉ số nền tảng chung", en: "Common foundation indicators" },
        maxPoints: 500,
        note: "41 sub-indicators.",
        children: [
          {
            id: "awareness",
            name: { vi: "Nhận thức số", en: "Digital awareness" },
            short: "NTS",
            maxPoints: 100,
            note: "5 sub-indicators.",
            rule: { type: "value" },
          },
          {
            id: "institutions",
            name: { vi: "Thể chế số", en: "Digital institutions" },
            short: "TCS",
            maxPoints: 100,
            note: "11 sub-indicators.",
            rule: { type: "value" },
          },
          {
            id: "infrastructure",
            name: { vi: "Hạ tầng số", en: "Digital infrastructure" },
            short: "HTS",
            maxPoints: 100,
            note: "4 sub-indicators.",
            rule: { type: "value" },
          },
          {
            id: "human-resources",
            name: { vi: "Nhân lực số", en: "Digital human resources" },
            short: "NLS",
            maxPoints: 100,
            note: "5 sub-indicators.",
            rule: { type: "value" },
          },
          {
            id: "cybersecurity",
            name: { vi: "An toàn thông tin mạng", en: "Cybersecurity" },
            short: "ATTTM",
            maxPoints: 100,
            note: "16 sub-indicators.",
            rule: { type: "value" },
          },
        ],
      },
      {
        id: "digital-transformation",
        name: { vi: "Hoạt động chuyển đổi số", en: "Digital transformation activity" },
        short: "HĐCĐS",
        maxPoints: 500,
        note: "29 sub-indicators.",
        rule: { type: "value" },
      },
    ],
  },
  uncertain: [
    {
      fact:
        "That the ministry DTI is total points / 1000 (the weighted mean of the main-indicator values by their points) is assumed by analogy with the province level; the structure and points (5 × 100 + 500) are published.",
      confidence: "medium",
      nodes: ["dti"],
    },
    {
      fact: "Whether ties are decided on the 4-decimal published values or on unrounded totals is not known.",
      confidence: "unverified",
      nodes: ["dti"],
    },
  ],
  decimals: 4,
};
