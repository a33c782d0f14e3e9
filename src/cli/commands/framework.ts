/**
 * `dti framework import|export`: a framework between its table form (a decision's appendix:
 * STT, tiêu chí, điểm tối đa, cách tính …) and its JSON form.
 *
 * @module
 */
import { frameworkToTable } from "../../framework/framework-table.ts";
import { rowsToCsv } from "../../report/rows-to-csv.ts";
import type { Command } from "../command.ts";
import { loadFramework } from "../load.ts";
import { delimiterOption, oneOf } from "../options.ts";
import { writeOutput } from "../score-file.ts";
import { UsageError } from "../usage-error.ts";

export const frameworkCommand: Command = {
  name: "framework",
  usage: "dti framework import <criteria.csv> | export <id|file> [--out <file>]",
  summary: "a framework from its criteria table to JSON (import), or to a criteria table (export)",
  options: { out: { type: "string", short: "o" }, delimiter: { type: "string" }, bom: { type: "boolean" } },
  help: `  import <criteria.csv>       read a criteria table (see docs/frameworks.md, "Frameworks as
                              tables"), check it, write the framework JSON
  export <id|file>            write a built-in framework (or a framework JSON or table file) as
                              a criteria table (CSV); import reads it back unchanged
  -o, --out <file>            write to a file instead of standard output
      --delimiter <d>         export: , (default) | ; | tab; import: auto (default) | , | ; | tab
      --bom                   export: start with a UTF-8 BOM (for Excel)
`,
  async run(rest, values, io) {
    const [action, file, ...more] = rest;
    if (more.length > 0) throw new UsageError(`one file at a time (got ${rest.slice(1).join(", ")})`);
    const sub = oneOf("framework", action, ["import", "export"] as const, "the subcommand of `dti framework`");
    if (sub === undefined || file === undefined) throw new UsageError("write `dti framework import <criteria.csv>` or `dti framework export <id|file>`");
    if (sub === "import") {
      if (!/\.(csv|tsv)$/iu.test(file)) throw new UsageError(`import reads a criteria table (.csv); ${file} is not one`);
      const framework = await loadFramework(io, file, delimiterOption(values));
      await writeOutput(io, values, `${JSON.stringify(framework, null, 2)}\n`, `framework ${JSON.stringify(framework.id)}`);
      return 0;
    }
    const framework = await loadFramework(io, file);
    const delimiter = delimiterOption(values);
    const text = rowsToCsv(frameworkToTable(framework), { delimiter: delimiter === "auto" || delimiter === undefined ? "," : delimiter, bom: values["bom"] === true });
    await writeOutput(io, values, text, `the criteria table of ${JSON.stringify(framework.id)}`);
    return 0;
  },
};

