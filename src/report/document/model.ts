/**
 * The document model every text output is built as: headings, paragraphs, tables with typed cells
 * and lists, holding text, emphasis, code and numbers. A renderer builds a document from a
 * result; the Markdown and HTML writers (`documentToMarkdown`, `documentToHTML`) are pure
 * functions of it and write numbers through the one number formatter (`formatNumber`, in the
 * document's number style) and text through the one escaper of their format (src/report/escape.ts).
 * So one explanation, ranking or uncertainty table is written once and read as Markdown in a
 * terminal and as HTML in a notebook or report.
 *
 * @module
 */
import type { Decimal } from "../../number/decimal.ts";
import { formatNumber, MISSING, plainStyle, type NumberFormat, type NumberStyle } from "../format-number.ts";

/** A number in a document: written with the document's style, rounded as `format` says. */
export interface NumberSpan {
  readonly kind: "number";
  /** A published text ("0.8002") keeps its digits; `null` is a missing value (the style's text). */
  readonly value: number | string | Decimal | null;
  readonly format?: NumberFormat;
}

/** Inline content: text (escaped by each writer), strong or emphasised content, code, a number. */
export type Inline =
  /** Text; with a class, an HTML `<span>` of that class (a badge), plain text in Markdown. */
  | { readonly kind: "text"; readonly text: string; readonly className?: string }
  | { readonly kind: "strong"; readonly content: readonly Inline[] }
  | { readonly kind: "emphasis"; readonly content: readonly Inline[] }
  | { readonly kind: "code"; readonly text: string }
  | NumberSpan;

/** What the builders accept for inline content: plain strings are text. */
export type Content = string | Inline;

/** A table cell: text, a number (formatted by the writer, its exact value kept in HTML), a rank. */
export type Cell =
  | { readonly kind: "text"; readonly content: readonly Inline[] }
  | NumberSpan
  | { readonly kind: "rank"; readonly rank: number | null; readonly of?: number };

/** Column alignment. */
export type Alignment = "left" | "right" | "center";

/** A table column: its header, alignment and, for styled HTML, a class and a title. */
export interface Column {
  readonly header: readonly Inline[];
  readonly align: Alignment;
  /**
   * The class of the column's HTML cells (a styled table, as the ranking of reports): the class
   * aligns it, and number cells carry their exact value in `data-value`. Without a class the HTML
   * cell is aligned with a `style`.
   */
  readonly className?: string;
  /** A longer title of the header (an HTML `title`), e.g. a node's full name under its short label. */
  readonly title?: string;
  /** The cells of this column head their rows (HTML `<th scope="row">`). */
  readonly rowHeader?: boolean;
}

/** A block of a document. */
export type Block =
  | { readonly kind: "heading"; readonly level: 1 | 2 | 3 | 4 | 5 | 6; readonly content: readonly Inline[] }
  /** A paragraph of one or more lines (line breaks kept). */
  | { readonly kind: "paragraph"; readonly lines: readonly (readonly Inline[])[] }
  | {
      readonly kind: "table";
      readonly columns: readonly Column[];
      readonly rows: readonly (readonly Cell[])[];
      /** A caption (HTML only: Markdown tables have none). */
      readonly caption?: string;
      /** The HTML table's class; columns with a class make a styled table. */
      readonly className?: string;
    }
  | { readonly kind: "list"; readonly items: readonly (readonly Inline[])[] };

/** A document: blocks, and how its numbers are written. */
export interface Document {
  readonly blocks: readonly Block[];
  /** The number style of every number in the document (`plainStyle`, `localeStyle`). */
  readonly numbers: NumberStyle;
}

/**
 * A number or rank cell's text: a number in the document's style, a rank ("3", "3/63", "–"), inline content. */
