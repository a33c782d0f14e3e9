// Writes schema/framework.schema.json: the framework JSON Schema from frameworkJsonSchema()
// (src/framework/json-schema.ts), pretty-printed. The source is bundled in memory with esbuild, so
// no build of dist/ is needed.
//
//   node scripts/build-schema.mjs           write the file
//   node scripts/build-schema.mjs --check   exit 1 if the committed file is out of date
import { build } from "esbuild";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const target = resolve(root, "schema/framework.schema.json");

const bundle = await build({
  entryPoints: [resolve(root, "src/framework/json-schema.ts")],
  bundle: true,
  write: false,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  logLevel: "warning",
});
const code = bundle.outputFiles[0].text;
const { frameworkJsonSchema } = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
const text = `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`;

if (process.argv.includes("--check")) {
  const current = await readFile(target, "utf8").catch(() => "");
  if (current !== text) {
    console.error(`${target} is out of date: run node scripts/build-schema.mjs`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
  console.log(`wrote ${target}`);
}
