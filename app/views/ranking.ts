/**
 * The Ranking page: the ranking table (the library's ranking columns: rank, group rank, unit,
 * group, the index and the main indicators), sortable by any column, filtered by group and by a
 * search, and the library's ranking bar chart.
 *
 * @module
 */
import { nodeCells } from "../../src/pipeline/unit-nodes.ts";
import type { UnitResult } from "../../src/pipeline/types.ts";
import { rankingBarChart } from "../../src/report/chart/ranking-bar.ts";
import { valueFormatter } from "../../src/report/format-number.ts";
import { mainIndicators } from "../../src/report/main-indicators.ts";
import { rankingColumns, type RankingColumn } from "../../src/report/ranking-columns.ts";
import { compareVi } from "../../src/text/collator.ts";
import { normalizeKey } from "../../src/text/normalize-key.ts";
import { h, svgFigure } from "../dom.ts";
import { t } from "../i18n.ts";
import type { Actions } from "../main.ts";
import { localeOf, shownYear, unitsOfYear, yearsOf, type State } from "../state.ts";

/** The columns shown: who and where, the index, the main indicators (all in the CSV download). */
export function shownColumns(state: State): RankingColumn[] {
  const result = state.result;
  if (result === undefined) return [];
  const keep = new Set(["rank", "group_rank", "unit", "group", result.root, ...mainIndicators(result).map((n) => n.id)]);
  return rankingColumns(result, { headers: "names", language: state.lang }).filter((c) => keep.has(c.id));
}

function compareCells(a: string | number | null, b: string | number | null, kind: RankingColumn["kind"]): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return kind === "text" ? compareVi(String(a), String(b)) : Number(a) - Number(b);
}

/** A year select, shown when the data has several years. */
export function yearSelect(state: State, actions: Actions, id: string): HTMLElement | null {
  const years = state.result === undefined ? [] : yearsOf(state.result);
  if (years.length < 2) return null;
  const year = shownYear(state);
  return h(
    "p",
    {},
    h("label", { for: id }, t(state.lang, "year")),
    " ",
    h("select", { id, onchange: (e) => actions.update({ year: Number((e.target as HTMLSelectElement).value) }) }, years.map((y) => h("option", { value: y, selected: y === year }, y))),
  );
}

export function rankingView(state: State, actions: Actions): HTMLElement {
  const lang = state.lang;
  const result = state.result;
  if (result === undefined) return h("div", { class: "page" }, h("h2", {}, t(lang, "view.ranking")), h("p", {}, t(lang, "noData")));
  const fmt = valueFormatter(localeOf(lang));
  const columns = shownColumns(state);
  const units = unitsOfYear(state);
  const groups = [...new Set(units.map((u) => u.group).filter((g): g is string => g !== undefined))].sort(compareVi);
  const tbody = h("tbody");
  const count = h("p", { class: "count", "aria-live": "polite" });
  const fill = () => {
    const query = normalizeKey(state.search);
    const column = columns.find((c) => c.id === state.sort.column) ?? columns[0];
    const rows = units
      .filter((u) => (state.group === "" || u.group === state.group) && (query === "" || normalizeKey(`${u.unit} ${u.code ?? ""}`).includes(query)))
      .map((u) => ({ u, cells: nodeCells(u) }));
    if (column !== undefined) {
      const sign = state.sort.descending ? -1 : 1;
      rows.sort((a, b) => sign * compareCells(column.cell(a.u, a.cells), column.cell(b.u, b.cells), column.kind) || compareVi(a.u.unit, b.u.unit));
    }
    tbody.replaceChildren(...rows.map(({ u, cells }) => h("tr", {}, columns.map((c) => cell(c, u, c.cell(u, cells))))));
    count.textContent = t(lang, "shown", { n: rows.length, total: units.length });
  };
  const cell = (c: RankingColumn, u: UnitResult, v: string | number | null) => {
    if (c.id === "unit") return h("th", { scope: "row" }, h("a", { href: `#unit/${encodeURIComponent(u.unit)}` }, u.unit));
    return h("td", { class: `col-${c.id}${c.kind === "text" ? "" : " num"}` }, v === null ? "" : c.kind === "value" ? fmt(String(v)) : v);
  };
  const header = (c: RankingColumn) => {
    const active = state.sort.column === c.id;
    return h(
      "th",
      { scope: "col", class: `col-${c.id}`, "aria-sort": active ? (state.sort.descending ? "descending" : "ascending") : undefined },
      h(
        "button",
        {
          type: "button",
          title: t(lang, "sortBy", { col: c.header }),
          onclick: () => actions.update({ sort: { column: c.id, descending: active ? !state.sort.descending : c.kind === "value" } }),
        },
        c.header,
        h("span", { "aria-hidden": "true" }, active ? (state.sort.descending ? " ▼" : " ▲") : ""),
      ),
    );
  };
  fill();
  const year = shownYear(state);
  const highlight = state.group === "" ? [] : units.filter((u) => u.group === state.group).map((u) => u.unit);
  return h(
    "div",
    { class: "page ranking" },
    h("h2", { id: "ranking-title" }, `${t(lang, "view.ranking")}: ${result.framework.title[lang] ?? result.framework.title.vi}${year === undefined ? "" : ` (${year})`}`),
    h(
      "div",
      { class: "filters" },
      yearSelect(state, actions, "ranking-year"),
      h(
        "p",
        {},
        h("label", { for: "search" }, t(lang, "search")),
        " ",
        h("input", { id: "search", type: "search", value: state.search, autocomplete: "off", oninput: (e) => ((state.search = (e.target as HTMLInputElement).value), fill()) }),
      ),
      groups.length === 0
        ? null
        : h(
            "p",
            {},
            h("label", { for: "group" }, t(lang, "group")),
            " ",
            h("select", { id: "group", onchange: (e) => actions.update({ group: (e.target as HTMLSelectElement).value }) }, h("option", { value: "" }, t(lang, "allGroups")), groups.map((g) => h("option", { value: g, selected: g === state.group }, g))),
          ),
    ),
    count,
    h("div", { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": "ranking-title" }, h("table", { class: "ranking" }, h("thead", {}, h("tr", {}, columns.map(header))), tbody)),
    h("h3", {}, t(lang, "barChart")),
    svgFigure(rankingBarChart(result, { language: lang, locale: localeOf(lang), ...(year !== undefined ? { year } : {}), ...(highlight.length > 0 ? { highlight } : {}) }), t(lang, "barChart")),
  );
}
