// The README chart images: which charts, from which sample data, with which options. Used by
// `npm run charts` (scripts/make-charts.mjs, with the built library) and by the test that checks
// the committed images are up to date (with the sources).

/** The bundled samples the images are drawn from. */
export const SAMPLES = {
  provinces63: "fixtures/provinces-63-synthetic.csv",
  provinces34: "fixtures/provinces-34-synthetic.csv",
};

/**
 * Builds every image from the library `lib` ({ score, getFramework, parseCsv, rankingBarChart,
 * radarChart, comparisonChart }) and a `read(path)` returning file text. Returns { file: svg }.
 */
export function makeCharts(lib, read) {
  const framework = lib.getFramework("vn-dti-2022-province");
  const load = (path) => lib.score(framework, lib.parseCsv(read(path)), { columns: { group: "Vùng" } });
  const r63 = load(SAMPLES.provinces63);
  const r34 = load(SAMPLES.provinces34);
  return {
    "docs/images/ranking.svg": lib.rankingBarChart(r63, {
      limit: 20,
      subtitle: "Dữ liệu mẫu tổng hợp (không phải số liệu thật) · 20/63 tỉnh, thành phố đầu",
    }),
    "docs/images/radar.svg": lib.radarChart(r63, "Hà Giang", { title: "Hà Giang: các chỉ số chính (dữ liệu mẫu tổng hợp)" }),
    "docs/images/comparison.svg": lib.comparisonChart(r34, {
      before: r63,
      beforeLabel: "63 tỉnh",
      afterLabel: "34 tỉnh",
      sort: "magnitude",
      limit: 16,
      subtitle: "Dữ liệu mẫu tổng hợp · 16 thay đổi lớn nhất (tỉnh giữ tên cũ)",
    }),
    "docs/images/ranking-en.svg": lib.rankingBarChart(r63, { limit: 10, language: "en", subtitle: "Synthetic sample data (not real figures) · top 10 of 63" }),
  };
}
