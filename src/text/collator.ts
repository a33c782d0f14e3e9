let collator: Intl.Collator | undefined;

/**
 * Compares two names in Vietnamese alphabetical order (`Intl.Collator("vi")`): "Đà Nẵng" sorts
 * after "Cần Thơ" and before "Hà Nội". Created on first use.
 *
 * @example
 * ```ts
 * ["Hà Nội", "Đà Nẵng", "Cần Thơ"].sort(compareVi);
 * // => ["Cần Thơ", "Đà Nẵng", "Hà Nội"]
 * ```
 */
export function compareVi(a: string, b: string): number {
  collator ??= new Intl.Collator("vi", { sensitivity: "variant", numeric: true });
  return collator.compare(a, b);
}
