import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cli, FW22, SAMPLE } from "./helpers.ts";

describe("dti score", () => {
  it("prints a Markdown ranking of the bundled sample", async () => {
    const r = await cli(["score", "fixtures/provinces-63-synthetic.csv", ...FW22]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    // The sample has a "Vùng" column, a documented group alias: ranks within each region too.
    expect(lines[0]).toMatch(/^\| Hạng \| Đơn vị \| Nhóm \| Hạng trong nhóm \| DTI \| Nhóm chỉ số nền tảng chung \| NTS \|/u);
    expect(lines[2]).toMatch(/^\| 1 \| [^|]+ \| [^|]+ \| 1 \| 0\.\d{4} \|/u);
    expect(lines).toHaveLength(2 + 63);
    expect(r.stderr).toBe("");
  });

  it("writes JSON that matches the published result schema", async () => {
    const r = await cli(["score", "fixtures/provinces-63-synthetic.json", ...FW22, "--format", "json", "--group-by", "Vùng"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const schema = JSON.parse(await readFile("schema/result.schema.json", "utf8"));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const ok = ajv.validate(schema, doc);
    expect(ajv.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(doc.framework).toMatchObject({ id: "vn-dti-2022-province", version: "1.0.0", decimals: 4 });
    expect(doc.units).toHaveLength(63);
    const first = doc.units[0];
    expect(first.rank).toBe(1);
    expect(typeof first.score).toBe("number");
    expect(first.value).toMatch(/^0\.\d{4}$/u);
    expect(Object.keys(first.nodes)).toEqual(
      expect.arrayContaining(["awareness", "digital-government", "government", "economy", "society"]),
    );
    expect(first.groupRank).toBe(1);
  });

  it.each([
    ["bands, two years", ["fixtures/provinces-63-synthetic-2years.csv", ...FW22, "--bands", "egdi"]],
    ["bands and a merge", ["fixtures/provinces-63-synthetic.csv", ...FW22, "--bands", "dti-2020-map", "--merge", "fixtures/merge-2025.csv"]],
    ["imputation", ["fixtures/provinces-63-synthetic-2years.csv", ...FW22, "--impute", "previous-year,group-mean"]],
    ["2025 framework, bands", ["fixtures/provinces-34-synthetic.csv", "--framework", "vn-dti-2025-province", "--bands", "egdi"]],
    ["2020 framework", ["fixtures/dti-2020-bac-ninh.csv", "--framework", "vn-dti-2020-province"]],
  ])("JSON with %s matches the result schema", async (_, args) => {
    const r = await cli(["score", ...args, "--format", "json"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(await readFile("schema/result.schema.json", "utf8"));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.validate(schema, JSON.parse(r.stdout));
    expect(ajv.errors ?? []).toEqual([]);
  });

  it("writes CSV to a file with --out, decimal commas and a BOM on request", async () => {
    const r = await cli(["score", "fixtures/provinces-63-synthetic.csv", ...FW22, "--format", "csv", "--decimal-comma", "--bom", "--out", "out.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/wrote 63 units to out\.csv/u);
    const text = r.written["out.csv"]!;
    expect(text.startsWith("\uFEFFrank;group_rank;unit;code;group;dti;")).toBe(true);
    expect(text.split("\r\n")[1]).toMatch(/^1;1;[^;]+;\d\d;[^;]+;0,\d{4};/u);
  });

  it("merges units with --merge (63 → 34 provinces)", async () => {
    const r = await cli(["score", "fixtures/provinces-63-synthetic.json", ...FW22, "--merge", "fixtures/merge-2025.csv", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.units).toHaveLength(34);
    const dn = doc.units.find((u: { unit: string }) => u.unit === "TP. Đà Nẵng" || u.unit === "Đà Nẵng");
    expect(dn.members).toHaveLength(2);
  });

  it("reads standard input with -", async () => {
    const csv = "Tỉnh;Chính quyền số;Kinh tế số;Xã hội số\nBắc Ninh;0,4449;0,3668;0,4052\n";
    const r = await cli(["score", "-", "--framework", "vn-dti-2020-province", "--format", "json"], { "-": csv });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units[0].value).toBe("0.4096");
  });

  it("accepts a framework JSON file", async () => {
    const fw = JSON.stringify({
      id: "mini", version: "1", title: { vi: "Mini" },
      root: { id: "total", name: { vi: "Tổng" }, children: [{ id: "a", name: { vi: "A" }, maxPoints: 10, rule: { type: "points" } }] },
    });
    const r = await cli(["score", "data.json", "--framework", "mini.json", "--format", "json"], {
      "mini.json": fw,
      "data.json": JSON.stringify([{ unit: "X", a: 7.5 }]),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units[0].value).toBe("0.7500");
  });
});

describe("dti exit codes and messages", () => {
  it("exits 1 and prints every data error on its own line, with row and column", async () => {
    const csv = ["unit,government,economy,society", "A,abc,0.5,0.5", "B,1.5,0.5,", "A,0.1,0.1,0.1"].join("\n");
    const r = await cli(["score", "bad.csv", "--framework", "vn-dti-2020-province"], { "bad.csv": csv });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual([
      'error DATA_DUPLICATE_UNIT row 4, unit "A": unit "A" appears again (first on row 2)',
      'error DATA_NOT_A_NUMBER row 2, column "government", unit "A": "abc" is not a number',
      'error DATA_OUT_OF_RANGE row 3, column "government", unit "B": 1.5 is outside [0, 1]',
      'error DATA_MISSING_VALUE row 3, column "society", unit "B": the value of "society" is blank',
    ]);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/u);
  });

  it("validate exits 0 on good data and 1 on bad data", async () => {
    const good = await cli(["validate", "fixtures/provinces-63-synthetic.csv", ...FW22]);
    expect(good.code).toBe(0);
    expect(good.stdout).toBe("ok: 63 units, no errors\n");
    const bad = await cli(["validate", "x.csv", ...FW22], { "x.csv": "unit,awareness\nA,2\n" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/DATA_OUT_OF_RANGE row 2, column "awareness"/u);
    expect(bad.stderr).toMatch(/DATA_MISSING_COLUMN/u);
    expect(bad.stderr).toMatch(/error\(s\) in x\.csv/u);
  });

  it("a framework file with errors exits 1 and names the node, with the path inside it", async () => {
    const r = await cli(["score", "d.json", "--framework", "bad.json"], {
      "bad.json": JSON.stringify({ id: "b", version: "1", title: { vi: "B" }, root: { id: "r", name: { vi: "R" }, children: [{ id: "a", name: { vi: "A" }, rule: { type: "nope" } }] } }),
      "d.json": "[]",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error FRAMEWORK_SCHEMA node a, at root.children[0].rule.type: bad.json: node "a": rule.type unknown type');
  });

  it.each([
    [["score", "x.csv"], /--framework is required/u],
    [["score", "nope.csv", ...FW22], /file not found: nope\.csv/u],
    [["score", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-1999"], /vn-dti-2022-province/u],
    [["score", "fixtures/provinces-63-synthetic.csv", ...FW22, "--format", "pdf"], /--format must be one of/u],
    [["score", "fixtures/provinces-63-synthetic.csv", ...FW22, "--missing", "guess"], /--missing must be one of/u],
    [["score", "fixtures/provinces-63-synthetic.csv", "--framework", "my-framework.txt"], /unknown framework "my-framework.txt".*; a framework file must end in .json/u],
    [["score", "fixtures/provinces-63-synthetic.csv", "--framework", "nope"], /unknown framework "nope"; built-in frameworks: vn-dti-2020-province, [^;]*$/mu],
    [["score", "fixtures/provinces-63-synthetic.csv", ...FW22, "--decimals", "x"], /--decimals/u],
    [["score", ...FW22], /give the data file/u],
    [["score", "a.csv", "b.csv", ...FW22], /file not found: a\.csv/u],
    [["frobnicate"], /unknown command "frobnicate"/u],
    [["score", "--nope"], /Unknown option '--nope'/u],
  ])("usage error %j exits 2", async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/dti --help/u);
  });

  it("--help fits a terminal: no line over 100 characters, every command listed", async () => {
    const help = await cli(["--help"]);
    const long = help.stdout.split("\n").filter((l) => l.length > 100);
    expect(long).toEqual([]);
    expect(help.stdout).toMatch(/^  dti uncertainty <file> --framework <id\|file.json> \[options\]\n {6}Monte Carlo/mu);
    for (const command of ["score", "validate", "report", "chart", "frameworks", "schema", "uncertainty", "explain", "whatif", "years", "assess"]) {
      const lines = (await cli([command, "--help"])).stdout.split("\n");
      expect(lines.filter((l) => l.length > 100), command).toEqual([]);
    }
  });

  it("--help, --version, frameworks and schema", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/dti score <file\|folder>… --framework/u);
    expect((await cli([])).code).toBe(2);
    const scoreHelp = await cli(["score", "--help"]);
    expect(scoreHelp.code).toBe(0);
    expect(scoreHelp.stdout).toMatch(/^Usage: dti score <file\|folder>…/u);
    expect(scoreHelp.stdout).toMatch(/--decimal-comma/u);
    const validateHelp = await cli(["validate", "--help"]);
    expect(validateHelp.stdout).not.toMatch(/--decimal-comma/u);
    // An option of another command is unknown here.
    const wrong = await cli(["validate", "fixtures/dti-2020-bac-ninh.csv", "--framework", "vn-dti-2020-province", "--format", "json"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Unknown option '--format'/u);
    const pkg = JSON.parse(await readFile("package.json", "utf8"));
    expect((await cli(["--version"])).stdout).toBe(`${pkg.version}\n`);
    const list = await cli(["frameworks"]);
    expect(list.code).toBe(0);
    for (const id of ["vn-dti-2020-province", "vn-dti-2022-province", "vn-dti-2022-ministry", "vn-dti-2025-province", "vn-dti-2025-national"]) {
      expect(list.stdout).toContain(id);
    }
    expect(list.stdout).toMatch(/uncertain \((low|medium|unverified)\)/u);
    const json = JSON.parse((await cli(["frameworks", "--json"])).stdout);
    expect(json.map((f: { id: string }) => f.id)).toContain("vn-dti-2025-national");
    const schema = JSON.parse((await cli(["schema"])).stdout);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });
});

describe("dti with a formulas or bands file that is not valid JSON", () => {
  it("says the line and column (2 files)", async () => {
    const formulas = await cli(["validate", SAMPLE, ...FW22, "--formulas", "f.json"], { "f.json": '[\n  {"column": "x",}\n]' });
    expect(formulas.stderr).toContain("f.json is not valid JSON at line 2, column 18: expected a key in double quotes");
    const bands = await cli(["score", SAMPLE, ...FW22, "--bands", "b.json"], { "b.json": '{"id": "x" "bands": []}' });
    expect(bands.stderr).toContain('b.json is not valid JSON at line 1, column 12: expected "," or "}"');
  });
});

describe("dti with a framework file that is not valid JSON", () => {
  it("says the file, line and column", async () => {
    const r = await cli(["validate", "d.csv", "--framework", "fw.json"], { "fw.json": '{\n  "id": "x",\n  "version": "1"\n  "title": {"vi": "X"}\n}', "d.csv": "unit,a\nHuế,1\n" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error FRAMEWORK_SCHEMA: fw.json: the framework is not valid JSON at line 4, column 3: expected \",\" or \"}\"");
  });
});

describe("dti -o over the input", () => {
  it("refuses to replace the data file with its results, however the two paths are spelt", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-out-input-"));
    try {
      const link = join(dir, "link.csv");
      symlinkSync(resolve(SAMPLE), link);
      for (const [input, out] of [
        [SAMPLE, SAMPLE],
        [`./${SAMPLE}`, resolve(SAMPLE)],
        [SAMPLE, link],
      ]) {
        const r = await cli(["score", input!, ...FW22, "-o", out!]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`is the input file "${input}": the results would replace it; write them to another file`);
      }
      // a file given by a flag is an input too
      const fw = join(dir, "fw.json");
      const viaFlag = await cli(["score", SAMPLE, "--framework", fw, "-o", fw]);
      expect([viaFlag.code, viaFlag.stderr.split("\n")[0]]).toEqual([2, `dti: --out "${fw}" is the input file "${fw}": the results would replace it; write them to another file`]);
      const old = join(dir, "old.csv");
      copyFileSync(SAMPLE, old);
      const before = await cli(["chart", SAMPLE, ...FW22, "--type", "comparison", "--before", old, "-o", old]);
      expect([before.code, before.stderr.split("\n")[0]]).toEqual([2, `dti: --out "${old}" is the input file "${old}": the results would replace it; write them to another file`]);
      const other = await cli(["score", SAMPLE, ...FW22, "-o", join(dir, "other.md")]);
      expect(other.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("numeric flags", () => {
  const ASSESS = ["assess", "fixtures/assessment-2022-synthetic.csv", ...FW22];
  it.each([
    [[...ASSESS, "--tolerance=-1"], '--tolerance must be a number ≥ 0 (got "-1")'],
    [["chart", SAMPLE, ...FW22, "--width", "0"], '--width must be a whole number from 200 to 10000 (got "0")'],
    [["chart", SAMPLE, ...FW22, "--width", "1e9"], '--width must be a whole number from 200 to 10000 (got "1e9")'],
    [["chart", SAMPLE, ...FW22, "--limit", "0"], '--limit must be a whole number ≥ 1 (got "0")'],
    [["report", SAMPLE, ...FW22, "--uncertainty-runs", "0"], '--uncertainty-runs must be a whole number from 1 to 10000000 (got "0")'],
    [["report", SAMPLE, ...FW22, "--uncertainty-runs", "1e12"], '--uncertainty-runs must be a whole number from 1 to 10000000 (got "1e12")'],
    [["uncertainty", SAMPLE, ...FW22, "--runs", "0"], '--runs must be a whole number from 1 to 10000000 (got "0")'],
    [["sql", ...FW22, "--input-decimals", "99"], '--input-decimals must be a whole number from 0 to 18 (got "99")'],
    [["score", SAMPLE, ...FW22, "--min-coverage", "2"], '--min-coverage must be a number from 0 to 1 (got "2")'],
  ])("%j is a usage error naming the flag and its range", async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("still takes values in range", async () => {
    expect((await cli([...ASSESS, "--tolerance", "0,5"])).code).toBe(0);
    expect((await cli(["chart", SAMPLE, ...FW22, "--width", "400", "--limit", "1"])).code).toBe(0);
  });
});
