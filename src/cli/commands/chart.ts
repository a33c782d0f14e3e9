/**
 * `dti chart`: one chart as SVG (or as a Vega-Lite spec): the ranking bars, a unit's radar, or a
 * year-over-year / before-after comparison.
 *
 * @module
 */
import { comparisonChart, type ComparisonChartOptions } from "../../report/chart/comparison.ts";
import { radarChart } from "../../report/chart/radar.ts";
import { rankingBarChart } from "../../report/chart/ranking-bar.ts";
import { comparisonSpec } from "../../report/vega/comparison.ts";
import { radarSpec } from "../../report/vega/radar.ts";
import { rankingBarSpec } from "../../report/vega/ranking-bar.ts";
import type { Command } from "../command.ts";
import { requireYears } from "../../analysis/result-years.ts";
import { DATA_HELP, DATA_OPTIONS, inputFile, integerOption, localeOption, oneOf, OUTPUT_OPTIONS, printIssues, RANK_HELP, RANK_OPTIONS, stringOption } from "../options.ts";
import { progress } from "../progress.ts";
import { scoreBefore, scoreFile, writeOutput } from "../score-file.ts";
import { UsageError } from "../usage-error.ts";

/** `--width` in pixels: narrower, the names and values overlap the bars; wider is no chart a page shows. */
const MIN_CHART_WIDTH = 200;
const MAX_CHART_WIDTH = 10_000;

export const chartCommand: Command = {
  name: "chart",
  usage: "dti chart <file> --framework <id|file.json> [options]",
  summary: "draw a ranking, radar or comparison chart (SVG or Vega-Lite)",
  options: {
    ...DATA_OPTIONS,
    ...RANK_OPTIONS,
    ...OUTPUT_OPTIONS,
    type: { type: "string" },
    unit: { type: "string" },
    node: { type: "string" },
    limit: { type: "string" },
    year: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    before: { type: "string" },
    "before-label": { type: "string" },
    "after-label": { type: "string" },
    sort: { type: "string" },
    title: { type: "string" },
    width: { type: "string" },
    vega: { type: "boolean" },
  },
  help: `${DATA_HELP}${RANK_HELP}      --type <chart>          ranking (default) | radar | comparison
      --unit <name>           the unit of a radar chart (name or code)
      --node <id>             node or view charted by ranking/comparison (default the index)
      --limit <n>             at most n units (ranking, comparison)
      --year <y>              year charted (ranking, radar; default the latest)
      --from <y> --to <y>     years compared (default the last two)
      --before <file>         earlier data to compare with (same framework and options, no merge)
      --before-label <text>   label of the earlier side; --after-label of the later one
      --sort <order>          comparison rows: after (default: the later ranking) | change
                              (largest rise first) | magnitude (largest change first)
      --title <text>          chart title
      --width <px>            chart width, 200 to 10000 (default 760; radar 640)
      --vega                  print a Vega-Lite spec (JSON) instead of SVG
  -o, --out <file>            write to a file instead of standard output
      --lang <vi|en>          labels (default vi)
      --locale <bcp47>        number format (default vi-VN for vi, en-US for en)
`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    const type = oneOf("type", stringOption(values, "type"), ["ranking", "radar", "comparison"] as const) ?? "ranking";
    const language = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
    const sort = oneOf("sort", stringOption(values, "sort"), ["after", "change", "magnitude"] as const);
    const locale = localeOption(values);
    const unit = stringOption(values, "unit");
    if (type === "radar" && unit === undefined) throw new UsageError("--type radar needs --unit <name>");
    const [year, from, to] = ["year", "from", "to"].map((k) => integerOption(values, k));
    const limit = integerOption(values, "limit", 1);
    const width = integerOption(values, "width", MIN_CHART_WIDTH, MAX_CHART_WIDTH);
    const beforeFile = stringOption(values, "before");
    const bar = progress(io, 3);
    const scored = await scoreFile(io, file, values, bar);
    const before = beforeFile === undefined ? undefined : await scoreBefore(io, beforeFile, values, scored);
    // A year the data does not have would draw an empty chart titled with it: refuse it as
    // `dti years` and `dti explain` do (with --before, --from is a year of the earlier data).
    if (type !== "comparison") requireYears(scored.result, [year]);
    else if (before === undefined) requireYears(scored.result, [from, to]);
    else {
      requireYears(before, [from]);
      requireYears(scored.result, [to]);
    }
    bar.step(`drawing the ${type} chart`);
    const text = (k: string) => stringOption(values, k);
    const common = {
      language,
      ...(locale !== undefined ? { locale } : {}),
      ...(text("title") !== undefined ? { title: text("title") as string } : {}),
      ...(width !== undefined ? { width } : {}),
    };
    const node = text("node");
    const { result } = scored;
    const vega = values["vega"] === true;
    let output: string;
    if (type === "radar") {
      const options = { ...common, ...(year !== undefined ? { year } : {}) };
      output = vega ? JSON.stringify(radarSpec(result, unit as string, options), null, 2) : radarChart(result, unit as string, options);
    } else if (type === "comparison") {
      const options: ComparisonChartOptions = {
        ...common,
        ...(node !== undefined ? { node } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ...(sort !== undefined ? { sort } : {}),
        ...(before !== undefined ? { before } : {}),
        ...(text("before-label") !== undefined ? { beforeLabel: text("before-label") as string } : {}),
        ...(text("after-label") !== undefined ? { afterLabel: text("after-label") as string } : {}),
      };
      output = vega ? JSON.stringify(comparisonSpec(result, options), null, 2) : comparisonChart(result, options);
    } else {
      const options = { ...common, ...(node !== undefined ? { node } : {}), ...(limit !== undefined ? { limit } : {}), ...(year !== undefined ? { year } : {}) };
      output = vega ? JSON.stringify(rankingBarSpec(result, options), null, 2) : rankingBarChart(result, options);
    }
    bar.done();
    printIssues(io, result.warnings);
    await writeOutput(io, values, vega ? `${output}\n` : output, `the ${type} chart`);
    return 0;
  },
};
