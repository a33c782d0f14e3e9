/**
 * Scoring rules written as a decision's appendix writes them, in one table cell: "giá trị",
 * "điểm", "tỷ lệ", "có/không", a ladder "≥90%: 10; ≥70%: 7", categories "Bí thư: 10; Phó: 5".
 * A rule the words cannot say exactly (bounds, clamping, aliases, normalisation) is written as its
 * JSON, which reads back as it is.
 *
 * @module
 */
import { checkArgument } from "../errors.ts";
import { parseNumber } from "../number/parse-number.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import type { ScoringRule } from "./types.ts";

/** The words of the simple rules, Vietnamese first (what {@link ruleToText} writes), then other spellings read. */
const WORDS: readonly (readonly [ScoringRule["type"], readonly string[]])[] = [
  ["value", ["giá trị", "value", "chỉ số"]],
  ["points", ["điểm", "points", "chấm điểm"]],
  ["ratio", ["tỷ lệ", "tỉ lệ", "ratio", "tỷ lệ a/b"]],
  ["boolean", ["có/không", "yes/no", "có hoặc không", "đạt/không đạt"]],
];

/** A number written in a rule: decimal comma or point, "90%" as 0.9. */
function ruleNumber(text: string): number | undefined {
  const canonical = parseNumber(text.trim(), { percent: true });
  return canonical === undefined ? undefined : Number(canonical);
}

/** What went wrong reading a rule's text: a message in plain words. */
export class RuleTextError extends Error {}

/**
 * Reads a rule cell. Words ("giá trị", "điểm", "điểm (tối đa 20)", "tỷ lệ", "có/không" and their
 * English spellings), a ladder (steps "≥ threshold: points" or "≤ threshold: points", one direction,
 * `;` between steps), categories ("label: points", `;` between them) or a rule's JSON (`{ … }`,
 * checked later with the framework). Throws {@link RuleTextError} saying what to write instead.
 *
 * @example
 * ```ts
 * parseRuleText("≥90%: 10; ≥70%: 7"); // => { type: "ladder", direction: "higher", steps: [{ threshold: 0.9, points: 10 }, { threshold: 0.7, points: 7 }] }
 * parseRuleText("Bí thư: 10; Phó: 5"); // => { type: "categorical", categories: [{ label: "Bí thư", points: 10 }, { label: "Phó", points: 5 }] }
 * parseRuleText("có/không"); // => { type: "boolean" }
 * ```
 */
export function parseRuleText(text: string): ScoringRule {
  checkArgument(typeof text === "string", "parseRuleText", "the rule as text, e.g. \"≥90%: 10; ≥70%: 7\"", text);
  const t = text.trim();
  if (t.startsWith("{")) {
    try {
      return JSON.parse(t) as ScoringRule;
    } catch (e) {
      throw new RuleTextError(`the rule's JSON cannot be read: ${(e as Error).message}`);
    }
  }
  const key = normalizeKey(t);
  for (const [type, words] of WORDS) if (words.includes(key)) return { type } as ScoringRule;
  const maxMatch = /^(điểm|points)\s*\(\s*(tối đa|max)\s+([^)]+)\)$/u.exec(key);
  if (maxMatch !== null) {
    const max = ruleNumber(maxMatch[3] as string);
    if (max === undefined || max < 0) throw new RuleTextError(`"${t}": the max points must be a number`);
    return { type: "points", max };
  }
  const items = t.split(";").map((s) => s.trim()).filter((s) => s !== "");
  if (items.length === 0 || !items.every((s) => s.includes(":"))) {
    throw new RuleTextError(`"${t}" is not a rule: write "giá trị", "điểm", "tỷ lệ", "có/không", a ladder "≥90%: 10; ≥70%: 7" or categories "Bí thư: 10; Phó: 5"`);
  }
  const pairs = items.map((item) => {
    const at = item.lastIndexOf(":");
    const left = item.slice(0, at).trim();
    const points = ruleNumber(item.slice(at + 1));
    if (points === undefined || points < 0) throw new RuleTextError(`"${item}": the points after ":" must be a number, 0 or more`);
    return { left, points };
  });
  const step = /^(≥|>=|≤|<=)\s*(.+)$/u;
  if (pairs.some((p) => step.test(p.left))) {
    let direction: "higher" | "lower" | undefined;
    const steps = pairs.map(({ left, points }) => {
      const m = step.exec(left);
      if (m === null) throw new RuleTextError(`"${left}": every step of a ladder starts with ≥ (or ≤)`);
      const dir = m[1] === "≥" || m[1] === ">=" ? "higher" : "lower";
      if (direction !== undefined && dir !== direction) throw new RuleTextError(`"${t}": a ladder's steps are all ≥ or all ≤`);
      direction = dir;
      const threshold = ruleNumber(m[2] as string);
      if (threshold === undefined) throw new RuleTextError(`"${left}": the threshold must be a number ("≥90%" or "≥0,9")`);
      return { threshold, points };
    });
    return { type: "ladder", direction: direction as "higher" | "lower", steps };
  }
  const categories = pairs.map(({ left, points }) => {
    if (left === "") throw new RuleTextError(`"${t}": a category needs a label before ":"`);
    return { label: left, points };
  });
  return { type: "categorical", categories };
}

/** Plain number text, decimal point, no exponent for the numbers rules hold. */
const num = (n: number) => String(n);

/**
 * The cell text of a rule: words, a ladder or categories when they read back to the very same
 * rule, else the rule's JSON.
 *
 * @example
 * ```ts
 * ruleToText({ type: "ladder", direction: "higher", steps: [{ threshold: 0.9, points: 10 }] }); // => "≥0.9: 10"
 * ruleToText({ type: "value", outOfRange: "clamp" }); // => '{"type":"value","outOfRange":"clamp"}'
 * ```
 */
export function ruleToText(rule: ScoringRule): string {
  let text: string | undefined;
  switch (rule.type) {
    case "value":
    case "ratio":
    case "boolean":
      text = (WORDS.find(([type]) => type === rule.type) as (typeof WORDS)[number])[1][0];
      break;
    case "points":
      text = rule.max === undefined ? "điểm" : `điểm (tối đa ${num(rule.max)})`;
      break;
    case "ladder":
      text = rule.steps.map((s) => `${rule.direction === "higher" ? "≥" : "≤"}${num(s.threshold)}: ${num(s.points)}`).join("; ");
      break;
    case "categorical":
      text = rule.categories.every((c) => c.points !== undefined && !/[:;]/u.test(c.label)) ? rule.categories.map((c) => `${c.label}: ${num(c.points as number)}`).join("; ") : undefined;
      break;
    default:
      text = undefined;
  }
  if (text !== undefined) {
    try {
      if (JSON.stringify(parseRuleText(text)) === JSON.stringify(rule)) return text;
    } catch {
      // Not readable back (a label that looks like a ladder step): JSON below.
    }
  }
  return JSON.stringify(rule);
}
