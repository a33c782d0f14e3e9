/**
 * `dti uncertainty`: Monte Carlo uncertainty and sensitivity of the ranking (weights within
 * bounds, alternative normalisations and aggregations), seeded.
 *
 * @module
 */
import { showValue } from "../../errors.ts";
import type { Aggregation } from "../../framework/types.ts";
import type { NormalisationChoice, UncertaintyOptions } from "../../uncertainty/types.ts";
import { MAX_UNCERTAINTY_RUNS, uncertainty } from "../../uncertainty/uncertainty.ts";
import { uncertaintyToMarkdown } from "../../uncertainty/to-markdown.ts";
import type { Command } from "../command.ts";
import { loadFramework, loadTable } from "../load.ts";
import { buildScoreOptions, DATA_HELP, DATA_OPTIONS, tableOptions, inputFile, integerOption, oneOf, printIssues, stringOption } from "../options.ts";
import { UsageError } from "../usage-error.ts";

/** Parses "±25%", "25%", "0.25" into 0.25. */
export function parseFraction(text: string): number {
  const m = /^(?:±|\+-|\+\/-)?\s*(\d+(?:[.,]\d+)?)\s*(%?)$/u.exec(text.trim());
  if (m === null) throw new UsageError(`--weights must be like ±25% or 0.25 (got ${showValue(text)})`);
  const x = Number(m[1]!.replace(",", "."));
  return m[2] === "%" ? x / 100 : x;
}

/** Parses "minmax,zscore:100:10,rank:0:100,nominal" into normalisation choices. */
export function parseNormalisations(text: string): NormalisationChoice[] {
  return text.split(",").map((part) => {
    const [method, a, b, ...rest] = part.trim().split(":");
    if (method === "nominal" && a === undefined) return "nominal";
    if (!["minmax", "zscore", "rank", "percentile"].includes(method ?? "") || rest.length > 0 || (a === undefined) !== (b === undefined)) {
      throw new UsageError(`--normalisation takes nominal, minmax, zscore, rank, percentile, each optionally with :low:high (zscore: :mean:sd), comma-separated (got ${showValue(part)})`);
    }
    const m = method as "minmax" | "zscore" | "rank" | "percentile";
    if (a === undefined || b === undefined) return { method: m };
    const x = Number(a);
    const y = Number(b);
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new UsageError(`--normalisation: ${showValue(part)} needs numbers after the method`);
    return m === "zscore" ? { method: m, mean: x, sd: y } : { method: m, range: [x, y] as const };
  });
}

export const uncertaintyCommand: Command = {
  name: "uncertainty",
  usage: "dti uncertainty <file> --framework <id|file.json> [options]",
  summary: "Monte Carlo uncertainty and sensitivity of the ranking",
  options: {
    ...DATA_OPTIONS,
    runs: { type: "string" },
    seed: { type: "string" },
    weights: { type: "string" },
    normalisation: { type: "string" },
    aggregation: { type: "string" },
    sensitivity: { type: "string" },
    year: { type: "string" },
    format: { type: "string" },
    lang: { type: "string" },
    out: { type: "string", short: "o" },
  },
  help: `${DATA_HELP}      --runs <n>              Monte Carlo sample size N (default 1000)
      --seed <n>              seed of the generator (default 42): same seed, same result
      --weights <±f>          every weight varies uniformly within ± this share (±25%, 0.25)
      --normalisation <list>  alternatives drawn with equal chance: nominal, minmax, zscore,
                              rank, percentile (optionally :low:high, zscore :mean:sd)
      --aggregation <list>    alternatives: nominal, arithmetic, geometric, harmonic,
                              mazziotta-pareto
      --sensitivity <by>      stage (default) | node | none (sensitivity indices cost
                              N·(inputs + 2) evaluations)
      --year <yyyy>           year to analyse (default the latest)
      --format <fmt>          md (default) | json
      --lang <vi|en>          labels in Markdown output (default vi)
  -o, --out <file>            write the output to a file instead of standard output
`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    const format = oneOf("format", stringOption(values, "format"), ["md", "markdown", "json"] as const) ?? "md";
    const lang = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
    if (values["merge"] !== undefined) throw new UsageError("--merge is not supported by dti uncertainty: merge the data first");
    const framework = await loadFramework(io, stringOption(values, "framework"));
    const base = await buildScoreOptions(values, io, false);
    const runs = integerOption(values, "runs", 1, MAX_UNCERTAINTY_RUNS);
    const seed = integerOption(values, "seed", null);
    const year = integerOption(values, "year", null);
    const weights = stringOption(values, "weights");
    const normalisation = stringOption(values, "normalisation");
    const aggregation = stringOption(values, "aggregation");
    const sensitivity = oneOf("sensitivity", stringOption(values, "sensitivity"), ["stage", "node", "none"] as const);
    const options: UncertaintyOptions = {
      ...base,
      ...(runs !== undefined ? { runs } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(weights !== undefined ? { weights: parseFraction(weights) } : {}),
      ...(normalisation !== undefined ? { normalisation: parseNormalisations(normalisation) } : {}),
      ...(aggregation !== undefined ? { aggregation: aggregation.split(",").map((a) => a.trim() as Aggregation | "nominal") } : {}),
      ...(sensitivity !== undefined ? { sensitivity: sensitivity === "none" ? false : sensitivity } : {}),
    };
    const table = await loadTable(io, file, tableOptions(values));
    const result = uncertainty(framework, table, options);
    const text = format === "json" ? `${JSON.stringify(result, null, 2)}\n` : uncertaintyToMarkdown(result, { language: lang, spelling: "cli" });
    if (format !== "json") printIssues(io, result.warnings);
    const out = stringOption(values, "out");
    if (out !== undefined) {
      await io.writeFile(out, text);
      io.stderr(`dti: wrote the uncertainty of ${result.units.length} units to ${out}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  },
};
