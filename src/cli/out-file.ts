/**
 * Writing `--out` files so that an old file is never lost: the output goes to a temporary file
 * beside the target (`.out.csv.dti-tmp-<pid>`, named so that a leftover is obvious) and is renamed
 * over it only when complete. An error, Ctrl-C (SIGINT), SIGTERM or SIGHUP removes the temporary
 * file and leaves the old one as it was; `kill -9` can leave only the temporary file. Devices,
 * pipes and sockets (`-o /dev/stdout`, a named pipe) are written directly: they cannot be renamed
 * over, and a half-written pipe has no old content to keep.
 *
 * @module
 */
import { constants, type Stats } from "node:fs";
import { access, chmod, open, realpath, rename, rm, stat, type FileHandle } from "node:fs/promises";
import { rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileErrorMessage } from "./file-error.ts";
import { UsageError } from "./usage-error.ts";

/**
 * The temporary file beside `target` that is renamed over it when the output is complete.
 *
 * @example
 * ```ts
 * tempPathFor("out/ranking.csv", 4242); // => "out/.ranking.csv.dti-tmp-4242"
 * ```
 */
export function tempPathFor(target: string, pid: number): string {
  return join(dirname(target), `.${basename(target)}.dti-tmp-${pid}`);
}

/** Temporary files and folders to remove if a signal ends the process: path → target (for the message). */
const live = new Map<string, string | undefined>();

function onSignal(signal: NodeJS.Signals): void {
  const targets = new Set<string>();
  for (const [path, target] of live) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing more can be done on the way out; the name says what the leftover is.
    }
    if (target !== undefined) targets.add(target);
  }
  live.clear();
  const kept = targets.size === 0 ? "" : `; ${[...targets].join(", ")} ${targets.size === 1 ? "is" : "are"} unchanged`;
  process.stderr.write(`dti: stopped by ${signal}${kept}\n`);
  // End by the same signal, the default way (the shell reports 128 + its number: 130, 143), so
  // that a calling script knows it was interrupted. process.exit() is no way out: it waits for
  // libuv's threads, and one blocked reading a pipe never returns.
  for (const s of SIGNALS) process.off(s, onSignal);
  process.kill(process.pid, signal);
}

const SIGNALS: readonly NodeJS.Signals[] = process.platform === "win32" ? ["SIGINT", "SIGTERM"] : ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Removes `path` (file or folder) if a signal ends the process before the returned function is
 * called. The handlers are installed only while something is to be removed: otherwise a signal
 * ends dti the default way at once (scoring is synchronous, and a handler would only run after it).
 */
export function removeOnSignal(path: string, target?: string): () => void {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  live.set(path, target);
  return () => {
    if (!live.delete(path)) return;
    if (live.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
  };
}

/** A write error as the one-line usage error the CLI prints (`cannot write out.csv: the disk is full`). */
function writeError(e: unknown, path: string): unknown {
  if (e instanceof UsageError) return e;
  return new UsageError(fileErrorMessage(e, "write", path) ?? `cannot write ${path}: ${(e as Error)?.message ?? String(e)}`);
}

/** An output file being written: bytes in order, then `commit` (in place) or `abort` (old file kept). */
export interface OutFile {
  /** Writes the bytes after the earlier ones. At most one write is under way: awaiting this waits for the one before. */
  write(chunk: Uint8Array | string): Promise<void>;
  /**
   * The regular file the writes go to (the temporary one beside the target), where another writer
   * may write instead (DuckDB's COPY); undefined when writing to a device, pipe or socket.
   */
  readonly path: string | undefined;
  /** Waits for the writes, closes, and puts the file in place. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; the target is as it was. Never throws. */
  abort(): Promise<void>;
}

async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  for (let done = 0; done < data.length; ) done += (await handle.write(data, done, data.length - done)).bytesWritten;
}

/**
 * Sequential writes to a handle with one under way at a time: `write` waits for the one before,
 * starts its own and returns, so the next chunk is prepared while this one is written. An error
 * is kept and thrown (through `error`) by the next `write` or by `finish`.
 */
export function handleWriter(handle: FileHandle, error: (e: unknown) => unknown) {
  let pending: Promise<void> = Promise.resolve();
  let failure: unknown;
  return {
    async write(chunk: Uint8Array | string): Promise<void> {
      await pending;
      if (failure !== undefined) throw error(failure);
      const data = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      pending = writeAll(handle, data).catch((e: unknown) => {
        failure = e;
      });
    },
    /** Waits for the last write; throws its error, if any. */
    async finish(): Promise<void> {
      await pending;
      if (failure !== undefined) throw error(failure);
    },
  };
}

/**
 * Opens `path` for writing: a temporary file beside it (renamed over it by `commit`) when it is a
 * regular file or does not exist yet, the path itself when it is a device, pipe or socket. A
 * folder, a missing folder, no permission or a full disk is a {@link UsageError} naming `path`.
 */
export async function openOutFile(path: string, pid: number = process.pid): Promise<OutFile> {
  let existing: Stats | undefined;
  try {
    existing = await stat(path);
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ENOENT") throw writeError(e, path);
  }
  if (existing?.isDirectory() === true) throw writeError(Object.assign(new Error("EISDIR"), { code: "EISDIR" }), path);
  const direct = existing !== undefined && !existing.isFile();
  // Through a symbolic link the real file is replaced, and the link stays a link.
  const target = existing === undefined || direct ? path : await realpath(path).catch(() => path);
  if (existing !== undefined && !direct) {
    // Renaming needs only the folder's permission: a read-only file must stay refused, as before.
    await access(target, constants.W_OK).catch((e: unknown) => {
      throw writeError(e, path);
    });
  }
  const temp = direct ? undefined : tempPathFor(target, pid);
  const forget = temp === undefined ? () => undefined : removeOnSignal(temp, path);
  let handle: FileHandle;
  try {
    handle = await open(temp ?? path, "w", existing === undefined || direct ? 0o666 : existing.mode & 0o7777);
  } catch (e) {
    forget();
    throw writeError(e, path);
  }
  const writer = handleWriter(handle, (e) => writeError(e, path));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const abort = async () => {
    await writer.finish().catch(() => undefined);
    await close().catch(() => undefined);
    if (temp !== undefined) await rm(temp, { force: true }).catch(() => undefined);
    forget();
  };
  return {
    path: temp,
    write: (chunk) => writer.write(chunk),
    async commit() {
      try {
        await writer.finish();
        await close();
        // The mode given to open() is filtered by the umask: an old file keeps its own.
        if (temp !== undefined && existing !== undefined) await chmod(temp, existing.mode & 0o7777);
        if (temp !== undefined) await rename(temp, target);
        forget();
      } catch (e) {
        await abort();
        throw writeError(e, path);
      }
    },
    abort,
  };
}

/** Writes `text` (or bytes) to `path` through {@link openOutFile}: all of it, or nothing (the old file kept). */
export async function writeOutFile(path: string, text: string | Uint8Array): Promise<void> {
  const out = await openOutFile(path);
  try {
    await out.write(text);
  } catch (e) {
    await out.abort();
    throw e;
  }
  await out.commit();
}
