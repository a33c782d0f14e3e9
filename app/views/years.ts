/**
 * The Years page: two years of the data side by side (`compareYears`): each unit's index in both,
 * the change and the change of rank, with the library's comparison chart.
 *
 * @module
 */
import { compareYears } from "../../src/analysis/compare-years.ts";
import { formatSigned } from "../../src/analysis/format.ts";
import { comparisonChart } from "../../src/report/chart/comparison.ts";
import { valueFormatter } from "../../src/report/format-number.ts";
import { h, svgFigure } from "../dom.ts";
import { t } from "../i18n.ts";
import type { Actions } from "../main.ts";
import { localeOf, yearsOf, type State } from "../state.ts";

/** The years compared (chosen on the page, default the last two). */
const chosen = { from: undefined as number | undefined, to: undefined as number | undefined };

export function yearsView(state: State, actions: Actions): HTMLElement {
  const lang = state.lang;
  const result = state.result;
  const years = result === undefined ? [] : yearsOf(result);
  if (result === undefined || years.length < 2) return h("div", { class: "page" }, h("h2", {}, t(lang, "view.years")), h("p", {}, t(lang, result === undefined ? "noData" : "noYears")));
  const from = chosen.from !== undefined && years.includes(chosen.from) ? chosen.from : (years.at(-2) as number);
  const to = chosen.to !== undefined && years.includes(chosen.to) ? chosen.to : (years.at(-1) as number);
  const fmt = valueFormatter(localeOf(lang));
  const select = (id: string, label: string, value: number, set: (y: number) => void) =>
    h("p", {}, h("label", { for: id }, label), " ", h("select", { id, onchange: (e) => (set(Number((e.target as HTMLSelectElement).value)), actions.update({})) }, years.map((y) => h("option", { value: y, selected: y === value }, y))));
  const filters = h("div", { class: "filters" }, select("from-year", t(lang, "fromYear"), from, (y) => (chosen.from = y)), select("to-year", t(lang, "toYear"), to, (y) => (chosen.to = y)));
  if (from === to) return h("div", { class: "page" }, h("h2", {}, t(lang, "view.years")), filters);
  const c = compareYears(result, { from, to });
  const signed = (n: number | null) => (n === null ? "" : n > 0 ? `+${n}` : String(n));
  return h(
    "div",
    { class: "page years" },
    h("h2", { id: "years-title" }, `${t(lang, "yearsIntro")}: ${from} → ${to}`),
    filters,
    h(
      "div",
      { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": "years-title" },
      h(
        "table",
        { class: "years-table" },
        h("thead", {}, h("tr", {}, [t(lang, "unit"), String(from), String(to), t(lang, "change"), `${t(lang, "rank")} ${from}`, `${t(lang, "rank")} ${to}`, t(lang, "rankChange")].map((x) => h("th", { scope: "col" }, x)))),
        h(
          "tbody",
          {},
          c.units.map((u) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, h("a", { href: `#unit/${encodeURIComponent(u.unit)}` }, u.unit)),
              h("td", { class: "num" }, fmt(u.from)),
              h("td", { class: "num" }, fmt(u.to)),
              h("td", { class: "num" }, u.delta === null ? "" : formatSigned(u.delta, c.decimals, lang)),
              h("td", { class: "num" }, u.rankFrom ?? ""),
              h("td", { class: "num" }, u.rankTo ?? ""),
              h("td", { class: "num" }, signed(u.rankChange)),
            ),
          ),
        ),
      ),
    ),
    svgFigure(comparisonChart(result, { from, to, language: lang, locale: localeOf(lang) }), t(lang, "view.years")),
  );
}
