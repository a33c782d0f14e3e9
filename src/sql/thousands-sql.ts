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
import { isScaleFree } from "../input/thousands.ts";
import { sqlIdent, sqlText, type Dialect } from "./dialect.ts";
import { identityColumns, readsText, sourceColumn, UNIT_TEXT, type InputKeys } from "./input-sql.ts";
import { blankSpelling, spaceClass } from "./number-spelling-sql.ts";
import { sourceSql, type ToSqlOptions } from "./options.ts";
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

/** True for a leaf whose cells the library may ask about: not value, boolean or categorical (whose cells read as thousands are never admitted or never numbers). */
function mayAsk(leaf: IndicatorNode): boolean {
  const type = leaf.rule.type;
  return type !== "value" && type !== "boolean" && type !== "categorical";
}

/** The leaves whose inputs may hold such cells ({@link mayAsk}), with their inputs read from text. */
function askedLeaves(plan: CompiledFramework, input: InputKeys, options: ToSqlOptions): Asked[] {
  return plan.leaves.flatMap((l) => {
    const node = plan.nodes[l]!;
    const leaf = node.leaf!;
    if (!mayAsk(leaf)) return [];
    const present = node.inputs.map((key) => (sourceColumn(options, key) === null ? undefined : input.index.get(key)));
    const inputs = node.inputs.map((key) => {
      const j = input.index.get(key)!;
      return readsText(input, j, options) ? j : undefined;
    });
    return inputs.some((j) => j !== undefined) ? [{ leaf, id: node.id, inputs, present }] : [];
  });
}

/** A text column's cell (c<j>) and a typed column's presence (h<j>), read again from the source: the chain's steps are not read twice (DuckDB would keep them whole). */
function sourceCells(input: InputKeys, options: ToSqlOptions, columns: readonly number[], present: readonly number[]): string[] {
  const col = (j: number) => sqlIdent(sourceColumn(options, input.keys[j]!)!);
  return [...columns.map((j) => `CAST(${col(j)} AS VARCHAR) AS c${j}`), ...present.filter((j) => !columns.includes(j)).map((j) => `${col(j)} IS NOT NULL AS h${j}`)];
}

/** The first step: per text column j its cell (q<j>), shape (k<j>), digits without sign (z<j>) and sign (s<j>); the unit and row; no row unless the gate found a cell to ask about (the rows are numbered after that all-or-nothing filter). */
function cellsStep(input: InputKeys, options: ToSqlOptions, dialect: Dialect, columns: readonly number[], present: readonly number[]): string {
  const cols = columns.flatMap((j) => {
    const c = `c${j}`;
    const { sign, z } = stripped(dialect, c);
    return [`${c} AS q${j}`, `${shapeSql(dialect, c, z)} AS k${j}`, `${z} AS z${j}`, `${sign} AS s${j}`];
  });
  const unit = identityColumns(options, dialect)[0]!;
  const typed = present.filter((j) => !columns.includes(j)).map((j) => `h${j}`);
  const numbered = `SELECT ${unit}, row_number() OVER () + 1 AS dti_r, ${sourceCells(input, options, columns, present).join(", ")} FROM (${sourceSql(options.source)}) AS dti_again WHERE (SELECT dti_any FROM dti_thousands_gate)`;
  return `SELECT ${UNIT_TEXT} AS dti_u, dti_r, ${[...cols, ...typed].join(", ")} FROM (${numbered}) AS dti_numbered`;
}

/** True when text `c` is a lone separator before three digits, "1.050" (white space anywhere, a sign). */
export function loneSeparatorSql(dialect: Dialect, c: string): string {
  const sp = `${spaceClass(dialect)}*`;
  return dialect.matches(c, `${sp}[-+\u2212]?${sp}[1-9](${sp}[0-9]){0,2}${sp}[.,](${sp}[0-9]){3}${sp}`);
}

/** The input keys whose cells the library may ask about (of the leaves {@link mayAsk} accepts). */
export function askedKeys(plan: CompiledFramework): Set<string> {
  return new Set(plan.leaves.flatMap((l) => (mayAsk(plan.nodes[l]!.leaf!) ? plan.nodes[l]!.inputs : [])));
}

/**
 * The step before: whether any cell of the text columns is a lone separator before three digits
 * (white space anywhere, a sign): most tables have none, and then the steps after read no row.
 */
