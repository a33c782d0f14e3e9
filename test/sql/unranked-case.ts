// Units assessed but not ranked in the SQL differential tests: a share of the generated cases
// marks some units by the `unranked` option (their names spelled as users type them: upper case,
// decomposed, with a zero-width space or a no-break space) and some by the data's ranked column
// ("Không", "KHÔNG", "no", "0" … and the yes words, blank cells, a reason column), so that ranks
// without those units, their notes and the statistics they still count in are compared.
import type { UnrankedOption } from "../../src/index.ts";

/** What a case adds: its records with the ranked and note columns, the option, the columns. */
export interface UnrankedVariant {
  readonly records: Record<string, unknown>[];
  readonly unranked?: UnrankedOption;
  readonly columns: { ranked?: string; rankNote?: string };
}

const SPELLINGS = [
  (name: string) => name.toUpperCase(),
  (name: string) => name.normalize("NFD"),
  (name: string) => `\u200b ${name} `,
  (name: string) => name.replace(" ", "\u00a0 ").toLowerCase(),
];
const NO = ["Không", "KHÔNG", "no", "0", "không xếp hạng", "khong"];
const YES = ["Có", "có", "", "x", "yes", "Xếp hạng"];

/**
 * Case `index` (of the generated cases) with units not ranked: one case in four by the option, one
 * in four by the ranked column, one in four by both; the fourth as it is.
 */
export function unrankedVariant(records: readonly Record<string, unknown>[], index: number): UnrankedVariant {
  const kind = index % 4;
  const names = [...new Set(records.map((r) => String(r["unit"])))];
  if (kind === 0 || names.length < 2) return { records: [...records], columns: {} };
  const pick = (k: number) => names[(index + k) % names.length]!;
  const spell = SPELLINGS[index % SPELLINGS.length]!;
  const byOption = kind === 1 || kind === 3;
  const byColumn = kind === 2 || kind === 3;
  const optionName = pick(0);
  const unranked: UnrankedOption | undefined = !byOption ? undefined : index % 8 < 4 ? [spell(optionName)] : { [spell(optionName)]: `lý do ${index % 3}` };
  if (!byColumn) return { records: [...records], ...(unranked !== undefined ? { unranked } : {}), columns: {} };
  const marked = pick(1);
  const withNote = index % 3 === 0;
  const out = records.map((r, k) => {
    const no = String(r["unit"]) === marked && (r["year"] === undefined || k % 2 === 0);
    const cell = no ? NO[(index + k) % NO.length]! : YES[(index + k) % YES.length]!;
    return { ...r, ranked: cell, ...(withNote ? { rank_note: no || k % 3 === 0 ? ` ghi  chú ${k}` : "" } : {}) };
  });
  return { records: out, ...(unranked !== undefined ? { unranked } : {}), columns: { ranked: "ranked", ...(withNote ? { rankNote: "rank_note" } : {}) } };
}
