/**
 * The registry of `dti` commands, in the order `dti --help` lists them. A new command is a file in
 * this folder and one line here.
 *
 * @module
 */
import type { Command } from "../command.ts";
import { appCommand } from "./app.ts";
import { assessCommand } from "./assess.ts";
import { chartCommand } from "./chart.ts";
import { explainCommand } from "./explain.ts";
import { frameworkCommand } from "./framework.ts";
import { frameworksCommand } from "./frameworks.ts";
import { reportCommand } from "./report.ts";
import { schemaCommand } from "./schema.ts";
import { scoreCommand } from "./score.ts";
import { templateCommand } from "./template.ts";
import { sqlCommand } from "./sql.ts";
import { uncertaintyCommand } from "./uncertainty.ts";
import { validateCommand } from "./validate.ts";
import { whatifCommand } from "./whatif.ts";
import { yearsCommand } from "./years.ts";

export const COMMANDS: readonly Command[] = [
  scoreCommand,
  validateCommand,
  reportCommand,
  chartCommand,
  frameworksCommand,
  templateCommand,
  frameworkCommand,
  schemaCommand,
  uncertaintyCommand,
  explainCommand,
  whatifCommand,
  yearsCommand,
  assessCommand,
  sqlCommand,
  appCommand,
];
