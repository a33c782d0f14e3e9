/**
 * Maturity bands as data: ordered value ranges with labels (vi, en) and explicit edges, and the
 * built-in presets.
 *
 * @module
 */
import { DtiError, error, showValue, type Issue } from "../errors.ts";
import type { LocalizedName } from "../framework/types.ts";

/** One band: a value range with explicit edges. A missing `min` or `max` is open. */
export interface Band {
  readonly id: string;
  readonly label: LocalizedName;
  /** Lower edge. */
  readonly min?: number;
  /** Whether a value equal to `min` belongs to this band. Default true. */
  readonly minInclusive?: boolean;
  /** Upper edge. */
  readonly max?: number;
  /** Whether a value equal to `max` belongs to this band. Default false. */
  readonly maxInclusive?: boolean;
  /** A colour for charts (CSS), optional. */
  readonly color?: string;
}

/** A set of bands, best first; a value takes the first band that contains it. */
export interface BandSet {
  readonly id: string;
  readonly name: LocalizedName;
  readonly bands: readonly Band[];
  /** What is uncertain about the edges, or where they come from. */
  readonly note?: string;
}

/**
 * The four colour classes of the dti.gov.vn province map (probably the 2020 results): Nhóm 1
 * > 0.4000, Nhóm 2 0.3250–0.4000, Nhóm 3 0.2500–0.3250, Nhóm 4 < 0.2500. The edges at 0.40 and
 * 0.25 follow the strict signs of the source; which class 0.3250 belongs to is not stated: this
 * preset puts it in Nhóm 2 (a class includes its lower edge). Define your own set to decide
 * otherwise.
 */
export const DTI_2020_MAP_BANDS: BandSet = {
  id: "dti-2020-map",
  name: { vi: "Nhóm trên bản đồ DTI 2020", en: "DTI 2020 map classes" },
  note:
    "Classes of the dti.gov.vn map script (Nhóm 1 > 0.4000; Nhóm 2 0.3250-0.4000; Nhóm 3 0.2500-0.3250; Nhóm 4 < 0.2500). " +
    "Uncertain: the class of exactly 0.3250 is not stated; here it is Nhóm 2 (lower edges inclusive). 0.4000 is Nhóm 2 and 0.2500 Nhóm 3, by the strict signs.",
  bands: [
    { id: "group-1", label: { vi: "Nhóm 1", en: "Group 1" }, min: 0.4, minInclusive: false },
    { id: "group-2", label: { vi: "Nhóm 2", en: "Group 2" }, min: 0.325, minInclusive: true, max: 0.4, maxInclusive: true },
    { id: "group-3", label: { vi: "Nhóm 3", en: "Group 3" }, min: 0.25, minInclusive: true, max: 0.325, maxInclusive: false },
    { id: "group-4", label: { vi: "Nhóm 4", en: "Group 4" }, max: 0.25, maxInclusive: false },
  ],
};

/** UN E-Government Development Index levels: Very High ≥ 0.75, High 0.50–0.75, Middle 0.25–0.50, Low < 0.25 (lower edges inclusive). */
export const EGDI_BANDS: BandSet = {
  id: "egdi",
  name: { vi: "Mức kiểu EGDI", en: "EGDI-style levels" },
  note: "UN E-Government Survey level groups (0.75-1.00, 0.50-0.75, 0.25-0.50, 0.00-0.25); a value on an edge takes the higher level.",
  bands: [
    { id: "very-high", label: { vi: "Rất cao", en: "Very High" }, min: 0.75, minInclusive: true },
    { id: "high", label: { vi: "Cao", en: "High" }, min: 0.5, minInclusive: true, max: 0.75, maxInclusive: false },
    { id: "middle", label: { vi: "Trung bình", en: "Middle" }, min: 0.25, minInclusive: true, max: 0.5, maxInclusive: false },
    { id: "low", label: { vi: "Thấp", en: "Low" }, max: 0.25, maxInclusive: false },
  ],
};

/**
 * Ho Chi Minh City's department levels of Decision 79/QĐ-UBND (2023): on 330 points, "khởi động"
 * below 198, "hình thành" from 198 to under 264, "nâng cao" from 264. On the 0-1 index these are
 * 198 / 330 = 0.6 and 264 / 330 = 0.8 exactly, each lower edge in its level. Bands read the
 * published (4-decimal) value, so a department at 263.99 points (0.79997, published 0.8000) is
 * "nâng cao": the decision's own rounding of points is not known here.
 */
