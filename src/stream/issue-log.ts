import type { Issue } from "../errors.ts";

/** Issues kept up to a cap, every one counted. */
export interface IssueLog {
  add(issue: Issue): void;
  readonly count: number;
  readonly kept: readonly Issue[];
}

/**
 * A log keeping the first `cap` issues and counting all, so a bad million-row file is reported
 * without holding a million issues.
 *
 * @example
 * ```ts
 * import { error } from "../errors.ts";
 * const log = createIssueLog(1);
 * log.add(error("DATA_NOT_A_NUMBER", "a", { row: 2 }));
 * log.add(error("DATA_NOT_A_NUMBER", "b", { row: 3 }));
 * [log.count, log.kept.length]; // => [2, 1]
 * ```
 */
export function createIssueLog(cap: number): IssueLog {
  const kept: Issue[] = [];
  let count = 0;
  return {
    add(issue) {
      count++;
      if (kept.length < cap) kept.push(issue);
    },
    get count() {
      return count;
    },
    kept,
  };
}
