import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appFolder, serveApp, type AppServer } from "../../../src/cli/commands/app.ts";
import { cli } from "../helpers.ts";

// A stand-in for dist/app: the server's behaviour does not depend on what the files are.
const dir = mkdtempSync(join(tmpdir(), "dti-app-"));
mkdirSync(join(dir, "app"));
writeFileSync(join(dir, "app", "index.html"), "<!doctype html><title>app</title>");
writeFileSync(join(dir, "app", "app.js"), "export {};");
writeFileSync(join(dir, "secret.txt"), "outside the app");
let server: AppServer;

beforeAll(async () => {
  server = await serveApp(join(dir, "app"), 0);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("dti app", () => {
  it("serves the app's files on 127.0.0.1, index.html at /", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await index.text()).toContain("<title>app</title>");
    const js = await fetch(`${server.url}app.js`);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await fetch(`${server.url}app.js`, { method: "HEAD" })).status).toBe(200);
  });

  it("serves nothing outside the app's folder and only reads", async () => {
    expect((await fetch(`${server.url}..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
    expect((await fetch(server.url, { method: "POST", body: "data" })).status).toBe(405);
  });

  it("finds the built app beside the built CLI, and says when there is none", () => {
    expect(appFolder(pathToFileURL(join(dir, "cli.js")).href)).toBe(join(dir, "app"));
    expect(appFolder(pathToFileURL(join(dir, "app", "cli.js")).href)).toBeUndefined();
  });

  it("refuses a bad port, a port in use and a file argument (exit 2)", async () => {
    const bad = await cli(["app", "--port", "http"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port must be a whole number from 0 to 65535 (got "http")');
    expect((await cli(["app", "data.csv"])).stderr).toContain("dti app takes no file");
    const port = new URL(server.url).port;
    const busy = await cli(["app", "--port", port]);
    // From the sources the app is found in dist/app only once built.
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(new RegExp(`port ${port} is in use on 127\\.0\\.0\\.1: choose another with --port|the app is not built here`, "u"));
  });
});
