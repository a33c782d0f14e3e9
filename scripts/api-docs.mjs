// API reference from the TSDoc comments (typedoc + typedoc-plugin-markdown, config typedoc.json):
//   node scripts/api-docs.mjs          writes docs/api/ (npm run docs:api)
//   node scripts/api-docs.mjs --check  generates into a temporary folder and fails when docs/api/
//                                      differs (a TSDoc change without `npm run docs:api`), or on
//                                      any typedoc warning (e.g. a broken {@link}).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const committed = join(root, "docs", "api");
const check = process.argv.includes("--check");
const out = check ? mkdtempSync(join(tmpdir(), "dti-api-")) : committed;
const require = createRequire(import.meta.url);
const typedoc = join(dirname(require.resolve("typedoc/package.json")), "bin", "typedoc");

const files = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

// GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, a repeat suffixed.
const anchorsOf = (text) => {
  const seen = new Map();
  const anchors = new Set();
  for (const [, heading] of text.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading
      .replace(/[`*\\]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
};

// typedoc-plugin-markdown links a type that shares its name with a member (`IssueCode`, `code`)
// to "#issuecode-1", an anchor its page does not have: such a link is pointed at the one heading.
const fixAnchors = (dir) => {
  const pages = new Map(files(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
  const anchors = new Map([...pages].map(([f, text]) => [f, anchorsOf(text)]));
  for (const [f, text] of pages) {
    const fixed = text.replace(/\]\(([^)#\s]*)#([^)\s]+)-(\d+)\)/g, (link, page, slug, n) => {
      const target = page === "" ? f : join(dirname(f), page);
      const have = anchors.get(target);
      if (have === undefined || have.has(`${slug}-${n}`) || !have.has(slug)) return link;
      return `](${page}#${slug})`;
    });
    if (fixed !== text) writeFileSync(join(dir, f), fixed);
  }
};

try {
  if (!check) rmSync(committed, { recursive: true, force: true });
  const run = spawnSync(process.execPath, [typedoc, "--out", out], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) throw new Error(`typedoc failed (exit ${run.status})`);
  fixAnchors(out);
  if (check) {
    const want = files(out);
    const have = files(committed);
    const stale = [...new Set([...want, ...have])].filter(
      (f) => !want.includes(f) || !have.includes(f) || readFileSync(join(out, f), "utf8") !== readFileSync(join(committed, f), "utf8"),
    );
    if (stale.length > 0) {
      console.error(`docs/api is out of date (${stale.join(", ")}): run \`npm run docs:api\` and commit docs/api.`);
      process.exitCode = 1;
    } else {
      console.log(`docs/api is up to date (${want.length} files)`);
    }
  }
} finally {
  if (check) rmSync(out, { recursive: true, force: true });
}