export const HCMC_79_2023_DEPARTMENT_BANDS: BandSet = {
  id: "hcmc-79-2023-departments",
  name: { vi: "Mức chuyển đổi số sở, ban, ngành TP. Hồ Chí Minh (79/QĐ-UBND, 2023)", en: "Ho Chi Minh City department levels (Decision 79/QĐ-UBND, 2023)" },
  note:
    "Source: Ho Chi Minh City People's Committee Decision 79/QĐ-UBND (2023), departments scored on 330 points: khởi động < 198, hình thành 198 to < 264, nâng cao ≥ 264 " +
    "(0.6 and 0.8 of the total). Read from the published 4-decimal value: 263.99 points publishes 0.8000 (nâng cao); how the decision rounds points is not stated here.",
  bands: [
    { id: "nang-cao", label: { vi: "Nâng cao", en: "Advanced" }, min: 0.8, minInclusive: true },
    { id: "hinh-thanh", label: { vi: "Hình thành", en: "Forming" }, min: 0.6, minInclusive: true, max: 0.8, maxInclusive: false },
    { id: "khoi-dong", label: { vi: "Khởi động", en: "Starting" }, max: 0.6, maxInclusive: false },
  ],
};

/** The built-in band sets by id. */
export const BAND_PRESETS: Readonly<Record<string, BandSet>> = {
  "dti-2020-map": DTI_2020_MAP_BANDS,
  egdi: EGDI_BANDS,
  "hcmc-79-2023-departments": HCMC_79_2023_DEPARTMENT_BANDS,
};

/**
 * Checks a band set (ids unique, edges numbers with min ≤ max, at least one band) and returns it;
 * throws a {@link DtiError} with `BANDS_INVALID` issues otherwise.
 *
 * @example
 * ```ts
 * defineBands({ id: "pass", name: { vi: "Đạt" }, bands: [{ id: "pass", label: { vi: "Đạt" }, min: 0.5 }, { id: "fail", label: { vi: "Chưa đạt" } }] });
 * ```
 */
export function defineBands(set: BandSet): BandSet {
  const issues: Issue[] = [];
  const bad = (message: string, path: string) => issues.push(error("BANDS_INVALID", message, { path }));
  if (typeof set !== "object" || set === null) throw new DtiError([error("BANDS_INVALID", "a band set must be an object")]);
  if (typeof set.id !== "string" || set.id === "") bad("id must be a non-empty string", "id");
  if (typeof set.name?.vi !== "string") bad("name.vi must be a string", "name");
  if (!Array.isArray(set.bands) || set.bands.length === 0) bad("bands must be a non-empty array", "bands");
  const ids = new Set<string>();
  (Array.isArray(set.bands) ? set.bands : []).forEach((b, i) => {
    const path = `bands[${i}]`;
    if (typeof b?.id !== "string" || b.id === "") bad("id must be a non-empty string", `${path}.id`);
    else if (ids.has(b.id)) bad(`id ${showValue(b.id)} is used twice`, `${path}.id`);
    else ids.add(b.id);
    if (typeof b?.label?.vi !== "string") bad("label.vi must be a string", `${path}.label`);
    for (const edge of ["min", "max"] as const) {
      const v = b?.[edge];
      if (v !== undefined && !(typeof v === "number" && Number.isFinite(v))) bad(`${edge} must be a finite number`, `${path}.${edge}`);
    }
    if (typeof b?.min === "number" && typeof b.max === "number" && b.min > b.max) bad(`min ${b.min} is above max ${b.max}`, path);
  });
  if (issues.length > 0) throw new DtiError(issues);
  return set;
}

/**
 * A preset by id (`dti-2020-map`, `egdi`, `hcmc-79-2023-departments`); throws `BANDS_INVALID` for an unknown id.
 *
 * @example
 * ```ts
 * getBands("egdi").bands[0].label.en; // => "Very High"
 * ```
 */
export function getBands(id: string): BandSet {
  const set = BAND_PRESETS[id];
  if (set === undefined || !Object.hasOwn(BAND_PRESETS, id)) {
    throw new DtiError([error("BANDS_INVALID", `no band preset ${showValue(id)} (presets: ${Object.keys(BAND_PRESETS).join(", ")})`)]);
  }
  return set;
}
