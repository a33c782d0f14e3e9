/**
 * `dti template`: a data-entry form for a framework, as a workbook (with an instructions sheet and
 * data validation) or as CSV, with one row per unit of a list when one is given.
 *
 * @module
 */
import { showValue } from "../../errors.ts";
import type { Framework } from "../../framework/types.ts";
import { resolveColumns } from "../../input/resolve-columns.ts";
import type { TemplateUnit } from "../../input/template-columns.ts";
import { templateCSV } from "../../report/template-csv.ts";
import { cleanName } from "../../text/clean-name.ts";
import { cleanNameKey } from "../../text/normalize-key.ts";
import { toTemplateXLSX } from "../../xlsx/template-workbook.ts";
import type { Command } from "../command.ts";
import type { CliIO } from "../io.ts";
import { loadFramework, loadTable } from "../load.ts";
import { integerOption, oneOf, stringOption, tableOptions } from "../options.ts";
import { writeOutput } from "../score-file.ts";
import { UsageError } from "../usage-error.ts";
import { formatOrWorkbook, writeBinaryOutput } from "../workbook-output.ts";

export const templateCommand: Command = {
  name: "template",
  usage: "dti template --framework <id|file.json> [--units <file>] --out <form.xlsx|form.csv>",
  summary: "write a data-entry form (xlsx or CSV) whose filled copy scores with no edits",
  options: {
    framework: { type: "string", short: "f" },
    units: { type: "string" },
    sheet: { type: "string" },
    delimiter: { type: "string" },
    out: { type: "string", short: "o" },
    format: { type: "string" },
    rows: { type: "string" },
  },
  help: `  -f, --framework <id|file>   built-in id (see \`dti frameworks\`) or a framework JSON file
      --units <file>          the units, one row each (CSV, JSON or .xlsx with a unit column:
                              Đơn vị, Tên đơn vị, Phường/xã …; Mã and Nhóm columns are kept)
      --sheet <name|n>        the sheet of an .xlsx units file
      --delimiter <d>         of a CSV units file: auto (default) | , | ; | tab
  -o, --out <file>            form.xlsx (a workbook: the form, an instructions sheet, drop-down
                              lists and number ranges) or form.csv
      --format <xlsx|csv>     default by the --out extension, else csv
      --rows <n>              rows checked by data validation in the workbook (default 200, and
                              at least one per unit)
`,
  async run(rest, values, io) {
    if (rest.length > 0) throw new UsageError(`dti template takes no file argument (got ${showValue(rest[0])}); name the units list with --units`);
    const framework = await loadFramework(io, stringOption(values, "framework"));
    const format = oneOf("format", formatOrWorkbook(values), ["xlsx", "csv"] as const) ?? "csv";
    const rows = integerOption(values, "rows", 1);
    const unitsFile = stringOption(values, "units");
    const units = unitsFile === undefined ? [] : await loadUnits(io, unitsFile, framework, tableOptions(values));
    const what = `a form for ${framework.id}${units.length > 0 ? ` with ${units.length} units` : ""}`;
    if (format === "xlsx") {
      await writeBinaryOutput(io, values, toTemplateXLSX(framework, { units, ...(rows !== undefined ? { rows } : {}) }), what);
    } else {
      await writeOutput(io, values, templateCSV(framework, { units }), what);
    }
    return 0;
  },
};

/** The units of a list: its unit column (recognised as data files' are), with code and group when present. */
async function loadUnits(io: CliIO, file: string, framework: Framework, options: ReturnType<typeof tableOptions>): Promise<TemplateUnit[]> {
  const table = await loadTable(io, file, options);
  const parseError = table.issues.find((i) => i.severity === "error");
  if (parseError !== undefined) throw new UsageError(`${file}: ${parseError.message}`);
  const { roles } = resolveColumns(table.columns, framework, { unknownColumns: "warn" });
  if (roles.unit === undefined) throw new UsageError(`${file} has no unit column: name it "Đơn vị" (or Tên đơn vị, Phường/xã, Tỉnh/thành phố …)`);
  const text = (cell: unknown) => (cell === null || cell === undefined || String(cell).trim() === "" ? undefined : cleanName(String(cell)));
  const units: TemplateUnit[] = [];
  // A form listing a unit (or a code) twice could not be scored once filled: say so now.
  const names = new Map<string, number>();
  const codes = new Map<string, number>();
  for (const row of table.rows) {
    const unit = text(row.cells[roles.unit]);
    if (unit === undefined) continue;
    const code = roles.code === undefined ? undefined : text(row.cells[roles.code]);
    const group = roles.group === undefined ? undefined : text(row.cells[roles.group]);
    const first = names.get(cleanNameKey(unit)) ?? (code === undefined ? undefined : codes.get(code));
    if (first !== undefined) {
      const what = names.has(cleanNameKey(unit)) ? `unit ${showValue(unit)}` : `code ${showValue(code)}`;
      throw new UsageError(`${file}: ${what} is listed again on row ${row.line} (first on row ${first}); a form lists each unit once, with its own code`);
    }
    names.set(cleanNameKey(unit), row.line);
    if (code !== undefined) codes.set(code, row.line);
    units.push({ unit, ...(code !== undefined ? { code } : {}), ...(group !== undefined ? { group } : {}) });
  }
  if (units.length === 0) throw new UsageError(`${file} lists no unit`);
  return units;
}
