/**
 * `dti sql`: print the framework compiled to one SQL query (DuckDB or PostgreSQL), for a
 * database administrator to run where the data is.
 *
 * @module
 */
import { toSql, type SqlSource } from "../../sql/to-sql.ts";
import type { Command } from "../command.ts";
import { loadFramework } from "../load.ts";
import { MAX_INPUT_DECIMALS } from "../../sql/options.ts";
import { buildScoreOptions, integerOption, oneOf, stringOption } from "../options.ts";
import { writeOutput } from "../score-file.ts";
import { UsageError } from "../usage-error.ts";

/** The source a `--source` text names: a CSV or Parquet file, a query, or a table or view. */
export function sourceOf(text: string): SqlSource {
  if (/\.parquet$/iu.test(text)) return { parquet: text };
  if (/\.(csv|tsv|txt)(\.gz)?$/iu.test(text)) return { csv: text };
  if (/^\s*(\(|select\b|with\b)/iu.test(text)) return { query: text.trim().replace(/^\((.*)\)$/su, "$1") };
  return { table: text };
}

export const sqlCommand: Command = {
  name: "sql",
  usage: "dti sql --framework <id|file.json> [--dialect duckdb|postgres] [--source <s>] [options]",
  summary: "print the framework as one SQL query (DuckDB, PostgreSQL)",
  options: {
    framework: { type: "string", short: "f" },
    dialect: { type: "string" },
    source: { type: "string" },
    missing: { type: "string" },
    "group-by": { type: "string" },
    "unit-column": { type: "string" },
    "code-column": { type: "string" },
    "year-column": { type: "string" },
    "ranked-column": { type: "string" },
    "rank-note-column": { type: "string" },
    unranked: { type: "string", multiple: true },
    "min-coverage": { type: "string" },
    "input-decimals": { type: "string" },
    ranking: { type: "string" },
    ties: { type: "string" },
    decimals: { type: "string" },
    merge: { type: "string" },
    out: { type: "string", short: "o" },
  },
  help: `  -f, --framework <id|file>   built-in id (see \`dti frameworks\`) or a framework JSON file
      --dialect <name>        duckdb (default) | postgres
      --source <s>            a table or view (default units), a query (SELECT …), or for
                              DuckDB a CSV or Parquet file (read_csv / read_parquet)
      --unit-column <name>    column of the unit name (default unit)
      --code-column <name>    column of the unit code
      --group-by <column>     column of the ranking group (group ranks)
      --year-column <name>    column of the year (ranks per year)
      --ranked-column <name>  column marking units assessed but not ranked (Có/Không)
      --rank-note-column <n>  column of the reason a unit is not ranked
      --unranked <unit>       a unit (name or code) assessed but not ranked (repeatable)
      --missing <policy>      error (default: a blank stops the query) | zero | reweight
      --min-coverage <share>  least share of a group's weight with data (0 to 1)
      --input-decimals <n>    most decimals an input may have (default 6)
      --ranking <method>      competition (default, RANK) | dense (DENSE_RANK)
      --decimals <n>          decimals of published values (default the framework's, 4)
      --merge <file>          merge map (CSV/JSON with unit and merged columns): merged units
                              as \`dti score --merge\` makes them, with a members column
  -o, --out <file>            write the query to a file instead of standard output
  Input columns are named by the framework's input keys (see \`dti frameworks <id>\`).
  Output columns are named as \`dti score --format csv\` names them. See docs/scale.md.
`,
  async run(rest, values, io) {
    if (rest.length > 0) throw new UsageError(`dti sql takes no file (got ${rest[0]}): give the data as --source`);
    const framework = await loadFramework(io, stringOption(values, "framework"));
    const dialect = oneOf("dialect", stringOption(values, "dialect"), ["duckdb", "postgres"] as const) ?? "duckdb";
    const options = await buildScoreOptions(values, io, true);
    const inputDecimals = integerOption(values, "input-decimals", 0, MAX_INPUT_DECIMALS);
    const { columns, missing, ranking, ties, decimals, minCoverage, unranked, merge } = options;
    const ranked = stringOption(values, "ranked-column");
    const rankNote = stringOption(values, "rank-note-column");
    const { sql } = toSql(framework, {
      ...(missing !== undefined ? { missing } : {}),
      ...(ranking !== undefined ? { ranking } : {}),
      ...(ties !== undefined ? { ties } : {}),
      ...(decimals !== undefined ? { decimals } : {}),
      ...(minCoverage !== undefined ? { minCoverage } : {}),
      ...(unranked !== undefined ? { unranked } : {}),
      dialect,
      source: sourceOf(stringOption(values, "source") ?? "units"),
      columns: { unit: columns?.unit ?? "unit", ...(columns?.code !== undefined ? { code: columns.code } : {}), ...(columns?.group !== undefined ? { group: columns.group } : {}), ...(columns?.year !== undefined ? { year: columns.year } : {}), ...(ranked !== undefined ? { ranked } : {}), ...(rankNote !== undefined ? { rankNote } : {}) },
      ...(inputDecimals !== undefined ? { inputDecimals } : {}),
      ...(merge !== undefined ? { merge } : {}),
    });
    await writeOutput(io, values, `${sql};\n`, "the query");
    return 0;
  },
};
