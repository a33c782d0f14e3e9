/**
 * `dti app`: serves the browser app (dist/app/, static files) on 127.0.0.1 until Ctrl+C. The app
 * reads the user's files in the page: this server only hands out the app's own files, and listens
 * on the loopback address only. It opens a browser only when asked (`--open`).
 *
 * @module
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { showValue } from "../../errors.ts";
import type { Command } from "../command.ts";
import { integerOption } from "../options.ts";
import { UsageError } from "../usage-error.ts";

/** The port `dti app` listens on unless `--port` says otherwise. */
export const DEFAULT_APP_PORT = 8765;

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
};

/**
 * The folder of the built app: dist/app beside the built CLI (dist/cli.js), or, when the CLI runs
 * from its sources, the repository's dist/app. Undefined when neither holds an index.html.
 */
export function appFolder(from: string = import.meta.url): string | undefined {
  const here = fileURLToPath(new URL(".", from));
  return [join(here, "app"), join(here, "..", "..", "..", "dist", "app")].find((dir) => statSync(join(dir, "index.html"), { throwIfNoEntry: false })?.isFile() === true);
}

/** A running app server: its address, and how to stop it. */
export interface AppServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * Serves the files of `dir` on 127.0.0.1:`port` (0: any free port): GET and HEAD only, nothing
 * outside `dir`, "/" is index.html.
 *
 * @example
 * ```ts
 * const server = await serveApp(appFolder()!, 0);
 * await fetch(server.url); // the app's index.html
 * await server.close();
 * ```
 */
export async function serveApp(dir: string, port: number): Promise<AppServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    const file = resolve(root, normalize(path === "/" ? "index.html" : path).replace(/^[/\\]+/u, ""));
    if (!file.startsWith(root + sep)) {
      res.writeHead(404).end("not found");
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
          "cache-control": "no-cache",
          "x-content-type-options": "nosniff",
        });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      () => res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found"),
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok());
  });
  const address = server.address();
  const actual = typeof address === "object" && address !== null ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** Opens `url` in the system's default browser (no waiting, no output). */
function openBrowser(url: string, onError: (e: Error) => void): void {
  const [cmd, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", '""', url]] : ["xdg-open", [url]];
  const child = spawn(cmd, args as string[], { stdio: "ignore", detached: true });
  child.on("error", onError);
  child.unref();
}

export const appCommand: Command = {
  name: "app",
  usage: "dti app [--port <n>] [--open]",
  summary: "serve the browser app for officials on this computer (http://127.0.0.1)",
  options: {
    port: { type: "string" },
    open: { type: "boolean" },
  },
  help: `      --port <n>              the port on 127.0.0.1 (default ${DEFAULT_APP_PORT}; 0: any free port)
      --open                  open the app in the default browser
The app is static files (dist/app in the package): data files are read in the browser and never
sent anywhere. To host it, copy that folder to any web server (see the README).
`,
  async run(rest, values, io) {
    if (rest.length > 0) throw new UsageError(`dti app takes no file (got ${showValue(rest[0])}): open the data file in the app`);
    const port = integerOption(values, "port", 0, 65535) ?? DEFAULT_APP_PORT;
    const dir = appFolder();
    if (dir === undefined) throw new UsageError("the app is not built here (no dist/app/index.html): run `npm run build`");
    let server: AppServer;
    try {
      server = await serveApp(dir, port);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "EADDRINUSE") throw new UsageError(`port ${port} is in use on 127.0.0.1: choose another with --port`);
      if (code === "EACCES") throw new UsageError(`port ${port} needs privileges: choose one above 1023 with --port`);
      throw e;
    }
    io.stdout(`dti app: ${server.url}\n`);
    io.stderr("dti: the app reads your files in the browser; nothing is uploaded. Press Ctrl+C to stop.\n");
    if (values["open"] === true) openBrowser(server.url, (e) => io.stderr(`dti: cannot open a browser (${e.message}): open ${server.url} yourself\n`));
    await new Promise<void>((ok) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        ok();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    await server.close();
    return 0;
  },
};
