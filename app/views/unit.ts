/**
 * A unit's page: its standing and the library's summary, what each indicator adds (`explain`),
 * its strongest and weakest indicators (`unitStrengths`), the neighbouring ranks (`rankNeighbours`), the
 * radar chart, what-if sliders that score the data again through the real pipeline on every move
 * (`prepareScenario` / `compareScenario`, what `whatIf` runs), and the least improvement to the
 * next rank (`planImprovements`).
 *
 * @module
 */
import { explain } from "../../src/analysis/explain.ts";
import { formatDecimal, formatPoints, formatSigned } from "../../src/analysis/format.ts";
import { maxInputs } from "../../src/analysis/improvement-step.ts";
import { planImprovements, type PlanResult } from "../../src/analysis/plan-improvements.ts";
import { prepareScenario, type Scenario } from "../../src/analysis/scenario.ts";
import { compareScenario } from "../../src/analysis/what-if.ts";
import { isDtiError } from "../../src/errors.ts";
import { frameworkColumns, type FrameworkColumn } from "../../src/input/framework-columns.ts";
import { parseNumber } from "../../src/number/parse-number.ts";
import type { UnitResult } from "../../src/pipeline/types.ts";
import { radarChart } from "../../src/report/chart/radar.ts";
import { valueFormatter } from "../../src/report/format-number.ts";
import { rankNeighbours } from "../../src/report/rank-neighbours.ts";
import { unitStrengths, type IndicatorDifference } from "../../src/report/strengths.ts";
import { compareVi } from "../../src/text/collator.ts";
import type { RawValue } from "../../src/score/rules/outcome.ts";
import type { IndicatorNode } from "../../src/framework/types.ts";
import { h, svgFigure } from "../dom.ts";
import { t, type Lang } from "../i18n.ts";
import type { Actions } from "../main.ts";
import { localeOf, shownYear, unitsOfYear, type State } from "../state.ts";
import { yearSelect } from "./ranking.ts";

const name = (n: { readonly name: { readonly vi: string; readonly en?: string } }, lang: Lang) => (lang === "en" ? (n.name.en ?? n.name.vi) : n.name.vi);

/** Plans are worth keeping: one per result, unit and year. */
const plans = new WeakMap<object, Map<string, PlanResult | string>>();

