/**
 * What-if results, improvement priorities and improvement plans as documents (Markdown, HTML).
 *
 * @module
 */
import type { LocalizedName } from "../framework/types.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { localName } from "../text/local-name.ts";
import { parseNumber } from "../number/parse-number.ts";
import { analysisStyle, formatDecimal, formatPoints, type Language } from "./format.ts";
import { cell, document, heading, num, paragraph, paragraphOf, rank, table, type Cell, type Document } from "../report/document/model.ts";
import { documentToMarkdown } from "../report/document/to-markdown.ts";
import { planLabels, prioritiesLabels, whatIfLabels } from "../text/labels/index.ts";
import type { PlanResult } from "./plan-improvements.ts";
import type { Priority } from "./priorities.ts";
import type { WhatIfResult } from "./what-if.ts";

/** Options of the what-if renderers. */
export interface WhatIfMarkdownOptions {
  readonly language?: Language;
  /** Names of nodes by id, for the change table (default: the ids). */
  readonly names?: Readonly<Record<string, LocalizedName>>;
}

/**
 * A raw input as the what-if table shows it: a number (or text that reads as one, "0,95" or
 * "0.95") in the language's style, any other text (a category) and yes/no as written.
 */
const raw = (v: RawValue | null | undefined): Cell => {
  if (v === null || v === undefined) return num(null);
  const number = typeof v === "number" ? v : typeof v === "string" ? parseNumber(v) : undefined;
  return number === undefined ? cell(String(v)) : num(number);
};

/** A change of rank: "+2", "-1", "0", "–". */
const places = (x: number | null) => (x === null ? "–" : x > 0 ? `+${x}` : String(x));

/**
 * A what-if result as a document: the changes, the index before and after (value, rank), every
 * node that moved.
 *
 * @example
 * ```ts
 * documentToHTML(whatIfDocument(whatIf(fw, rows, "TP. Hồ Chí Minh", { "digital-society": 0.5 })));
 * ```
 */
export function whatIfDocument(r: WhatIfResult, options: WhatIfMarkdownOptions = {}): Document {
  const lang = options.language ?? "vi";
  const L = whatIfLabels(lang);
  const n = (x: string | null) => num(x, { places: r.decimals });
  // Changes are signed exact texts ("+0.0123"): written in the language's style, not rounded again.
  const label = (id: string) => (options.names?.[id] === undefined ? id : localName(options.names[id] as LocalizedName, lang));
  return document(
    [
      heading(2, L.title(r.unit, r.year)),
      table(
        [L.input, L.now, L.whatIf],
        r.changes.map((c) => [label(c.input), raw(c.from), raw(c.to)]),
      ),
      table(
        ["", L.before, L.after, L.change],
        [
          [L.value, n(r.before.value), n(r.after.value), num(r.delta.value)],
          [L.rank, rank(r.before.rank, r.units), rank(r.after.rank, r.units), places(r.delta.rank)],
          ...(r.before.groupRank !== null ? [[L.groupRank, String(r.before.groupRank), String(r.after.groupRank ?? "–"), ""]] : []),
        ],
      ),
      r.nodes.length > 0 && table(
        [L.node, L.before, L.after, L.change],
        r.nodes.map((x) => [localName(x.name, lang), n(x.before), n(x.after), num(x.delta)]),
      ),
    ],
    analysisStyle(lang),
  );
}

/**
 * A what-if result as Markdown ({@link whatIfDocument}).
 *
 * @example
 * ```ts
 * console.log(whatIfToMarkdown(whatIf(fw, rows, "TP. Hồ Chí Minh", { "digital-society": 0.5 })));
 * ```
 */
export function whatIfToMarkdown(r: WhatIfResult, options: WhatIfMarkdownOptions = {}): string {
  return documentToMarkdown(whatIfDocument(r, options));
}

/** Options of the priorities renderers. */
export interface PrioritiesOptions {
  readonly language?: Language;
  readonly decimals?: number;
}

