/**
 * Pass 2's CSV rows in the common case: units without years or groups, ranked by counting. Such a
 * row is written from the unit's record (where pass 1 kept its name and code, `keepIdentity`, but
 * for a long one), its index rank and the rank counts: so the rows can be written on two threads
 * at once, the main thread and a rows worker (`rows-worker.ts`) taking segments of the result
 * order in turn.
 *
 * @module
 */
import type { NodeInfo } from "../pipeline/types.ts";
import { rootNumbers, unitHead, type UnitIdentity } from "../pipeline/unit-result.ts";
import type { UnitTable } from "../pipeline/unit-nodes.ts";
import { createRankCounts, type RankTable } from "../rank/rank-counts.ts";
import { csvByteRows, keepsIdentity } from "../report/csv-byte-rows.ts";
import type { RankingShape } from "../report/ranking-shape.ts";
import type { CsvReportOptions } from "../report/to-csv.ts";
import type { ByteBuffer } from "../text/utf8-bytes.ts";
import { countedRanks, recordTable, type Current } from "./record-table.ts";
import { recordsFrom, recordsInOrder, type Records } from "./stream-records.ts";

/** What writing the rows needs, as plain data (posted as it is to the rows worker). */
export interface CsvRowsPlan {
  readonly root: string;
  readonly nodes: readonly NodeInfo[];
  readonly has: RankingShape["has"];
  readonly csv: CsvReportOptions;
  /** Record position of each written node but the index. */
  readonly index: readonly (readonly [string, number])[];
  /** Record position of the index. */
  readonly rootPosition: number;
  readonly decimals: number;
  readonly records: Pick<Records, "width" | "nodes" | "full" | "identity">;
  /** Records in the temporary file (units, in input order). */
  readonly units: number;
  /** The index rank of each unit (by input position). */
  readonly rootRank: Int32Array;
  /** The written nodes' finished rank counts (one partition: no years). */
  readonly counts: readonly (RankTable | undefined)[];
  /** Bytes of records read back at a time (`recordsInOrder`). */
  readonly windowBytes: number;
}

/** A unit's name and code, for one whose record could not keep them (too long). */
export type NameOf = (i: number) => { readonly unit: string; readonly code?: string };

/** Units in a segment of the result order: the two threads write every other one. */
export const ROW_SEGMENT = 16_384;

/** A unit's identity as a row's head reads it (a CSV ranking has no column of input rows). */
function longName(id: ReturnType<NameOf>): UnitIdentity {
  return id.code === undefined ? { unit: id.unit, row: 0 } : { unit: id.unit, code: id.code, row: 0 };
}

/** A table of nothing, to make the one head object before any unit is read. */
const emptyTable: UnitTable = { score: () => null, value: () => null, coverage: () => 0, rank: () => null, groupRank: () => null };

/**
 * The CSV rows of the units `order` (a part of the result order, or all of it), from the records
 * of the temporary file `fd` (or `all` of them, read before: `sharedRecords`): `header`, then
 * `row(out)` appends the next unit's line. One head object, given each unit's numbers in turn,
 * serves every unit whose record keeps its name and code; the others, whose names are long, are
 * asked of `nameOf`.
 */
export function csvRows(plan: CsvRowsPlan, fd: number, order: Int32Array, nameOf: NameOf, all?: Float64Array): { header: string; row(out: ByteBuffer): void } {
  const { records, rootPosition } = plan;
  const current: Current = { record: new Float64Array(records.width) };
  const counts = createRankCounts(records.nodes, plan.counts);
  const ranks = countedRanks(counts, counts, current);
  const table = recordTable(current, records, rootPosition, plan.decimals, { rank: plan.rootRank, groupRank: new Int32Array(0) }, ranks.one, { year: 0, group: -1 });
  const csv = csvByteRows({ root: plan.root, nodes: plan.nodes, has: plan.has }, plan.csv, new Map(plan.index), plan.decimals, rootPosition >= 0 ? rootPosition : undefined);
  const recordAt = all === undefined ? recordsInOrder(fd, records, order, plan.windowBytes, plan.units) : recordsFrom(all, records.width, order);
  const numbers = { published: current.record, ranks: new Int32Array(records.nodes) };
  const head = unitHead({ unit: "", row: 0 }, undefined, emptyTable, 0, 0);
  let bytes: Uint8Array = new Uint8Array(0);
  let k = 0;
  return {
    header: csv.header,
    row(out) {
      const i = order[k]!;
      const record = recordAt(k++);
      current.record = numbers.published = record;
      if (bytes.buffer !== record.buffer) bytes = new Uint8Array(record.buffer);
      const at = record.byteOffset + 8 * records.identity;
      const kept = keepsIdentity(bytes, at);
      const u = kept ? rootNumbers(head, table, i, rootPosition) : unitHead(longName(nameOf(i)), undefined, table, i, rootPosition);
      ranks.all(i, 0, numbers.ranks);
      csv.row(u, numbers, out, kept ? bytes : undefined, at);
    },
  };
}
