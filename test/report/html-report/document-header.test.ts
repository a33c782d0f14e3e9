import { describe, expect, it } from "vitest";
import { documentHeader, placeAndDate, signatureBlock } from "../../../src/report/html-report/document-header.ts";

describe("the administrative header and signature block", () => {
  it("writes the date as the decree does: a leading zero for days below 10 and months 1 and 2", () => {
    expect(placeAndDate("Hà Nội", "2025-02-07", "vi")).toBe("Hà Nội, ngày 07 tháng 02 năm 2025");
    expect(placeAndDate("Đà Nẵng", "2025-03-15", "vi")).toBe("Đà Nẵng, ngày 15 tháng 3 năm 2025");
    expect(placeAndDate("Đà Nẵng", "2025-12-01", "vi")).toBe("Đà Nẵng, ngày 01 tháng 12 năm 2025");
    expect(placeAndDate("Huế", undefined, "vi")).toBe("Huế, ngày … tháng … năm 20…");
    expect(placeAndDate(undefined, "2025-03-05", "en")).toBe("5 March 2025");
  });

  it("the header: issuing body (last line underlined), number, national name, motto, place and date; escaped", () => {
    const html = documentHeader({ issuer: ["UBND THÀNH PHỐ ĐÀ NẴNG", "SỞ <KH&CN>"], number: "12/BC-SKHCN", place: "Đà Nẵng", date: "2025-02-07" }, "vi");
    expect(html).toContain('<div>UBND THÀNH PHỐ ĐÀ NẴNG</div><div class="body">SỞ &lt;KH&amp;CN&gt;</div><div class="number">Số: 12/BC-SKHCN</div>');
    expect(html).toContain('<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>');
    expect(html).toContain('<div class="motto">Độc lập - Tự do - Hạnh phúc</div>');
    expect(html).toContain('<div class="place-date">Đà Nẵng, ngày 07 tháng 02 năm 2025</div>');
    expect(documentHeader({ issuer: "MINISTRY" }, "en")).toContain("SOCIALIST REPUBLIC OF VIETNAM");
    expect(documentHeader(undefined, "vi")).toBe("");
    expect(documentHeader({ signer: "Nguyễn Văn A" }, "vi")).toBe("");
  });

  it("the signature block: positions in bold, room to sign, the name last", () => {
    expect(signatureBlock({ signer: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn <Văn> A"] })).toBe(
      '<div class="signature"><div class="block"><div class="position">KT. GIÁM ĐỐC</div><div class="position">PHÓ GIÁM ĐỐC</div><div class="space"></div><div class="name">Nguyễn &lt;Văn&gt; A</div></div></div>',
    );
    expect(signatureBlock({ signer: "Trần Thị B" })).toContain('<div class="space"></div><div class="name">Trần Thị B</div>');
    expect(signatureBlock({ issuer: "X" })).toBe("");
    expect(signatureBlock({ signer: ["  "] })).toBe("");
  });
});
