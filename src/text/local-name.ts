/**
 * A localized name in a language.
 *
 * @module
 */
import type { Language } from "./language.ts";

/**
 * A name (of a framework, node, view, band) in the language: its English name in English when it
 * has one, else the Vietnamese name every name has.
 *
 * @example
 * ```ts
 * localName({ vi: "Nhận thức số", en: "Digital awareness" }, "en"); // => "Digital awareness"
 * localName({ vi: "Nhận thức số" }, "en"); // => "Nhận thức số"
 * ```
 */
export function localName(name: { readonly vi: string; readonly en?: string | undefined }, language: Language = "vi"): string {
  return language === "en" ? (name.en ?? name.vi) : name.vi;
}
