// Browser smoke test (opened by scripts/browser-test.mjs in headless Chromium): imports the built
// ESM entries (`dti`, and `dti/report` for the table and chart), scores the bundled 63-province
// sample (JSON records) and shows the ranking table and the top-10 bar chart; then reads the same
// sample from its CSV with `dti/csv` (the same build as Node's) and checks that it scores the same;
// then reads the official-shaped workbook with `dti/xlsx`, scores it, writes the ranking workbook
// and reads it back. `data-status` on #app says "ok" or "error" (with the error).
import { getFramework, score, totalPoints, VERSION } from "/dist/index.js";
import { rankingBarChart, toHTML, toJSON } from "/dist/report.js";
import { parseCsv } from "/dist/csv.js";
import { readXlsx, toXLSX } from "/dist/xlsx.js";

const app = document.getElementById("app");
try {
  const response = await fetch("/fixtures/provinces-63-synthetic.json");
  const rows = await response.json();
  const result = score(getFramework("vn-dti-2022-province"), rows, { columns: { group: "Vùng" } });
  app.innerHTML = toHTML(result, { caption: `dti ${VERSION}: ${result.units.length} units` }) + rankingBarChart(result, { limit: 10 });
  const csv = await (await fetch("/fixtures/provinces-63-synthetic.csv")).text();
  const fromCsv = score(getFramework("vn-dti-2022-province"), parseCsv(csv), { columns: { group: "Vùng", code: "Mã" } });
  const same = (r) => JSON.stringify(JSON.parse(toJSON(r)).units.map((u) => [u.unit, u.value, u.rank, u.groupRank]));
  if (same(fromCsv) !== same(result)) throw new Error("the CSV and JSON samples scored differently");
  app.dataset.csv = `${fromCsv.units.length} units from CSV`;
  const fw = getFramework("vn-dti-2022-province");
  const bytes = new Uint8Array(await (await fetch("/fixtures/dti-2022-province-official.xlsx")).arrayBuffer());
  const sheet = readXlsx(bytes, { headerRow: 4 });
  const provinces = score(fw, { ...sheet, rows: sheet.rows.filter((r) => r.cells[1] !== "Trung bình") }, { ignoreColumns: ["STT"] });
  const back = readXlsx(toXLSX(provinces, { points: totalPoints(fw) }));
  const leader = back.rows[0]?.cells;
  if (leader?.[1] !== "TP. Đà Nẵng" || leader?.[2] !== 0.8002 || leader?.[3] !== 800.2) throw new Error(`the ranking workbook read back wrong: ${JSON.stringify(leader)}`);
  app.dataset.xlsx = `${provinces.units.length} units from xlsx, ${sheet.issues.length} warning`;
  app.dataset.status = "ok";
} catch (e) {
  app.textContent = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  app.dataset.status = "error";
}
