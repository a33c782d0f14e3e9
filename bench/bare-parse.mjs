// The baseline of bench/scale.bench.mjs: one csv-parse streaming pass over a file, with the
// options dti's stream reader uses, counting records and touching every cell. Not a benchmark
// file itself (run as a child process).
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

const parser = createReadStream(process.argv[2]).pipe(
  parse({ delimiter: ",", record_delimiter: "\n", info: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
);
let records = 0;
let cells = 0;
for await (const { record } of parser) {
  records++;
  cells += record.length;
}
console.error(`records ${records} cells ${cells}`);