export function unitView(state: State, actions: Actions): HTMLElement {
  const lang = state.lang;
  const result = state.result;
  if (result === undefined || state.table === undefined) return h("div", { class: "page" }, h("h2", {}, t(lang, "view.unit")), h("p", {}, t(lang, "noData")));
  const units = unitsOfYear(state);
  const year = shownYear(state);
  const me = units.find((u) => u.unit === state.unit) ?? units.find((u) => u.rank === 1) ?? units[0];
  if (me === undefined) return h("div", { class: "page" }, h("p", {}, t(lang, "noData")));
  const fmt = valueFormatter(localeOf(lang));
  const yearOption = year === undefined ? {} : { year };
  const ex = explain(state.framework, result, me.unit, yearOption);
  const picker = h(
    "p",
    {},
    h("label", { for: "unit-select" }, t(lang, "chooseUnit")),
    " ",
    h("select", { id: "unit-select", onchange: (e) => actions.go("unit", (e.target as HTMLSelectElement).value) }, [...units].sort((a, b) => compareVi(a.unit, b.unit)).map((u) => h("option", { value: u.unit, selected: u === me }, u.unit))),
  );
  const standing = h(
    "p",
    { class: "standing" },
    h("strong", { id: "unit-value", "data-value": me.value ?? "" }, `${result.nodes[0] === undefined ? "" : (result.nodes[0].short ?? name(result.nodes[0], lang))} ${fmt(me.value)}`),
    " · ",
    h("span", { id: "unit-rank", "data-rank": me.rank ?? "" }, t(lang, "rankOf", { rank: me.rank ?? "–", n: ex.units })),
    me.group !== undefined && me.groupRank !== null ? ` · ${t(lang, "groupRankOf", { rank: me.groupRank, group: me.group })}` : "",
  );
  const contributions = contributionsTable(ex, result, lang, fmt);
  const strengths = unitStrengths(result, me.unit, yearOption);
  const gapList = (title: string, items: readonly IndicatorDifference[], id: string) =>
    h("section", { "aria-labelledby": id }, h("h3", { id }, title), h("ul", {}, items.map((g) => h("li", {}, `${name(g.node, lang)}: ${fmt(g.value)} (${t(lang, "average").toLowerCase()} ${fmt(g.average)}, ${t(lang, "gap").toLowerCase()} ${fmt(g.difference)})`))));
  const gaps = rankNeighbours(result, me);
  const neighbours = h(
    "ul",
    {},
    gaps.above === undefined ? null : h("li", {}, t(lang, "above", { unit: gaps.above.unit.unit, value: fmt(gaps.above.unit.value), gap: fmt(gaps.above.distance) })),
    gaps.below === undefined ? null : h("li", {}, t(lang, "below", { unit: gaps.below.unit.unit, value: fmt(gaps.below.unit.value), gap: fmt(gaps.below.distance) })),
  );
  return h(
    "div",
    { class: "page unit" },
    h("p", {}, h("a", { href: "#ranking" }, `← ${t(lang, "back")}`)),
    h("h2", { id: "unit-title" }, me.unit),
    h("div", { class: "filters" }, picker, yearSelect(state, actions, "unit-year")),
    standing,
    h("p", { class: "summary" }, ex.summary[lang]),
    h(
      "div",
      { class: "columns" },
      h("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": t(lang, "contributions") }, contributions),
      svgFigure(radarChart(result, me.unit, { language: lang, locale: localeOf(lang), ...yearOption }), t(lang, "radar")),
    ),
    h("div", { class: "columns" }, gapList(t(lang, "strengths"), strengths.strengths, "strengths"), gapList(t(lang, "weaknesses"), strengths.weaknesses, "weaknesses")),
    h("section", { "aria-labelledby": "neighbours" }, h("h3", { id: "neighbours" }, t(lang, "neighbours")), neighbours),
    whatIfSection(state, me),
    planSection(state, me),
  );
}

/** The unit's table of contributions: each node's value, rank, share, points (or contribution) and the average. */
function contributionsTable(ex: ReturnType<typeof explain>, result: NonNullable<State["result"]>, lang: Lang, fmt: ReturnType<typeof valueFormatter>): HTMLElement {
  const pointsCol = ex.maxPoints !== null;
  return h(
    "table",
    { class: "contributions" },
    h("caption", {}, t(lang, "contributions")),
    h(
      "thead",
      {},
      h("tr", {}, [t(lang, "indicator"), t(lang, "value"), t(lang, "rank"), t(lang, "share"), pointsCol ? t(lang, "points") : t(lang, "contribution"), t(lang, "average")].map((c) => h("th", { scope: "col" }, c))),
    ),
    h(
      "tbody",
      {},
      ex.nodes.map((n) =>
        h(
          "tr",
          { class: `depth-${n.depth}` },
          h("th", { scope: "row" }, name(n, lang)),
          h("td", { class: "num" }, fmt(n.value)),
          h("td", { class: "num" }, n.rank ?? ""),
          h("td", { class: "num" }, formatPoints(n.share, 4, lang)),
          h("td", { class: "num" }, n.points !== null && n.maxPoints !== null ? `${formatPoints(n.points, 2, lang)} / ${formatPoints(n.maxPoints, 2, lang)}` : formatDecimal(n.contribution, 4, lang)),
          h("td", { class: "num" }, n.average === null ? "" : formatDecimal(n.average.score, result.framework.decimals, lang)),
        ),
      ),
    ),
  );
}

