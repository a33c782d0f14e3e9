/**
 * The data of an assessment: its stages, the column names it recognises, and what it returns.
 *
 * @module
 */
import type { Issue, IssueCode } from "../errors.ts";
import type { LocalizedName } from "../framework/types.ts";
import { ROLE_ALIASES } from "../input/resolve-columns.ts";
import type { ScoreResult } from "../pipeline/types.ts";

/** The three stages of an assessment. */
export type AssessmentStage = "self" | "appraised" | "final";

/** Header names recognised for each column of assessment data (compared after NFC, case-insensitive). */
export const ASSESSMENT_COLUMNS = {
  unit: ROLE_ALIASES.unit,
  indicator: ["indicator", "sub-indicator", "node", "chỉ số", "chỉ số thành phần", "chỉ tiêu", "tiêu chí", "mã chỉ số"],
  self: ["self", "self-assessed", "self assessed", "tự đánh giá", "điểm tự đánh giá", "tự chấm", "điểm tự chấm"],
  appraised: ["appraised", "appraisal", "thẩm định", "điểm thẩm định"],
  final: ["final", "official", "chính thức", "điểm chính thức", "điểm cuối cùng", "kết quả"],
  evidence: ["evidence", "minh chứng", "tài liệu minh chứng", "tài liệu kiểm chứng", "văn bản minh chứng"],
  note: ["note", "notes", "ghi chú", "giải trình", "lý do"],
} as const;

/** One indicator of one unit, as read and checked. */
export interface AssessmentItem {
  readonly unit: string;
  /** Leaf id. */
  readonly node: string;
  readonly name: LocalizedName;
  /** Max points of the indicator. */
  readonly max: number;
  readonly self: number | null;
  readonly appraised: number | null;
  readonly final: number | null;
  readonly evidence: string | null;
  readonly note: string | null;
  /** Row of the input (CSV line, JSON record). */
  readonly row: number;
  /** Codes of the issues raised on this item. */
  readonly flags: readonly IssueCode[];
}

/** A unit's total at one stage. */
export interface StageTotal {
  readonly score: number | null;
  readonly value: string | null;
  /** Score × the index's max points (null when the index has no points). */
  readonly points: number | null;
  readonly rank: number | null;
  /** Scored indicators without points at this stage (counted as 0). */
  readonly missing: number;
}

/** A unit's three totals. */
export interface AssessmentUnit {
  readonly unit: string;
  readonly self: StageTotal;
  readonly appraised: StageTotal;
  readonly final: StageTotal;
  /** Items of the unit with at least one flag. */
  readonly flagged: number;
}

/** What `assessment` returns (JSON-serialisable). */
export interface AssessmentResult {
  /** No errors (warnings may remain). */
  readonly ok: boolean;
  readonly units: readonly AssessmentUnit[];
  readonly items: readonly AssessmentItem[];
  readonly issues: readonly Issue[];
  /** The three scored results (points converted to scores through the framework). */
  readonly results: { readonly self: ScoreResult | null; readonly appraised: ScoreResult | null; readonly final: ScoreResult | null };
}

/** Options of `assessment`. */
export interface AssessmentOptions {
  /** Self and appraised points may differ by this much without a flag. Default 0. */
  readonly tolerance?: number;
  /** Flag points above 0 given without evidence. Default true. */
  readonly requireEvidence?: boolean;
  /** Column names, overriding the recognised ones. */
  readonly columns?: { readonly [K in keyof typeof ASSESSMENT_COLUMNS]?: string };
}
