/**
 * The settings of `dti score --stream`'s writing, apart from the command so that its passes can
 * read them without importing the command.
 *
 * @module
 */
import type { CsvReportOptions } from "../report/to-csv.ts";
import type { MarkdownOptions } from "../report/to-markdown.ts";

/** How `dti score --stream` writes: the format and its writer's options, as `dti score` gives them. */
export interface StreamCliSettings {
  readonly format: "csv" | "json" | "jsonl" | "md";
  /** Output file; standard output when undefined. */
  readonly out: string | undefined;
  readonly csv: CsvReportOptions;
  readonly markdown: MarkdownOptions;
  /** `--depth`: only the nodes down to this depth are written and ranked (undefined: every node). */
  readonly depth?: number;
  /**
   * A file that was not asked to stream (streamed for its size): when it has errors or anything
   * `score()` reads from the whole table (cells that may hold thousands separators, totals rows),
   * nothing is printed or written and undefined is returned, for `score()` to read it instead.
   */
  readonly auto?: boolean;
}
