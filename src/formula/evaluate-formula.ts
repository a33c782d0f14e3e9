/**
 * Evaluates an allowlisted formula tree (see `check-formula.ts`) exactly: values are BigInt
 * rationals (`rational.ts`), so + − × ÷, mod, min, max, abs, floor, ceil, round, comparisons and
 * whole powers never lose a digit. Irrational steps (the square root of a non-square, log, exp,
 * a fractional power, pi, e) give an interval known to hold the true value (`interval.ts`), carried
 * to `digits` significant digits; a question such an interval cannot answer throws `NeedDigits`,
 * and `compile-formula.ts` retries with more digits or refuses the formula.
 *
 * Every value is bounded like a float (1e-308 ≤ |x| ≤ 1e308, or 0): beyond, or a value that does
 * not exist (a division or mod by zero, `sqrt(-1)`, `log(0)`), is `FORMULA_NOT_FINITE`, and
 * powers and exponentials refuse results out of range before computing them, so no formula can
 * spend minutes or gigabytes on one number.
 *
 * @module
 */
import { DtiError, error } from "../errors.ts";
import * as I from "./interval.ts";
import { NeedDigits, NotFinite, type Num } from "./interval.ts";
import { rat, RAT_ONE, RAT_ZERO, ratCmp, ratDiv, ratNeg, ratScaledHalfUp } from "../number/rational.ts";
import * as Q from "./rational.ts";

type Value = Num | boolean;

interface Loose {
  readonly type: string;
  readonly name?: string;
  readonly fn?: string | Loose;
  readonly value?: unknown;
  readonly args?: readonly Loose[];
  readonly content?: Loose;
  readonly condition?: Loose;
  readonly trueExpr?: Loose;
  readonly falseExpr?: Loose;
}

/** The formula text of a (mathjs) node, for messages that show what to write instead. */
const source = (node: Loose | undefined): string => (node === undefined ? "?" : String(node));

function notFinite(what: string): never {
  throw new DtiError([error("FORMULA_NOT_FINITE", `the formula gives no finite number: ${what}`)]);
}

const ONE = I.exact(RAT_ONE);
const ZERO = I.exact(RAT_ZERO);
const LN_LIMIT = Q.parseDecimal("710")!;

function num(v: Value): Num {
  return typeof v === "boolean" ? (v ? ONE : ZERO) : v;
}

function truthy(v: Value): boolean {
  return typeof v === "boolean" ? v : I.sign(v, "whether a condition is 0") !== 0;
}

/** A whole number from an exact value, or `undefined`. */
function whole(x: Num): bigint | undefined {
  return I.isExact(x) && Q.isInteger(x.lo) ? x.lo.n : undefined;
}

/** ln x for x > 0. */
function ln(x: Num, digits: number): Num {
  if (I.isExact(x) && ratCmp(x.lo, RAT_ONE) === 0) return ZERO;
  if (x.hi.n <= 0n) notFinite("the logarithm of a number ≤ 0");
  if (x.lo.n <= 0n) throw new NeedDigits("whether a logarithm's argument is above 0");
  return I.approximate(x, (d) => d.ln(), digits);
}

/**
 * log of x in base b, exact when x is an exact whole power of an exact b (log10(1000) = 3,
 * log(8, 2) = 3), else ln x / ln b.
 */
function logarithm(x: Num, base: Num, digits: number): Num {
  if (I.isExact(base) && ratCmp(base.lo, RAT_ONE) === 0) notFinite("a logarithm in base 1");
  if (base.hi.n <= 0n) notFinite("a logarithm in a base ≤ 0");
  const y = I.div(ln(x, digits), ln(base, digits), "a logarithm in base 1");
  if (I.isExact(x) && I.isExact(base)) {
    // The true value is in [y.lo, y.hi]; if a whole k is there, b^k = x settles it exactly. (b^k
    // is only tried when it is no bigger than x can be: at most twice the bits of an exact value.)
    const k = ratScaledHalfUp(y.lo, 0);
    const kr = rat(k);
    const magnitude = (k < 0n ? -k : k) * BigInt(Q.size(base.lo));
    if (ratCmp(kr, y.lo) >= 0 && ratCmp(kr, y.hi) <= 0 && magnitude <= BigInt(2 * I.MAX_EXACT_BITS)) {
      const b = base.lo;
      const p = k >= 0n ? rationalPow(b, k) : ratDiv(RAT_ONE, rationalPow(b, -k));
      if (ratCmp(p, x.lo) === 0) return I.exact(kr);
    }
  }
  return y;
}

