// The CLI as a real process: exit codes, stdout/stderr, no stack traces. The binary is bundled
// from source with esbuild once (the same way tsup builds dist/cli.js), so no prior build is needed.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const BIN = ".tmp/test-cli/cli.mjs";

beforeAll(async () => {
  mkdirSync(".tmp/test-cli", { recursive: true });
  await build({ entryPoints: ["src/cli/main.ts"], bundle: true, platform: "node", format: "esm", target: "node20", outfile: BIN, packages: "external", logLevel: "error" });
});

function dti(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", input: input ?? "" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("dti as a process", () => {
  it("exits 0 and prints the ranking", () => {
    const r = dti(["score", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[2]).toMatch(/^\| 1 \| /u);
  });

  it("exits 1 on data errors, printing them without a stack trace", () => {
    const r = dti(["score", "-", "--framework", "vn-dti-2020-province"], "unit,government,economy,society\nA,x,1,1\n");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error DATA_NOT_A_NUMBER row 2, column "government", unit "A": "x" is not a number\n');
  });

  it("exits 2 on usage errors", () => {
    const r = dti(["score", "missing-file.csv", "--framework", "vn-dti-2022-province"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("dti: file not found: missing-file.csv\nRun `dti --help` for usage.\n");
  });

  it("a folder as the data file or an --out in a missing folder is a plain usage error, not a bug", () => {
    const dir = dti(["report", "fixtures", "--framework", "vn-dti-2022-province"]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toBe("dti: cannot read fixtures: it is a folder, not a file\nRun `dti --help` for usage.\n");
    // score and validate read a folder of forms: one without data files is a usage error.
    const noForms = dti(["score", "docs/images", "--framework", "vn-dti-2022-province"]);
    expect(noForms.code).toBe(2);
    expect(noForms.stderr).toBe('dti: the folder "docs/images" holds no .csv, .tsv or .json files\nRun `dti --help` for usage.\n');
    const small = "unit,government,economy,society\nA,0.5,0.5,0.5\n";
    const out = dti(["score", "-", "--framework", "vn-dti-2020-province", "--out", ".tmp/no-such-folder/x.csv"], small);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe("dti: cannot write .tmp/no-such-folder/x.csv: no such file or folder\nRun `dti --help` for usage.\n");
    const formulas = dti(["score", "-", "--framework", "vn-dti-2020-province", "--formulas", "fixtures"], small);
    expect(formulas.code).toBe(2);
    expect(formulas.stderr).toBe("error OPTION_INVALID: cannot read the formulas file fixtures: it is a folder, not a file\n");
  }, 30_000);

  it("stops quietly when the reader of its output goes away (| head)", () => {
    // A shell pipe into a process that reads one line and exits: no EPIPE stack trace.
    const r = spawnSync("sh", ["-c", `"${process.execPath}" ${BIN} score fixtures/provinces-63-synthetic.csv -f vn-dti-2022-province --format json | head -1`], { encoding: "utf8" });
    expect(r.stdout).toBe("{\n");
    expect(r.stderr).toBe("");
  }, 30_000);

  it("reports a malformed CSV as a data error with its line", () => {
    const r = dti(["score", "-", "--framework", "vn-dti-2020-province"], 'unit,government,economy,society\n"A,0.5,0.5,0.5\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error DATA_PARSE row 2/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  });
});
