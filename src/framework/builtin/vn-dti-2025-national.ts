/**
 * National DTI from 2024 on (405/QĐ-BKHCN): 12 indicators in three pillars, 400 + 300 + 300 =
 * 1000 points. The 12 indicators are not public in full, so the pillar values are inputs.
 *
 * @module
 */
import type { FrameworkDefinition } from "../types.ts";

/**
 * The national DTI of 405/QĐ-BKHCN (03/04/2025): Chính phủ số (4 indicators, 400 points), Kinh tế
 * số (3, 300) and Xã hội số (5, 300); DTI = Σ pillar value × points / 1000.
 *
 * @example
 * ```ts
 * import { getFramework, score } from "dti";
 * score(getFramework("vn-dti-2025-national"), [{ unit: "Việt Nam", government: 0.8, economy: 0.7, society: 0.9 }])
 *   .units[0].value; // => "0.8000"
 * ```
 */
export const vnDti2025National: FrameworkDefinition = {
  id: "vn-dti-2025-national",
  version: "1.0.0",
  title: {
    vi: "Bộ chỉ số chuyển đổi số cấp quốc gia (405/QĐ-BKHCN)",
    en: "National Digital Transformation Index (Decision 405/QĐ-BKHCN)",
  },
  level: "national",
  source: {
    decision: "405/QĐ-BKHCN",
    date: "2025-04-03",
    issuer: "Bộ Khoa học và Công nghệ (Ministry of Science and Technology)",
    appliesTo: "DTI 2024 onward (national)",
    references: [
      "https://thuvienphapluat.vn/bulletin/document.aspx?bid=80c046b9-9fe8-4f3f-8c21-09a875e66f3c&key=CbEyTxFir7vKATT7XIRXAw%3D%3D",
      "https://skhcn.laocai.gov.vn/tin-trong-nuoc/ban-hanh-bo-chi-so-danh-gia-chuyen-doi-so-dti-nam-2025-1337596",
      "https://ngaynay.vn/viet-nam-tang-15-bac-trong-bang-xep-hang-chinh-phu-dien-tu-post165605.html",
    ],
  },
  root: {
    id: "dti",
    name: { vi: "Chỉ số chuyển đổi số quốc gia", en: "National Digital Transformation Index" },
    short: "DTI",
    maxPoints: 1000,
    children: [
      {
        id: "government",
        name: { vi: "Chính phủ số", en: "Digital government" },
        short: "CPS",
        maxPoints: 400,
        note: "4 indicators in the decision (incl. the UN e-government rank, EGDI); pillar value in [0, 1] as input.",
        rule: { type: "value" },
      },
      {
        id: "economy",
        name: { vi: "Kinh tế số", en: "Digital economy" },
        short: "KTS",
        maxPoints: 300,
        note: "3 indicators in the decision; pillar value in [0, 1] as input.",
        rule: { type: "value" },
      },
      {
        id: "society",
        name: { vi: "Xã hội số", en: "Digital society" },
        short: "XHS",
        maxPoints: 300,
        note: "5 indicators in the decision; pillar value in [0, 1] as input.",
        rule: { type: "value" },
      },
    ],
  },
  uncertain: [
    {
      fact:
        "The 12 national indicators (names, points, formulas) are not public in full in the sources read, so the three pillar values are inputs; the pillar points 400/300/300 are published.",
      confidence: "low",
      nodes: ["government", "economy", "society"],
    },
    {
      fact: "That the national DTI is the points-weighted total of its pillars (Σ points / 1000) is assumed by analogy with the province level.",
      confidence: "medium",
      nodes: ["dti"],
    },
  ],
  decimals: 4,
};
