/**
 * The Downloads page: the ranking as CSV (the library's `toCSV` with the options `dti score
 * --format csv` uses, so the file is the same byte for byte), the HTML report (`toHTMLReport` with
 * the levers `dti report` adds), and the report printed by the browser (A4, its print stylesheet).
 *
 * @module
 */
import { reportLevers } from "../../src/cli/report-extras.ts";
import { reportCards, toHTMLReport } from "../../src/report/html-report/to-html-report.ts";
import { toCSV } from "../../src/report/to-csv.ts";
import type { ScoreResult } from "../../src/pipeline/types.ts";
import { download, h } from "../dom.ts";
import { t } from "../i18n.ts";
import type { Actions } from "../main.ts";
import type { State } from "../state.ts";

/** The file's name without its extension, for the names of what is made from it. */
const stem = (name: string) => name.replace(/\.[^.]+$/u, "");

/** The HTML report, as `dti report <file>` writes it in the chosen language. */
export function reportHtml(state: State, result: ScoreResult): string {
  const cards = reportCards(result);
  const cardUnits = [...cards.top, ...cards.bottom].filter((u) => u.value !== null);
  return toHTMLReport(result, { language: state.lang, framework: state.framework, dataSource: state.file?.name ?? "", levers: reportLevers(state.framework, result, cardUnits, 2) });
}

/** Prints the report from a frame of this page: the browser's dialog offers "Save as PDF". */
function printReport(html: string): void {
  document.getElementById("print-frame")?.remove();
  const frame = h("iframe", { id: "print-frame", title: "print", class: "print-frame", "aria-hidden": "true", tabindex: "-1" });
  frame.srcdoc = html;
  frame.addEventListener("load", () => frame.contentWindow?.print(), { once: true });
  document.body.append(frame);
}

export function downloadsView(state: State, _actions: Actions): HTMLElement {
  const lang = state.lang;
  const result = state.result;
  if (result === undefined) return h("div", { class: "page" }, h("h2", {}, t(lang, "view.downloads")), h("p", {}, t(lang, "noData")));
  const name = stem(state.file?.name ?? "dti");
  return h(
    "div",
    { class: "page downloads" },
    h("h2", {}, t(lang, "view.downloads")),
    h("p", {}, t(lang, "downloadsIntro")),
    h(
      "ul",
      { class: "actions" },
      h("li", {}, h("button", { type: "button", id: "download-csv", onclick: () => download(`${name}-ranking.csv`, toCSV(result, { language: lang }), "text/csv;charset=utf-8") }, t(lang, "csv")), " ", h("span", { class: "note" }, t(lang, "csvNote"))),
      h("li", {}, h("button", { type: "button", id: "download-html", onclick: () => download(`${name}-report.html`, reportHtml(state, result), "text/html;charset=utf-8") }, t(lang, "html"))),
      h("li", {}, h("button", { type: "button", id: "print", onclick: () => printReport(reportHtml(state, result)) }, t(lang, "print")), " ", h("span", { class: "note" }, t(lang, "printNote"))),
    ),
  );
}
