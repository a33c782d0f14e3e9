// A throw-away PostgreSQL server for the SQL tests: initdb in a temporary folder, started on a
// free loopback port (no Unix socket outside that folder), stopped and deleted afterwards. As
// root (CI containers) the cluster is created and run as the "postgres" user, which PostgreSQL
// requires. The server binaries are looked up in DTI_PG_BIN, then /usr/lib/postgresql/<version>/bin
// (Debian's `postgresql` package), then PATH.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running throw-away server. */
export interface PostgresServer {
  readonly port: number;
  /** A connection string for the "postgres" database as the "postgres" user. */
  readonly url: string;
  stop(): void;
}

/** The folder of initdb and pg_ctl, or undefined when PostgreSQL's server is not installed. */
export function postgresBin(): string | undefined {
  const env = process.env["DTI_PG_BIN"];
  if (env !== undefined && existsSync(join(env, "initdb"))) return env;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(debian, versions[0], "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const found = which.stdout.trim();
  return which.status === 0 && found !== "" ? join(found, "..") : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

/** initdb, start on a free loopback port; throws with the server log when it does not start. */
export async function startPostgres(bin: string): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), "dti-pg-"));
  const root = process.getuid?.() === 0;
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    if (root) execFileSync("runuser", ["-u", "postgres", "--", full, ...args], { stdio: "pipe", cwd: dir });
    else execFileSync(full, args, { stdio: "pipe", cwd: dir });
  };
  const port = await freePort();
  try {
    run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run("pg_ctl", ["start", "-D", data, "-w", "-t", "60", "-l", join(dir, "server.log"), "-o", options]);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`PostgreSQL did not start: ${err.stderr?.toString() ?? err.message}`);
  }
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run("pg_ctl", ["stop", "-D", data, "-m", "fast", "-w"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
