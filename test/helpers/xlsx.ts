// Builds .xlsx bytes the way Excel saves them (shared strings, a style sheet with a percent format,
// formulas with and without saved values, merged cells), from raw sheet XML: the reader is tested
// against Excel's own layout, not only against the project's writer.
import { strToU8, zipSync } from "fflate";

export interface RawSheet {
  readonly name: string;
  /** The rows, as Excel writes them inside <sheetData>. */
  readonly sheetData: string;
  /** Merged ranges, e.g. "C4:E4". */
  readonly merges?: readonly string[];
  readonly hidden?: boolean;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Style 1 is Excel's built-in percent format (numFmtId 9), style 2 a custom "0.00%". */
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export function excelWorkbook(sheets: readonly RawSheet[], sharedStrings: readonly string[] = []): Uint8Array {
  const esc = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
    ),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    ),
    // Absolute targets, as some writers give them.
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${i === 0 ? "worksheets" : "/xl/worksheets"}/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(STYLES),
    "xl/sharedStrings.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`,
    ),
  };
  sheets.forEach((s, i) => {
    const merges = s.merges === undefined || s.merges.length === 0 ? "" : `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.sheetData}</sheetData>${merges}</worksheet>`);
  });
  // A fixed time stamp: the same sheets give the same bytes (fixtures are compared byte for byte).
  return zipSync(files, { mtime: new Date(Date.UTC(2000, 0, 1)) });
}

/** A row of cells for `sheetData`: text goes in as a shared string index (added to `strings`). */
export function excelRow(row: number, cells: readonly (string | number | { f: string; v?: number; s?: number } | { pct: number } | null)[], strings: string[]): string {
  const out = cells.map((cell, c) => {
    const ref = `${String.fromCharCode(65 + c)}${row}`;
    if (cell === null) return "";
    if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
    if (typeof cell === "string") {
      let k = strings.indexOf(cell);
      if (k < 0) k = strings.push(cell) - 1;
      return `<c r="${ref}" t="s"><v>${k}</v></c>`;
    }
    if ("pct" in cell) return `<c r="${ref}" s="1"><v>${cell.pct}</v></c>`;
    return `<c r="${ref}"${cell.s === undefined ? "" : ` s="${cell.s}"`}><f>${cell.f}</f>${cell.v === undefined ? "" : `<v>${cell.v}</v>`}</c>`;
  });
  return `<row r="${row}">${out.join("")}</row>`;
}
