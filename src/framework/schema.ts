/**
 * The zod schema of a framework definition (structure only; meaning is checked in
 * `validate-framework.ts`). Built lazily so importing the library has no side effects.
 *
 * @module
 */
import * as z from "zod/mini";

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The schema's building blocks: ids, finite and non-negative numbers, bilingual names, directions. */
function primitives() {
  const id = z.string().check(
    z.regex(ID_PATTERN, "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
  );
  const finite = z.number().check(z.refine(Number.isFinite, "must be a finite number"));
  const nonNegative = finite.check(z.nonnegative("must not be negative"));
  const name = z.strictObject({ vi: z.string().check(z.minLength(1)), en: z.optional(z.string()) });
  const direction = z.enum(["higher", "lower"]);
  return { id, finite, nonNegative, name, direction };
}

type Primitives = ReturnType<typeof primitives>;

/** A leaf's scoring rule, one form per `type`. */
function ruleSchema({ finite, nonNegative, direction }: Primitives) {
  const outOfRange = z.optional(z.enum(["error", "clamp"]));
  return z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("value"), outOfRange }),
    z.strictObject({ type: z.literal("points"), max: z.optional(nonNegative), outOfRange }),
    z.strictObject({
      type: z.literal("ratio"),
      numerator: z.optional(z.string().check(z.minLength(1))),
      denominator: z.optional(z.string().check(z.minLength(1))),
      outOfRange,
      zeroDenominator: z.optional(z.enum(["error", "zero", "one"])),
    }),
    z.strictObject({
      type: z.literal("ladder"),
      direction,
      steps: z.array(z.strictObject({ threshold: finite, points: nonNegative })).check(z.minLength(1)),
      max: z.optional(nonNegative),
    }),
    z.strictObject({
      type: z.literal("categorical"),
      categories: z
        .array(
          z.strictObject({
            label: z.string().check(z.minLength(1)),
            aliases: z.optional(z.array(z.string().check(z.minLength(1)))),
            points: z.optional(nonNegative),
            score: z.optional(nonNegative.check(z.lte(1, "must be at most 1"))),
          }),
        )
        .check(z.minLength(1)),
      max: z.optional(nonNegative),
    }),
    z.strictObject({
      type: z.literal("boolean"),
      direction: z.optional(direction),
      aliases: z.optional(z.strictObject({ yes: z.optional(z.array(z.string().check(z.minLength(1)))), no: z.optional(z.array(z.string().check(z.minLength(1)))) })),
    }),
    z.strictObject({ type: z.literal("goalposts"), min: finite, max: finite, direction }),
    z.strictObject({ type: z.literal("target"), target: finite, direction, worst: z.optional(finite) }),
    z.strictObject({
      type: z.literal("normalise"),
      method: z.enum(["minmax", "zscore", "rank", "percentile", "goalposts", "target"]),
      direction: z.optional(direction),
      range: z.optional(z.tuple([finite, finite])),
      bounds: z.optional(z.strictObject({ min: finite, max: finite })),
      target: z.optional(finite),
      worst: z.optional(finite),
      clamp: z.optional(z.boolean()),
      across: z.optional(z.enum(["year", "all"])),
      mean: z.optional(finite),
      sd: z.optional(finite.check(z.positive("must be above 0"))),
      ties: z.optional(z.enum(["average", "min"])),
    }),
  ]);
}

const aggregationSchema = () => z.optional(z.enum(["arithmetic", "geometric", "harmonic", "mazziotta-pareto"]));

/** A node's own fields (all but `children`), the rule's schema among them. */
function nodeFieldsSchema({ id, name, nonNegative }: Primitives, rule: ReturnType<typeof ruleSchema>) {
  const nodeFields = {
    id,
    name,
    short: z.optional(z.string()),
    weight: z.optional(nonNegative),
    maxPoints: z.optional(nonNegative),
    measure: z.optional(z.string()),
    note: z.optional(z.string()),
  };
  const ownFields = {
    ...nodeFields,
    rule: z.optional(rule),
    aggregation: aggregationSchema(),
    weighting: z.optional(z.enum(["auto", "manual", "points", "equal"])),
    minCoverage: z.optional(nonNegative.check(z.lte(1, "must be at most 1"))),
    adjust: z.optional(z.enum(["bonus", "penalty"])),
    adjustedRange: z.optional(z.enum(["total", "non-negative", "none"])),
  };
  return ownFields;
}

/** A view: a named weighted combination of nodes. */
function viewSchema({ id, name, nonNegative }: Primitives) {
  return z.strictObject({
    id,
    name,
    short: z.optional(z.string()),
    terms: z.array(z.strictObject({ node: id, weight: z.optional(nonNegative) })).check(z.minLength(1)),
    aggregation: aggregationSchema(),
    note: z.optional(z.string()),
  });
}

function build() {
  const p = primitives();
  const { id, name } = p;
  const rule = ruleSchema(p);
  const ownFields = nodeFieldsSchema(p, rule);
  // The tree is recursive; the getter's type is annotated loosely (the parsed data is cast to
  // FrameworkDefinition, whose types are written by hand in types.ts).
  const node: z.ZodMiniType = z.strictObject({
    ...ownFields,
    get children(): z.ZodMiniOptional<z.ZodMiniArray<z.ZodMiniType>> {
      return z.optional(z.array(node));
    },
  });

  const view = viewSchema(p);

  const framework = z.strictObject({
    $schema: z.optional(z.string()),
    id,
    version: z.string().check(z.minLength(1)),
    title: name,
    level: z.optional(z.string()),
    source: z.optional(
      z.strictObject({
        decision: z.optional(z.string()),
        date: z.optional(z.string()),
        issuer: z.optional(z.string()),
        appliesTo: z.optional(z.string()),
        references: z.optional(z.array(z.string())),
      }),
    ),
    root: node,
    views: z.optional(z.array(view)),
    uncertain: z.optional(
      z.array(
        z.strictObject({
          fact: z.string().check(z.minLength(1)),
          confidence: z.enum(["high", "medium", "low", "unverified"]),
          nodes: z.optional(z.array(id)),
        }),
      ),
    ),
    decimals: z.optional(z.int().check(z.gte(0), z.lte(12))),
  });
  return { framework, rule, view, nodeFields: ownFields };
}

/**
 * The parts of the schema whose output types test/framework/schema-types.test.ts compares with
 * the hand-written types of types.ts (the node's own fields apart, as the tree is recursive).
 */
export type FrameworkSchemaParts = ReturnType<typeof build>;

let cached: FrameworkSchemaParts | undefined;

/** The zod schema of a framework definition (built on first use). */
export function frameworkSchema(): FrameworkSchemaParts["framework"] {
  cached ??= build();
  return cached.framework;
}
