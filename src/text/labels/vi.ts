/**
 * The Vietnamese label catalog: every label, heading and sentence the library writes in its
 * outputs, by the part of the output it belongs to. The English catalog (`en.ts`) has the same
 * sections and keys, typed from this one, so a label missing in one language does not compile.
 * Labels with values are functions of them; text shown as code is a `code` inline.
 *
 * @module
 */
import type { Content } from "../../report/document/model.ts";

/** The ranking table (Markdown, HTML, notebook). */
export const ranking = {
  rank: "Hạng",
  unit: "Đơn vị",
  group: "Nhóm",
  groupRank: "Hạng trong nhóm",
  year: "Năm",
  /** How many units a table shows: all of them, or the first `shown`. */
};

/** An explanation of one unit's index (`explain`). */
export const explain = {
  title: (unit: string, index: string, year: number | undefined): string => `${unit}: giải thích ${index}${year !== undefined ? ` năm ${year}` : ""}`,
  indicator: "Chỉ số",
  value: "Giá trị",
  rank: "Hạng",
  pointsOfMax: "Điểm / tối đa",
  weight: "Trọng số",
  share: "Tỷ trọng trong tổng",
  pointsToMax: "Điểm còn thiếu",
  vsLeader: "So với dẫn đầu",
  vsAverage: "So với trung bình",
  vsTarget: "So với mục tiêu",
  pillar: "Trụ cột",
  differences: [
    "Chênh lệch = giá trị của đơn vị trừ giá trị so sánh (âm: đứng sau). Cột cuối: mức tăng của chỉ số tổng nếu chỉ số tăng thêm (ước lượng tuyến tính theo trọng số; ",
    { kind: "code", text: "dti whatif" },
    " tính lại chính xác).",
  ] as readonly Content[],
  notRanked: (note: string): string => `Đơn vị được đánh giá nhưng không xếp hạng (${note}): hạng để trống.`,
  adjusted: "Điểm thưởng và điểm trừ được cộng, trừ sau tổng điểm có trọng số, trong giới hạn tối đa của chúng; chỉ số tổng giữ trong khoảng của bộ chỉ số.",
  notAdditive: "Khung có phép nhân (trung bình nhân): đóng góp chỉ là xấp xỉ.",
};

/** The plain-language summary of an explanation. */
export const summary = {
  when: (year: number): string => `Năm ${year}, `,
  noValue: (unit: string, index: string): string => `${unit} chưa có giá trị ${index}.`,
  ranks: (unit: string, rank: string, units: number, index: string, value: string): string => `${unit} xếp hạng ${rank}/${units} với ${index} ${value}.`,
  inGroup: (group: string, rank: number, units: number): string => `Trong nhóm ${group}: hạng ${rank}/${units}.`,
  band: (label: string): string => `Mức: ${label}.`,
  strongest: "Mạnh nhất",
  weakest: "Yếu nhất",
  weakestGain: (step: string, index: string, gain: string): string => ` — cải thiện chỉ số này thêm ${step} sẽ tăng ${index} ${gain}`,
  largestGain: (index: string, step: string, name: string, gain: string): string => `Tăng ${index} nhiều nhất cho mỗi ${step} cải thiện: ${name} (+${gain}).`,
  targetReached: (target: string): string => `Đã đạt mục tiêu ${target}.`,
  targetPoints: (points: string): string => ` (${points} điểm)`,
  targetNeeds: (target: string, gap: string, points: string): string => `Để đạt mục tiêu ${target} cần thêm ${gap}${points}.`,
};

/** What-if results (`whatIf`). */
export const whatIf = {
  title: (unit: string, year: number | undefined): string => `${unit}: kịch bản giả định${year !== undefined ? ` (${year})` : ""}`,
  input: "Đầu vào",
  now: "Hiện tại",
  whatIf: "Giả định",
  before: "Trước",
  after: "Sau",
  change: "Thay đổi",
  value: "Giá trị",
  rank: "Hạng",
  groupRank: "Hạng trong nhóm",
  node: "Chỉ số",
};

/** Improvement priorities (`improvementPriorities`). */
export const priorities = {
  indicator: "Chỉ số",
  value: "Giá trị",
  gainPerHundredth: "Tăng chỉ số tổng / +0,01",
  pointsLeft: "Điểm tối đa còn lại",
  gainAtMax: "Mức tăng tối đa",
};

/** Improvement plans (`planImprovements`). */
export const plan = {
  goalRank: (rank: number | undefined, value: string): string => `hạng ${rank} (cần ${value})`,
  goalValue: (value: string): string => `giá trị ${value}`,
  title: (unit: string, goal: string): string => `${unit}: cải thiện ít nhất để đạt ${goal}`,
  already: (value: string, rank: number | null): string => `Đã đạt: ${value}, hạng ${rank}.`,
  reached: (before: string, after: string, rankBefore: number | null, rankAfter: number | null, total: string): string =>
    `Đạt được: ${before} → ${after}, hạng ${rankBefore} → ${rankAfter} (tổng mức cải thiện ${total}).`,
  outOfReach: (value: string, rank: number | null): string => `Không đạt được với các chỉ số được phép thay đổi: tối đa ${value}, hạng ${rank}.`,
  outOfSteps: (steps: number, value: string, rank: number | null): string =>
    `Chưa đạt sau ${steps} bước (giới hạn maxSteps của tìm kiếm, không phải giới hạn của các chỉ số): ${value}, hạng ${rank}.`,
  indicator: "Chỉ số",
  now: "Hiện tại",
  needed: "Cần đạt",
  increase: "Tăng thêm",
  exact: (total: string, changes: string): string => `Tối thiểu chính xác (khung cộng tuyến tính, cải thiện liên tục): tổng ${total} — ${changes}.`,
  method: (_algorithm: string): readonly Content[] => [
    "Phương pháp: tham lam theo mức tăng trên chi phí, tính lại bằng ",
    { kind: "code", text: "score()" },
    " (xem tài liệu ",
    { kind: "code", text: "docs/analysis.md" },
    ").",
  ],
};

