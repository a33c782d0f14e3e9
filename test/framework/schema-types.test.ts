/**
 * The hand-written framework types (src/framework/types.ts, what users read and write) and the zod
 * schema (src/framework/schema.ts, what a definition is checked against) describe the same data:
 * the schema's output types must equal the hand-written ones, field by field. A field added to one
 * and not the other, a different enum or a required field that is optional in the other fails the
 * type check (`npx tsc -p .`), and so this test.
 */
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import type { FrameworkSchemaParts } from "../../src/framework/schema.ts";
import type { FrameworkDefinition, GroupNode, IndicatorNode, ScoringRule, View } from "../../src/framework/types.ts";

/** One shape for both sides: no `readonly`, no explicit `undefined` on optional fields, intersections flattened. */
type Plain<T> = T extends readonly [infer A, infer B]
  ? [Plain<A>, Plain<B>]
  : T extends readonly (infer E)[]
    ? Plain<E>[]
    : T extends object
      ? { -readonly [K in keyof T]: Plain<Exclude<T[K], undefined>> }
      : T;

type Out<S extends z.ZodMiniType> = Plain<z.output<S>>;
type Parts = FrameworkSchemaParts;

/** A node's own fields in the schema (one object: `rule` on leaves, the rest on groups; validation enforces which). */
type SchemaNode = Plain<{ [K in keyof Parts["nodeFields"] as undefined extends z.output<Parts["nodeFields"][K]> ? never : K]: z.output<Parts["nodeFields"][K]> } & {
  [K in keyof Parts["nodeFields"] as undefined extends z.output<Parts["nodeFields"][K]> ? K : never]?: z.output<Parts["nodeFields"][K]>;
}>;
/** The same fields of the hand-written node union: an indicator's rule, a group's options, both optional here. */
type HandNode = Plain<Omit<IndicatorNode, "rule" | "children"> & Partial<Pick<IndicatorNode, "rule">> & Omit<GroupNode, "children" | "rule">>;

describe("FrameworkDefinition and the zod schema agree", () => {
  it("the scoring rules", () => {
    expectTypeOf<Out<Parts["rule"]>>().toEqualTypeOf<Plain<ScoringRule>>();
  });

  it("a node's own fields", () => {
    expectTypeOf<SchemaNode>().toEqualTypeOf<HandNode>();
  });

  it("views", () => {
    expectTypeOf<Out<Parts["view"]>>().toEqualTypeOf<Plain<View>>();
  });

  it("the definition's top-level fields (the tree apart)", () => {
    expectTypeOf<Omit<Out<Parts["framework"]>, "root">>().toEqualTypeOf<Plain<Omit<FrameworkDefinition, "root">>>();
  });

  it("sees a difference when there is one", () => {
    expectTypeOf<Out<Parts["view"]>>().not.toEqualTypeOf<Plain<Omit<View, "note">>>();
    expectTypeOf<SchemaNode>().not.toEqualTypeOf<Plain<Omit<IndicatorNode, "rule" | "children">>>();
  });
});
