/**
 * `dti frameworks`: the built-in frameworks with their sources and uncertain facts.
 *
 * @module
 */
import { listFrameworks } from "../../framework/builtin/index.ts";
import { totalPoints } from "../../framework/total-points.ts";
import type { Framework } from "../../framework/types.ts";
import { frameworkColumns } from "../../input/framework-columns.ts";
import { ROLE_ALIASES } from "../../input/resolve-columns.ts";
import type { Command } from "../command.ts";
import type { CliIO } from "../io.ts";
import { loadFramework } from "../load.ts";
import { UsageError } from "../usage-error.ts";

/** The columns one framework reads, as text: a line per column, then the unit's columns. */
function columnsText(framework: Framework): string {
  const cols = frameworkColumns(framework);
  const points = totalPoints(framework);
  const lines = [
    `${framework.id}  (v${framework.version})  ${framework.title.vi}${framework.title.en ? ` / ${framework.title.en}` : ""}`,
    ...(points !== undefined ? [`    total points: ${points}`] : []),
    "",
    `Columns it reads (${cols.length}; one row per unit; a header may be any spelling shown):`,
    `  ${ROLE_ALIASES.unit.slice(0, 4).join(" | ")} …   the unit's name (required)`,
    `  ${ROLE_ALIASES.code.slice(0, 3).join(" | ")} …   the unit's code (optional); ${ROLE_ALIASES.group.slice(0, 3).join(" | ")} … its ranking group (optional); ${ROLE_ALIASES.year.slice(0, 2).join(" | ")} … the year (optional)`,
  ];
  for (const c of cols) {
    const others = c.spellings.filter((s) => s !== c.header && !s.startsWith("chỉ số "));
    lines.push(`  ${c.header}${others.length > 0 ? ` (or ${others.join(", ")})` : ""}`);
    lines.push(`      ${c.accepts}; rule: ${c.rule}${c.maxPoints !== undefined ? `; max ${c.maxPoints} points` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

async function showOne(io: CliIO, spec: string, json: boolean): Promise<number> {
  const framework = await loadFramework(io, spec);
  io.stdout(json ? `${JSON.stringify({ id: framework.id, totalPoints: totalPoints(framework) ?? null, columns: frameworkColumns(framework) }, null, 2)}\n` : columnsText(framework));
  return 0;
}

export const frameworksCommand: Command = {
  name: "frameworks",
  usage: "dti frameworks [<id|file.json>] [--json]",
  summary: "list built-in frameworks; with an id or file, the columns that framework reads",
  options: { json: { type: "boolean" } },
  help: "      --json                  print the list (or the framework's columns) as JSON\n",
  async run(rest, values, io) {
    if (rest.length > 1) throw new UsageError("one framework at a time");
    if (rest[0] !== undefined) return showOne(io, rest[0], values["json"] === true);
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