function rationalPow(r: Q.Rational, k: bigint): Q.Rational {
  return rat(r.n ** k, r.d ** k);
}

function exponential(x: Num, digits: number): Num {
  if (I.isExact(x) && x.lo.n === 0n) return ONE;
  // e^710 > 1e308 and e^-710 < 1e-308: refuse before computing a huge or tiny number.
  if (ratCmp(x.lo, LN_LIMIT) > 0) notFinite("exp() beyond ±1e308");
  if (ratCmp(x.hi, ratNeg(LN_LIMIT)) < 0) notFinite("exp() nearer 0 than 1e-308 (too small to carry)");
  if (ratCmp(x.hi, LN_LIMIT) > 0 || ratCmp(x.lo, ratNeg(LN_LIMIT)) < 0) throw new NeedDigits("whether exp() stays in range");
  return I.approximate(x, (d) => d.exp(), digits);
}

/** x^y: exact for a whole y (and for the square root of an exact square); else exp(y · ln x). */
function power(x: Num, y: Num, digits: number): Num {
  const k = whole(y);
  if (k !== undefined) return wholePower(x, k, digits);
  if (I.isExact(x) && x.lo.n === 0n) {
    if (I.sign(y, "the sign of an exponent") < 0) notFinite("0 to a negative power");
    return ZERO;
  }
  if (x.hi.n < 0n) notFinite("a negative number to a power that is not a whole number");
  if (x.lo.n <= 0n) throw new NeedDigits("whether a power's base is above 0");
  // y = p / 2 of an exact square: exact (pow(6.25, 0.5) = 2.5, pow(4, 1.5) = 8).
  const half = I.isExact(y) ? Q.reduced(y.lo) : undefined;
  if (I.isExact(x) && half !== undefined && half.d === 2n) {
    const root = Q.exactSqrt(x.lo);
    if (root !== undefined) return wholePower(I.exact(root), half.n, digits);
  }
  return exponential(I.settle(I.mul(y, ln(x, digits)), digits, "a power"), digits);
}

function wholePower(x: Num, k: bigint, digits: number): Num {
  if (k === 0n) return ONE;
  if (I.sign(x, "whether a power's base is 0") === 0) {
    if (k < 0n) notFinite("0 to a negative power");
    return ZERO;
  }
  // log10 |x^k| = k · log10 |x|, and log10 |x| lies in [eLo, eHi + 1): refuse a result out of
  // range before computing it (pow(7, 1e15) would be a number of 845 trillion digits).
  const ax = I.abs(x);
  const eLo = BigInt(Q.floorLog10(ax.lo));
  const eHi = BigInt(Q.floorLog10(ax.hi));
  const least = k > 0n ? k * eLo : k * (eHi + 1n);
  const most = k > 0n ? k * (eHi + 1n) : k * eLo;
  if (least >= 309n) notFinite("a power beyond ±1e308");
  if (most <= -309n) notFinite("a power nearer 0 than 1e-308 (too small to carry)");
  const p = I.powWhole(x, k < 0n ? -k : k, digits);
  return k < 0n ? I.div(ONE, p, "0 to a negative power") : p;
}

function modulo(x: Num, y: Num, nodes: readonly (Loose | undefined)[], digits: number): Num {
  const [a, b] = [source(nodes[0]), source(nodes[1])];
  const zero = `mod(${a}, ${b}) with ${b} = 0 (a remainder after dividing by 0 does not exist); guard it, e.g. ${b} == 0 ? 0 : mod(${a}, ${b})`;
  const q = I.integerPart(I.settle(I.div(x, y, zero), digits, "mod()"), (r) => rat(Q.floor(r)), "the whole part in mod()");
  // mathjs's mod: x − y·floor(x / y) (the result takes the divisor's sign).
  return I.sub(x, I.mul(y, q));
}

