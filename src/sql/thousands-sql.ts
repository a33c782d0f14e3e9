/**
 * The library's question about thousands separators read as decimal points (`thousandsIssues`:
 * "1.050" in a column of counts) asked by the query itself, so that a query run without dti
 * refuses where `score()` does. Each number input read from text is looked at as a whole, in
 * steps of their own before any cell is scored: every cell's shape (`cellShape`), then per column
 * the counts and the median (on a log scale) of its plain numbers (`suspectCells`), then per
 * leaf the cells the rule admits read as thousands (`admissible`) and whether that reading changes
 * the scores (`changesScore`). Where it does, the query stops with DATA_AMBIGUOUS_NUMBER, naming
 * the node, the first such cell's unit, and the cell as the library's message does; where both
 * readings score alike (the library's warning) it runs on.
 *
 * @module
 */
import { ruleMax } from "../framework/rule-max.ts";
import type { IndicatorNode } from "../framework/types.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { sqlText, type Dialect } from "./dialect.ts";
import { readsText, sourceColumn, UNIT_TEXT, type InputKeys } from "./input-sql.ts";
import { failure } from "./leaf-sql.ts";
import { blankSpelling, spaceClass } from "./number-spelling-sql.ts";
import type { ToSqlOptions } from "./options.ts";
import { showValueSql } from "./show-value-sql.ts";

/** The steps of the check, and how the cells step reads its answer (no step: nothing to ask). */
export interface ThousandsCheck {
  readonly ctes: readonly (readonly [name: string, body: string])[];
  /** A condition true once the check has passed (it stops the query otherwise). */
  readonly passed: string;
}

const SEPS = [".", ","] as const;
type Sep = (typeof SEPS)[number];
/** A separator's letter in column names. */
const tag = (sep: Sep) => (sep === "." ? "p" : "c");

/** Normalisations that only see the values' order or proportions (as `thousandsIssues` lists them). */
const SCALE_FREE = new Set(["minmax", "zscore", "rank", "percentile"]);

/**
 * The shape of cell `c` (`cellShape`): 'w' whole, 'a.'/'a,' a lone separator before three digits,
 * 'g.'/'g,' thousands groups, 'd.'/'d,' a decimal, 'o' other; NULL for a blank cell. `z` is the
 * cell without white space and sign. A plain decimal, the common cell, is told apart without a
 * pattern past the first.
 */
function shapeSql(dialect: Dialect, c: string, z: string): string {
  const m = (text: string, pattern: string) => dialect.matches(text, pattern);
  const lone = (sep: string) => `length(${z}) - strpos(${z}, ${sqlText(sep)}) = 3 AND strpos(${z}, ${sqlText(sep)}) BETWEEN 2 AND 4 AND left(${z}, 1) <> '0'`;
  return (
    `CASE WHEN ${c} IS NULL THEN NULL ` +
    `WHEN ${m(z, "[0-9]*[.][0-9]+")} THEN CASE WHEN ${lone(".")} THEN 'a.' ELSE 'd.' END ` +
    `WHEN ${m(z, "[0-9]+")} THEN 'w' ` +
    `WHEN ${m(z, "[0-9]*,[0-9]+")} THEN CASE WHEN ${lone(",")} THEN 'a,' ELSE 'd,' END ` +
    `WHEN ${blankSpelling(dialect, `lower(${c})`)} THEN NULL ` +
    `WHEN ${m(z, "[0-9]{1,3}([.][0-9]{3}){2,}|[0-9]{1,3}([.][0-9]{3})+,[0-9]+")} THEN 'g.' ` +
    `WHEN ${m(z, "[0-9]{1,3}(,[0-9]{3}){2,}|[0-9]{1,3}(,[0-9]{3})+[.][0-9]+")} THEN 'g,' ELSE 'o' END`
  );
}

