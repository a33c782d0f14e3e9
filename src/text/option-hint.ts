/**
 * Options named in messages, in one spelling at a time. A message from the library says
 * `ignoreColumns`; the same message printed by the CLI says `--ignore-column`. Messages are built
 * with {@link hinted}, which writes the library's spelling and records each option as an
 * {@link OptionHint}; the CLI swaps the spellings with {@link cliMessage}. So no message says
 * "ignoreColumns / --ignore-column" and nothing parses free text to find an option.
 *
 * @module
 */
import type { Issue, OptionHint } from "../errors.ts";

/** How an option is written: in the library (with a value, if given) and as a CLI flag. */
interface Spelling {
  readonly flag: string;
  readonly api: (value: string) => string;
  /** The CLI's value text, when it differs from the one given (which is the CLI's by default). */
  readonly cliValue?: (value: string) => string;
}

const quoted = (name: string) => (value: string) => `${name}: ${JSON.stringify(value)}`;

/** Parses "minmax:1:100" (the CLI's form) into the library's `{ method: "minmax", range: [1, 100] }`. */
function normalisationApi(value: string): string {
  const choices = value.split(",").map((part) => {
    const [method, a, b] = part.split(":");
    if (method === "nominal") return '"nominal"';
    if (a === undefined || b === undefined) return `{ method: ${JSON.stringify(method)} }`;
    return method === "zscore" ? `{ method: "zscore", mean: ${a}, sd: ${b} }` : `{ method: ${JSON.stringify(method)}, range: [${a}, ${b}] }`;
  });
  return `normalisation: [${choices.join(", ")}]`;
}

const SPELLINGS = {
  ignoreColumns: { flag: "--ignore-column", api: (v) => `ignoreColumns: [${JSON.stringify(v)}]`, cliValue: (v) => JSON.stringify(v) },
  unknownColumns: { flag: "--unknown-columns", api: quoted("unknownColumns") },
  "columns.unit": { flag: "--unit-column", api: (v) => `columns: { unit: ${JSON.stringify(v)} }`, cliValue: (v) => JSON.stringify(v) },
  missing: { flag: "--missing", api: quoted("missing") },
  headerRow: { flag: "--header-row", api: (v) => `headerRow: ${v}` },
  keepSummaryRows: { flag: "--keep-summary-rows", api: () => "keepSummaryRows: true" },
  minCoverage: { flag: "--min-coverage", api: (v) => `minCoverage: ${v}` },
  runs: { flag: "--runs", api: (v) => `runs: ${v}` },
  weights: { flag: "--weights", api: (v) => `weights: ${v}` },
  normalisation: { flag: "--normalisation", api: normalisationApi },
  aggregation: { flag: "--aggregation", api: (v) => `aggregation: [${v.split(",").map((a) => JSON.stringify(a)).join(", ")}]` },
} as const satisfies Readonly<Record<string, Spelling>>;

/** The option names {@link optionHint} knows. */
export type OptionName = keyof typeof SPELLINGS;

/**
 * An option (and a value, written as the CLI takes it) in both spellings.
 *
 * @example
 * ```ts
 * optionHint("unknownColumns", "warn"); // => { option: "unknownColumns", api: 'unknownColumns: "warn"', cli: "--unknown-columns warn" }
 * optionHint("ignoreColumns"); // => { option: "ignoreColumns", api: "ignoreColumns", cli: "--ignore-column" }
 * ```
 */
export function optionHint(option: OptionName, value?: string): OptionHint {
  const s: Spelling = SPELLINGS[option];
  if (value === undefined) return { option, api: option, cli: s.flag };
  return { option, api: s.api(value), cli: `${s.flag} ${(s.cliValue ?? ((v: string) => v))(value)}` };
}

/**
 * A message that names options, in the library's spelling, with the hints that let the CLI
 * respell it: `write` gets a function `o(option, value?)` that returns the library's text of the
 * option and records it.
 *
 * @example
 * ```ts
 * hinted((o) => `leave it out with ${o("ignoreColumns")}`);
 * // => { message: "leave it out with ignoreColumns", hints: [{ option: "ignoreColumns", api: "ignoreColumns", cli: "--ignore-column" }] }
 * ```
 */
export function hinted(write: (o: (option: OptionName, value?: string) => string) => string): { message: string; hints: OptionHint[] } {
  const hints: OptionHint[] = [];
  const message = write((option, value) => {
    const hint = optionHint(option, value);
    hints.push(hint);
    return hint.api;
  });
  return { message, hints };
}

/**
 * An issue as the CLI shows it: each hinted option written as the CLI's flag. Issues without
 * hints come back as they are.
 *
 * @example
 * ```ts
 * cliMessage({ code: "DATA_UNKNOWN_COLUMN", severity: "error", message: "… leave it out with ignoreColumns …", hints: [optionHint("ignoreColumns")] }).message;
 * // => "… leave it out with --ignore-column …"
 * ```
 */
export function cliMessage(issue: Issue): Issue {
  if (issue.hints === undefined || issue.hints.length === 0) return issue;
  // Longest first, so that `unknownColumns: "warn"` is replaced before a bare `unknownColumns`.
  const hints = [...issue.hints].sort((a, b) => b.api.length - a.api.length);
  const respell = (text: string) => hints.reduce((t, h) => t.split(h.api).join(h.cli), text);
  return { ...issue, message: respell(issue.message), ...(issue.messageVi !== undefined ? { messageVi: respell(issue.messageVi) } : {}) };
}
