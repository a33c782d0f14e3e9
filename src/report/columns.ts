/**
 * Which nodes a report shows as columns, and their labels.
 *
 * @module
 */
import { cutText, showList, showValue } from "../errors.ts";
import type { NodeInfo, ScoreResult } from "../pipeline/types.ts";

/** Report language for labels. */
import type { Language } from "../text/language.ts";
import { localName } from "../text/local-name.ts";
export type { Language } from "../text/language.ts";

/** Options shared by the table reports. */
export interface ColumnOptions {
  /** Node/view ids to show, in order; default every scored non-root node, then the views. */
  readonly columns?: readonly string[];
  /** Label language: "vi" (default) or "en". */
  readonly language?: Language;
}

/**
 * The columns a report shows: the ids asked for, or every scored non-root node in tree order
 * followed by the views.
 */
export function reportColumns(result: Pick<ScoreResult, "nodes" | "root">, options: ColumnOptions = {}): NodeInfo[] {
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  if (options.columns !== undefined) {
    return options.columns.map((id) => {
      const info = byId.get(id);
      if (info === undefined) throw new RangeError(`unknown column ${showValue(id)}; known: ${showList(result.nodes.map((n) => n.id), 40, cutText)}`);
      return info;
    });
  }
  return result.nodes.filter((n) => n.id !== result.root && n.scored);
}

/** A node's column label: its short label, else its name in the chosen language. */
export function columnLabel(info: NodeInfo, language: Language = "vi"): string {
  return info.short ?? localName(info.name, language);
}
