/**
 * Variance-based sensitivity estimators on a Saltelli design: matrices A and B of N independent
 * input samples and, for each input i, A_B⁽ⁱ⁾ (A with input i's columns taken from B).
 * First order (Saltelli et al. 2010): Vᵢ = (1/N) Σⱼ f(B)ⱼ (f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ);
 * total (Jansen 1999): VTᵢ = (1/2N) Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)²; both divided by V(Y) estimated
 * from the 2N values of f(A) and f(B). Each index also gets a 95 % margin of its estimate (normal
 * approximation over the N terms, V taken as known), so that an estimate below 0 or above 1 can be
 * read for what it is: Monte Carlo noise around a true value in [0, 1].
 *
 * @module
 */

/** Running sums for one output Y over d inputs. */
export interface SensitivitySums {
  n: number;
  /** Σ (yA + yB) and Σ (yA² + yB²): the mean and variance of Y. */
  sum: number;
  sumSq: number;
  /** With l = (yA + yB) / 2 and q = (yA² + yB²) / 2: Σ l², Σ q², Σ q·l, for the margins. */
  sumL2: number;
  sumQ2: number;
  sumQL: number;
  /** Per input, the first-order terms f = yB (yAB − yA): Σ f, Σ f², Σ f·q, Σ f·l. */
  readonly first: Float64Array;
  readonly firstSq: Float64Array;
  readonly firstQ: Float64Array;
  readonly firstL: Float64Array;
  /** Per input, the total terms t = (yA − yAB)²: Σ t, Σ t², Σ t·q, Σ t·l. */
  readonly total: Float64Array;
  readonly totalSq: Float64Array;
  readonly totalQ: Float64Array;
  readonly totalL: Float64Array;
}

/** Empty sums for d inputs. */
export function sensitivitySums(d: number): SensitivitySums {
  const z = () => new Float64Array(d);
  return { n: 0, sum: 0, sumSq: 0, sumL2: 0, sumQ2: 0, sumQL: 0, first: z(), firstSq: z(), firstQ: z(), firstL: z(), total: z(), totalSq: z(), totalQ: z(), totalL: z() };
}

/** Adds sample j: yA = f(A)ⱼ, yB = f(B)ⱼ, yAB[i] = f(A_B⁽ⁱ⁾)ⱼ. */
export function addSample(s: SensitivitySums, yA: number, yB: number, yAB: ArrayLike<number>): void {
  s.n++;
  s.sum += yA + yB;
  s.sumSq += yA * yA + yB * yB;
  const l = (yA + yB) / 2;
  const q = (yA * yA + yB * yB) / 2;
  s.sumL2 += l * l;
  s.sumQ2 += q * q;
  s.sumQL += q * l;
  for (let i = 0; i < s.first.length; i++) {
    const ab = yAB[i]!;
    const f = yB * (ab - yA);
    const t = (yA - ab) * (yA - ab);
    s.first[i]! += f;
    s.firstSq[i]! += f * f;
    s.firstQ[i]! += f * q;
    s.firstL[i]! += f * l;
    s.total[i]! += t;
    s.totalSq[i]! += t * t;
    s.totalQ[i]! += t * q;
    s.totalL[i]! += t * l;
  }
}

/** The indices of {@link sensitivityIndices}, with the 95 % margin of each estimate. */
export interface Indices {
  readonly first: (number | null)[];
  readonly total: (number | null)[];
  /** Half-width of a 95 % interval of each first-order estimate (1.96 standard errors). */
  readonly firstMargin: (number | null)[];
  readonly totalMargin: (number | null)[];
}

/**
 * The indices from the sums: `first[i]` and `total[i]` with their 95 % margins, or `null` when Y
 * does not vary.
 *
 * The margin is 1.96 standard errors by the delta method: an index is a mean of terms x (f, or
 * t / 2) over the estimated variance V = mean(q) − mean(l)², so its error behaves like the mean of
 * (x − index · (q − 2 μ l)) / V, whose variance the sums give.
 *
 * @example
 * ```ts
 * // one input moving Y alone: f(A_B) = f(B), so S₁ ≈ 1
 * ```
 */
export function sensitivityIndices(s: SensitivitySums): Indices {
  const n = s.n;
  const mean = s.sum / (2 * n);
  const variance = s.sumSq / (2 * n) - mean * mean;
  const d = s.first.length;
  if (!(variance > 1e-12 * Math.max(1, mean * mean))) {
    const none = () => new Array<null>(d).fill(null);
    return { first: none(), total: none(), firstMargin: none(), totalMargin: none() };
  }
  const mq = s.sumSq / (2 * n);
  const varQ = s.sumQ2 / n - mq * mq;
  const varL = s.sumL2 / n - mean * mean;
  const covQL = s.sumQL / n - mq * mean;
  // Var of g = q − 2 μ l, the influence of a sample on V.
  const varG = varQ + 4 * mean * mean * varL - 4 * mean * covQL;
  const margin = (sum: number, sumSq: number, sumQ: number, sumL: number, scale: number, index: number) => {
    const mx = (sum * scale) / n;
    const varX = (sumSq * scale * scale) / n - mx * mx;
    const covXG = (sumQ * scale) / n - mx * mq - 2 * mean * ((sumL * scale) / n - mx * mean);
    return (1.96 * Math.sqrt(Math.max(0, varX + index * index * varG - 2 * index * covXG) / n)) / variance;
  };
  const out: Indices = { first: [], total: [], firstMargin: [], totalMargin: [] };
  for (let i = 0; i < d; i++) {
    const first = s.first[i]! / n / variance;
    const total = s.total[i]! / (2 * n) / variance;
    out.first.push(first);
    out.total.push(total);
    out.firstMargin.push(margin(s.first[i]!, s.firstSq[i]!, s.firstQ[i]!, s.firstL[i]!, 1, first));
    out.totalMargin.push(margin(s.total[i]!, s.totalSq[i]!, s.totalQ[i]!, s.totalL[i]!, 0.5, total));
  }
  return out;
}