/** The cell without white space (`y`), its sign ('-' or ''), and without either (`z`). */
function stripped(dialect: Dialect, c: string): { y: string; sign: string; z: string } {
  const y = `CASE WHEN ${dialect.matches(c, "[+-]?[0-9.,]+")} THEN ${c} ELSE regexp_replace(${c}, '${spaceClass(dialect)}+', '', 'g') END`;
  const signed = `left(${y}, 1) IN ('+', '-', '\u2212')`;
  return { y, sign: `CASE WHEN left(${y}, 1) IN ('-', '\u2212') THEN '-' ELSE '' END`, z: `CASE WHEN ${signed} THEN substr(${y}, 2) ELSE ${y} END` };
}

/** A leaf the question is asked for, with its inputs' indexes (undefined: not read from text, or absent). */
interface Asked {
  readonly leaf: IndicatorNode;
  readonly id: string;
  readonly inputs: readonly (number | undefined)[];
  /** Input indexes present in the source (a typed column is present wherever it is not NULL). */
  readonly present: readonly (number | undefined)[];
}

/** The leaves whose inputs may hold such cells: not value, boolean or categorical (whose cells read as thousands are never admitted or never numbers). */
function askedLeaves(plan: CompiledFramework, input: InputKeys, options: ToSqlOptions): Asked[] {
  return plan.leaves.flatMap((l) => {
    const node = plan.nodes[l]!;
    const leaf = node.leaf!;
    const type = leaf.rule.type;
    if (type === "value" || type === "boolean" || type === "categorical") return [];
    const present = node.inputs.map((key) => (sourceColumn(options, key) === null ? undefined : input.index.get(key)));
    const inputs = node.inputs.map((key) => {
      const j = input.index.get(key)!;
      return readsText(input, j, options) ? j : undefined;
    });
    return inputs.some((j) => j !== undefined) ? [{ leaf, id: node.id, inputs, present }] : [];
  });
}

/** The first step: per text column j its cell (q<j>), shape (k<j>), sign, thousands (t<j>) and decimal (m<j>) readings, plain value (v<j>); the unit and row. */
function cellsStep(dialect: Dialect, columns: readonly number[], present: readonly number[]): string {
  const cols = columns.flatMap((j) => {
    const c = `c${j}`;
    const { sign, z } = stripped(dialect, `CAST(${c} AS VARCHAR)`);
    const k = shapeSql(dialect, `CAST(${c} AS VARCHAR)`, z);
    return [`CAST(${c} AS VARCHAR) AS q${j}`, `${k} AS k${j}`, `${z} AS z${j}`, `${sign} AS s${j}`];
  });
  const typed = present.filter((j) => !columns.includes(j)).map((j) => `c${j} IS NOT NULL AS h${j}`);
  return `SELECT ${UNIT_TEXT} AS dti_u, row_number() OVER () + 1 AS dti_r, ${[...cols, ...typed].join(", ")} FROM dti_cells`;
}

/** The second step: the readings of each text column's cells, from their shape. */
function readingsStep(columns: readonly number[]): string {
  const cols = columns.flatMap((j) => [
    `CASE WHEN k${j} IN ('a.', 'a,') THEN CAST(replace(replace(z${j}, '.', ''), ',', '') AS DOUBLE PRECISION) END AS t${j}`,
    `CASE WHEN k${j} IN ('a.', 'a,') THEN CAST(s${j} || replace(z${j}, ',', '.') AS DOUBLE PRECISION) END AS m${j}`,
    `CASE WHEN k${j} = 'w' THEN abs(CAST(z${j} AS DOUBLE PRECISION)) WHEN k${j} = 'g.' THEN CAST(replace(replace(z${j}, '.', ''), ',', '.') AS DOUBLE PRECISION) WHEN k${j} = 'g,' THEN CAST(replace(z${j}, ',', '') AS DOUBLE PRECISION) END AS v${j}`,
  ]);
  return `SELECT *, ${cols.join(", ")} FROM dti_thousands_cells`;
}

