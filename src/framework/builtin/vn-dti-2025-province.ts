/**
 * DTI 2024 onward, province level (405/QĐ-BKHCN): 8 main indicators, 47 sub-indicators, 1000
 * points. The points per main indicator are not published in the sources read; this encoding
 * keeps the 922 split (5 × 100 + 200 + 150 + 150) and flags it as unverified.
 *
 * @module
 */
import type { FrameworkDefinition } from "../types.ts";

/**
 * The provincial DTI of 405/QĐ-BKHCN (03/04/2025), used from the DTI 2024 results on (published
 * 21/10/2025 for the 63 pre-merger provinces and for the 34 post-merger ones). Inputs are the
 * main-indicator values in [0, 1]; DTI = Σ value × points / 1000. "Đô thị thông minh" is left
 * out: it is not among the 8 main indicators that the 405 sources list.
 *
 * @example
 * ```ts
 * import { getFramework } from "dti";
 * const fw = getFramework("vn-dti-2025-province");
 * fw.uncertain?.some((u) => u.confidence === "unverified"); // => true
 * ```
 */
export const vnDti2025Province: FrameworkDefinition = {
  id: "vn-dti-2025-province",
  version: "1.0.0",
  title: {
    vi: "Bộ chỉ số chuyển đổi số cấp tỉnh (405/QĐ-BKHCN)",
    en: "Provincial Digital Transformation Index (Decision 405/QĐ-BKHCN)",
  },
  level: "province",
  source: {
    decision: "405/QĐ-BKHCN",
    date: "2025-04-03",
    issuer: "Bộ Khoa học và Công nghệ (Ministry of Science and Technology)",
    appliesTo: "DTI 2024 onward (63 pre-merger and 34 post-merger provinces)",
    references: [
      "https://thuvienphapluat.vn/bulletin/document.aspx?bid=80c046b9-9fe8-4f3f-8c21-09a875e66f3c&key=CbEyTxFir7vKATT7XIRXAw%3D%3D",
      "https://skhcn.laocai.gov.vn/tin-trong-nuoc/ban-hanh-bo-chi-so-danh-gia-chuyen-doi-so-dti-nam-2025-1337596",
      "https://ngaynay.vn/viet-nam-tang-15-bac-trong-bang-xep-hang-chinh-phu-dien-tu-post165605.html",
      "https://vietnamnet.vn/dieu-chinh-bo-chi-so-ve-chuyen-doi-so-theo-huong-danh-gia-hieu-qua-cuoi-cung-2455290.html",
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
        note: "Counts in all three pillars. Points per indicator unverified (922 split assumed).",
        children: [
          {
            id: "awareness",
            name: { vi: "Nhận thức số", en: "Digital awareness" },
            short: "NTS",
            maxPoints: 100,
            note: "Points unverified.",
            rule: { type: "value" },
          },
          {
            id: "institutions",
            name: { vi: "Thể chế số", en: "Digital institutions" },
            short: "TCS",
            maxPoints: 100,
            note: "Points unverified.",
            rule: { type: "value" },
          },
          {
            id: "infrastructure",
            name: { vi: "Hạ tầng số", en: "Digital infrastructure" },
            short: "HTS",
            maxPoints: 100,
            note: "Points unverified.",
            rule: { type: "value" },
          },
          {
            id: "human-resources",
            name: { vi: "Nhân lực số", en: "Digital human resources" },
            short: "NLS",
            maxPoints: 100,
            note: "Points unverified.",
            rule: { type: "value" },
          },
          {
            id: "cybersecurity",
            name: { vi: "An toàn thông tin mạng", en: "Cybersecurity" },
            short: "ATTTM",
            maxPoints: 100,
            note: "Points unverified.",
            rule: { type: "value" },
          },
        ],
      },
      {
        id: "activity",
        name: { vi: "Nhóm chỉ số hoạt động", en: "Activity indicators" },
        maxPoints: 500,
        note: "Points per indicator unverified (922 split assumed).",
        children: [
          {
            id: "digital-government",
            name: { vi: "Hoạt động chính quyền số", en: "Digital government activity" },
            short: "HĐCQS",
            maxPoints: 200,
            note: "Points unverified.",
            rule: { type: "value" },
          },
          {
            id: "digital-economy",
            name: { vi: "Hoạt động kinh tế số", en: "Digital economy activity" },
            short: "HĐKTS",
            maxPoints: 150,
            note: "Points unverified.",
            rule: { type: "value" },
          },
          {
            id: "digital-society",
            name: { vi: "Hoạt động xã hội số", en: "Digital society activity" },
            short: "HĐXHS",
            maxPoints: 150,
            note: "Points unverified.",
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
      note: "Inferred (medium confidence, carried over from 922): (5 foundation indicators + Hoạt động chính quyền số) points / 700, with the unverified points.",
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
      note: "Inferred (medium confidence, carried over from 922): (5 foundation indicators + Hoạt động kinh tế số) points / 650, with the unverified points.",
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
      note: "Inferred (medium confidence, carried over from 922): (5 foundation indicators + Hoạt động xã hội số) points / 650, with the unverified points.",
    },
  ],
  uncertain: [
    {
      fact:
        "The max points of each main indicator are not published in the sources read (only 8 main / 47 sub-indicators / 1000 points, the foundation group 'chiếm phần lớn'). This encoding keeps the 922 split: 5 × 100 + 200 + 150 + 150.",
      confidence: "unverified",
      nodes: [
        "awareness",
        "institutions",
        "infrastructure",
        "human-resources",
        "cybersecurity",
        "digital-government",
        "digital-economy",
        "digital-society",
      ],
    },
    {
      fact:
        "8 or 7 main indicators: vietnamnet, sggp, nhandan and ngaynay say 8 (5 foundation + 3 activity, used here); thanhnien, plo and nld say 7.",
      confidence: "low",
      nodes: ["dti"],
    },
    {
      fact:
        "Đô thị thông minh (0 points in 922) is not among the main indicators the 405 sources list, so it is omitted here.",
      confidence: "medium",
      nodes: ["foundation"],
    },
    {
      fact:
        "Pillar views are carried over from the 922 inference ((5 foundation + the pillar's activity indicator) points / (500 + its max)) and depend on the unverified points.",
      confidence: "low",
      nodes: ["government", "economy", "society"],
    },
    {
      fact: "Whether ties are decided on the 4-decimal published values or on unrounded totals is not known.",
      confidence: "unverified",
      nodes: ["dti"],
    },
  ],
  decimals: 4,
};
