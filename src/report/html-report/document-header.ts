/**
 * The header and signature block of a Vietnamese administrative document (the layout of Nghị định
 * 30/2020/NĐ-CP): the issuing body on the left, the national name and motto on the right with
 * the place and date under them, and the signature block at the end, so that a printed report can
 * be signed and sent.
 *
 * @module
 */
import type { Language } from "../columns.ts";
import { escapeXml as e } from "../escape.ts";

/** The administrative header and signature block of a report (every field optional). */
export interface ReportDocument {
  /**
   * The issuing body, one line per level, the superior body first and the issuing body last, e.g.
   * `["UBND THÀNH PHỐ ĐÀ NẴNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]` (a single string is one line).
   */
  readonly issuer?: string | readonly string[];
  /** The document's number and symbol, e.g. "123/BC-SKHCN", written "Số: 123/BC-SKHCN". */
  readonly number?: string;
  /** Where it is issued, e.g. "Đà Nẵng". */
  readonly place?: string;
  /**
   * The date of issue, YYYY-MM-DD. Without it the date is left blank to fill in by hand ("ngày …
   * tháng … năm …"): the report reads no clock.
   */
  readonly date?: string;
  /**
   * The signature block, one line each: the authority and position lines first ("KT. GIÁM ĐỐC",
   * "PHÓ GIÁM ĐỐC"), the signer's name last, with room to sign above it (a single string is the name).
   */
  readonly signer?: string | readonly string[];
}

const lines = (v: string | readonly string[] | undefined): readonly string[] =>
  (v === undefined ? [] : typeof v === "string" ? [v] : v).map((s) => s.trim()).filter((s) => s !== "");

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * The place and date line: "Đà Nẵng, ngày 05 tháng 3 năm 2025" (a day below 10 and the months 1
 * and 2 take a leading zero, as the decree writes them), or "Da Nang, 5 March 2025" in English.
 * Without a date the numbers are left blank; a date that is not YYYY-MM-DD is written as given.
 *
 * @example
 * ```ts
 * placeAndDate("Hà Nội", "2025-02-07", "vi"); // => "Hà Nội, ngày 07 tháng 02 năm 2025"
 * ```
 */
export function placeAndDate(place: string | undefined, date: string | undefined, language: Language): string {
  const at = place === undefined || place.trim() === "" ? "" : `${place.trim()}, `;
  const m = date === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  if (language === "en") {
    if (date === undefined) return `${at}… … 20…`;
    if (m === null) return `${at}${date}`;
    return `${at}${Number(m[3])} ${MONTHS_EN[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  }
  if (date === undefined) return `${at}ngày … tháng … năm 20…`;
  if (m === null) return `${at}${date}`;
  const day = Number(m[3]);
  const month = Number(m[2]);
  return `${at}ngày ${String(day).padStart(2, "0")} tháng ${month <= 2 ? String(month).padStart(2, "0") : String(month)} năm ${m[1]}`;
}

/**
 * The header block (`<div class="doc-header">`): the issuing body (the last line bold and
 * underlined), the number, and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"
 * with the place and date; "" when the document gives no issuer, number, place nor date.
 *
 * @example
 * ```ts
 * documentHeader({ issuer: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", place: "Đà Nẵng" }, "vi"); // => '<div class="doc-header">…'
 * ```
 */
export function documentHeader(doc: ReportDocument | undefined, language: Language): string {
  if (doc === undefined) return "";
  const issuer = lines(doc.issuer);
  if (issuer.length === 0 && doc.number === undefined && doc.place === undefined && doc.date === undefined) return "";
  const en = language === "en";
  const body = issuer.map((l, i) => `<div${i === issuer.length - 1 ? ' class="body"' : ""}>${e(l)}</div>`).join("");
  const number = doc.number === undefined ? "" : `<div class="number">${e(en ? "No." : "Số:")} ${e(doc.number)}</div>`;
  return [
    '<div class="doc-header">',
    `<div class="issuer">${body}${number}</div>`,
    `<div class="state"><div class="nation">${e(en ? "SOCIALIST REPUBLIC OF VIETNAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")}</div>`,
    `<div class="motto">${e(en ? "Independence - Freedom - Happiness" : "Độc lập - Tự do - Hạnh phúc")}</div>`,
    `<div class="place-date">${e(placeAndDate(doc.place, doc.date, language))}</div></div>`,
    "</div>",
  ].join("\n");
}

/**
 * The signature block (`<div class="signature">`): the position lines in bold, room to sign, and
 * the signer's name; "" without a signer.
 *
 * @example
 * ```ts
 * signatureBlock({ signer: ["GIÁM ĐỐC", "Nguyễn Văn A"] }); // => '<div class="signature">…'
 * ```
 */
export function signatureBlock(doc: ReportDocument | undefined): string {
  const signer = lines(doc?.signer);
  if (signer.length === 0) return "";
  const positions = signer.slice(0, -1).map((l) => `<div class="position">${e(l)}</div>`);
  return `<div class="signature"><div class="block">${positions.join("")}<div class="space"></div><div class="name">${e(signer.at(-1) as string)}</div></div></div>`;
}