function gateStep(input: InputKeys, options: ToSqlOptions, dialect: Dialect, columns: readonly number[]): string {
  const any = columns.map((j) => loneSeparatorSql(dialect, `c${j}`)).join(" OR ");
  return `SELECT count(*) FILTER (WHERE ${any}) > 0 AS dti_any FROM (SELECT ${sourceCells(input, options, columns, []).join(", ")} FROM (${sourceSql(options.source)}) AS dti_again) AS dti_cells_again`;
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

/** The flag column of leaf L's input k read from column j, separator `sep`: the column's suspects (u<j>), or the leaf's own (f<L>_<k>) where its rule admits only some. */
function flag(a: Asked, l: number, k: number, sep: Sep): string {
  const j = a.inputs[k]!;
  return admitted(a.leaf, j) === "TRUE" ? `u${j}${tag(sep)}` : `f${l}_${k}${tag(sep)}`;
}

/** The fourth step: the suspects of each column (u<j><sep>), then each leaf's own flags where its rule admits only some. */
function flagsStep(dialect: Dialect, asked: readonly Asked[], columns: readonly number[]): string {
  const suspects = columns.flatMap((j) => SEPS.map((sep) => `coalesce(${suspect(dialect, j, sep)}, FALSE) AS u${j}${tag(sep)}`));
  const own = asked.flatMap((a, l) => a.inputs.flatMap((j, k) => (j === undefined || admitted(a.leaf, j) === "TRUE" ? [] : SEPS.map((sep) => `(u${j}${tag(sep)} AND coalesce(${admitted(a.leaf, j)}, FALSE)) AS ${flag(a, l, k, sep)}`))));
  const inner = `SELECT dti_thousands_read.*, ${suspects.join(", ")} FROM dti_thousands_read CROSS JOIN dti_thousands_stats`;
  return own.length === 0 ? inner : `SELECT *, ${own.join(", ")} FROM (${inner}) AS dti_suspects`;
}

/** Whether reading leaf L's input k's flagged cells as thousands changes its scores (`changesScore`), as an aggregate. */
function changes(a: Asked, l: number, k: number): string {
  const flagged = (i: number) => `(${SEPS.map((sep) => flag(a, l, i, sep)).join(" OR ")})`;
  const rule = a.leaf.rule;
  if (rule.type === "ratio") {
    const o = 1 - k;
    const j = a.present[o];
    if (j === undefined) return "FALSE";
    const present = a.inputs[o] !== undefined ? `k${j} IS NOT NULL` : `h${j}`;
    const theirs = a.inputs[o] !== undefined ? flagged(o) : "FALSE";
    return `count(*) FILTER (WHERE ${flagged(k)} AND ${present} AND NOT ${theirs}) > 0`;
  }
  const any = `count(*) FILTER (WHERE ${flagged(k)}) > 0`;
  if (isScaleFree(rule)) {
    return `${any} AND count(*) FILTER (WHERE ${flagged(k)}) < count(k${a.inputs[k]})`;
  }
  return any;
}

/** An issue the library may raise: leaf L's input k (column j), separator `sep`, in its order (leaves, inputs, "." before ","). */
interface Branch {
  readonly a: Asked;
  readonly l: number;
  readonly k: number;
  readonly j: number;
  readonly sep: Sep;
}

/**
 * The fifth step, one row: per flag column F its count (nF), first cell (wF: the cell, its digits,
 * sign and unit, joined by U+0001, which none of them holds) and first five rows (lF); per leaf
 * input whether its reading changes the scores (x<L>_<k>). Each is an aggregate once, however many
 * leaves read it.
 */
function aggregatesStep(branches: readonly Branch[]): string {
  const flags = [...new Map(branches.map((b) => [flag(b.a, b.l, b.k, b.sep), b.j])).entries()];
  const cols = flags.flatMap(([f, j]) => [
    `count(*) FILTER (WHERE ${f}) AS n${f}`,
    `(array_agg(q${j} || chr(1) || z${j} || chr(1) || s${j} || chr(1) || dti_u ORDER BY dti_r) FILTER (WHERE ${f}))[1] AS w${f}`,
    `array_to_string((array_agg(dti_r ORDER BY dti_r) FILTER (WHERE ${f}))[1:5], ', ') AS l${f}`,
  ]);
  const changed = [...new Map(branches.map((b) => [`x${b.l}_${b.k}`, `${changes(b.a, b.l, b.k)} AS x${b.l}_${b.k}`])).values()];
  return `SELECT ${[...cols, ...changed].join(", ")} FROM dti_thousands_flags`;
}

/** The library's message from the first failing issue's count (dti_n), first cell (dti_w), rows (dti_l) and separator (dti_sep). */
function message(): string {
  const part = (i: number) => `split_part(dti_w, chr(1), ${i})`;
  // The cell quoted as written, spaces kept, as the library quotes a table's cell (its CSV reader
  // trims cells, DuckDB's does not: a CSV file's cell may show spaces the library's message drops).
  const cell = part(1);
  const digits = part(2);
  const read = `regexp_replace(regexp_replace(${part(3)} || replace(${digits}, ',', '.'), '0+$', ''), '[.]$', '')`;
  const plain = `CASE WHEN right(${digits}, 1) = '0' THEN ${read} ELSE ${read} || '0' END`;
  const decimal = `CASE WHEN dti_sep = ',' THEN replace(${plain}, '.', ',') ELSE ${plain} END`;
  const thousands = `replace(replace(${digits}, '.', ''), ',', '')`;
  const more = `CASE WHEN dti_n > 1 THEN '; ' || CAST(dti_n AS VARCHAR) || ' cells of this column are written so (rows ' || dti_l || CASE WHEN dti_n > 5 THEN ' …' ELSE '' END || ')' ELSE '' END`;
  return `${showValueSql(cell)} || ' was read as ' || ${read} || '; if it means ' || ${thousands} || ', write ' || ${thousands} || ' (no thousands separator); if it means ' || ${read} || ', write ' || ${decimal} || ${more}`;
}

/** The last step: the first issue that is an error, its pieces picked out, and the query stopped with its message (0 when there is none). */
function checkStep(dialect: Dialect, branches: readonly Branch[]): string {
  const first = `CASE ${branches.map((b, i) => `WHEN x${b.l}_${b.k} AND n${flag(b.a, b.l, b.k, b.sep)} > 0 THEN ${i}`).join(" ")} END`;
  const pick = (column: (b: Branch) => string, as: string) => `CASE dti_branch ${branches.map((b, i) => `WHEN ${i} THEN ${column(b)}`).join(" ")} END AS ${as}`;
  const picked = [
    pick((b) => `n${flag(b.a, b.l, b.k, b.sep)}`, "dti_n"),
    pick((b) => `w${flag(b.a, b.l, b.k, b.sep)}`, "dti_w"),
    pick((b) => `l${flag(b.a, b.l, b.k, b.sep)}`, "dti_l"),
    pick((b) => sqlText(b.a.id), "dti_node"),
    pick((b) => sqlText(b.sep), "dti_sep"),
  ];
  const chosen = `SELECT dti_branch, ${picked.join(", ")} FROM (SELECT *, ${first} AS dti_branch FROM dti_thousands_aggregates) AS dti_first`;
  const fail = dialect.fail(`'DTI_ERROR DATA_AMBIGUOUS_NUMBER node=' || dti_node || ' unit=' || split_part(dti_w, chr(1), 4) || ': ' || ${message()}`, "INTEGER");
  return `SELECT CASE WHEN dti_branch IS NULL THEN 0 ELSE ${fail} END AS dti_thousands_ok FROM (${chosen}) AS dti_chosen`;
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
  const branches = asked.flatMap((a, l) => a.inputs.flatMap((j, k) => (j === undefined ? [] : SEPS.map((sep): Branch => ({ a, l, k, j, sep })))));
  return {
    ctes: [
      ["dti_thousands_gate", gateStep(input, options, dialect, columns)],
      ["dti_thousands_cells", cellsStep(input, options, dialect, columns, present)],
      ["dti_thousands_read", readingsStep(columns)],
      ["dti_thousands_stats", statsStep(dialect, columns)],
      ["dti_thousands_flags", flagsStep(dialect, asked, columns)],
      ["dti_thousands_aggregates", aggregatesStep(branches)],
      ["dti_thousands_check", checkStep(dialect, branches)],
    ],
    passed: `(SELECT dti_thousands_ok FROM dti_thousands_check) = 0`,
  };
}
