import { parse, View } from "vega";
import { compile } from "vega-lite";
import type { VegaLiteSpec } from "../../../src/report/vega/common.ts";

/** Compiles a Vega-Lite spec (collecting warnings) and renders it to SVG with Vega, headless. */
export async function renderVegaLite(spec: VegaLiteSpec): Promise<{ svg: string; warnings: string[] }> {
  const warnings: string[] = [];
  const logger = {
    level: (_?: number) => logger,
    error: (...m: unknown[]) => {
      throw new Error(m.map(String).join(" "));
    },
    warn: (...m: unknown[]) => {
      warnings.push(m.map(String).join(" "));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const vg = compile(spec as any, { logger: logger as any }).spec;
  const view = new View(parse(vg), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings };
}
