// Run by scripts/deno-test.mjs inside a throw-away consumer project (its own package.json, and
// node_modules/dti unpacked from `npm pack` of this repository): what a Deno user of the published
// package gets from `npm:dti`, types included (`deno test` type-checks this file against the
// package's "exports" types). Published value: DTI 2022 Đà Nẵng 0.8002 (dti.gov.vn).
import assert from "node:assert/strict";
import { getFramework, isDtiError, score, type ScoreResult } from "npm:dti";
import { parseCsv } from "npm:dti/csv";
import { toMarkdown } from "npm:dti/report";

const csv = `Tỉnh/thành phố;Nhận thức số;Thể chế số;Hạ tầng số;Nhân lực số;An toàn thông tin mạng;Hoạt động chính quyền số;Hoạt động kinh tế số;Hoạt động xã hội số
TP. Đà Nẵng;1;0,9;0,8253;0,8487;0,7578;0,8575;0,7836;0,5197
TP. Cần Thơ;0,9;0,8;0,7233;0,7376;0,7226;0,7325;0,7556;0,2947
`;

Deno.test("npm:dti + npm:dti/csv + npm:dti/report score a Vietnamese CSV (semicolons, decimal commas)", () => {
  const result: ScoreResult = score(getFramework("vn-dti-2022-province"), parseCsv(csv));
  const value: string | null = result.units[0]!.value;
  assert.deepEqual(result.units.map((u) => [u.unit, u.rank, u.value]), [["TP. Đà Nẵng", 1, value], ["TP. Cần Thơ", 2, "0.6924"]]);
  assert.equal(value, "0.8002");
  assert.match(toMarkdown(result), /\| 2 \| TP\. Cần Thơ \| 0\.6924 \|/u);
});

Deno.test("npm:dti errors are typed", () => {
  try {
    score(getFramework("vn-dti-2022-province"), parseCsv("Tỉnh;Nhận thức số\nHuế;abc\n"));
    assert.fail("expected a DtiError");
  } catch (e) {
    assert.ok(isDtiError(e));
    assert.ok(e.issues.some((i) => i.code === "DATA_NOT_A_NUMBER"));
  }
});
