/**
 * A validated framework from a framework or a definition, for the analysis functions.
 *
 * @module
 */
import { checkArgument, DtiError, isObject } from "../errors.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { validateFramework } from "../framework/validate-framework.ts";

/** Returns `framework` if validated, else validates it (throwing a {@link DtiError} on errors). */
export function ensureFramework(framework: Framework | FrameworkDefinition): Framework {
  checkArgument(isObject(framework), "the analysis", "a framework (getFramework or parseFramework makes one) or a framework definition object", framework);
  if ((framework as Framework).validated === true) return framework as Framework;
  const checked = validateFramework(framework);
  if (!checked.ok) throw new DtiError(checked.issues);
  return checked.framework;
}