export function cellText(cell: Cell, numbers: NumberStyle): string {
  if (cell.kind === "number") return formatNumber(cell.value, numbers, cell.format);
  if (cell.kind === "rank") return cell.rank === null ? MISSING : cell.of === undefined ? String(cell.rank) : `${cell.rank}/${cell.of}`;
  return "";
}

const inline = (c: Content): Inline => (typeof c === "string" ? { kind: "text", text: c } : c);
const inlines = (content: readonly Content[]): Inline[] => content.map(inline);

/**
 * Text content.
 *
 * @example
 * ```ts
 * text("Huế"); // => { kind: "text", text: "Huế" }
 * ```
 */
export function text(value: string): Inline {
  return { kind: "text", text: value };
}

/**
 * Text with a class: in HTML a `<span>` of that class (a band's badge), in Markdown the text.
 *
 * @example
 * ```ts
 * span("Rất cao", "band band-0"); // => { kind: "text", text: "Rất cao", className: "band band-0" }
 * ```
 */
export function span(value: string, className: string): Inline {
  return { kind: "text", text: value, className };
}

/**
 * Strong (bold) content.
 *
 * @example
 * ```ts
 * strong("DTI"); // => { kind: "strong", content: [{ kind: "text", text: "DTI" }] }
 * ```
 */
export function strong(...content: readonly Content[]): Inline {
  return { kind: "strong", content: inlines(content) };
}

/**
 * Emphasised (italic) content.
 *
 * @example
 * ```ts
 * emphasis("n"); // => { kind: "emphasis", content: [{ kind: "text", text: "n" }] }
 * ```
 */
export function emphasis(...content: readonly Content[]): Inline {
  return { kind: "emphasis", content: inlines(content) };
}

/**
 * Code (a command or an identifier).
 *
 * @example
 * ```ts
 * code("dti whatif"); // => { kind: "code", text: "dti whatif" }
 * ```
 */
export function code(value: string): Inline {
  return { kind: "code", text: value };
}

/**
 * A number, written by the writer in the document's style and rounded as `format` says; as a
 * table cell, a number cell.
 *
 * @example
 * ```ts
 * num(0.015, { places: 4 }); // => { kind: "number", value: 0.015, format: { places: 4 } }
 * ```
 */
export function num(value: number | string | Decimal | null | undefined, format?: NumberFormat): NumberSpan {
  return format === undefined ? { kind: "number", value: value ?? null } : { kind: "number", value: value ?? null, format };
}

/**
 * A rank cell: "3", "3/63" with the number of ranked units, "–" without a rank.
 *
 * @example
 * ```ts
 * rank(3, 63); // => { kind: "rank", rank: 3, of: 63 }
 * ```
 */
export function rank(value: number | null | undefined, of?: number): Cell {
  return of === undefined ? { kind: "rank", rank: value ?? null } : { kind: "rank", rank: value ?? null, of };
}

/**
 * A text cell (any inline content); a number inline alone is a number cell.
 *
 * @example
 * ```ts
 * cell("TP. Huế"); // => { kind: "text", content: [{ kind: "text", text: "TP. Huế" }] }
 * ```
 */
export function cell(...content: readonly Content[]): Cell {
  return cellOf(content);
}

/** {@link cell} of content in an array (of any length: no spread into a call). */
export function cellOf(content: readonly Content[]): Cell {
  const only = content.length === 1 ? content[0] : undefined;
  if (only !== undefined && typeof only !== "string" && only.kind === "number") return only;
  return { kind: "text", content: inlines(content) };
}

/**
 * A heading.
 *
 * @example
 * ```ts
 * heading(2, "Huế: giải thích DTI").kind; // => "heading"
 * ```
 */
export function heading(level: 1 | 2 | 3 | 4 | 5 | 6, ...content: readonly Content[]): Block {
  return { kind: "heading", level, content: inlines(content) };
}

/**
 * A paragraph of one line.
 *
 * @example
 * ```ts
 * paragraph("59 đơn vị tăng, ", num("0.0123"), ".").kind; // => "paragraph"
 * ```
 */
