/**
 * `dti whatif`: change a unit's inputs and re-score; or find the least improvement that reaches a
 * rank or a score; or list what to improve first.
 *
 * @module
 */
import { showValue } from "../../errors.ts";
import { planImprovements } from "../../analysis/plan-improvements.ts";
import { improvementPriorities } from "../../analysis/priorities.ts";
import { whatIf } from "../../analysis/what-if.ts";
import { planToMarkdown, prioritiesToMarkdown, whatIfToMarkdown } from "../../analysis/what-if-markdown.ts";
import type { LocalizedName } from "../../framework/types.ts";
import { emit, loadAnalysisInputs, OUTPUT_HELP, requiredOption, UNIT_OPTIONS } from "../analysis-options.ts";
import type { Command } from "../command.ts";
import { DATA_HELP, integerOption, numberOption, RANK_HELP } from "../options.ts";
import { UsageError } from "../usage-error.ts";

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]).flatMap((x) => x.split(",")).map((x) => x.trim()).filter((x) => x !== "") : []);

export const whatifCommand: Command = {
  name: "whatif",
  usage: "dti whatif <file> --framework <id|file.json> --unit <name> [options]",
  summary: "what-if (--set), least improvement to a rank or score, priorities",
  options: {
    ...UNIT_OPTIONS,
    set: { type: "string", multiple: true },
    "to-rank": { type: "string" },
    "to-score": { type: "string" },
    only: { type: "string", multiple: true },
    exclude: { type: "string", multiple: true },
    step: { type: "string" },
    cost: { type: "string", multiple: true },
  },
  help: `      --unit <name>           the unit (name or code)
      --year <year>           its year (default: the latest)
      --set <input>=<value>   a new raw value for an indicator input (id, name or short label;
                              repeatable): the data is scored again with it
      --to-rank <n>           the least improvement that lifts the unit to rank n or better
      --to-score <s>          the least improvement that lifts it to the published value s
                              (with neither --set nor a goal: the improvement priorities)
      --only <ids>            only these indicators may change (repeatable, or comma-separated)
      --exclude <ids>         these indicators may not change
      --step <f>              step of continuous indicators, a fraction of their range
                              (default 0.01; widened when too small for the 5000 steps the
                              search takes)
      --cost <id>=<c>         cost of +1 of an indicator's score (default 1; repeatable): the plan
                              and the priorities weigh gains by it
${OUTPUT_HELP}${DATA_HELP}${RANK_HELP}`,
  async run(rest, values, io) {
    const unit = requiredOption(values, "unit", "the unit to change");
    const { format, language, framework, options, table } = await loadAnalysisInputs(rest, values, io);
    const year = integerOption(values, "year");
    const toRank = integerOption(values, "to-rank", 1);
    const toScore = numberOption(values, "to-score");
    const step = numberOption(values, "step", { min: 0, above: true, max: 1 });
    const sets = Array.isArray(values["set"]) ? (values["set"] as string[]) : [];
    const goals = (sets.length > 0 ? 1 : 0) + (toRank !== undefined ? 1 : 0) + (toScore !== undefined ? 1 : 0);
    if (goals > 1) throw new UsageError("give --set, --to-rank or --to-score, not several");
    const costs: Record<string, number> = {};
    for (const c of Array.isArray(values["cost"]) ? (values["cost"] as string[]) : []) {
      const [id, text] = c.split("=").map((x) => x.trim());
      const n = Number((text ?? "").replace(",", "."));
      if (!id || !(n > 0 && Number.isFinite(n))) throw new UsageError(`--cost takes <indicator id>=<positive number> (got ${showValue(c)})`);
      costs[id] = n;
    }
    const common = {
      ...(Object.keys(costs).length > 0 ? { costs } : {}),
      ...options,
      ...(year !== undefined ? { year } : {}),
      ...(step !== undefined ? { step } : {}),
      ...(values["only"] !== undefined ? { only: list(values["only"]) } : {}),
      ...(values["exclude"] !== undefined ? { exclude: list(values["exclude"]) } : {}),
    };
    let text: string;
    if (sets.length > 0) {
      const set: Record<string, string> = {};
      for (const s of sets) {
        const eq = s.indexOf("=");
        if (eq <= 0) throw new UsageError(`--set takes <input>=<value> (got ${showValue(s)})`);
        set[s.slice(0, eq).trim()] = s.slice(eq + 1).trim();
      }
      const r = whatIf(framework, table, unit, set, common);
      const names: Record<string, LocalizedName> = {};
      const walk = (n: { id: string; name: LocalizedName; children?: readonly unknown[] }) => {
        names[n.id] = n.name;
        for (const c of n.children ?? []) walk(c as typeof n);
      };
      walk(framework.root);
      text = format === "json" ? `${JSON.stringify(r, null, 2)}\n` : whatIfToMarkdown(r, { language, names });
    } else if (toRank !== undefined || toScore !== undefined) {
      const plan = planImprovements(framework, table, unit, { ...common, ...(toRank !== undefined ? { toRank } : { toScore: toScore as number }) });
      text = format === "json" ? `${JSON.stringify(plan, null, 2)}\n` : planToMarkdown(plan, { language });
    } else {
      const p = improvementPriorities(framework, table, unit, common);
      text = format === "json" ? `${JSON.stringify(p, null, 2)}\n` : prioritiesToMarkdown(p, { language, decimals: options.decimals ?? framework.decimals ?? 4 });
    }
    await emit(io, values, text);
    return 0;
  },
};
