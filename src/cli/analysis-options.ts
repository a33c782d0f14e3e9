/**
 * Options shared by the analysis commands (explain, whatif, years, assess): output format and
 * language, the unit, numbers, band sets.
 *
 * @module
 */
import type { ParseArgsConfig } from "node:util";
import type { Language } from "../analysis/format.ts";
import { defineBands, getBands, type BandSet } from "../analysis/bands.ts";
import { DtiError, error } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import type { RawTable } from "../input/table.ts";
import type { ScoreOptions } from "../pipeline/types.ts";
import { whereJsonFails } from "../text/scan-json.ts";
import type { OptionValues } from "./command.ts";
import type { CliIO } from "./io.ts";
import { loadFramework, loadTable } from "./load.ts";
import { buildScoreOptions, DATA_OPTIONS, tableOptions, inputFile, oneOf, RANK_OPTIONS, stringOption } from "./options.ts";
import { UsageError } from "./usage-error.ts";
import { fileErrorMessage } from "./file-error.ts";

/** Output options of the analysis commands. */
export const OUTPUT_OPTIONS = {
  format: { type: "string" },
  lang: { type: "string" },
  out: { type: "string", short: "o" },
} as const satisfies ParseArgsConfig["options"];

export const OUTPUT_HELP = `      --format <fmt>          md (default) | json
      --lang <vi|en>          language of the Markdown and summaries (default vi)
  -o, --out <file>            write the output to a file instead of standard output
`;

/** Options of the commands about one unit (explain, whatif): data, ranking, output, the unit and its year. */
export const UNIT_OPTIONS = {
  ...DATA_OPTIONS,
  ...RANK_OPTIONS,
  ...OUTPUT_OPTIONS,
  unit: { type: "string", short: "u" },
  year: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

/** `--format` and `--lang`. */
export function outputOptions(values: OptionValues): { format: "md" | "json"; language: Language } {
  const format = oneOf("format", stringOption(values, "format"), ["md", "markdown", "json"] as const) ?? "md";
  return { format: format === "json" ? "json" : "md", language: oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi" };
}

/** Writes the text to `--out` or standard output. */
export async function emit(io: CliIO, values: OptionValues, text: string): Promise<void> {
  const out = stringOption(values, "out");
  if (out !== undefined) {
    await io.writeFile(out, text);
    io.stderr(`dti: wrote ${out}\n`);
  } else io.stdout(text);
}

/** A required string option. */
export function requiredOption(values: OptionValues, name: string, what: string): string {
  const v = stringOption(values, name);
  if (v === undefined) throw new UsageError(`--${name} is required (${what})`);
  return v;
}

/** `--bands <preset|file.json>`: a built-in preset id or a band-set JSON file. */
export async function loadBands(io: CliIO, spec: string | undefined): Promise<BandSet | undefined> {
  if (spec === undefined) return undefined;
  if (!spec.toLowerCase().endsWith(".json")) {
    try {
      return getBands(spec);
    } catch (e) {
      throw new UsageError((e as DtiError).issues?.[0]?.message ?? String(e));
    }
  }
  let text: string;
  try {
    text = await io.readFile(spec);
  } catch (e) {
    if (e instanceof DtiError) throw e;
    throw new UsageError((e as { code?: unknown }).code === "ENOENT" ? `file not found: ${spec}` : (fileErrorMessage(e, "read", spec) ?? `cannot read ${spec}`));
  }
  const body = text.replace(/^\uFEFF/u, "");
  try {
    return defineBands(JSON.parse(body) as BandSet);
  } catch (e) {
    if (e instanceof DtiError) throw e;
    throw new DtiError([error("BANDS_INVALID", `${spec} is not valid JSON${whereJsonFails(body, e)}`)]);
  }
}

/** What every data-reading analysis command loads first. */
export interface AnalysisInputs {
  readonly format: "md" | "json";
  readonly language: Language;
  readonly framework: Framework;
  readonly options: ScoreOptions;
  readonly table: RawTable;
}

/** Reads the output options, the framework, the scoring options and the data file. */
export async function loadAnalysisInputs(rest: readonly string[], values: OptionValues, io: CliIO): Promise<AnalysisInputs> {
  const file = inputFile(rest);
  const { format, language } = outputOptions(values);
  const framework = await loadFramework(io, stringOption(values, "framework"));
  const options = await buildScoreOptions(values, io, true);
  const table = await loadTable(io, file, tableOptions(values));
  return { format, language, framework, options, table };
}