function callFunction(name: string, args: readonly Num[], nodes: readonly Loose[], digits: number): Num {
  const [x, y] = args as [Num, Num | undefined];
  switch (name) {
    case "min":
      return args.reduce(I.min);
    case "max":
      return args.reduce(I.max);
    case "abs":
      return I.abs(x);
    case "round": {
      const places = y === undefined ? 0n : whole(y);
      if (places === undefined || places < 0n || places > 40n) notFinite("round() takes 0 to 40 decimals");
      return I.integerPart(x, (r) => Q.roundToPlaces(r, Number(places), "half-up"), "round()");
    }
    case "floor":
      return I.integerPart(x, (r) => rat(Q.floor(r)), "floor()");
    case "ceil":
      return I.integerPart(x, (r) => rat(Q.ceil(r)), "ceil()");
    case "sqrt":
      try {
        return I.sqrt(x, digits);
      } catch (e) {
        if (e instanceof NotFinite) notFinite(e.what);
        throw e;
      }
    case "log":
      return y === undefined ? ln(x, digits) : logarithm(x, y, digits);
    case "log10":
      return logarithm(x, I.exact(rat(10n)), digits);
    case "exp":
      return exponential(x, digits);
    case "pow":
      return power(x, y as Num, digits);
    case "mod":
      return modulo(x, y as Num, nodes, digits);
    default:
      return notFinite(`unknown function ${name}`);
  }
}

function operator(op: string, args: readonly Loose[], scope: ReadonlyMap<string, Num>, digits: number): Value {
  if (op === "and") return truthy(evaluateNode(args[0] as Loose, scope, digits)) && truthy(evaluateNode(args[1] as Loose, scope, digits));
  if (op === "or") return truthy(evaluateNode(args[0] as Loose, scope, digits)) || truthy(evaluateNode(args[1] as Loose, scope, digits));
  const values = args.map((a) => num(evaluateNode(a, scope, digits)));
  const [a, b] = values as [Num, Num];
  switch (op) {
    case "add":
      return I.add(a, b);
    case "subtract":
      return I.sub(a, b);
    case "multiply":
      return I.mul(a, b);
    case "divide": {
      const [x, y] = [source(args[0]), source(args[1])];
      return I.div(a, b, `a division by zero (${y} = 0); guard it, e.g. ${y} == 0 ? 0 : ${x} / ${y}`);
    }
    case "unaryMinus":
      return I.neg(a);
    case "unaryPlus":
      return a;
    case "pow":
      return power(a, b, digits);
    case "mod":
      return modulo(a, b, args, digits);
    case "equal":
      return I.equal(a, b);
    case "unequal":
      return !I.equal(a, b);
    case "smaller":
      return I.compare(a, b) < 0;
    case "larger":
      return I.compare(a, b) > 0;
    case "smallerEq":
      return I.compare(a, b) <= 0;
    case "largerEq":
      return I.compare(a, b) >= 0;
    case "not":
      return !truthy(a);
    default:
      return notFinite(`unknown operator ${op}`);
  }
}

/**
 * Evaluates a checked formula tree with variable values (exact rationals), carrying irrational
 * steps to `digits` significant digits. Numbers come back as {@link Num}, comparisons as booleans.
 *
 * @throws {@link dti!DtiError | DtiError} `FORMULA_NOT_FINITE` when a step has no finite result within ±1e308.
 * @throws `NeedDigits` when `digits` are too few to decide a step (the caller retries with more).
 */
export function evaluateNode(node: Loose, scope: ReadonlyMap<string, Num>, digits: number): Value {
  let out: Value;
  try {
    switch (node.type) {
      case "ConstantNode": {
        if (typeof node.value === "boolean") return node.value;
        const r = Q.parseDecimal(String(node.value));
        if (r === undefined) notFinite(`the number ${String(node.value)} is beyond ±1e308`);
        out = I.exact(r);
        break;
      }
      case "SymbolNode": {
        const v = scope.get(node.name as string);
        out = v ?? (node.name === "pi" ? I.constant("pi", (D) => D.acos(-1), digits) : I.constant("e", (D) => D.exp(1), digits));
        break;
      }
      case "ParenthesisNode":
        return evaluateNode(node.content as Loose, scope, digits);
      case "ConditionalNode":
        return truthy(evaluateNode(node.condition as Loose, scope, digits))
          ? evaluateNode(node.trueExpr as Loose, scope, digits)
          : evaluateNode(node.falseExpr as Loose, scope, digits);
      case "OperatorNode":
        out = operator(node.fn as string, node.args ?? [], scope, digits);
        break;
      case "FunctionNode": {
        const args = node.args ?? [];
        out = callFunction((node.fn as Loose).name as string, args.map((a) => num(evaluateNode(a, scope, digits))), args, digits);
        break;
      }
      default:
        return notFinite(`a ${node.type} cannot be evaluated`);
    }
    return typeof out === "boolean" ? out : I.settle(out, digits, "a step");
  } catch (e) {
    if (e instanceof NotFinite) notFinite(e.what);
    throw e;
  }
}