/** The third step, one row: per text column its cells (n<j>), counts per shape and separator, and the median of its plain numbers' log10 (e<j>). */
function statsStep(dialect: Dialect, columns: readonly number[]): string {
  const count = (j: number, shape: string) => `count(*) FILTER (WHERE k${j} = ${sqlText(shape)})`;
  const log = (x: string) => (dialect.name === "duckdb" ? `log10(${x})` : `log(${x})`);
  const median = (j: number) =>
    dialect.name === "duckdb" ? `median(${log(`CASE WHEN v${j} > 0 THEN v${j} END`)})` : `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${log(`CASE WHEN v${j} > 0 THEN v${j} END`)})`;
  const cols = columns.flatMap((j) => [
    `count(k${j}) AS n${j}`,
    `${median(j)} AS e${j}`,
    ...SEPS.flatMap((sep) => [`${count(j, `a${sep}`)} AS a${tag(sep)}${j}`, `${count(j, `g${sep}`)} AS g${tag(sep)}${j}`, `${count(j, `d${sep}`)} AS d${tag(sep)}${j}`]),
  ]);
  return `SELECT ${cols.join(", ")} FROM dti_thousands_read`;
}

/** Cell of column j read with separator `sep` as thousands is a suspect (`suspectCells`): the column asks, and the cell's thousands reading is nearer its plain numbers. */
function suspect(dialect: Dialect, j: number, sep: Sep): string {
  const other = sep === "." ? "," : ".";
  const [a, g, d, dOther] = [`a${tag(sep)}${j}`, `g${tag(sep)}${j}`, `d${tag(sep)}${j}`, `d${tag(other)}${j}`];
  const certain = `(${g} > 0 OR ${dOther} > 0)`;
  const log = (x: string) => (dialect.name === "duckdb" ? `log10(${x})` : `log(${x})`);
  // A negative decimal reading has no log10 (NaN in JavaScript): never nearer.
  const nearer = `(e${j} IS NULL OR abs(${log(`t${j}`)} - e${j}) < abs(${log(`CASE WHEN m${j} > 0 THEN m${j} END`)} - e${j}))`;
  return `(k${j} = ${sqlText(`a${sep}`)} AND ${d} = 0 AND (${certain} OR 2 * (${a} + ${g}) >= n${j}) AND (${certain} OR ${nearer}))`;
}

/** Whether reading the cell of column j as thousands is a value the leaf's rule accepts (`admissible`). */
function admitted(leaf: IndicatorNode, j: number): string {
  const rule = leaf.rule;
  return rule.type === "points" && rule.outOfRange !== "clamp" ? `t${j} <= ${Number(ruleMax(leaf))}` : "TRUE";
}

/** The flag columns of the fourth step: f<L>_<k><sep> for each asked leaf L, input k, separator. */
const flag = (l: number, k: number, sep: Sep) => `f${l}_${k}${tag(sep)}`;

function flagsStep(dialect: Dialect, asked: readonly Asked[]): string {
  const cols = asked.flatMap((a, l) => a.inputs.flatMap((j, k) => (j === undefined ? [] : SEPS.map((sep) => `coalesce(${suspect(dialect, j, sep)} AND ${admitted(a.leaf, j)}, FALSE) AS ${flag(l, k, sep)}`))));
  return `SELECT dti_thousands_read.*, ${cols.join(", ")} FROM dti_thousands_read CROSS JOIN dti_thousands_stats`;
}

/** The library's message of leaf L's input k, separator `sep`, from the aggregates of the check step. */
function message(dialect: Dialect, l: number, k: number, j: number, sep: Sep): string {
  const f = flag(l, k, sep);
  const first = (x: string) => `(array_agg(${x} ORDER BY dti_r) FILTER (WHERE ${f}))[1]`;
  // The cell as the library quotes it: white space around it left out.
  const space = spaceClass(dialect);
  const cell = `regexp_replace(${first(`q${j}`)}, '^${space}+|${space}+$', '', 'g')`;
  const digits = first(`z${j}`);
  const read = `regexp_replace(regexp_replace(${first(`s${j}`)} || replace(${digits}, ',', '.'), '0+$', ''), '[.]$', '')`;
  const plain = `CASE WHEN right(${digits}, 1) = '0' THEN ${read} ELSE ${read} || '0' END`;
  const decimal = sep === "," ? `replace(${plain}, '.', ',')` : plain;
  const thousands = `replace(replace(${digits}, '.', ''), ',', '')`;
  const rows = `array_to_string((array_agg(dti_r ORDER BY dti_r) FILTER (WHERE ${f}))[1:5], ', ')`;
  const n = `count(*) FILTER (WHERE ${f})`;
  const more = `CASE WHEN ${n} > 1 THEN '; ' || CAST(${n} AS VARCHAR) || ' cells of this column are written so (rows ' || ${rows} || CASE WHEN ${n} > 5 THEN ' …' ELSE '' END || ')' ELSE '' END`;
  return `${showValueSql(cell)} || ' was read as ' || ${read} || '; if it means ' || ${thousands} || ', write ' || ${thousands} || ' (no thousands separator); if it means ' || ${read} || ', write ' || ${decimal} || ${more}`;
}

