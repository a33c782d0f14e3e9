import { describe, expect, it } from "vitest";
import { attachDisplay, displayable, JUPYTER_DISPLAY } from "../../src/display/mime-bundle.ts";

describe("the Jupyter display protocol", () => {
  it("is keyed by the global Symbol.for('Jupyter.display') (Deno.jupyter.$display)", () => {
    expect(JUPYTER_DISPLAY).toBe(Symbol.for("Jupyter.display"));
  });

  it("displayable() returns an object whose method gives the bundle, and nothing enumerable", () => {
    const d = displayable(() => ({ "text/plain": "hi", "text/html": "<b>hi</b>" }));
    expect(d[JUPYTER_DISPLAY]()).toEqual({ "text/plain": "hi", "text/html": "<b>hi</b>" });
    expect(Object.keys(d)).toEqual([]);
    expect(JSON.stringify(d)).toBe("{}");
  });

  it("attachDisplay() keeps the target's data as it was: keys, JSON, spread copies", () => {
    const target = { a: 1, b: [2, 3] };
    const same = attachDisplay(target, () => ({ "text/plain": "x" }));
    expect(same).toBe(target);
    expect(Object.getOwnPropertySymbols(target)).toEqual([JUPYTER_DISPLAY]);
    expect(Object.getOwnPropertyDescriptor(target, JUPYTER_DISPLAY)?.enumerable).toBe(false);
    expect(JSON.stringify(same)).toBe('{"a":1,"b":[2,3]}');
    expect(Object.getOwnPropertySymbols({ ...same })).toEqual([]);
  });
});
