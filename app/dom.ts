/**
 * A few DOM helpers: elements from a tag, attributes and children (text is always set as text,
 * never parsed), and a file download made in the page.
 *
 * @module
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Readonly<Record<string, string | number | boolean | undefined | ((e: Event) => void)>>;

/** An element: `on<event>` attributes are listeners, `true` a bare attribute, `false`/undefined none. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: readonly (Child | readonly Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, "");
    else if (v !== false && v !== undefined) el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(typeof c === "number" ? String(c) : c);
  return el;
}

/**
 * A figure holding an SVG chart drawn by the library (a standalone SVG string whose text the
 * library escapes), labelled for screen readers.
 */
export function svgFigure(svg: string, label: string): HTMLElement {
  const fig = h("figure", { class: "chart", role: "group", "aria-label": label });
  fig.innerHTML = svg;
  return fig;
}

/** Saves `data` as a file named `name` (a link clicked in the page: nothing leaves the browser). */
export function download(name: string, data: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