/** Whether reading leaf L's input k's flagged cells as thousands changes its scores (`changesScore`), as an aggregate of the check step. */
function changes(a: Asked, l: number, k: number): string {
  const mine = `(${SEPS.map((sep) => flag(l, k, sep)).join(" OR ")})`;
  const rule = a.leaf.rule;
  if (rule.type === "ratio") {
    const o = 1 - k;
    const j = a.present[o];
    if (j === undefined) return "FALSE";
    const present = a.inputs[o] !== undefined ? `k${j} IS NOT NULL` : `h${j}`;
    const theirs = a.inputs[o] !== undefined ? `(${SEPS.map((sep) => flag(l, o, sep)).join(" OR ")})` : "FALSE";
    return `count(*) FILTER (WHERE ${mine} AND ${present} AND NOT ${theirs}) > 0`;
  }
  const any = `count(*) FILTER (WHERE ${mine}) > 0`;
  if (rule.type === "normalise" && SCALE_FREE.has(rule.method) && rule.bounds === undefined && rule.target === undefined) {
    return `${any} AND count(*) FILTER (WHERE ${mine}) < count(k${a.inputs[k]})`;
  }
  return any;
}

/**
 * The check's steps for the plan's leaves, where some number input is read from text (a typed
 * column never holds "1.050"): undefined otherwise, and for long data (not asked in SQL).
 */
export function thousandsCheck(plan: CompiledFramework, input: InputKeys, options: ToSqlOptions, dialect: Dialect): ThousandsCheck | undefined {
  if (options.shape === "long") return undefined;
  const asked = askedLeaves(plan, input, options);
  if (asked.length === 0) return undefined;
  const columns = [...new Set(asked.flatMap((a) => a.inputs.filter((j) => j !== undefined)))];
  const present = [...new Set(asked.flatMap((a) => a.present.filter((j) => j !== undefined)))];
  // The first failing input in the library's order (leaves, then inputs, then "." before ","); its unit is the first flagged cell's.
  const branches = asked.flatMap((a, l) =>
    a.inputs.flatMap((j, k) =>
      j === undefined
        ? []
        : SEPS.map((sep) => {
            const unit = `(array_agg(dti_u ORDER BY dti_r) FILTER (WHERE ${flag(l, k, sep)}))[1]`;
            const fail = failure({ dialect, unit }, "DATA_AMBIGUOUS_NUMBER", a.id, message(dialect, l, k, j, sep), "INTEGER");
            return `WHEN ${changes(a, l, k)} AND count(*) FILTER (WHERE ${flag(l, k, sep)}) > 0 THEN ${fail}`;
          }),
    ),
  );
  const check = `SELECT CASE ${branches.join(" ")} ELSE 0 END AS dti_thousands_ok FROM dti_thousands_flags`;
  return {
    ctes: [
      ["dti_thousands_cells", cellsStep(dialect, columns, present)],
      ["dti_thousands_read", readingsStep(columns)],
      ["dti_thousands_stats", statsStep(dialect, columns)],
      ["dti_thousands_flags", flagsStep(dialect, asked)],
      ["dti_thousands_check", check],
    ],
    passed: `(SELECT dti_thousands_ok FROM dti_thousands_check) = 0`,
  };
}
