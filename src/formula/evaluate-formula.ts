/**
 * Evaluates an allowlisted formula tree (see `check-formula.ts`) on exact decimals: the library's
 * own decimal.js constructor (40 significant digits, half-up), not mathjs. Every value is bounded
 * like a float (|x| ≤ 1e308): a larger or undefined result (overflow, division by zero,
 * `sqrt(-1)`, `log(0)`) is `FORMULA_NOT_FINITE`, and `pow` / `exp` refuse results beyond that range
 * before computing them, so no formula can spend minutes or gigabytes on one number.
 *
 * @module
 */
import { DtiError, error } from "../errors.ts";
import { dec, type Decimal } from "../number/decimal.ts";

type Value = Decimal | boolean;

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

const LIMIT = dec("1e308");
const LOG10_LIMIT = 308;

function notFinite(what: string): never {
  throw new DtiError([error("FORMULA_NOT_FINITE", `the formula gives no finite number: ${what}`)]);
}

function num(v: Value): Decimal {
  return typeof v === "boolean" ? dec(v ? 1 : 0) : v;
}

function truthy(v: Value): boolean {
  return typeof v === "boolean" ? v : !v.isZero();
}

function bounded(x: Decimal, what: string): Decimal {
  if (!x.isFinite()) notFinite(what);
  if (x.abs().greaterThan(LIMIT)) notFinite(`${what} is beyond ±1e308`);
  return x;
}

function power(x: Decimal, y: Decimal): Decimal {
  if (x.isZero()) {
    if (y.isNegative() && !y.isZero()) notFinite("0 to a negative power");
    return y.isZero() ? dec(1) : dec(0);
  }
  if (x.isNegative() && !y.isInteger()) notFinite("a negative number to a fractional power");
  // log10 |x^y| = y · log10 |x|: refuse an overflow before computing it.
  const size = y.times(x.abs().log(10));
  if (size.greaterThan(LOG10_LIMIT)) notFinite("a power beyond ±1e308");
  if (size.lessThan(-400)) return dec(0);
  return bounded(x.pow(y), "a power");
}

function callFunction(name: string, args: readonly Decimal[]): Decimal {
  const [x, y] = args as [Decimal, Decimal | undefined];
  switch (name) {
    case "min":
      return args.reduce((a, b) => (b.lessThan(a) ? b : a));
    case "max":
      return args.reduce((a, b) => (b.greaterThan(a) ? b : a));
    case "abs":
      return x.abs();
    case "round": {
      const places = y === undefined ? 0 : y.toNumber();
      if (!Number.isInteger(places) || places < 0 || places > 40) notFinite("round() takes 0 to 40 decimals");
      return x.toDecimalPlaces(places);
    }
    case "floor":
      return x.floor();
    case "ceil":
      return x.ceil();
    case "sqrt":
      if (x.isNegative()) notFinite("the square root of a negative number");
      return x.sqrt();
    case "log":
    case "log10": {
      const base = name === "log10" ? dec(10) : y;
      if (!x.isPositive() || x.isZero()) notFinite("the logarithm of a number ≤ 0");
      if (base === undefined) return x.ln();
      if (!base.isPositive() || base.isZero() || base.equals(1)) notFinite("a logarithm base ≤ 0 or 1");
      return x.ln().dividedBy(base.ln());
    }
    case "exp":
      if (x.greaterThan(709)) notFinite("exp() beyond ±1e308");
      return x.exp();
    case "pow":
      return power(x, y as Decimal);
    case "mod":
      return modulo(x, y as Decimal);
    default:
      return notFinite(`unknown function ${name}`);
  }
}

/** mathjs's mod: x − y·floor(x / y); mod(x, 0) = x. */
function modulo(x: Decimal, y: Decimal): Decimal {
  return y.isZero() ? x : x.minus(y.times(x.dividedBy(y).floor()));
}

function operator(op: string, args: readonly Loose[], scope: ReadonlyMap<string, Decimal>): Value {
  if (op === "and") return truthy(evaluateNode(args[0] as Loose, scope)) && truthy(evaluateNode(args[1] as Loose, scope));
  if (op === "or") return truthy(evaluateNode(args[0] as Loose, scope)) || truthy(evaluateNode(args[1] as Loose, scope));
  const values = args.map((a) => num(evaluateNode(a, scope)));
  const [a, b] = values as [Decimal, Decimal];
  switch (op) {
    case "add":
      return a.plus(b);
    case "subtract":
      return a.minus(b);
    case "multiply":
      return a.times(b);
    case "divide":
      if (b.isZero()) notFinite("a division by zero");
      return a.dividedBy(b);
    case "unaryMinus":
      return a.negated();
    case "unaryPlus":
      return a;
    case "pow":
      return power(a, b);
    case "mod":
      return modulo(a, b);
    case "equal":
      return a.equals(b);
    case "unequal":
      return !a.equals(b);
    case "smaller":
      return a.lessThan(b);
    case "larger":
      return a.greaterThan(b);
    case "smallerEq":
      return a.lessThanOrEqualTo(b);
    case "largerEq":
      return a.greaterThanOrEqualTo(b);
    case "not":
      return a.isZero();
    default:
      return notFinite(`unknown operator ${op}`);
  }
}

/**
 * Evaluates a checked formula tree with variable values (exact decimals). Numbers come back as
 * decimals, comparisons as booleans.
 *
 * @throws {@link dti!DtiError | DtiError} `FORMULA_NOT_FINITE` when a step has no finite result within ±1e308.
 */
export function evaluateNode(node: Loose, scope: ReadonlyMap<string, Decimal>): Value {
  let out: Value;
  switch (node.type) {
    case "ConstantNode":
      out = typeof node.value === "boolean" ? node.value : dec(String(node.value));
      break;
    case "SymbolNode": {
      const v = scope.get(node.name as string);
      out = v ?? (node.name === "pi" ? dec(-1).acos() : dec(1).exp());
      break;
    }
    case "ParenthesisNode":
      return evaluateNode(node.content as Loose, scope);
    case "ConditionalNode":
      return truthy(evaluateNode(node.condition as Loose, scope)) ? evaluateNode(node.trueExpr as Loose, scope) : evaluateNode(node.falseExpr as Loose, scope);
    case "OperatorNode":
      out = operator(node.fn as string, node.args ?? [], scope);
      break;
    case "FunctionNode":
      out = callFunction((node.fn as Loose).name as string, (node.args ?? []).map((a) => num(evaluateNode(a, scope))));
      break;
    default:
      return notFinite(`a ${node.type} cannot be evaluated`);
  }
  return typeof out === "boolean" ? out : bounded(out, "a step");
}
