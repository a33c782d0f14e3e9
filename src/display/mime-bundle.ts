/**
 * The Jupyter display protocol, without depending on any runtime: an object with a method under
 * `Symbol.for("Jupyter.display")` returning a MIME bundle is rendered by Deno's Jupyter kernel
 * (`deno jupyter`) when it is a cell's last expression or is passed to `Deno.jupyter.display`.
 * `Symbol.for` is the global symbol registry, so the same key works in Node, Deno and browsers,
 * across realms and across duplicate copies of this library (ESM and CJS).
 *
 * @module
 */

/**
 * The key of the display method: `Symbol.for("Jupyter.display")`, the symbol Deno's kernel looks
 * for (the same as `Deno.jupyter.$display`).
 */
export const JUPYTER_DISPLAY: unique symbol = /* @__PURE__ */ Symbol.for("Jupyter.display");

/**
 * A MIME bundle: one representation of the same content per MIME type; the notebook front end
 * shows the richest it supports (JupyterLab prefers `text/html` to `image/svg+xml` to
 * `text/plain`). `text/plain` is always present.
 */
export interface MimeBundle {
  readonly "text/plain": string;
  readonly "text/html"?: string;
  readonly "image/svg+xml"?: string;
  readonly "text/markdown"?: string;
  readonly [mime: string]: string | undefined;
}

/** Anything a Jupyter kernel that follows the protocol (Deno's) renders with a {@link MimeBundle}. */
export interface Displayable {
  [JUPYTER_DISPLAY](): MimeBundle;
}

/**
 * A displayable object whose bundle is built when the notebook asks for it. The method is
 * non-enumerable, so the object prints as `{}` and serialises as `{}`.
 *
 * @example
 * ```ts
 * const hello = displayable(() => ({ "text/plain": "hello", "text/html": "<b>hello</b>" }));
 * hello[JUPYTER_DISPLAY]()["text/html"]; // => "<b>hello</b>"
 * ```
 */
export function displayable(bundle: () => MimeBundle): Displayable {
  return attachDisplay({}, bundle);
}

/**
 * Adds the display method to `target` (non-enumerable, so `JSON.stringify`, spreading and deep
 * equality ignore it) and returns `target`.
 */
export function attachDisplay<T extends object>(target: T, bundle: () => MimeBundle): T & Displayable {
  Object.defineProperty(target, JUPYTER_DISPLAY, { value: bundle, enumerable: false, configurable: true, writable: true });
  return target as T & Displayable;
}
