/**
 * `dti schema`: print the framework JSON Schema.
 *
 * @module
 */
import { frameworkJsonSchema } from "../../framework/json-schema.ts";
import type { Command } from "../command.ts";

export const schemaCommand: Command = {
  name: "schema",
  usage: "dti schema",
  summary: "print the framework JSON Schema",
  run(_rest, _values, io) {
    io.stdout(`${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
