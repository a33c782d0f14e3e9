/**
 * The options of the printable HTML report (`toHTMLReport`), apart from it so that its sections
 * can read them without importing the report.
 *
 * @module
 */
import type { FrameworkSource, LocalizedName, Uncertainty } from "../../framework/types.ts";
import type { ScoreResult } from "../../pipeline/types.ts";
import type { UncertaintyResult } from "../../uncertainty/types.ts";
import type { Language } from "../columns.ts";
import type { AppendixFramework } from "./appendix.ts";
import type { ReportDocument } from "./document-header.ts";
import type { ReportBands, ReportLever } from "./extras.ts";

/**
 * Framework facts the report cites and its indicator appendix lists (a framework definition fits;
 * built-ins are found by id).
 */
export interface ReportFrameworkInfo extends AppendixFramework {
  readonly title?: LocalizedName;
  readonly source?: FrameworkSource;
  readonly uncertain?: readonly Uncertainty[];
}

/** Options of `toHTMLReport`. */
export interface HtmlReportOptions {
  /** Language of the text: "vi" (default) or "en". */
  readonly language?: Language;
  /** BCP 47 locale of numbers; default "vi-VN" for vi (0,8002), "en-US" for en. */
  readonly locale?: string;
  /** Report title; default from the framework. */
  readonly title?: string;
  /** Source, references and uncertain facts of the framework; default the built-in with the result's framework id. */
  readonly framework?: ReportFrameworkInfo;
  /** Where the data came from (e.g. the file name), shown in the notes. */
  readonly dataSource?: string;
  /** An earlier result to compare with (before/after); without it, a result with years compares its last two. */
  readonly before?: ScoreResult;
  /** Label of the earlier result; default "Trước" / "Before" (or its year). */
  readonly beforeLabel?: string;
  /** Label of this result; default "Sau" / "After" (or its year). */
  readonly afterLabel?: string;
  /** Unit whose radar is shown among the charts; default the leader. */
  readonly featured?: string;
  /**
   * Unit cards: at most this many, in rank order. Default every unit (of the latest year) up to
   * 100; of more, the top and bottom 50, with a note saying so (a card per unit of 150,000 would
   * make a report of gigabytes).
   */
  readonly cards?: number;
  /**
   * Maturity bands (e.g. `applyBands(result, getBands("egdi"))` from `dti/analysis`, with
   * `ranges`): a band column in the ranking, a badge on each card, the distribution in the summary.
   */
  readonly bands?: ReportBands;
  /**
   * An uncertainty analysis of the same data (`uncertainty(...)`): a section with each unit's
   * median rank and 5–95 % interval (text and chart), a column in the ranking, a line per card.
   */
  readonly uncertainty?: UncertaintyResult;
  /**
   * Per unit (by name, latest year): what improving an indicator adds to the index, shown on the
   * card (e.g. from `explain(...)`: the leaves of `priorities` with their `gainPerStep`).
   */
  readonly levers?: ReadonlyMap<string, readonly ReportLever[]>;
  /**
   * A Vietnamese administrative header (issuing body, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập
   * - Tự do - Hạnh phúc", place and date) above the title, and a signature block after the notes.
   */
  readonly document?: ReportDocument;
  /** The indicator appendix (every node: code, name, max points or weight, rule, note); default true. */
  readonly appendix?: boolean;
  /**
   * One printed page per unit of the latest year, in rank order: its scores against the other
   * units and its group, its strongest and weakest indicators, the gap to the next rank; default false.
   */
  readonly unitPages?: boolean;
}
