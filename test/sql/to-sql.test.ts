import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getFramework, score, type ScoreOptions } from "../../src/index.ts";
import { parseCsv } from "../../src/csv.ts";
import { queryDuckDb, rowsToResult, toSql, type SqlColumns } from "../../src/sql.ts";
import { compileFramework } from "../../src/score/compile.ts";
import { differences, recordsQuery } from "./engine-helpers.ts";

const inputKeysOf = (framework: ReturnType<typeof getFramework>) => compileFramework(framework).leaves.flatMap((l) => compileFramework(framework).nodes[l]!.inputs);
const fixture = (name: string) => readFileSync(`fixtures/${name}`, "utf8");

async function onDuckDb(frameworkId: string, records: Record<string, unknown>[], columns: SqlColumns, options: ScoreOptions = {}) {
  const framework = getFramework(frameworkId);
  const { query, columns: present } = recordsQuery(records);
  const inputs = Object.fromEntries(framework.root.children.length > 0 ? inputKeysOf(framework).filter((k) => !present.includes(k)).map((k) => [k, null]) : []);
  const sqlOptions = { ...options, columns, inputs } as Parameters<typeof toSql>[1];
  const { sql } = toSql(framework, { ...sqlOptions, source: { query } });
  return rowsToResult(framework, await queryDuckDb(sql), sqlOptions);
}

describe("toSql on DuckDB: the fixtures", () => {
  it("provinces-63-synthetic.json: values, ranks, group ranks and coverage as score()", async () => {
    const records = JSON.parse(fixture("provinces-63-synthetic.json")) as Record<string, unknown>[];
    const expected = score(getFramework("vn-dti-2022-province"), records, { columns: { code: "Mã", group: "Vùng" } });
    const actual = await onDuckDb("vn-dti-2022-province", records, { code: "Mã", group: "Vùng" });
    expect(differences(expected, actual)).toEqual([]);
    expect(actual.units.find((u) => u.unit === "Bình Định")?.value).toBe("0.8091");
  });
});