/** The slider's range and step for a number input: the rule's range, else up to what earns the full score. */
function sliderRange(column: FrameworkColumn, leaf: IndicatorNode, inputs: readonly RawValue[], current: number): { min: number; max: number; step: number } {
  const check: { readonly min?: number; readonly max?: number } = column.check.kind === "number" ? column.check : {};
  const min = check.min ?? Math.min(0, current);
  const index = column.part === "denominator" ? 1 : 0;
  const full = Number(parseNumber(String(maxInputs(leaf, inputs)[index] ?? "")) ?? Number.NaN);
  const max = check.max ?? Math.max(current, Number.isFinite(full) && full > min ? full : current * 2 || 1);
  // Steps fine enough to hold the value as written (0.8252 → 0.0001), whole numbers for counts.
  const places = Math.max(String(current).split(".")[1]?.length ?? 0, Number.isInteger(max) && max > 10 ? 0 : 2);
  return { min, max: Math.max(max, current), step: 10 ** -places };
}

function whatIfSection(state: State, me: UnitResult): HTMLElement {
  const lang = state.lang;
  const fmt = valueFormatter(localeOf(lang));
  const section = h("section", { "aria-labelledby": "whatif-title", class: "whatif" }, h("h3", { id: "whatif-title" }, t(lang, "whatIf")), h("p", {}, t(lang, "whatIfIntro")));
  let scenario: Scenario;
  try {
    scenario = prepareScenario(state.framework, state.table ?? [], me.unit, me.year === undefined ? {} : { year: me.year });
  } catch (e) {
    if (!isDtiError(e)) throw e;
    section.append(h("p", {}, `${t(lang, "noWhatIf")}: ${e.issues[0]?.message ?? e.message}`));
    return section;
  }
  const s = scenario;
  const changes = new Map<string, RawValue>();
  const out = h("p", { id: "whatif-result", class: "whatif-result", role: "status", "aria-live": "polite", "data-value": me.value ?? "", "data-rank": me.rank ?? "" });
  const changed = h("ul", { class: "whatif-nodes" });
  let pending = 0;
  const show = () => {
    pending = 0;
    try {
      const r = compareScenario(s, changes);
      out.dataset["value"] = r.after.value ?? "";
      out.dataset["rank"] = String(r.after.rank ?? "");
      out.textContent = t(lang, "whatIfResult", { value: fmt(r.after.value), before: fmt(r.before.value), rank: r.after.rank ?? "–", rankBefore: r.before.rank ?? "–" });
      changed.replaceChildren(...r.nodes.filter((n) => n.delta !== null).slice(0, 12).map((n) => h("li", {}, `${name(n, lang)}: ${fmt(n.before)} → ${fmt(n.after)} (${formatSigned(n.delta ?? 0, s.baseline.framework.decimals, lang)})`)));
    } catch (e) {
      if (!isDtiError(e)) throw e;
      out.textContent = e.issues.map((i) => (lang === "vi" ? (i.messageVi ?? i.message) : i.message)).join("; ");
    }
  };
  const schedule = () => {
    if (pending === 0) pending = requestAnimationFrame(show);
  };
  const grid = h("div", { class: "sliders" });
  const byLeaf = new Map<string, FrameworkColumn[]>();
  const columns = frameworkColumns(s.framework);
  for (const c of columns) byLeaf.set(c.node, [...(byLeaf.get(c.node) ?? []), c]);
  for (const column of columns) {
    const leaf = s.compiled.nodes[s.compiled.index.get(column.node)!]!.leaf!;
    const id = `wi-${column.key.replace(/[^\w-]/gu, "_")}`;
    const raw = s.inputs.get(column.key);
    const label = h("label", { for: id }, column.formHeader);
    if (column.check.kind === "choice") {
      const select = h(
        "select",
        { id, "data-key": column.key, onchange: (e) => (changes.set(column.key, (e.target as HTMLSelectElement).value), schedule()) },
        raw === undefined ? h("option", { value: "", selected: true, disabled: true }, "–") : null,
        column.check.choices.map((c) => h("option", { value: c, selected: String(raw) === c }, c)),
      );
      grid.append(h("div", { class: "slider" }, label, select));
      continue;
    }
    const current = Number(parseNumber(String(raw ?? 0)) ?? 0);
    const leafInputs = (byLeaf.get(column.node) ?? []).map((c) => s.inputs.get(c.key) ?? 0);
    const range = sliderRange(column, leaf, leafInputs, current);
    const number = h("input", { type: "number", min: range.min, max: range.max, step: "any", value: current, "aria-label": column.formHeader, class: "exact" });
    const slider = h("input", { id, type: "range", min: range.min, max: range.max, step: range.step, value: current, "data-key": column.key });
    slider.addEventListener("input", () => {
      number.value = slider.value;
      changes.set(column.key, slider.value);
      schedule();
    });
    number.addEventListener("change", () => {
      if (number.value === "") return;
      slider.value = number.value;
      changes.set(column.key, number.value);
      schedule();
    });
    grid.append(h("div", { class: "slider" }, label, h("div", { class: "pair" }, slider, number)));
  }
  const reset = h("button", { type: "button", onclick: () => (changes.clear(), section.replaceWith(whatIfSection(state, me))) }, t(lang, "reset"));
  section.append(grid, out, changed, reset);
  show();
  return section;
}

