/**
 * The CLI's `--formulas <file.json>` option (score, validate): computed input columns from the
 * `dti/formula` sub-path, applied to the data before scoring. mathjs is loaded only when the
 * option is used.
 *
 * @module
 */
import type { ParseArgsConfig } from "node:util";
import { DtiError, error } from "../errors.ts";
import type { RawTable } from "../input/table.ts";
import { whereJsonFails } from "../text/scan-json.ts";
import type { OptionValues } from "./command.ts";
import type { CliIO } from "./io.ts";
import { stringOption } from "./options.ts";
import { fileErrorMessage } from "./file-error.ts";

/** The option, for the commands that offer it. */
export const FORMULA_OPTIONS = {
  formulas: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

/** Its help line. */
export const FORMULA_HELP = `      --formulas <file.json>  computed columns, added before scoring:
                              [{ "column", "expression", "inputs": { var: column } }]
                              (docs/reliability.md#formula-indicators-dtiformula)
`;

/** Applies `--formulas` to a table (returns it unchanged without the option). */
export async function applyFormulaOption(values: OptionValues, io: CliIO, table: RawTable): Promise<RawTable> {
  const path = stringOption(values, "formulas");
  if (path === undefined) return table;
  let text: string;
  try {
    text = path === "-" ? await io.readStdin() : await io.readFile(path);
  } catch (e) {
    if (e instanceof DtiError) throw e;
    throw new DtiError([error("OPTION_INVALID", fileErrorMessage(e, "read", `the formulas file ${path}`) ?? `cannot read the formulas file ${path}: ${(e as Error).message}`)]);
  }
  let formulas: unknown;
  const body = text.replace(/^\uFEFF/u, "");
  try {
    formulas = JSON.parse(body);
  } catch (e) {
    throw new DtiError([error("OPTION_INVALID", `${path} is not valid JSON${whereJsonFails(body, e)}`)]);
  }
  if (!Array.isArray(formulas)) throw new DtiError([error("OPTION_INVALID", `${path} must hold an array of { column, expression, inputs }`)]);
  const { applyFormulas } = await import("../formula/apply-formulas.ts");
  return applyFormulas(table, formulas);
}
