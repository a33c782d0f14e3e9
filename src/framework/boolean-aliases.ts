/**
 * The yes/no words a boolean rule adds to the built-in ones (`"aliases": { "yes": ["Đã ban hành"],
 * "no": ["Chưa ban hành"] }`).
 *
 * @module
 */
import { normalizeKey } from "../text/normalize-key.ts";
import type { BooleanRule } from "./types.ts";

/**
 * Each rule's aliases by normalised spelling, built on first use: a rule scores every unit's cell,
 * and rules are frozen once a framework is validated.
 */
const byRule = new WeakMap<BooleanRule, ReadonlyMap<string, boolean>>();

/**
 * What `key` (a cell already through {@link normalizeKey}) means under the rule's aliases: `true`
 * for a yes alias, `false` for a no alias, `undefined` when it is neither (then the built-in words
 * decide).
 *
 * @example
 * ```ts
 * import { normalizeKey } from "../text/normalize-key.ts";
 * const rule = { type: "boolean", aliases: { yes: ["Đã ban hành"], no: ["Chưa ban hành"] } } as const;
 * booleanAlias(rule, normalizeKey("ĐÃ BAN HÀNH")); // => true
 * booleanAlias(rule, "có"); // => undefined
 * ```
 */
export function booleanAlias(rule: BooleanRule, key: string): boolean | undefined {
  if (rule.aliases === undefined) return undefined;
  let map = byRule.get(rule);
  if (map === undefined) {
    const built = new Map<string, boolean>();
    for (const alias of rule.aliases.no ?? []) built.set(normalizeKey(alias), false);
    for (const alias of rule.aliases.yes ?? []) built.set(normalizeKey(alias), true);
    map = built;
    byRule.set(rule, map);
  }
  return map.get(key);
}

/**
 * The spellings a rule lists as both yes and no (after normalisation), which validation refuses.
 *
 * @example
 * ```ts
 * contradictoryAliases({ type: "boolean", aliases: { yes: ["Rồi"], no: [" rồi "] } }); // => ["Rồi"]
 * ```
 */
export function contradictoryAliases(rule: BooleanRule): string[] {
  const no = new Set((rule.aliases?.no ?? []).map(normalizeKey));
  return (rule.aliases?.yes ?? []).filter((alias) => no.has(normalizeKey(alias)));
}
