/**
 * The built-in frameworks (Vietnam's official DTI sets) and how to look them up.
 *
 * Each built-in is a plain `FrameworkDefinition` constant; {@link getFramework} validates it on
 * first use (nothing runs at import time).
 *
 * @module
 */
import { checkArgument, DtiError, error, showValue } from "../../errors.ts";
import type { Confidence, Framework, FrameworkDefinition, FrameworkSource, LocalizedName, Uncertainty } from "../types.ts";
import { validateFramework } from "../validate-framework.ts";
import { vnDti2020Province } from "./vn-dti-2020-province.ts";
import { vnDti2022Ministry } from "./vn-dti-2022-ministry.ts";
import { vnDti2022Province } from "./vn-dti-2022-province.ts";
import { vnDti2025National } from "./vn-dti-2025-national.ts";
import { vnDti2025Province } from "./vn-dti-2025-province.ts";

export { vnDti2020Province, vnDti2022Ministry, vnDti2022Province, vnDti2025National, vnDti2025Province };

/**
 * The ids of the built-in frameworks.
 *
 * @example
 * ```ts
 * const id: BuiltinFrameworkId = "vn-dti-2022-province";
 * getFramework(id).id; // => "vn-dti-2022-province"
 * ```
 */
export type BuiltinFrameworkId =
  | "vn-dti-2020-province"
  | "vn-dti-2022-province"
  | "vn-dti-2022-ministry"
  | "vn-dti-2025-province"
  | "vn-dti-2025-national";

/**
 * Every built-in framework definition, oldest first.
 *
 * @example
 * ```ts
 * import { builtinFrameworks } from "dti";
 * builtinFrameworks.map((f) => f.id);
 * // => ["vn-dti-2020-province", "vn-dti-2022-province", "vn-dti-2022-ministry", "vn-dti-2025-province", "vn-dti-2025-national"]
 * ```
 */
export const builtinFrameworks: readonly FrameworkDefinition[] = [
  vnDti2020Province,
  vnDti2022Province,
  vnDti2022Ministry,
  vnDti2025Province,
  vnDti2025National,
];

/**
 * One line of {@link listFrameworks}: what a built-in is, where it comes from, how sure it is.
 *
 * @example
 * ```ts
 * const s: FrameworkSummary = listFrameworks()[0]!;
 * `${s.id} ${s.source?.decision} (${s.confidence})`; // => "vn-dti-2020-province 1726/QĐ-BTTTT (unverified)"
 * ```
 */
export interface FrameworkSummary {
  readonly id: string;
  readonly version: string;
  readonly title: LocalizedName;
  /** Who is assessed: "province", "ministry" or "national". */
  readonly level?: string;
  readonly source?: FrameworkSource;
  /** The weakest confidence among its uncertain facts ("high" when it has none). */
  readonly confidence: Confidence;
  /** Every fact the sources do not settle, with its confidence. */
  readonly uncertain: readonly Uncertainty[];
}

let validated: Map<string, Framework> | undefined;

/**
 * Returns a built-in framework, validated and frozen. Ids are matched after trimming and
 * lower-casing. An unknown id throws a {@link DtiError} with code `FRAMEWORK_UNKNOWN` whose message
 * lists the known ids.
 *
 * @example
 * ```ts
 * import { getFramework } from "dti";
 * const fw = getFramework("vn-dti-2022-province");
 * fw.root.maxPoints; // => 1000
 * getFramework("vn-dti-1999"); // throws DtiError FRAMEWORK_UNKNOWN: unknown framework "vn-dti-1999"; built-in frameworks: …
 * ```
 */
export function getFramework(id: string): Framework {
  checkArgument(typeof id === "string", "getFramework", "a built-in framework id as a string, e.g. \"vn-dti-2022-province\"", id);
  const key = id.trim().toLowerCase();
  validated ??= new Map();
  const cached = validated.get(key);
  if (cached !== undefined) return cached;
  const definition = builtinFrameworks.find((f) => f.id === key);
  if (definition === undefined) {
    const known = builtinFrameworks.map((f) => f.id).join(", ");
    throw new DtiError([error("FRAMEWORK_UNKNOWN", `unknown framework ${showValue(id)}; built-in frameworks: ${known}`)]);
  }
  const result = validateFramework(definition);
  if (!result.ok) throw new DtiError(result.issues);
  validated.set(key, result.framework);
  return result.framework;
}

const ORDER: readonly Confidence[] = ["high", "medium", "low", "unverified"];

/**
 * Lists the built-in frameworks: id, version, title, level, source, the weakest confidence among
 * their uncertain facts, and the facts themselves (what `dti frameworks` prints).
 *
 * @example
 * ```ts
 * import { listFrameworks } from "dti";
 * const f = listFrameworks().find((s) => s.id === "vn-dti-2025-province");
 * f?.confidence; // => "unverified"
 * ```
 */
export function listFrameworks(): FrameworkSummary[] {
  return builtinFrameworks.map((f) => {
    const uncertain = f.uncertain ?? [];
    const weakest = uncertain.reduce<number>((w, u) => Math.max(w, ORDER.indexOf(u.confidence)), 0);
    return {
      id: f.id,
      version: f.version,
      title: f.title,
      ...(f.level !== undefined ? { level: f.level } : {}),
      ...(f.source !== undefined ? { source: f.source } : {}),
      confidence: ORDER[weakest] ?? "high",
      uncertain,
    };
  });
}
