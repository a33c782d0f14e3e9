// The workbook of fixtures/dti-2022-province-official.xlsx, shaped as officials save them: two
// title rows, a blank row, a two-row header (STT and the unit column merged down, group titles
// merged over their indicators), percent cells, formula cells with their saved values, an average
// row whose last formula has no saved value, and trailing columns that are empty or only styled.
// The numbers are the top-5 provinces of fixtures/dti-2022-province-top5.csv.
import { readFileSync } from "node:fs";
import { excelRow, excelWorkbook } from "./xlsx.ts";

export const OFFICIAL_FIXTURE = "fixtures/dti-2022-province-official.xlsx";

export function officialWorkbook(): Uint8Array {
  const lines = readFileSync("fixtures/dti-2022-province-top5.csv", "utf8").trim().split("\n").map((l) => l.split(","));
  const names = (lines[0] as string[]).slice(1);
  const data = lines.slice(1);
  const strings: string[] = [];
  const first = 6;
  const last = first + data.length - 1;
  const column = (i: number) => String.fromCharCode(67 + i);
  const rows = [
    excelRow(1, ["BỘ KHOA HỌC VÀ CÔNG NGHỆ"], strings),
    excelRow(2, ["KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP TỈNH NĂM 2022 (số liệu minh hoạ)"], strings),
    excelRow(4, ["STT", "Tỉnh/thành phố", "Nhóm chỉ số nền tảng chung", null, null, null, null, "Nhóm chỉ số hoạt động", null, null], strings),
    excelRow(5, [null, null, ...names], strings),
    ...data.map((cells, r) => {
      const row = excelRow(
        first + r,
        [
          r + 1,
          cells[0] as string,
          // Nhận thức số typed as a percent (100%, 89.17%), Thể chế số as =ROUND(…) with its saved value.
          { pct: Number(cells[1]) },
          { f: `ROUND(${cells[2]},4)`, v: Number(cells[2]) },
          ...cells.slice(3).map(Number),
          "",
        ],
        strings,
      );
      // A cell formatted but empty, past the data: Excel keeps it in the file.
      return row.replace("</row>", `<c r="L${first + r}" s="1"/></row>`);
    }),
    excelRow(
      last + 1,
      [
        null,
        "Trung bình",
        ...names.map((_, i) => {
          const avg = data.reduce((s, c) => s + Number(c[i + 1]), 0) / data.length;
          // The last average was never calculated before saving: no value in the file.
          return i === names.length - 1 ? { f: `AVERAGE(${column(i)}${first}:${column(i)}${last})` } : { f: `AVERAGE(${column(i)}${first}:${column(i)}${last})`, v: Number(avg.toFixed(6)) };
        }),
      ],
      strings,
    ),
  ];
  return excelWorkbook([{ name: "Kết quả DTI 2022", sheetData: rows.join(""), merges: ["A1:J1", "A2:J2", "A4:A5", "B4:B5", "C4:G4", "H4:J4"] }], strings);
}
