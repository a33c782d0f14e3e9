/**
 * A data-entry form as CSV: the form headers of {@link frameworkColumns} (the unit, code and group
 * columns first), and one row per unit of the list with its name filled in.
 *
 * @module
 */
import { checkArgument, isObject } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import { frameworkColumns } from "../input/framework-columns.ts";
import { identityHeaders, type TemplateUnit } from "../input/template-columns.ts";
import { csvCell } from "./escape.ts";

/** Options of {@link templateCSV}. */
export interface TemplateCsvOptions {
  /** The units to list, one row each; default none (the header alone). */
  readonly units?: readonly TemplateUnit[];
  /** Field delimiter; default ",". */
  readonly delimiter?: "," | ";" | "\t";
  /** Start with a UTF-8 BOM so Excel reads Vietnamese text correctly. Default true. */
  readonly bom?: boolean;
}

/**
 * The form as CSV text (CRLF line ends, as Excel writes them).
 *
 * @example
 * ```ts
 * templateCSV(getFramework("vn-dti-2022-province"), { units: [{ unit: "Huế" }], bom: false }).split("\r\n")[1];
 * // => "Huế,,,,,,,,,"  (the unit, then its 9 empty inputs)
 * ```
 */
export function templateCSV(framework: Framework, options: TemplateCsvOptions = {}): string {
  checkArgument(isObject(framework) && isObject(framework.root), "templateCSV", "a framework (getFramework or parseFramework makes one)", framework);
  const d = options.delimiter ?? ",";
  const units = options.units ?? [];
  const identity = identityHeaders(units);
  const columns = frameworkColumns(framework);
  const header = [...identity.map((c) => c.header), ...columns.map((c) => c.formHeader)].map((h) => csvCell(h, d)).join(d);
  const rows = units.map((u) => [...identity.map((c) => csvCell(u[c.field] ?? "", d)), ...columns.map(() => "")].join(d));
  return `${options.bom === false ? "" : "\uFEFF"}${[header, ...rows].join("\r\n")}\r\n`;
}
