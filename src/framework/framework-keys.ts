/**
 * The key/value rows above a criteria table's header (`Mã bộ chỉ số`, `Phiên bản`, `Tên bộ chỉ
 * số`, `Quyết định` …): the framework's id, version, title, source, views and decimals.
 *
 * @module
 */
import { showValue } from "../errors.ts";
import type { RawRow } from "../input/table.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { FRAMEWORK_KEYS, KEY_OF, raw, type FrameworkKey } from "./table-cells.ts";
import type { FrameworkSource } from "./types.ts";

/** The key/value rows above the criteria header. */
export function readKeys(rows: readonly RawRow[], bad: (row: number, message: string) => void): { definition: Record<string, unknown>; title?: string } {
  const values = new Map<FrameworkKey, { value: string; row: number }[]>();
  for (const r of rows) {
    const cells = r.cells.map(raw);
    const first = cells.findIndex((c) => c !== "");
    if (first < 0) continue;
    const key = KEY_OF.get(normalizeKey(cells[first] as string));
    const value = cells.slice(first + 1).find((c) => c !== "") ?? "";
    if (key === undefined) {
      // A title line of the appendix ("PHỤ LỤC …") carries no value: passed over.
      if (value !== "") bad(r.line, `${showValue(cells[first])} is not a framework key (${Object.values(FRAMEWORK_KEYS).map((k) => k[0]).join(", ")})`);
      continue;
    }
    const list = values.get(key) ?? [];
    list.push({ value, row: r.line });
    values.set(key, list);
  }
  const one = (key: FrameworkKey) => {
    const list = values.get(key);
    if (list !== undefined && list.length > 1) bad(list[1]!.row, `${FRAMEWORK_KEYS[key][0]} is given twice (rows ${list[0]!.row} and ${list[1]!.row})`);
    return list?.[0];
  };
  const json = (key: FrameworkKey) => {
    const v = one(key);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v.value) as unknown;
    } catch (e) {
      bad(v.row, `${FRAMEWORK_KEYS[key][0]} must be JSON (${(e as Error).message})`);
      return undefined;
    }
  };
  const title = one("title")?.value;
  const titleEn = one("titleEn")?.value;
  const definition: Record<string, unknown> = {
    id: one("id")?.value ?? "framework",
    version: one("version")?.value ?? "1.0.0",
    title: titleEn === undefined ? { vi: title ?? one("id")?.value ?? "Bộ chỉ số" } : { vi: title ?? titleEn, en: titleEn },
  };
  const level = one("level")?.value;
  if (level !== undefined) definition["level"] = level;
  const source: Record<string, unknown> = {};
  for (const key of ["decision", "date", "issuer", "appliesTo"] as const) {
    const v = one(key)?.value;
    if (v !== undefined) source[key] = v;
  }
  const references = values.get("reference")?.map((v) => v.value);
  if (references !== undefined) source["references"] = references;
  if (Object.keys(source).length > 0) definition["source"] = source as FrameworkSource;
  const views = json("views");
  if (views !== undefined) definition["views"] = views;
  const uncertain = json("uncertain");
  if (uncertain !== undefined) definition["uncertain"] = uncertain;
  const decimals = one("decimals");
  if (decimals !== undefined) {
    const n = Number(decimals.value);
    if (!Number.isInteger(n)) bad(decimals.row, `${FRAMEWORK_KEYS.decimals[0]} must be a whole number`);
    else definition["decimals"] = n;
  }
  return { definition, ...(title !== undefined ? { title } : {}) };
}

