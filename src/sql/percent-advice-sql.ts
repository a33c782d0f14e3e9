/**
 * The library's advice on a percentage cell, in SQL: "85%" is not a number (percentages are not
 * read: write 0.85 …), said for the rule of the leaf that reads the cell (`notANumberMessage`).
 * The text is the library's own: its message is made when compiling for a cell of stand-in
 * numbers, and the query puts the cell's numbers in their places (see `percent-number-sql.ts`): the
 * number before the sign, plain or in exponent form, the share (a hundredth of it, moved in the
 * text), and for points and ratios their exact product with the points or the denominator.
 *
 * @module
 */
import { showValue } from "../errors.ts";
import type { IndicatorNode } from "../framework/types.ts";
import { ruleMax } from "../framework/rule-max.ts";
import { notANumberMessage, percentAdvice } from "../input/number-hints.ts";
import { ratFromDecimal, ratMul, ratToDecimalText } from "../number/rational.ts";
import { sqlText, type Dialect } from "./dialect.ts";
import { spaceClass } from "./number-spelling-sql.ts";
import { literalParts, shareProductSql, withNumberParts, type NumberParts } from "./percent-number-sql.ts";

/** Stand-ins: a percentage (its number and share) and a ratio's denominator, none of which a message holds otherwise. */
const NUMBER = "87654.32109876";
/** The same number with a decimal comma. */
const NUMBER_COMMA = "87654,32109876";
const SHARE = "876.5432109876";
const DENOMINATOR = "31415.9265";

/** A text with stand-ins, as SQL: each stand-in's place taken by its expression. */
function filled(text: string, fills: readonly (readonly [string, string])[]): string {
  const parts: string[] = [];
  let rest = text;
  for (;;) {
    const next = fills.map(([mark, sql]) => ({ at: rest.indexOf(mark), mark, sql })).filter((f) => f.at >= 0).sort((x, y) => x.at - y.at || y.mark.length - x.mark.length)[0];
    if (next === undefined) break;
    if (next.at > 0) parts.push(sqlText(rest.slice(0, next.at)));
    parts.push(`(${next.sql})`);
    rest = rest.slice(next.at + next.mark.length);
  }
  if (rest !== "") parts.push(sqlText(rest));
  return parts.length === 0 ? "''" : parts.join(" || ");
}

/** The library's hint for a percentage of `leaf`'s input `input` written with stand-ins: the text around the advice, and the advice (the denominator `b` given or not). */
function hint(leaf: IndicatorNode, input: number, comma: boolean, b: string | undefined) {
  const raw = `${comma ? NUMBER_COMMA : NUMBER}%`;
  const inputs = input === 0 ? [raw, b ?? "x"] : ["1", raw];
  const advice = percentAdvice(leaf, inputs, input);
  if (advice === undefined) return undefined;
  const full = notANumberMessage(leaf, inputs, input).slice(`${showValue(raw)} is not a number`.length);
  const at = full.indexOf(advice);
  return { before: full.slice(0, at), advice, after: full.slice(at + advice.length) };
}

/** The products the advice states for stand-ins: points (the share of the leaf's points) and a ratio's count (the share of the denominator). */
const standInProduct = (factor: string) => ratToDecimalText(ratMul(ratFromDecimal(SHARE)!, ratFromDecimal(factor)!));

/**
 * The SQL text that follows "… is not a number" for a cell of `leaf`'s input `input`: the
 * library's hint when the cell is a percentage it reads, else ''. `spelled` is the cell's
 * spelled-out text (`canonicalNumber`: "-1234.5%"), `raw` the cell as written (its decimal comma
 * decides the numbers' separator); `denominator`, for a ratio's numerator, the denominator's
 * spelled-out text.
 */
export function percentHintSql(dialect: Dialect, leaf: IndicatorNode, input: number, raw: string, spelled: string, denominator: string | undefined): string {
  const points = leaf.rule.type === "points" ? (ruleMax(leaf) as number) : undefined;
  const comma = dialect.matches(raw, `(.|\\n)*,[0-9]*${spaceClass(dialect)}*%${spaceClass(dialect)}*`);
  const text = (n: NumberParts, d: NumberParts | undefined) => {
    const fills: [string, string][] = [
      ...(points !== undefined ? [[standInProduct(String(points)), shareProductSql(dialect, n, literalParts(points))] as [string, string]] : []),
      ...(d !== undefined ? [[standInProduct(DENOMINATOR), shareProductSql(dialect, n, d)] as [string, string], [DENOMINATOR, d.shown] as [string, string]] : []),
      [SHARE, n.share],
      [NUMBER, n.shown],
    ];
    const point = hint(leaf, input, false, d === undefined ? undefined : DENOMINATOR);
    if (point === undefined) return undefined;
    // Every "." of the advice is a number's: written with a decimal comma, each is a ",".
    const withComma = hint(leaf, input, true, d === undefined ? undefined : DENOMINATOR);
    if (withComma?.advice !== point.advice.replaceAll(".", ",") || withComma.before !== point.before || withComma.after !== point.after) throw new Error(`the percentage advice for ${leaf.id} has a "." of its own`);
    return `${sqlText(point.before)} || replace(${filled(point.advice, fills)}, '.', CASE WHEN ${comma} THEN ',' ELSE '.' END) || ${sqlText(point.after)}`;
  };
  const ratioCount = leaf.rule.type === "ratio" && input === 0 && denominator !== undefined;
  if (hint(leaf, input, false, undefined) === undefined) return "''";
  return withNumberParts(dialect, `left(${spelled}, length(${spelled}) - 1)`, "pn", (n) => {
    const without = text(n, undefined)!;
    const hintSql = ratioCount ? withNumberParts(dialect, denominator!, "pd", (d) => `CASE WHEN ${d.readable} THEN ${text(n, d)} ELSE ${without} END`) : without;
    return `CASE WHEN right(${spelled}, 1) = '%' AND ${n.readable} THEN ${hintSql} ELSE '' END`;
  });
}