function planSection(state: State, me: UnitResult): HTMLElement {
  const lang = state.lang;
  const fmt = valueFormatter(localeOf(lang));
  const section = h("section", { "aria-labelledby": "plan-title", class: "plan" });
  if (me.rank === null || me.rank <= 1) {
    section.append(h("h3", { id: "plan-title" }, t(lang, "plan", { rank: 1 })), h("p", {}, t(lang, "planTop")));
    return section;
  }
  // The rank above: the next better rank a tie does not share.
  const toRank = me.rank - 1;
  section.append(h("h3", { id: "plan-title" }, t(lang, "plan", { rank: toRank })));
  const body = h("div", { id: "plan-body", "aria-busy": "true" }, t(lang, "planWorking"));
  section.append(body);
  const result = state.result as object;
  const key = `${me.unit}\u0000${me.year ?? ""}`;
  const draw = (plan: PlanResult | string) => {
    body.removeAttribute("aria-busy");
    if (typeof plan === "string") return body.replaceChildren(h("p", {}, plan));
    if (!plan.reached) return body.replaceChildren(h("p", {}, t(lang, "planNot")));
    body.replaceChildren(
      h("p", {}, t(lang, "planIntro")),
      h("ul", {}, plan.changes.map((c) => h("li", {}, `${name(c, lang)}: ${t(lang, "from")} ${c.from.map((v) => fmt(parseNumber(String(v)) ?? String(v))).join(" / ")} ${t(lang, "to")} ${c.to.map((v) => fmt(parseNumber(String(v)) ?? String(v))).join(" / ")}`))),
      h("p", {}, t(lang, "planReached", { value: fmt(plan.result.after.value), rank: plan.result.after.rank ?? "–" })),
    );
  };
  const cache = plans.get(result) ?? new Map<string, PlanResult | string>();
  plans.set(result, cache);
  const known = cache.get(key);
  if (known !== undefined) draw(known);
  else
    // After the page is drawn: the search scores the data several times.
    setTimeout(() => {
      let plan: PlanResult | string;
      try {
        plan = planImprovements(state.framework, state.table ?? [], me.unit, { toRank, ...(me.year === undefined ? {} : { year: me.year }) });
      } catch (e) {
        if (!isDtiError(e)) throw e;
        plan = e.issues.map((i) => (lang === "vi" ? (i.messageVi ?? i.message) : i.message)).join("; ");
      }
      cache.set(key, plan);
      if (body.isConnected) draw(plan);
    }, 30);
  return section;
}
