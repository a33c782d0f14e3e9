/**
 * The words of frameworks as tables: the criteria columns, the key/value rows' keys, the bonus and
 * penalty words, and how a cell is read as text.
 *
 * @module
 */
import type { RawCell } from "../input/table.ts";
import { cleanName } from "../text/clean-name.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import type { Adjustment } from "./types.ts";

/** The criteria table's columns: the header written, then other headers read. */
export const CRITERIA_COLUMNS = {
  code: ["STT", "TT", "số thứ tự", "code"],
  id: ["Mã", "id", "mã tiêu chí"],
  name: ["Tiêu chí", "tên tiêu chí", "chỉ số", "chỉ tiêu", "nội dung", "name"],
  nameEn: ["Tên tiếng Anh", "english name", "name (en)", "name.en"],
  short: ["Viết tắt", "tên viết tắt", "short"],
  maxPoints: ["Điểm tối đa", "điểm", "thang điểm", "max points", "maxpoints"],
  weight: ["Trọng số", "weight"],
  rule: ["Cách tính", "cách chấm", "cách chấm điểm", "phương pháp tính", "rule"],
  measure: ["Đơn vị tính", "đvt", "unit of measure", "measure"],
  note: ["Ghi chú", "note"],
  extra: ["Thuộc tính khác", "extra"],
} as const;

export type CriteriaColumn = keyof typeof CRITERIA_COLUMNS;

/** The key/value rows above the criteria header: the key written, then other keys read. */
export const FRAMEWORK_KEYS = {
  id: ["Mã bộ chỉ số", "id"],
  version: ["Phiên bản", "version"],
  title: ["Tên bộ chỉ số", "title"],
  titleEn: ["Tên bộ chỉ số (tiếng Anh)", "title.en", "title (en)"],
  level: ["Cấp đánh giá", "level"],
  decimals: ["Số chữ số thập phân", "decimals"],
  decision: ["Quyết định", "văn bản", "decision"],
  date: ["Ngày ban hành", "date"],
  issuer: ["Cơ quan ban hành", "issuer"],
  appliesTo: ["Áp dụng cho", "applies to", "appliesto"],
  reference: ["Tài liệu tham khảo", "reference"],
  uncertain: ["Điểm chưa chắc chắn", "uncertain"],
  views: ["Khung nhìn", "views"],
} as const;

export type FrameworkKey = keyof typeof FRAMEWORK_KEYS;

const lookup = <K extends string>(table: { readonly [k in K]: readonly string[] }) => {
  const map = new Map<string, K>();
  for (const [k, names] of Object.entries(table) as [K, readonly string[]][]) for (const n of names) map.set(normalizeKey(n), k);
  return map;
};
export const COLUMN_OF = lookup(CRITERIA_COLUMNS);
export const KEY_OF = lookup(FRAMEWORK_KEYS);

/** A cell as text; a leading `'` that a CSV writer puts before = + - @ (against formula injection) is taken off. */
export const raw = (cell: RawCell) => (cell === null || cell === undefined ? "" : String(cell).trim().replace(/^'(?=[=+\-@\t\r])/u, ""));
/** A name cell: also NFC, invisible characters removed, inner space folded (as names are read everywhere). */
export const text = (cell: RawCell) => cleanName(raw(cell));

/** The rule words of bonus and penalty rows: the word written, then other words read. */
export const ADJUSTMENT_WORDS: { readonly [k in Adjustment]: readonly string[] } = {
  bonus: ["thưởng", "điểm thưởng", "cộng", "bonus"],
  penalty: ["trừ", "điểm trừ", "penalty"],
};

