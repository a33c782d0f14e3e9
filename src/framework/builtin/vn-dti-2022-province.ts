/**
 * DTI 2021-2023, province level (922/QĐ-BTTTT): 9 main indicators, 8 of them scored, 1000 points;
 * DTI = total points / 1000, with the three pillars as views.
 *
 * @module
 */
import type { FrameworkDefinition } from "../types.ts";

/**
 * The provincial DTI of 922/QĐ-BTTTT (20/05/2022), used for the DTI 2021, 2022 and 2023 results.
 * Inputs are the main-indicator values in [0, 1] (points obtained / max points, as dti.gov.vn
 * publishes them); each weighs its max points, so DTI = Σ value × points / 1000. "Đô thị thông
 * minh" is listed with 0 points ("Không tính điểm") and may be left blank.
 *
 * @example
 * ```ts
 * import { getFramework, score } from "dti";
 * const r = score(getFramework("vn-dti-2022-province"), [{ unit: "TP. Đà Nẵng", awareness: 1, institutions: 0.9,
 *   infrastructure: 0.8253, "human-resources": 0.8487, cybersecurity: 0.7578, "digital-government": 0.8575,
 *   "digital-economy": 0.7836, "digital-society": 0.5197 }]);
 * r.units[0].value; // => "0.8002"
 * ```
 */
export const vnDti2022Province: FrameworkDefinition = {
  id: "vn-dti-2022-province",
  version: "1.0.0",
  title: {
    vi: "Bộ chỉ số chuyển đổi số cấp tỉnh (922/QĐ-BTTTT)",
    en: "Provincial Digital Transformation Index (Decision 922/QĐ-BTTTT)",
  },
  level: "province",
  source: {
    decision: "922/QĐ-BTTTT",
    date: "2022-05-20",
    issuer: "Bộ Thông tin và Truyền thông (Ministry of Information and Communications)",
    appliesTo: "DTI 2021, 2022, 2023",
    references: [
      "https://thuviennhadat.vn/vbpl/quyet-dinh-922-qd-btttt-2022-xac-dinh-bo-chi-so-danh-gia-chuyen-doi-so-cua-cac-bo-514140.html",
      "https://eballsviet.com/bo-chi-so-danh-gia-chuyen-doi-so-cap-tinh-59970",
      "https://sctyenbai.gov.vn/vi/tin-tuc/chi-so-chuyen-doi-so-cap-tinh",
      "https://dti.gov.vn/xep-hang-2022",
      "https://baomoi.net.vn/thanh-hoa-tang-3-bac-tren-bang-xep-hang-chuyen-doi-so-nam-2021-c43398226.epi",
      "https://travinh.gov.vn/1426/37932/73050/691291/chuyen-doi-so/danh-gia-muc-do-chuyen-doi-so-nam-2022-tra-vinh-xep-hang-25-63-tinh-thanh-pho",
    ],
  },
  root: {
    id: "dti",
    name: { vi: "Chỉ số chuyển đổi số cấp tỉnh", en: "Provincial Digital Transformation Index" },
    short: "DTI",
    maxPoints: 1000,
    children: [
      {
        id: "foundation",
        name: { vi: "Nhóm chỉ số nền tảng chung", en: "Common foundation indicators" },
        maxPoints: 500,
        note: "Counts in all three pillars.",
        children: [
          {
            id: "awareness",
            name: { vi: "Nhận thức số", en: "Digital awareness" },
            short: "NTS",
            maxPoints: 100,
            note: "10 sub-indicators.",
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
            note: "7 sub-indicators.",
            rule: { type: "value" },
          },
          {
            id: "human-resources",
            name: { vi: "Nhân lực số", en: "Digital human resources" },
            short: "NLS",
            maxPoints: 100,
            note: "13 sub-indicators.",
            rule: { type: "value" },
          },
          {
            id: "cybersecurity",
            name: { vi: "An toàn thông tin mạng", en: "Cybersecurity" },
            short: "ATTTM",
            maxPoints: 100,
            note: "12 sub-indicators.",
            rule: { type: "value" },
          },
          {
            id: "smart-city",
            name: { vi: "Đô thị thông minh", en: "Smart city" },
            short: "ĐTTM",
            maxPoints: 0,
            note: "Không tính điểm (not scored; 3 sub-indicators). May be left blank.",
            rule: { type: "value" },
          },
        ],
      },
      {
        id: "activity",
        name: { vi: "Nhóm chỉ số hoạt động", en: "Activity indicators" },
        maxPoints: 500,
        children: [
          {
            id: "digital-government",
            name: { vi: "Hoạt động chính quyền số", en: "Digital government activity" },
            short: "HĐCQS",
            maxPoints: 200,
            note: "22 sub-indicators; counts in the Chính quyền số pillar only.",
            rule: { type: "value" },
          },
          {
            id: "digital-economy",
            name: { vi: "Hoạt động kinh tế số", en: "Digital economy activity" },
            short: "HĐKTS",
            maxPoints: 150,
            note: "12 sub-indicators; counts in the Kinh tế số pillar only.",
            rule: { type: "value" },
          },
          {
            id: "digital-society",
            name: { vi: "Hoạt động xã hội số", en: "Digital society activity" },
            short: "HĐXHS",
            maxPoints: 150,
            note: "8 sub-indicators; counts in the Xã hội số pillar only.",
            rule: { type: "value" },
          },
        ],
      },
    ],
  },
  views: [
    {
      id: "government",
      name: { vi: "Chính quyền số", en: "Digital government" },
      short: "CQS",
      terms: [
        { node: "awareness" },
        { node: "institutions" },
        { node: "infrastructure" },
        { node: "human-resources" },
        { node: "cybersecurity" },
        { node: "digital-government" },
      ],
      note: "Inferred (medium confidence): (5 scored foundation indicators + Hoạt động chính quyền số) points / 700. The 700-point scale is published; how foundation points enter each pillar is inferred.",
    },
    {
      id: "economy",
      name: { vi: "Kinh tế số", en: "Digital economy" },
      short: "KTS",
      terms: [
        { node: "awareness" },
        { node: "institutions" },
        { node: "infrastructure" },
        { node: "human-resources" },
        { node: "cybersecurity" },
        { node: "digital-economy" },
      ],
      note: "Inferred (medium confidence): (5 scored foundation indicators + Hoạt động kinh tế số) points / 650.",
    },
    {
      id: "society",
      name: { vi: "Xã hội số", en: "Digital society" },
      short: "XHS",
      terms: [
        { node: "awareness" },
        { node: "institutions" },
        { node: "infrastructure" },
        { node: "human-resources" },
        { node: "cybersecurity" },
        { node: "digital-society" },
      ],
      note: "Inferred (medium confidence): (5 scored foundation indicators + Hoạt động xã hội số) points / 650.",
    },
  ],
  uncertain: [
    {
      fact:
        "Pillar values (views) are inferred as (points of the 5 scored foundation indicators + points of the pillar's activity indicator) / (500 + its max): 700, 650, 650. The 700-point Chính quyền số scale and '7 main indicators per pillar = 6 foundation + 1 activity' are published; no published table shows component and pillar values of the same province to confirm it.",
      confidence: "medium",
      nodes: ["government", "economy", "society"],
    },
    {
      fact: "Whether ties are decided on the 4-decimal published values or on unrounded totals is not known (2022 has the tie '15 Thanh Hóa, 15 Yên Bái, 17 Hậu Giang').",
      confidence: "unverified",
      nodes: ["dti"],
    },
  ],
  decimals: 4,
};
