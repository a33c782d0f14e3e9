/**
 * `dti report --pdf`: prints the HTML report to PDF through a Chromium-family browser already on
 * the machine (Debian's chromium, Google Chrome, Microsoft Edge), run headless. dti never
 * downloads a browser: without one it says how to get one, or how to print from any browser.
 *
 * @module
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { removeOnSignal, writeOutFile } from "./out-file.ts";
import { UsageError } from "./usage-error.ts";

/** The exit code of `dti report --pdf` when no browser is found or the browser cannot print. */
export const EXIT_NO_BROWSER = 4;

/** Program names looked up on the PATH, in this order. */
const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge", "msedge"];

/** Where the browsers install themselves outside the PATH (macOS applications, Windows programs). */
function wellKnown(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === "darwin") {
    return ["Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge"].map((p) => `/Applications/${p}`);
  }
  if (platform === "win32") {
    const roots = [env["PROGRAMFILES"], env["PROGRAMFILES(X86)"], env["LOCALAPPDATA"]].filter((r): r is string => r !== undefined && r !== "");
    return roots.flatMap((r) => [join(r, "Google", "Chrome", "Application", "chrome.exe"), join(r, "Microsoft", "Edge", "Application", "msedge.exe"), join(r, "Chromium", "Application", "chrome.exe")]);
  }
  return [];
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

/** What {@link findBrowser} returns: the browser's path, or the one-line message saying how to get one. */
export type BrowserLookup = { readonly found: true; readonly path: string } | { readonly found: false; readonly message: string };

/**
 * The browser to print with: `explicit` (`--chromium <path>`; a path that is not a file is a
 * usage error), else `DTI_CHROMIUM` or `CHROMIUM` from the environment, else the first of
 * chromium, chromium-browser, google-chrome(-stable), chrome, microsoft-edge, msedge on the PATH,
 * else the usual install places of macOS and Windows. Nothing found gives the message to print.
 *
 * @example
 * ```ts
 * findBrowser(undefined, { PATH: "/usr/bin" }); // => { found: true, path: "/usr/bin/chromium" }
 * ```
 */
export function findBrowser(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): BrowserLookup {
  if (explicit !== undefined) {
    if (!isFile(explicit)) throw new UsageError(`--chromium ${explicit}: no such program (give the path of chromium, google-chrome or msedge)`);
    return { found: true, path: explicit };
  }
  for (const name of ["DTI_CHROMIUM", "CHROMIUM"]) {
    const path = env[name];
    if (path === undefined || path === "") continue;
    if (isFile(path)) return { found: true, path };
    return { found: false, message: `${name}=${path} is not a program: set it to the path of chromium, google-chrome or msedge` };
  }
  const exts = platform === "win32" ? (env["PATHEXT"] ?? ".EXE").split(";").filter((x) => x !== "") : [""];
  const dirs = (env["PATH"] ?? "").split(platform === "win32" ? ";" : delimiter).filter((d) => d !== "");
  for (const name of NAMES) {
    for (const dir of dirs) {
      for (const ext of exts) {
        const path = join(dir, name + ext.toLowerCase());
        if (isFile(path)) return { found: true, path };
      }
    }
  }
  const known = wellKnown(env, platform).find(isFile);
  if (known !== undefined) return { found: true, path: known };
  return {
    found: false,
    message:
      "--pdf needs Chromium, Google Chrome or Microsoft Edge and none was found: install one (Debian/Ubuntu: apt-get install chromium) " +
      "and try again, or give its path with --chromium <path> (or DTI_CHROMIUM), or write the HTML with --out report.html and print it from a browser (Ctrl+P, A4)",
  };
}

/** How long a print may take before the browser is stopped. */
const TIMEOUT_MS = 5 * 60_000;

/** The last lines of the browser's messages, for an error that says why it failed. */
function tail(text: string): string {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/dbus|Fontconfig|GPU|gpu_|viz_|sandbox_linux/u.test(l));
  return lines.slice(-3).join(" | ").slice(0, 600);
}

/**
 * Prints `html` to the PDF file `target` with the headless browser at `browser`: the page is
 * written to a private temporary folder (with a throw-away browser profile, so a running browser
 * and the user's profile are untouched), printed with the page's own CSS page sizes, margins and
 * page numbers and without the browser's header and footer, and the PDF is put in place only when
 * complete (the old file is kept otherwise). Throws an `Error` saying what the browser reported.
 *
 * @example
 * ```ts
 * await printPdf(toHTMLReport(result), "report.pdf", "/usr/bin/chromium");
 * ```
 */
export async function printPdf(html: string, target: string, browser: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "dti-pdf-"));
  const forget = removeOnSignal(dir, target);
  try {
    const page = join(dir, "report.html");
    const pdf = join(dir, "report.pdf");
    await writeFile(page, html);
    const args = [
      "--headless",
      "--disable-gpu",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-extensions",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      `--user-data-dir=${join(dir, "profile")}`,
      // Chromium refuses to run as root without this; the page is dti's own, script-free report.
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      // The browser's own date, title and address at the page edges: off (the older flag for
      // browsers before the new headless mode).
      "--no-pdf-header-footer",
      "--print-to-pdf-no-header",
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(browser, args, { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (d: Buffer) => {
        if (err.length < 100_000) err += d.toString("utf8");
      });
      const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(new Error(`cannot start ${browser}: ${e.message}`));
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve(err);
        else reject(new Error(`${browser} stopped (${signal ?? `exit code ${code}`}) before the PDF was written${tail(err) === "" ? "" : `: ${tail(err)}`}`));
      });
    });
    const bytes = await readFile(pdf).catch(() => undefined);
    if (bytes === undefined || bytes.length === 0 || bytes.subarray(0, 5).toString("latin1") !== "%PDF-") {
      throw new Error(`${browser} wrote no PDF${tail(stderr) === "" ? "" : `: ${tail(stderr)}`}`);
    }
    await writeOutFile(target, bytes);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    forget();
  }
}
