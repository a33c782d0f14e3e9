/**
 * A data-entry form as a workbook: the sheet "Nhập liệu" (one row per unit, one column per input,
 * headers frozen, every input cell checked by data validation: drop-down lists for yes/no and
 * categorical answers, number ranges for values, points and counts), the sheet "Hướng dẫn" (each
 * criterion: max points, rule in plain Vietnamese, unit of measure, its columns), and a hidden
 * sheet holding lists too long for a validation rule. A filled form scores with no edits.
 *
 * @module
 */
import { checkArgument, isObject } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import { frameworkColumns, type CellCheck } from "../input/framework-columns.ts";
import { identityHeaders, templateCriteria, vn, type TemplateUnit } from "../input/template-columns.ts";
import { columnLetter } from "./cell-ref.ts";
import { listFitsInline, rangeOf, writeWorkbook, type Validation, type WriteCell, type WriteSheet } from "./write-workbook.ts";

/** Options of {@link templateSheets}. */
export interface TemplateOptions {
  /** The units to list, one row each with the name filled in; default none. */
  readonly units?: readonly TemplateUnit[];
  /** Rows checked by data validation: at least this many (default 200), and every unit's. */
  readonly rows?: number;
}

/** The sheet names of a form. */
export const TEMPLATE_SHEETS = { data: "Nhập liệu", instructions: "Hướng dẫn", lists: "Danh mục" } as const;

function checkText(check: CellCheck): string {
  if (check.kind === "choice") return `Chọn một trong: ${check.choices.join("; ")}`;
  if (check.min !== undefined && check.max !== undefined) return `Nhập một số từ ${vn(check.min)} đến ${vn(check.max)}`;
  if (check.min !== undefined) return `Nhập một số không âm (từ ${vn(check.min)} trở lên)`;
  return "Nhập một số";
}

/**
 * The sheets of the form for `framework` (see the module comment), without writing them.
 *
 * @example
 * ```ts
 * templateSheets(getFramework("vn-dti-2022-province")).map((s) => s.name); // => ["Nhập liệu", "Hướng dẫn"]
 * ```
 */
export function templateSheets(framework: Framework, options: TemplateOptions = {}): WriteSheet[] {
  checkArgument(isObject(framework) && isObject(framework.root), "templateSheets", "a framework (getFramework or parseFramework makes one)", framework);
  const units = options.units ?? [];
  const identity = identityHeaders(units);
  const columns = frameworkColumns(framework);
  const criteria = templateCriteria(framework);
  const lastRow = 1 + Math.max(units.length, options.rows ?? 200);
  const lists: string[][] = [];
  const validations: Validation[] = columns.map((c, i) => {
    const col = identity.length + i;
    const range = rangeOf(col, 2, lastRow);
    const criterion = criteria.find((k) => k.node.id === c.node);
    const prompt = `${criterion?.rule ?? ""}${criterion?.maxPoints === undefined ? "" : ` (tối đa ${vn(criterion.maxPoints)} điểm)`}`;
    const error = `${c.formHeader}: ${checkText(c.check)}`;
    if (c.check.kind === "choice") {
      if (listFitsInline(c.check.choices)) return { range, type: "list", choices: c.check.choices, prompt, error };
      lists.push([...c.check.choices]);
      const letter = columnLetter(lists.length - 1);
      return { range, type: "list", source: `'${TEMPLATE_SHEETS.lists}'!$${letter}$1:$${letter}$${c.check.choices.length}`, prompt, error };
    }
    const { min, max } = c.check;
    // A number with no natural bounds still must be a number.
    const bounds = min === undefined && max === undefined ? { min: -1e15, max: 1e15 } : { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    return { range, type: "decimal", ...bounds, prompt, error };
  });
  const header: WriteCell[] = [...identity.map((c) => ({ value: c.header, style: "header" as const })), ...columns.map((c) => ({ value: c.formHeader, style: "header" as const }))];
  const data: WriteSheet = {
    name: TEMPLATE_SHEETS.data,
    rows: [header, ...units.map((u) => identity.map((c) => ({ value: u[c.field] ?? null })))],
    widths: [...identity.map((c) => (c.field === "unit" ? 30 : 14)), ...columns.map(() => 18)],
    freeze: { rows: 1, columns: identity.length },
    validations,
  };
  const heads = ["STT", "Mã", "Tiêu chí", "Thuộc nhóm", "Điểm tối đa", "Cách tính", "Đơn vị tính", "Cột nhập liệu"];
  const instructions: WriteSheet = {
    name: TEMPLATE_SHEETS.instructions,
    rows: [
      [{ value: `Hướng dẫn nhập liệu: ${framework.title.vi} (${framework.id}, phiên bản ${framework.version})`, style: "title" }],
      [
        {
          value: `Điền số liệu trên sheet "${TEMPLATE_SHEETS.data}", mỗi đơn vị một dòng. Không sửa dòng tiêu đề: mã trong ngoặc ở cuối mỗi tiêu đề là cột mà dti đọc. Ô để trống là thiếu số liệu. Giá trị thập phân ghi 0,85 hoặc 0.85.`,
          style: "wrap",
        },
      ],
      [],
      heads.map((h) => ({ value: h, style: "header" as const })),
      ...criteria.map((k, i): WriteCell[] => [
        { value: i + 1, style: "integer" },
        { value: k.node.id },
        { value: k.node.name.vi, style: "wrap" },
        { value: k.groups.join(" › "), style: "wrap" },
        { value: k.maxPoints ?? null, style: "points" },
        { value: k.rule, style: "wrap" },
        { value: k.unit },
        { value: k.columns.join("\n"), style: "wrap" },
      ]),
    ],
    widths: [6, 16, 36, 28, 10, 50, 18, 40],
    merges: ["A1:H1", "A2:H2"],
    freeze: { rows: 4, columns: 0 },
  };
  const sheets = [data, instructions];
  if (lists.length > 0) {
    const height = lists.reduce((m, l) => Math.max(m, l.length), 0);
    const rows: WriteCell[][] = [];
    for (let r = 0; r < height; r++) rows.push(lists.map((l) => ({ value: l[r] ?? null })));
    sheets.push({ name: TEMPLATE_SHEETS.lists, rows, hidden: true });
  }
  return sheets;
}

/**
 * The form as the bytes of an .xlsx workbook (see {@link templateSheets}).
 *
 * @example
 * ```ts
 * import { toTemplateXLSX } from "dti/xlsx";
 * const bytes = toTemplateXLSX(framework, { units: [{ unit: "Phường Bến Nghé" }] });
 * ```
 */
export function toTemplateXLSX(framework: Framework, options: TemplateOptions = {}): Uint8Array {
  checkArgument(isObject(framework) && isObject(framework.root), "toTemplateXLSX", "a framework (getFramework or parseFramework makes one)", framework);
  return writeWorkbook(templateSheets(framework, options));
}
