import { describe, expect, it } from "vitest";
import { getFramework } from "../../../src/framework/builtin/index.ts";
import { indicatorAppendix } from "../../../src/report/html-report/appendix.ts";
import { sampleResult, tiny, tinyResult } from "../helpers.ts";

describe("indicatorAppendix", () => {
  const fw = getFramework("vn-dti-2022-province");
  const result = sampleResult();

  it("lists every node and view under the decision, with max points and the rule", () => {
    const html = indicatorAppendix(result, fw, "vi", "vi-VN");
    expect(html).toContain("<strong>Căn cứ:</strong> 922/QĐ-BTTTT ngày 20/05/2022 của Bộ Thông tin và Truyền thông");
    const rows = html.match(/<tr class="/gu) ?? [];
    expect(rows).toHaveLength(result.nodes.length); // the tree's nodes and the views
    expect(html).toContain('<tr class="depth-0"><td class="code">DTI</td><td class="name">Chỉ số chuyển đổi số cấp tỉnh</td><td>1.000 điểm</td>');
    expect(html).toContain('<tr class="depth-2"><td class="code">NTS</td><td class="name">Nhận thức số</td><td>100 điểm</td><td class="rule">Giá trị đã quy đổi từ 0 đến 1; điểm = giá trị × 100</td><td>10 sub-indicators.</td></tr>');
    expect(html).toMatch(/<td class="code">ĐTTM<\/td><td class="name">Đô thị thông minh<\/td><td>0 \(không tính điểm\)<\/td>/u);
    expect(html).toMatch(/<tr class="view"><td class="code">CQS<\/td>.*Chỉ số tổng hợp ngoài cây chỉ số từ NTS, TCS, HTS, NLS, ATTTM, HĐCQS/u);
  });

  it("in English: the English name with the Vietnamese one under it", () => {
    const html = indicatorAppendix(result, fw, "en", "en-US");
    expect(html).toContain('<td class="name">Digital awareness<span class="name-vi" lang="vi">Nhận thức số</span></td><td>100 points</td>');
    expect(html).toContain("<strong>Defined by:</strong> 922/QĐ-BTTTT of 20/05/2022 issued by");
  });

  it("weights, escaping, and names only without the framework's tree", () => {
    const html = indicatorAppendix(tinyResult(), tiny, "vi", "vi-VN");
    expect(html).toContain("<td>trọng số 1</td>");
    expect(html).toContain("Bộ chỉ số không ghi văn bản ban hành.");
    const bare = indicatorAppendix(tinyResult(), undefined, "vi", "vi-VN");
    expect(bare).toContain("Chỉ có tên các chỉ số");
    expect(bare.match(/<tr class="/gu)).toHaveLength(3);
    const hostile = indicatorAppendix(tinyResult(), { root: { ...tiny.root, name: { vi: "<b>x</b>" } } }, "vi", "vi-VN");
    expect(hostile).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(hostile).not.toContain("<b>");
  });
});
