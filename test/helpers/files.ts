import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file under `dir` (recursively, dot-folders and node_modules left out) whose name matches `name`. */
export function filesUnder(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    if (f === "node_modules" || f.startsWith(".")) return [];
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p, name) : name.test(f) ? [p] : [];
  });
}