/**
 * Improvement priorities as a document: index gain per +0.01 of each indicator, per step, and at
 * the maximum.
 *
 * @example
 * ```ts
 * documentToHTML(prioritiesDocument(improvementPriorities(fw, rows, "TP. Hồ Chí Minh")));
 * ```
 */
export function prioritiesDocument(list: readonly Priority[], options: PrioritiesOptions = {}): Document {
  const lang = options.language ?? "vi";
  const L = prioritiesLabels(lang);
  const d = options.decimals ?? 4;
  const withPoints = list.some((p) => p.headroomPoints !== null);
  const right = (header: string) => ({ header, align: "right" as const });
  return document(
    [
      table(
        [right("#"), { header: L.indicator, align: "left" }, right(L.value), right(L.gainPerHundredth), right(withPoints ? L.pointsLeft : L.gainAtMax)],
        list.map((p, i) => [
          String(i + 1),
          localName(p.name, lang),
          num(p.value, { places: d }),
          num(p.gainPerHundredth, { places: d + 2 }),
          withPoints ? num(p.headroomPoints ?? 0, { places: 3, trim: true }) : num(p.headroom, { places: d }),
        ]),
      ),
    ],
    analysisStyle(lang),
  );
}

/**
 * Improvement priorities as Markdown ({@link prioritiesDocument}).
 *
 * @example
 * ```ts
 * console.log(prioritiesToMarkdown(improvementPriorities(fw, rows, "TP. Hồ Chí Minh")));
 * ```
 */
export function prioritiesToMarkdown(list: readonly Priority[], options: PrioritiesOptions = {}): string {
  return documentToMarkdown(prioritiesDocument(list, options));
}

/**
 * An improvement plan as a document: the goal, the greedy changes re-scored, the exact minimum
 * when there is one.
 *
 * @example
 * ```ts
 * documentToHTML(planDocument(planImprovements(fw, rows, "TP. Hồ Chí Minh", { toRank: 1 })));
 * ```
 */
export function planDocument(plan: PlanResult, options: { readonly language?: Language } = {}): Document {
  const lang = options.language ?? "vi";
  const L = planLabels(lang);
  const d = plan.result.decimals;
  const n = (x: number | string | null) => (x === null ? "–" : formatDecimal(x, d, lang));
  const goal = plan.goal.kind === "rank" ? L.goalRank(plan.goal.rank, n(plan.goal.value)) : L.goalValue(n(plan.goal.value));
  const title = heading(2, L.title(plan.unit, goal));
  if (plan.already) return document([title, paragraph(L.already(n(plan.before.value), plan.before.rank))], analysisStyle(lang));
  const after = plan.result.after;
  const exact = plan.exact?.changes.map((c) => `${localName(c.name, lang)} ${formatPoints(c.before, 6, lang)} → ${formatPoints(c.after, 6, lang)}`).join("; ");
  return document(
    [
      title,
      paragraph(
        plan.reached
          ? L.reached(n(plan.before.value), n(after.value), plan.before.rank, after.rank, formatPoints(plan.total, d, lang))
          : plan.exhausted
            ? L.outOfSteps(plan.steps, n(after.value), after.rank)
            : L.outOfReach(n(after.value), after.rank),
      ),
      table(
        [L.indicator, L.now, L.needed, L.increase],
        plan.changes.map((c) => [localName(c.name, lang), num(c.before, { places: d }), num(c.after, { places: d }), num(c.increase, { places: d, sign: true })]),
      ),
      plan.exact !== null && paragraph(L.exact(formatPoints(plan.exact.total, 6, lang), exact ?? "")),
      paragraphOf(L.method(plan.algorithm)),
    ],
    analysisStyle(lang),
  );
}

/**
 * An improvement plan as Markdown ({@link planDocument}).
 *
 * @example
 * ```ts
 * console.log(planToMarkdown(planImprovements(fw, rows, "TP. Hồ Chí Minh", { toRank: 1 })));
 * ```
 */
export function planToMarkdown(plan: PlanResult, options: { readonly language?: Language } = {}): string {
  return documentToMarkdown(planDocument(plan, options));
}
