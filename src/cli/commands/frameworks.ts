/**
 * `dti frameworks`: the built-in frameworks with their sources and uncertain facts.
 *
 * @module
 */
import { listFrameworks } from "../../framework/builtin/index.ts";
import type { Command } from "../command.ts";

export const frameworksCommand: Command = {
  name: "frameworks",
  usage: "dti frameworks [--json]",
  summary: "list built-in frameworks",
  options: { json: { type: "boolean" } },
  help: "      --json                  print the list as JSON\n",
  run(_rest, values, io) {
    const list = listFrameworks();
    if (values["json"] === true) {
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    for (const f of list) {
      io.stdout(`${f.id}  (v${f.version})  ${f.title.vi}${f.title.en ? ` / ${f.title.en}` : ""}\n`);
      const src = f.source;
      if (src !== undefined) io.stdout(`    source: ${[src.decision, src.date, src.appliesTo].filter(Boolean).join(", ")}\n`);
      for (const u of f.uncertain ?? []) io.stdout(`    uncertain (${u.confidence}): ${u.fact}\n`);
    }
    return 0;
  },
};
