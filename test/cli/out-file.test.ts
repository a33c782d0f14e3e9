// `--out` as real processes see it: written beside the target and renamed over it, so that an old
// file survives a failed write (a file-size limit hit half-way), Ctrl-C, SIGTERM, SIGHUP and even
// kill -9 (then only `.out.csv.dti-tmp-<pid>` is left beside it); the temporary file of
// `--stream` leaves nothing in the temporary folder; and `--stream -o` into a folder, a missing
// folder or /dev/full says so in one line, exit 2, as `dti score -o` does.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOutFile, tempPathFor, writeOutFile } from "../../src/cli/out-file.ts";

const BIN = ".tmp/test-cli-out/cli.mjs";
const posix = process.platform !== "win32";
const OLD = "the old output, which must survive\n";
const F2020 = ["--framework", "vn-dti-2020-province"];

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-out-test-"));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  mkdirSync(".tmp/test-cli-out", { recursive: true });
  await build({ entryPoints: ["src/cli/main.ts"], bundle: true, platform: "node", format: "esm", target: "node20", outfile: BIN, packages: "external", logLevel: "error" });
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the CLI (optionally under `ulimit -f <kb>`), with its own temporary folder. */
function start(args: string[], options: { tmp: string; ulimitKb?: number; stdin?: "pipe" | "ignore" }) {
  const env = { ...process.env, TMPDIR: options.tmp, TMP: options.tmp, TEMP: options.tmp };
  const child =
    options.ulimitKb === undefined
      ? spawn(process.execPath, [BIN, ...args], { env, stdio: [options.stdin ?? "ignore", "pipe", "pipe"] })
      : spawn("bash", ["-c", `ulimit -f ${options.ulimitKb}; exec "$0" "$@"`, process.execPath, BIN, ...args], { env, stdio: [options.stdin ?? "ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => void (stdout += d.toString("utf8")));
  child.stderr?.on("data", (d: Buffer) => void (stderr += d.toString("utf8")));
  const ended = new Promise<Ended>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, ended };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |node:internal|Unhandled|internal error/u);

describe("openOutFile and writeOutFile", () => {
  it("name the temporary file beside the target, obvious as a leftover", () => {
    expect(tempPathFor("out/ranking.csv", 4242)).toBe(join("out", ".ranking.csv.dti-tmp-4242"));
  });

  it("replace an old file whole, keep its permissions, and leave nothing beside it", async () => {
    const dir = tempDir();
    const target = join(dir, "out.csv");
    writeFileSync(target, OLD);
    if (posix) chmodSync(target, 0o640);
    await writeOutFile(target, "new\n");
    expect(readFileSync(target, "utf8")).toBe("new\n");
    if (posix) expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["out.csv"]);
    await writeOutFile(join(dir, "fresh.csv"), "x");
    expect(readdirSync(dir).sort()).toEqual(["fresh.csv", "out.csv"]);
  });

  it.runIf(posix)("write through a symbolic link: the link stays, the file it names is replaced", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "real.csv"), OLD);
    symlinkSync("real.csv", join(dir, "link.csv"));
    await writeOutFile(join(dir, "link.csv"), "new\n");
    expect(lstatSync(join(dir, "link.csv")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.csv"))).toBe("real.csv");
    expect(readFileSync(join(dir, "real.csv"), "utf8")).toBe("new\n");
    expect(readdirSync(dir).sort()).toEqual(["link.csv", "real.csv"]);
  });

  it("abort: the old file is as it was and the temporary file is gone", async () => {
    const dir = tempDir();
    const target = join(dir, "out.csv");
    writeFileSync(target, OLD);
    const out = await openOutFile(target, 77);
    await out.write("half of the new ");
    expect(existsSync(join(dir, ".out.csv.dti-tmp-77"))).toBe(true);
    await out.abort();
    expect(readFileSync(target, "utf8")).toBe(OLD);
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("refuse a folder, a missing folder and a full device in one line naming the target", async () => {
    const dir = tempDir();
    await expect(writeOutFile(dir, "x")).rejects.toThrow(`cannot write ${dir}: it is a folder, not a file`);
    await expect(writeOutFile(join(dir, "no", "x.csv"), "x")).rejects.toThrow(`cannot write ${join(dir, "no", "x.csv")}: no such file or folder`);
    if (existsSync("/dev/full")) await expect(writeOutFile("/dev/full", "x".repeat(100_000))).rejects.toThrow("cannot write /dev/full: the disk is full");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe.runIf(posix)("dti --stream -o: the same one-line errors as dti score -o, and nothing left behind", () => {
  it.each([
    ["a folder", (dir: string) => dir, "it is a folder, not a file"],
    ["a missing folder", (dir: string) => join(dir, "missing", "out.csv"), "no such file or folder"],
    ["/dev/full", () => "/dev/full", "the disk is full"],
  ] as const)("%s", async (_, target, reason) => {
    if (target("") === "/dev/full" && !existsSync("/dev/full")) return;
    const dir = tempDir();
    const tmp = tempDir();
    const out = target(dir);
    const runs = await Promise.all(
      [["--stream", "--format", "csv"], ["--format", "csv"]].map((mode) => start(["score", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province", ...mode, "-o", out], { tmp }).ended),
    );
    for (const r of runs) {
      expect(r.stderr).toBe(`dti: cannot write ${out}: ${reason}\nRun \`dti --help\` for usage.\n`);
      expect(r.code).toBe(2);
      noStack(r.stderr);
    }
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);
});

describe.runIf(posix)("signals during a long dti score --stream -o (real processes)", () => {
  /** A run reading a named pipe that is never closed: it stays in pass 1 until signalled. */
  async function runUntilSignal(signal: NodeJS.Signals) {
    const dir = tempDir();
    const tmp = tempDir();
    const fifo = join(dir, "in.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    // Read-write: opening does not wait for a reader, and the reader never sees the end.
    const fd = openSync(fifo, "r+");
    writeSync(fd, `unit,government,economy,society\n${Array.from({ length: 500 }, (_, i) => `U${i},0.5,0.6,0.7\n`).join("")}`);
    const target = join(dir, "out.csv");
    writeFileSync(target, OLD);
    const { child, ended } = start(["score", fifo, ...F2020, "--stream", "-o", target], { tmp });
    const temp = join(dir, `.out.csv.dti-tmp-${child.pid}`);
    try {
      await waitFor(() => existsSync(temp), 60_000);
      await new Promise((r) => setTimeout(r, 300));
      child.kill(signal);
      return { ...(await ended), dir, tmp, target, temp };
    } finally {
      closeSync(fd);
      // A failed wait must not leave the process reading the pipe.
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s: ends by that signal (a shell sees %i), the old file intact, no temporary file anywhere", async (signal, _status) => {
    const r = await runUntilSignal(signal);
    // It cleans up, then ends by the same signal, so that a calling shell or script knows.
    expect([r.code, r.signal]).toEqual([null, signal]);
    expect(r.stderr).toBe(`dti: stopped by ${signal}; ${r.target} is unchanged\n`);
    expect(readFileSync(r.target, "utf8")).toBe(OLD);
    expect(readdirSync(r.dir).sort()).toEqual(["in.csv", "out.csv"]);
    expect(readdirSync(r.tmp)).toEqual([]);
  }, 120_000);

  it("a shell sees exit status 130 after Ctrl-C", async () => {
    const dir = tempDir();
    const fifo = join(dir, "in.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const target = join(dir, "out.csv");
    writeFileSync(target, OLD);
    const script = `exec 3<>"$1"; printf 'unit,government,economy,society\\nA,0.5,0.5,0.5\\n' >&3; "$2" "$3" score "$1" --framework vn-dti-2020-province --stream -o "$4" & p=$!; trap 'kill -9 $p 2>/dev/null' EXIT; while [ ! -e "$5$p" ]; do sleep 0.05; done; kill -INT $p; wait $p; echo "status $?"`;
    const r = spawnSync("bash", ["-c", script, "bash", fifo, process.execPath, BIN, target, join(dir, ".out.csv.dti-tmp-")], { encoding: "utf8", timeout: 110_000 });
    expect(r.stdout).toBe("status 130\n");
    expect(readFileSync(target, "utf8")).toBe(OLD);
  }, 120_000);

  it("kill -9: the old file intact; only the temporary file beside it, named for the process, is left", async () => {
    const r = await runUntilSignal("SIGKILL");
    expect(r.signal).toBe("SIGKILL");
    expect(readFileSync(r.target, "utf8")).toBe(OLD);
    expect(readdirSync(r.dir).sort()).toEqual([".out.csv.dti-tmp-" + r.temp.split("-").at(-1), "in.csv", "out.csv"]);
    // The temporary file of pass 1 was unlinked as soon as it was open.
    expect(readdirSync(r.tmp)).toEqual([]);
  }, 120_000);

  it("a signal before anything is written (dti score - -o, reading standard input) ends it at once; the old file is intact", async () => {
    const dir = tempDir();
    const tmp = tempDir();
    const target = join(dir, "out.csv");
    writeFileSync(target, OLD);
    const { child, ended } = start(["score", "-", ...F2020, "-o", target], { tmp, stdin: "pipe" });
    child.stdin?.write("unit,government,economy,society\nA,0.5,0.5,0.5\n");
    await new Promise((r) => setTimeout(r, 500));
    child.kill("SIGTERM");
    const r = await ended;
    expect([r.code, r.signal]).toEqual([null, "SIGTERM"]);
    expect(readFileSync(target, "utf8")).toBe(OLD);
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  }, 120_000);
});

describe.runIf(posix)("every command that writes -o keeps the old file when the write fails half-way (ulimit -f 1)", () => {
  const commands: [string, string[]][] = [
    ["score", ["score", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province", "--format", "csv"]],
    ["score --stream", ["score", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province", "--stream", "--format", "csv"]],
    ["report", ["report", "fixtures/dti-2022-province-top5.csv", "--framework", "vn-dti-2022-province"]],
    ["chart", ["chart", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province"]],
    ["uncertainty", ["uncertainty", "fixtures/dti-2022-province-top5.csv", "--framework", "vn-dti-2022-province", "--runs", "50", "--format", "json"]],
    ["explain", ["explain", "fixtures/dti-2022-province-top5.csv", "--framework", "vn-dti-2022-province", "--unit", "TP. Đà Nẵng", "--format", "json"]],
    ["whatif", ["whatif", "fixtures/dti-2022-province-top5.csv", "--framework", "vn-dti-2022-province", "--unit", "TP. Hồ Chí Minh", "--format", "json"]],
    ["years", ["years", "fixtures/provinces-63-synthetic-2years.csv", "--framework", "vn-dti-2022-province", "--format", "json"]],
    ["assess", ["assess", "fixtures/assessment-2022-synthetic.csv", "--framework", "vn-dti-2022-province", "--format", "json"]],
  ];

  it("9 commands: exit 2 with one line, the old file as it was, nothing beside it", async () => {
    const runs = await Promise.all(
      commands.map(async ([name, args]) => {
        const dir = tempDir();
        const tmp = tempDir();
        const target = join(dir, "old.out");
        writeFileSync(target, OLD);
        const r = await start([...args, "-o", target], { tmp, ulimitKb: 1 }).ended;
        return { name, r, dir, tmp, target };
      }),
    );
    for (const { name, r, dir, tmp, target } of runs) {
      expect(r.code, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stderr, name).toMatch(/^dti: cannot write \S+: the file would be larger than the system allows \(ulimit -f\)\nRun `dti --help` for usage\.\n$/u);
      noStack(r.stderr);
      expect(readFileSync(target, "utf8"), name).toBe(OLD);
      expect(readdirSync(dir), name).toEqual(["old.out"]);
      expect(readdirSync(tmp), name).toEqual([]);
    }
  }, 300_000);

  it("and replace it whole when the write succeeds", async () => {
    const dir = tempDir();
    const tmp = tempDir();
    const runs = await Promise.all(
      commands.slice(0, 2).map(async ([name, args]) => {
        const target = join(dir, `${name.replace(/\W/gu, "-")}.csv`);
        writeFileSync(target, OLD);
        return { name, target, r: await start([...args, "-o", target], { tmp }).ended };
      }),
    );
    for (const { name, target, r } of runs) {
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(readFileSync(target, "utf8")).toMatch(/^rank,group_rank,unit,/u);
    }
    expect(readdirSync(dir).sort()).toEqual(["score---stream.csv", "score.csv"]);
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);
});
