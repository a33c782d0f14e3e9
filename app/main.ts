/**
 * The browser app for officials: choose a framework, open a data file, see its problems or its
 * ranking, a unit's page with what-if sliders, the years side by side, and download the results.
 * UI only: every computation is the library's (`src/`), the same code as the command line's.
 *
 * @module
 */
import { DtiError, isDtiError } from "../src/errors.ts";
import { getFramework } from "../src/framework/builtin/index.ts";
import { score } from "../src/pipeline/score.ts";
import { h } from "./dom.ts";
import { t, type WordKey } from "./i18n.ts";
import { readDataFile, readFrameworkFile, workbookSheets, isWorkbook } from "./read-file.ts";
import { yearsOf, type State, type View } from "./state.ts";
import { dataView } from "./views/data.ts";
import { downloadsView } from "./views/downloads.ts";
import { problemsView } from "./views/problems.ts";
import { rankingView } from "./views/ranking.ts";
import { unitView } from "./views/unit.ts";
import { yearsView } from "./views/years.ts";

const DEFAULT_FRAMEWORK = "vn-dti-2022-province";
const VIEWS: readonly View[] = ["data", "problems", "ranking", "unit", "years", "downloads"];

const state: State = {
  lang: localStorage.getItem("dti-lang") === "en" ? "en" : "vi",
  view: "data",
  framework: getFramework(DEFAULT_FRAMEWORK),
  builtin: DEFAULT_FRAMEWORK,
  issues: [],
  status: "",
  search: "",
  group: "",
  sort: { column: "rank", descending: false },
};

/** What the views call: change the state, then draw again. */
export interface Actions {
  readonly update: (change: Partial<State>) => void;
  readonly go: (view: View, unit?: string) => void;
  readonly openData: (name: string, bytes: Uint8Array) => Promise<void>;
  readonly openFramework: (name: string, bytes: Uint8Array) => Promise<void>;
  readonly chooseBuiltin: (id: string) => void;
  readonly chooseSheet: (sheet: string) => Promise<void>;
}

/** Scores the table read, keeping every problem the library reports. */
function rescore(): void {
  const file = state.file;
  if (state.table === undefined || file === undefined) return;
  try {
    const result = score(state.framework, state.table, {});
    const years = yearsOf(result);
    Object.assign(state, { result, issues: result.warnings, status: t(state.lang, "scored", { n: result.units.filter((u) => u.year === years.at(-1)).length, file: file.name }) });
    delete state.year;
    if (state.view === "data" || state.view === "problems") state.view = "ranking";
  } catch (e) {
    if (!isDtiError(e)) throw e;
    Object.assign(state, { result: undefined, issues: e.issues, view: "problems" as View });
    state.status = t(state.lang, "failed", { file: file.name, n: e.issues.filter((i) => i.severity === "error").length });
  }
}

function fail(e: unknown, name: string): void {
  const issues = e instanceof DtiError ? e.issues : [{ code: "DATA_PARSE" as const, severity: "error" as const, message: `${name}: ${(e as Error).message}` }];
  Object.assign(state, { result: undefined, table: undefined, issues, view: "problems" as View, status: t(state.lang, "failed", { file: name, n: issues.length }) });
}

const actions: Actions = {
  update(change) {
    Object.assign(state, change);
    render();
  },
  go(view, unit) {
    location.hash = unit === undefined ? `#${view}` : `#${view}/${encodeURIComponent(unit)}`;
  },
  async openData(name, bytes) {
    state.status = `${t(state.lang, "reading")} ${name}…`;
    render();
    try {
      const sheets = isWorkbook(name) ? await workbookSheets(bytes) : [];
      state.file = { name, bytes, sheets };
      state.table = await readDataFile(name, bytes);
      rescore();
    } catch (e) {
      fail(e, name);
    }
    goTo(state.view);
  },
  async openFramework(name, bytes) {
    try {
      state.framework = await readFrameworkFile(name, bytes);
      state.builtin = undefined;
      state.status = `${t(state.lang, "frameworkLoaded")}: ${state.framework.title[state.lang] ?? state.framework.title.vi}`;
      rescore();
    } catch (e) {
      fail(e, name);
    }
    goTo(state.view);
  },
  chooseBuiltin(id) {
    state.framework = getFramework(id);
    state.builtin = id;
    rescore();
    goTo(state.view);
  },
  async chooseSheet(sheet) {
    const file = state.file;
    if (file === undefined) return;
    file.sheet = sheet;
    try {
      state.table = await readDataFile(file.name, file.bytes, sheet);
      rescore();
    } catch (e) {
      fail(e, file.name);
    }
    goTo(state.view);
  },
};

/** Shows a view (through the address, so the browser's Back button works). */
function goTo(view: View): void {
  if (location.hash.slice(1).split("/")[0] === view) render();
  else actions.go(view, view === "unit" ? state.unit : undefined);
}

function fromHash(e?: Event): void {
  const [view, unit] = location.hash.slice(1).split("/");
  state.view = VIEWS.includes(view as View) ? (view as View) : state.result === undefined ? "data" : "ranking";
  if (unit !== undefined && unit !== "") state.unit = decodeURIComponent(unit);
  // Focus moves to the page shown when the user goes to it, not when the app opens.
  render(e !== undefined);
}

const VIEW_OF: Record<View, (state: State, actions: Actions) => HTMLElement> = {
  data: dataView,
  problems: problemsView,
  ranking: rankingView,
  unit: unitView,
  years: yearsView,
  downloads: downloadsView,
};

function render(moveFocus = false): void {
  const lang = state.lang;
  document.documentElement.lang = lang;
  document.title = t(lang, "title");
  const root = document.getElementById("app") as HTMLElement;
  const errors = state.issues.filter((i) => i.severity === "error").length;
  const tab = (view: View) => {
    const label = t(lang, `view.${view}` as WordKey);
    const count = view === "problems" && state.issues.length > 0 ? ` (${state.issues.length})` : "";
    return h("li", {}, h("a", { href: `#${view}`, "aria-current": state.view === view ? "page" : undefined, class: view === "problems" && errors > 0 ? "bad" : undefined }, label + count));
  };
  const main = h("main", { id: "main", tabindex: "-1", "data-view": state.view }, VIEW_OF[state.view](state, actions));
  root.replaceChildren(
    h("a", { class: "skip", href: "#main", onclick: (e) => (e.preventDefault(), main.focus()) }, t(lang, "skip")),
    h(
      "header",
      {},
      h("div", { class: "bar" }, h("h1", {}, t(lang, "title")), h("button", { type: "button", lang: lang === "vi" ? "en" : "vi", "aria-label": t(lang, "switchLangLabel"), onclick: () => (localStorage.setItem("dti-lang", lang === "vi" ? "en" : "vi"), actions.update({ lang: lang === "vi" ? "en" : "vi" })) }, t(lang, "switchLang"))),
      h("p", { class: "privacy" }, t(lang, "privacy")),
      h("nav", { "aria-label": t(lang, "nav") }, h("ul", {}, VIEWS.map(tab))),
      h("p", { class: "status", role: "status", "aria-live": "polite" }, state.status),
    ),
    main,
  );
  if (moveFocus) {
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

window.addEventListener("hashchange", fromHash);
fromHash();
// Offline use: the service worker keeps every file of the app (none of the user's data).
if ("serviceWorker" in navigator && location.protocol !== "file:") void navigator.serviceWorker.register("./sw.js").catch(() => undefined);
