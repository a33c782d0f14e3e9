/**
 * The Problems page: every error and warning the library found, one row each, with the row,
 * column and unit it is about and the library's message saying what to write instead.
 *
 * @module
 */
import type { Issue } from "../../src/errors.ts";
import { h } from "../dom.ts";
import { t } from "../i18n.ts";
import type { Actions } from "../main.ts";
import type { State } from "../state.ts";

export function problemsView(state: State, _actions: Actions): HTMLElement {
  const lang = state.lang;
  if (state.issues.length === 0) return h("div", { class: "page" }, h("h2", {}, t(lang, "view.problems")), h("p", {}, t(lang, state.file === undefined ? "noData" : "noProblems")));
  // Errors first, then warnings; each in the order the library found them.
  const issues = [...state.issues.filter((i) => i.severity === "error"), ...state.issues.filter((i) => i.severity !== "error")];
  const message = (i: Issue) => (lang === "vi" && i.messageVi !== undefined ? i.messageVi : i.message);
  return h(
    "div",
    { class: "page" },
    h("h2", { id: "problems-title" }, t(lang, "view.problems")),
    h("p", {}, t(lang, "problemsIntro")),
    h(
      "div",
      { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": "problems-title" },
      h(
        "table",
        { class: "problems" },
        h("thead", {}, h("tr", {}, ["severity", "row", "column", "unit", "fix", "code"].map((k) => h("th", { scope: "col" }, t(lang, k as "row"))))),
        h(
          "tbody",
          {},
          issues.map((i) =>
            h(
              "tr",
              { class: i.severity },
              h("td", {}, t(lang, i.severity === "error" ? "error" : "warning")),
              h("td", { class: "num" }, i.row ?? ""),
              h("td", {}, i.column ?? ""),
              h("td", {}, i.unit ?? ""),
              h("td", { class: "message" }, message(i)),
              h("td", {}, h("code", {}, i.code)),
            ),
          ),
        ),
      ),
    ),
  );
}