export function paragraph(...content: readonly Content[]): Block {
  return paragraphOf(content);
}

/** {@link paragraph} of content in an array (of any length: no spread into a call). */
export function paragraphOf(content: readonly Content[]): Block {
  return { kind: "paragraph", lines: [inlines(content)] };
}

/**
 * A paragraph of several lines (each kept on its own line).
 *
 * @example
 * ```ts
 * lines([["Note one."], ["Note two."]]).kind; // => "paragraph"
 * ```
 */
export function lines(list: readonly (readonly Content[])[]): Block {
  return { kind: "paragraph", lines: list.map(inlines) };
}

/**
 * A bulleted list.
 *
 * @example
 * ```ts
 * list([["error A"], ["error B"]]).kind; // => "list"
 * ```
 */
export function list(items: readonly (readonly Content[])[]): Block {
  return { kind: "list", items: items.map(inlines) };
}

/** A column as {@link table} takes it: a header (string or inline content) and options. */
export interface ColumnSpec extends Partial<Omit<Column, "header">> {
  readonly header: Content | readonly Content[];
}

/** Options of {@link table}. */
export interface TableOptions {
  readonly caption?: string;
  readonly className?: string;
}

/** A cell already (a text cell holds `content`; a text inline holds `text`). */
const isCell = (c: Inline | Cell): c is Cell => c.kind === "rank" || c.kind === "number" || (c.kind === "text" && "content" in c);

/**
 * A table's columns from headers or {@link ColumnSpec}s, as {@link table} makes them (default
 * alignment: the first column left, the others right); for writers that write a table's rows one
 * at a time.
 *
 * @example
 * ```ts
 * tableColumns(["Đơn vị", "DTI"]).map((c) => c.align); // => ["left", "right"]
 * ```
 */
export function tableColumns(columns: readonly (Content | ColumnSpec)[]): Column[] {
  return columns.map((c, i): Column => {
    const spec: ColumnSpec = typeof c === "string" || "kind" in c ? { header: c } : c;
    const header = Array.isArray(spec.header) ? inlines(spec.header as readonly Content[]) : [inline(spec.header as Content)];
    return { ...spec, header, align: spec.align ?? (i === 0 ? "left" : "right") };
  });
}

/**
 * A table. Columns are given as headers (default alignment: the first column left, the others
 * right) or as {@link ColumnSpec}; cells as {@link Cell}, inline content or strings.
 *
 * @example
 * ```ts
 * const ranking = table(["Đơn vị", "DTI"], [["Huế", num("0.8002")]]);
 * documentToMarkdown(document([ranking])); // "| Đơn vị | DTI |\n| :--- | ---: |\n| Huế | 0.8002 |\n"
 * ```
 */
export function table(columns: readonly (Content | ColumnSpec)[], rows: readonly (readonly (Content | Cell)[])[], options: TableOptions = {}): Block {
  const asCell = (c: Content | Cell): Cell => (typeof c === "string" ? cell(c) : isCell(c) ? c : cell(c));
  return {
    kind: "table",
    columns: tableColumns(columns),
    rows: rows.map((r) => r.map(asCell)),
    ...(options.caption !== undefined ? { caption: options.caption } : {}),
    ...(options.className !== undefined ? { className: options.className } : {}),
  };
}

/**
 * A document of blocks with its number style (default: plain, a decimal point); blocks given as
 * `false` or `undefined` (a table only shown when there are rows) are left out.
 *
 * @example
 * ```ts
 * documentToMarkdown(document([paragraph("DTI ", num("0.8002")), false])); // => "DTI 0.8002\n"
 * ```
 */
export function document(blocks: readonly (Block | undefined | false)[], numbers: NumberStyle = plainStyle()): Document {
  return { blocks: blocks.filter((b): b is Block => b !== undefined && b !== false), numbers };
}