/** Year-over-year comparisons (`compareYears`). */
export const years = {
  title: (from: number, to: number): string => `Thay đổi ${from} → ${to}`,
  summary: (improved: number, declined: number, unchanged: number, mean: string, mostImproved: string, mostClimbed: string): string =>
    `${improved} đơn vị tăng, ${declined} giảm, ${unchanged} không đổi; thay đổi trung bình ${mean}. Tăng nhiều nhất: ${mostImproved}. Lên hạng nhiều nhất: ${mostClimbed}.`,
  unit: "Đơn vị",
  change: "Thay đổi",
  rankIn: (year: number): string => `Hạng ${year}`,
  places: "Lên/xuống",
  added: "Mới",
  dropped: "Không còn",
};

/** Maturity bands (`applyBands`). */
export const bands = {
  year: "Năm",
  band: "Mức",
  range: "Khoảng",
  count: "Số đơn vị",
  units: "Đơn vị",
};

/** Self-assessment, appraisal and final results (`assessment`). */
export const assessment = {
  title: "Tự đánh giá, thẩm định và kết quả chính thức",
  unit: "Đơn vị",
  self: "Tự đánh giá",
  appraised: "Thẩm định",
  final: "Chính thức",
  finalRank: "Hạng (chính thức)",
  flagged: "Mục cần xem",
  /** After the italic *n*. */
  missingNote: ": số chỉ số chưa có điểm ở bước đó (tính 0).",
  indicator: "Chỉ số",
  max: "Tối đa",
  selfShort: "Tự đánh giá",
  evidence: "Minh chứng",
  flags: "Vấn đề",
};

/** The uncertainty analysis of a ranking (`uncertainty`). */
export const uncertainty = {
  /** Names of the uncertain inputs. */
  inputs: { weights: "trọng số", normalisation: "chuẩn hoá", aggregation: "phép tổng hợp" } as Readonly<Record<string, string>>,
  year: (year: number): string => `, năm ${year}`,
  summary: (runs: number, seed: number, year: string, evaluations: number, inputs: string, shift: string): string =>
    `Độ bất định của xếp hạng: ${runs} lần chạy, seed ${seed}${year}, ${evaluations} lần tính. Yếu tố bất định: ${inputs || "không có"}. Dịch chuyển hạng tuyệt đối trung bình: ${shift}.`,
  input: "Yếu tố",
  firstOrder: "Chỉ số bậc một Sᵢ",
  total: "Chỉ số toàn phần STᵢ",
  rank: "Hạng",
  unit: "Đơn vị",
  medianRank: "Hạng trung vị",
  interval: "Khoảng 5–95 %",
  meanShift: "Dịch chuyển TB",
  noise: (odd: string, more: string): string =>
    `Ghi chú: Sᵢ dưới 0 hoặc STᵢ trên 1 (ở đây ${odd}) là sai số Monte Carlo của phép ước lượng, không phải tính chất của xếp hạng: chỉ số thực nằm trong khoảng 0 đến 1. Đọc mỗi số cùng phần ± (khoảng tin cậy 95 %); gấp bốn số lần chạy (${more}) thì phần ± giảm một nửa.`,
};

/** The ranking bar chart and its Vega-Lite spec. */
export const rankingChart = {
  barDescription: (units: number, name: string, note: string, first: string, value: string): string => `Biểu đồ cột ${units} đơn vị theo ${name}${note}; dẫn đầu ${first} ${value}.`,
  rankingBy: (label: string, year: string): string => `Xếp hạng ${label}${year}`,
  topOf: (shown: number, total: string): string => `${shown}/${total} đơn vị đầu`,
  units: (total: string): string => `${total} đơn vị`,
  group: "Nhóm",
  rankTitle: "Hạng",
  unit: "Đơn vị",
};

/** The radar chart and its Vega-Lite spec. */
export const radarChart = {
  average: (units: number): string => `Trung bình ${units} đơn vị`,
  leader: "Dẫn đầu",
  mainIndicators: "các chỉ số chính",
  radarOf: "Biểu đồ radar",
  rankOf: (rank: number, units: number): string => ` · hạng ${rank}/${units}`,
  indicator: "Chỉ số",
  series: "Chuỗi",
  value: "Giá trị",
};

/** The comparison (before/after) chart and its Vega-Lite spec. */
export const comparisonChart = {
  after: "Sau",
  before: "Trước",
  comparisonDescription: (label: string, before: string, after: string, total: number, rises: number, falls: number, shown: string): string =>
    `So sánh ${label} giữa ${before} và ${after} của ${total} đơn vị: ${rises} tăng, ${falls} giảm${shown}.`,
  comparisonSummary: (total: number, rises: number, falls: number): string => `${total} đơn vị · ${rises} tăng, ${falls} giảm`,
  fall: "giảm",
  mergedNote: (before: string): string => `* đơn vị sáp nhập: "${before}" là trung bình giá trị của các đơn vị hợp thành`,
  mergedTip: "trước = trung bình của",
  rank: "hạng",
  rise: "tăng",
  showing: (shown: number): string => ` · hiển thị ${shown}`,
  change: "Thay đổi",
  noChange: "không đổi",
  unit: "Đơn vị",
};

/** The notebook display of a ranking. */
export const display = {
  unitsShown: (shown: number, total: number): string => (shown >= total ? `${total} đơn vị` : `${shown} đơn vị đầu trong ${total}`),
};
