/**
 * Plain words for the file-system errors the CLI meets (a directory given as a file, a folder that
 * does not exist, no permission), instead of Node's "EISDIR: illegal operation on a directory".
 *
 * @module
 */
import { cutText } from "../errors.ts";

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EFBIG: "the file would be larger than the system allows (ulimit -f)",
  EDQUOT: "the disk quota is used up",
  EMFILE: "too many open files",
  ENAMETOOLONG: "the name is too long",
};

/**
 * A one-line message for a Node file-system error (`cannot write out.csv: no such file or
 * folder`), or `undefined` when `e` is not one. `path` defaults to the error's own path.
 *
 * @example
 * ```ts
 * fileErrorMessage(Object.assign(new Error("x"), { code: "EISDIR", path: "/tmp" }), "read");
 * // => "cannot read /tmp: it is a folder, not a file"
 * ```
 */
export function fileErrorMessage(e: unknown, verb: "read" | "write" | "open", path?: string): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const { code, path: errorPath } = e as { code?: unknown; path?: unknown };
  if (typeof code !== "string" || !/^E[A-Z]+$/u.test(code)) return undefined;
  const where = path ?? (typeof errorPath === "string" ? errorPath : undefined);
  if (where === undefined) return undefined;
  return `cannot ${verb} ${cutText(where)}: ${REASONS[code] ?? (e as Error).message}`;
}
