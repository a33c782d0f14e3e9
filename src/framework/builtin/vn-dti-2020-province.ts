/**
 * DTI 2020, province level (1726/QĐ-BTTTT): DTI = 0.4 × Chính quyền số + 0.3 × Kinh tế số +
 * 0.3 × Xã hội số, the three pillar values being inputs.
 *
 * @module
 */
import type { FrameworkDefinition } from "../types.ts";

/**
 * The provincial DTI of 1726/QĐ-BTTTT (12/10/2020), used for the DTI 2020 results. The pillar
 * values are inputs because the weights of the 7 main indicators inside a 2020 pillar are not
 * known; the 40/30/30 pillar weighting reproduces the one fully published row (Bắc Ninh 2020).
 *
 * @example
 * ```ts
 * import { getFramework, score } from "dti";
 * // getFramework("vn-dti-2020-province") is this definition, validated.
 * score(getFramework("vn-dti-2020-province"), [{ unit: "Bắc Ninh", government: 0.4449, economy: 0.3668, society: 0.4052 }])
 *   .units[0].value; // => "0.4096"
 * ```
 */
export const vnDti2020Province: FrameworkDefinition = {
  id: "vn-dti-2020-province",
  version: "1.0.0",
  title: {
    vi: "Bộ chỉ số chuyển đổi số cấp tỉnh (1726/QĐ-BTTTT)",
    en: "Provincial Digital Transformation Index (Decision 1726/QĐ-BTTTT)",
  },
  level: "province",
  source: {
    decision: "1726/QĐ-BTTTT",
    date: "2020-10-12",
    issuer: "Bộ Thông tin và Truyền thông (Ministry of Information and Communications)",
    appliesTo: "DTI 2020",
    references: [
      "https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/Decision-1726-QD-BTTTT-2020-scheme-for-creation-of-digital-transformation-indexes-applicable-to-ministries-457069.aspx",
      "https://vanbanphapluat.co/decision-1726-qd-btttt-2020-scheme-for-creation-of-digital-transformation-indexes-applicable-to-ministries",
      "https://en.dangcongsan.vn/bac-ninh-province-integration-and-development/bac-ninh-s-provincial-digital-transformation-index-ranked-third-nationwide-585850.html",
    ],
  },
  root: {
    id: "dti",
    name: { vi: "Chỉ số chuyển đổi số cấp tỉnh", en: "Provincial Digital Transformation Index" },
    short: "DTI",
    children: [
      {
        id: "government",
        name: { vi: "Chính quyền số", en: "Digital government" },
        short: "CQS",
        weight: 0.4,
        note: "Pillar value in [0, 1] (input). 7 main indicators whose internal weights are not known.",
        rule: { type: "value" },
      },
      {
        id: "economy",
        name: { vi: "Kinh tế số", en: "Digital economy" },
        short: "KTS",
        weight: 0.3,
        note: "Pillar value in [0, 1] (input).",
        rule: { type: "value" },
      },
      {
        id: "society",
        name: { vi: "Xã hội số", en: "Digital society" },
        short: "XHS",
        weight: 0.3,
        note: "Pillar value in [0, 1] (input).",
        rule: { type: "value" },
      },
    ],
  },
  uncertain: [
    {
      fact:
        "The 40/30/30 pillar weighting (Medium–High): it reproduces the only fully published row (Bắc Ninh 2020: CQS 0.4449, KTS 0.3668, XHS 0.4052 → 0.40956 → published 0.4096; the unweighted mean would be 0.4056), and a secondary source speaks of a 400/300/300 split.",
      confidence: "medium",
      nodes: ["government", "economy", "society"],
    },
    {
      fact:
        "How the 7 main indicators are weighted inside a 2020 pillar is not known (one secondary source gives 20 % to the activity indicator and 10 % to each other one, which does not add up to 100 %), so the pillar values are inputs.",
      confidence: "low",
      nodes: ["government", "economy", "society"],
    },
    {
      fact: "Whether ties were decided on the 4-decimal published values or on unrounded totals is not known.",
      confidence: "unverified",
      nodes: ["dti"],
    },
  ],
  decimals: 4,
};
