/**
 * The Data page: choose a built-in framework or load one, then open a data file (drop it or choose
 * it). A workbook with several sheets offers its sheets.
 *
 * @module
 */
import { listFrameworks } from "../../src/framework/builtin/index.ts";
import { templateCSV } from "../../src/report/template-csv.ts";
import { download, h } from "../dom.ts";
import { t } from "../i18n.ts";
import type { Actions } from "../main.ts";
import type { State } from "../state.ts";

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A file input that hands the chosen file's name and bytes to `open`. */
function fileInput(id: string, accept: string, open: (name: string, bytes: Uint8Array) => Promise<void>, cls?: string): HTMLInputElement {
  return h("input", {
    id,
    type: "file",
    accept,
    class: cls,
    onchange: async (e) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (file !== undefined) await open(file.name, await bytesOf(file));
    },
  });
}

export function dataView(state: State, actions: Actions): HTMLElement {
  const lang = state.lang;
  const frameworks = listFrameworks();
  const select = h(
    "select",
    { id: "framework", onchange: (e) => actions.chooseBuiltin((e.target as HTMLSelectElement).value) },
    state.builtin === undefined ? h("option", { value: "", selected: true, disabled: true }, state.framework.title[lang] ?? state.framework.title.vi) : null,
    frameworks.map((f) => h("option", { value: f.id, selected: f.id === state.builtin }, `${f.title[lang] ?? f.title.vi} (${f.id})`)),
  );
  const frameworkInput = fileInput("framework-file", ".json,.csv,.xlsx", actions.openFramework);
  const dataInput = fileInput("data-file", ".csv,.tsv,.txt,.json,.xlsx,.xlsm", actions.openData, "visually-hidden");
  const drop = h(
    "label",
    {
      for: "data-file",
      class: "drop",
      ondragover: (e) => (e.preventDefault(), (e.currentTarget as HTMLElement).classList.add("over")),
      ondragleave: (e) => (e.currentTarget as HTMLElement).classList.remove("over"),
      ondrop: async (e) => {
        e.preventDefault();
        const file = (e as DragEvent).dataTransfer?.files[0];
        if (file !== undefined) await actions.openData(file.name, await bytesOf(file));
      },
    },
    h("strong", {}, t(lang, "chooseFile")),
    h("span", {}, t(lang, "dropHint")),
  );
  const sheets = state.file?.sheets ?? [];
  return h(
    "div",
    { class: "page data" },
    h(
      "section",
      { "aria-labelledby": "step1" },
      h("h2", { id: "step1" }, t(lang, "step1")),
      h("p", {}, h("label", { for: "framework" }, t(lang, "builtin")), " ", select),
      h("p", {}, h("label", { for: "framework-file" }, t(lang, "ownFramework")), " ", frameworkInput),
      h(
        "p",
        {},
        h("button", { type: "button", class: "link", onclick: () => download(`${state.framework.id}-template.csv`, templateCSV(state.framework), "text/csv;charset=utf-8") }, t(lang, "sample")),
      ),
    ),
    h(
      "section",
      { "aria-labelledby": "step2" },
      h("h2", { id: "step2" }, t(lang, "step2")),
      dataInput,
      drop,
      state.file === undefined ? null : h("p", { class: "file" }, state.file.name),
      sheets.length > 1
        ? h(
            "p",
            {},
            h("label", { for: "sheet" }, t(lang, "sheet")),
            " ",
            h("select", { id: "sheet", onchange: (e) => void actions.chooseSheet((e.target as HTMLSelectElement).value) }, sheets.map((s) => h("option", { value: s, selected: s === state.file?.sheet }, s))),
          )
        : null,
    ),
    h("p", { class: "note" }, t(lang, "offline")),
  );
}
