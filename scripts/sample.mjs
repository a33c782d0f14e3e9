// `npm run sample`: build the CLI and score the bundled 63-province sample (synthetic data, see
// fixtures/README.md), printing the ranking as a Markdown table.
import { spawnSync } from "node:child_process";
import { ensureInstalled } from "./ensure-install.mjs";

ensureInstalled();
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ["node_modules/tsup/dist/cli-default.js", "--silent"]);
run(process.execPath, [
  "dist/cli.js", "score", "fixtures/provinces-63-synthetic.csv",
  "--framework", "vn-dti-2022-province", "--group-by", "Vùng", "--format", "md",
]);
