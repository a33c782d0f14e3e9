/**
 * Variance-based sensitivity estimators on a Saltelli design: matrices A and B of N independent
 * input samples and, for each input i, A_B⁽ⁱ⁾ (A with input i's columns taken from B).
 * First order (Saltelli et al. 2010): Vᵢ = (1/N) Σⱼ f(B)ⱼ (f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ);
 * total (Jansen 1999): VTᵢ = (1/2N) Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)²; both divided by V(Y) estimated
 * from the 2N values of f(A) and f(B).
 *
 * @module
 */

/** Running sums for one output Y over d inputs. */
export interface SensitivitySums {
  n: number;
  sum: number;
  sumSq: number;
  readonly first: Float64Array;
  readonly total: Float64Array;
}

/** Empty sums for d inputs. */
export function sensitivitySums(d: number): SensitivitySums {
  return { n: 0, sum: 0, sumSq: 0, first: new Float64Array(d), total: new Float64Array(d) };
}

/** Adds sample j: yA = f(A)ⱼ, yB = f(B)ⱼ, yAB[i] = f(A_B⁽ⁱ⁾)ⱼ. */
export function addSample(s: SensitivitySums, yA: number, yB: number, yAB: ArrayLike<number>): void {
  s.n++;
  s.sum += yA + yB;
  s.sumSq += yA * yA + yB * yB;
  for (let i = 0; i < s.first.length; i++) {
    const ab = yAB[i]!;
    s.first[i]! += yB * (ab - yA);
    s.total[i]! += (yA - ab) * (yA - ab);
  }
}

/**
 * The indices from the sums: `first[i]` and `total[i]`, or `null` when Y does not vary.
 *
 * @example
 * ```ts
 * // one input moving Y alone: f(A_B) = f(B), so S₁ ≈ 1
 * ```
 */
export function sensitivityIndices(s: SensitivitySums): { first: (number | null)[]; total: (number | null)[] } {
  const m = 2 * s.n;
  const mean = s.sum / m;
  const variance = s.sumSq / m - mean * mean;
  const d = s.first.length;
  if (!(variance > 1e-12 * Math.max(1, mean * mean))) return { first: new Array<null>(d).fill(null), total: new Array<null>(d).fill(null) };
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < d; i++) {
    first.push(s.first[i]! / s.n / variance);
    total.push(s.total[i]! / (2 * s.n) / variance);
  }
  return { first, total };
}
