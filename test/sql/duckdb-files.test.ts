// CSV and Parquet files scored through DuckDB (read_csv / read_parquet, headers resolved as
// score() resolves them) against score() on the same file read by dti/csv.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defineFramework, getFramework, score, type ScoreOptions } from "../../src/index.ts";
import { parseCsv } from "../../src/csv.ts";
import { DtiError } from "../../src/errors.ts";
import { queryDuckDb, scoreFileWithDuckDb } from "../../src/sql.ts";
import { sqlText } from "../../src/sql/dialect.ts";
import { differences } from "./engine-helpers.ts";
import { spelledCsv } from "./number-spellings.ts";

const dir = mkdtempSync(join(tmpdir(), "dti-sql-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES: [file: string, framework: string, options: ScoreOptions][] = [
  ["provinces-63-synthetic.csv", "vn-dti-2022-province", {}],
  ["provinces-63-synthetic-2years.csv", "vn-dti-2022-province", {}],
  ["provinces-34-synthetic.csv", "vn-dti-2025-province", {}],
  ["dti-2022-province-top5.csv", "vn-dti-2022-province", {}],
  ["dti-2020-bac-ninh.csv", "vn-dti-2020-province", {}],
  ["provinces-63-synthetic.csv", "vn-dti-2022-province", { ranking: "dense", decimals: 2 }],
  ["provinces-63-synthetic-long.csv", "vn-dti-2022-province", {}],
  // Units not ranked, named in other spellings (and by code), in wide and long data, over years.
  ["provinces-63-synthetic-2years.csv", "vn-dti-2022-province", { unranked: ["TP. HÀ NỘI", "79"] }],
  ["provinces-63-synthetic-long.csv", "vn-dti-2022-province", { unranked: { "tp.  hà nội": "thử" } }],
];

describe("scoreFileWithDuckDb: the fixtures, as score() scores them", () => {
  it.each(CASES)("%s (%s, %j)", async (file, id, options) => {
    const framework = getFramework(id);
    const expected = score(framework, parseCsv(readFileSync(`fixtures/${file}`, "utf8")), options);
    const actual = await scoreFileWithDuckDb(framework, `fixtures/${file}`, options);
    expect(differences(expected, actual)).toEqual([]);
    expect(actual.units.length).toBeGreaterThan(0);
  }, 60_000);

  it("a Parquet file gives the same as its CSV", async () => {
    const parquet = join(dir, "years.parquet");
    await queryDuckDb(`COPY (SELECT * FROM read_csv('fixtures/provinces-63-synthetic-2years.csv', header = true, all_varchar = true)) TO ${sqlText(parquet)} (FORMAT parquet)`);
    const framework = getFramework("vn-dti-2022-province");
    const expected = score(framework, parseCsv(readFileSync("fixtures/provinces-63-synthetic-2years.csv", "utf8")));
    expect(differences(expected, await scoreFileWithDuckDb(framework, parquet))).toEqual([]);
  }, 60_000);

  it("a typed Parquet file (DECIMAL indicators, read without text checks) gives the same, blanks too", async () => {
    const parquet = join(dir, "typed.parquet");
    const ids = ["awareness", "institutions", "infrastructure", "human-resources", "cybersecurity", "digital-government", "digital-economy", "digital-society"];
    const types = ids.map((id) => `${sqlText(id)}: 'DECIMAL(18,4)'`).join(", ");
    // One blank (NULL) indicator, scored under "zero".
    await queryDuckDb(
      `COPY (SELECT * REPLACE (CASE WHEN unit = 'Hà Giang' THEN NULL ELSE awareness END AS awareness) FROM read_csv('fixtures/provinces-63-synthetic-2years.csv', header = true, types = {${types}, 'year': 'INTEGER'})) TO ${sqlText(parquet)} (FORMAT parquet)`,
    );
    const described = await queryDuckDb(`DESCRIBE SELECT * FROM read_parquet(${sqlText(parquet)})`);
    expect(described.find((r) => r["column_name"] === "awareness")?.["column_type"]).toBe("DECIMAL(18,4)");
    const framework = getFramework("vn-dti-2022-province");
    const table = parseCsv(readFileSync("fixtures/provinces-63-synthetic-2years.csv", "utf8"));
    const unitColumn = table.columns.indexOf("unit");
    const awareness = table.columns.indexOf("awareness");
    const blanked = { ...table, rows: table.rows.map((r) => (r.cells[unitColumn] === "Hà Giang" ? { ...r, cells: r.cells.map((c, k) => (k === awareness ? "" : c)) } : r)) };
    const expected = score(framework, blanked, { missing: "zero" });
    expect(differences(expected, await scoreFileWithDuckDb(framework, parquet, { missing: "zero" }))).toEqual([]);
  }, 60_000);

  it("long data: indicator names in any spelling, years, blanks, units spelled two ways", async () => {
    const file = join(dir, "long.csv");
    const nfd = (t: string) => t.normalize("NFD");
    const lines = [
      "Tỉnh,Năm,Chỉ số,Giá trị",
      "Huế,2024,government,0.5",
      `${nfd("Huế")},2024,${nfd("  KINH TẾ SỐ ")},"0,25"`,
      "Huế,2024,Xã hội\u200b số,",
      "Huế,2023,government,0.75",
      "Huế,2023,economy,0.125",
      "Huế,2023,society,0.3",
      "Đà Nẵng,2024,government,0.5",
      "Đà Nẵng,2024,economy,0.25",
      "Đà Nẵng,2024,Chỉ số Xã hội số,0.7",
    ];
    const text = lines.join("\n");
    writeFileSync(file, text, "utf8");
    const framework = getFramework("vn-dti-2020-province");
    const expected = score(framework, parseCsv(text), { missing: "zero" });
    expect(expected.units.length).toBe(3);
    expect(differences(expected, await scoreFileWithDuckDb(framework, file, { missing: "zero" }))).toEqual([]);
  }, 60_000);

  it.each([
    ["Huế,2024,government,0.5\nHuế,2024,government,0.6", "DATA_DUPLICATE_VALUE"],
    ["Huế,2024,nothing,0.5", "DATA_UNKNOWN_INDICATOR"],
    ["Huế,2024,,0.5", "DATA_UNKNOWN_INDICATOR"],
  ])("long data: %j stops with %s", async (rows, code) => {
    const file = join(dir, `bad-${code}.csv`);
    writeFileSync(file, `unit,year,indicator,value\n${rows}\nHuế,2024,economy,0.1\nHuế,2024,society,0.1\n`);
    const failure = await scoreFileWithDuckDb(getFramework("vn-dti-2020-province"), file, { missing: "zero" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DtiError);
    expect((failure as DtiError).issues[0]).toMatchObject({ code, unit: "Huế" });
  }, 60_000);
});

describe("scoreFileWithDuckDb: long data with a cell like \"1.050\"", () => {
  // The library decides from an indicator's whole column whether "1.050" groups thousands; the
  // query does that for wide data only, and refuses long data that holds such a cell where the
  // library may ask (here a goalposts leaf); a value leaf's "0.125" and "1.050" elsewhere pass.
  const framework = defineFramework({
    id: "long-thousands", version: "1", title: { vi: "Dữ liệu dài" },
    root: { id: "dti", name: { vi: "DTI" }, children: [
      { id: "people", name: { vi: "Người dùng" }, weight: 1, rule: { type: "goalposts", min: 0, max: 5000, direction: "higher" } },
      { id: "share", name: { vi: "Tỷ lệ" }, weight: 1, rule: { type: "value", outOfRange: "clamp" } },
    ] },
  });
  const scoreLong = (rows: string[]) => {
    const file = join(dir, `long-thousands-${rows.length}-${rows.join("").length}.csv`);
    writeFileSync(file, ["unit,indicator,value", ...rows].join("\n"));
    return scoreFileWithDuckDb(framework, file, {});
  };

  it("refuses it for a leaf the library may ask about, naming the indicator and the cell", async () => {
    const failure = await scoreLong(["Huế,people,870", "Huế,share,0.5", "Đà Nẵng,people, 1.050 ", "Đà Nẵng,share,0.25"]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DtiError);
    expect((failure as DtiError).issues[0]).toMatchObject({ code: "SQL_UNSUPPORTED", node: "people", unit: "Đà Nẵng", message: expect.stringMatching(/" 1\.050 " may be written with a thousands separator/u) });
  }, 60_000);

  it("scores it as score() does where no such cell is asked about", async () => {
    const rows = ["Huế,people,870", "Huế,share,1.050", "Đà Nẵng,people,1050.5", "Đà Nẵng,share,0.125"];
    const expected = score(framework, parseCsv(["unit,indicator,value", ...rows].join("\n")), {});
    expect(differences(expected, await scoreLong(rows))).toEqual([]);
  }, 60_000);
});

describe("scoreFileWithDuckDb: numbers in the other spellings score() reads", () => {
  it("white space inside and around, −, decimal commas, trailing zeros, spaced blank words: as score() scores the file", async () => {
    const { text, expected } = spelledCsv();
    const file = join(dir, "spelled.csv");
    writeFileSync(file, text);
    expect(differences(expected, await scoreFileWithDuckDb(getFramework("vn-dti-2020-province"), file, { missing: "zero" }))).toEqual([]);
  }, 60_000);
});
