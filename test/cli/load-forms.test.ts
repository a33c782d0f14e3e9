import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, FW22 } from "./helpers.ts";

const HEADER = "Đơn vị;Nhận thức số;Thể chế số;Hạ tầng số;Nhân lực số;An toàn thông tin mạng;Hoạt động chính quyền số;Hoạt động kinh tế số;Hoạt động xã hội số";
const dir = mkdtempSync(join(tmpdir(), "dti-forms-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const folder = (name: string, files: Record<string, string>) => {
  const at = join(dir, name);
  mkdirSync(at);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(at, f), text);
  return at;
};

describe("dti score <folder> / several files", () => {
  it("ranks one form per unit from a folder (other files left alone)", async () => {
    const at = folder("ok", {
      "01-da-nang.csv": `UBND TP ĐÀ NẴNG;;;;;;;;\n${HEADER}\nTP. Đà Nẵng;1;0,9;0,8253;0,8487;0,7578;0,8575;0,7836;0,5197\n`,
      "02-hcm.csv": `${HEADER}\nTP. Hồ Chí Minh;0,8917;0,9;0,8258;0,6267;0,5580;0,8406;0,7611;0,3590\n`,
      "ghi-chu.txt": "not data",
    });
    const out = await cli(["score", at, ...FW22, "--format", "csv"]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split("\r\n").slice(1, 3).map((l) => l.split(",").slice(0, 3).join(","))).toEqual(["1,TP. Đà Nẵng,0.8002", "2,TP. Hồ Chí Minh,0.7164"]);
    expect(out.stderr).toContain(`warning DATA_HEADER_ROW file "${join(at, "01-da-nang.csv")}", row 2:`);
  });

  it("names the file of every problem (validate and score), with files named one by one", async () => {
    const at = folder("bad", {
      "a.csv": `${HEADER}\nHuế;1;0,9;0,8253;0,8487;0,7578;0,8575;0,7836;abc\n`,
      "b.csv": `${HEADER}\nVinh;1;0,9;0,8253;0,8487;0,7578;0,8575;0,7836;\n`,
    });
    const v = await cli(["validate", join(at, "a.csv"), join(at, "b.csv"), ...FW22]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`error DATA_NOT_A_NUMBER file "${join(at, "a.csv")}", row 2, column "Hoạt động xã hội số", unit "Huế": "abc" is not a number`);
    expect(v.stderr).toContain(`error DATA_MISSING_VALUE file "${join(at, "b.csv")}", row 2, column "Hoạt động xã hội số", unit "Vinh"`);
    expect(v.stderr).toContain("2 error(s) in 2 files");
    const s = await cli(["score", at, ...FW22]);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain(`file "${join(at, "b.csv")}", row 2`);
  });

  it("refuses an empty folder, --stream with several files, and standard input with others", async () => {
    const empty = folder("empty", { "x.txt": "" });
    expect((await cli(["score", empty, ...FW22])).stderr).toContain("holds no .csv, .tsv or .json files");
    const at = folder("two", { "a.csv": `${HEADER}\n`, "b.csv": `${HEADER}\n` });
    expect((await cli(["score", at, ...FW22, "--stream"])).code).toBe(2);
    expect((await cli(["score", "-", join(at, "a.csv"), ...FW22])).code).toBe(2);
  });
});
