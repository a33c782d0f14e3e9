// Types of chart-specs.mjs, for the test that checks the committed images are current.
export declare const SAMPLES: { readonly provinces63: string; readonly provinces34: string };
export declare function makeCharts(lib: Record<string, unknown>, read: (path: string) => string): Record<string, string>;
