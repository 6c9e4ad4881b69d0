// The export baseline: read a JSONL file line by line and JSON.parse each line, nothing else.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

let n = 0;
const rl = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
for await (const line of rl) {
  if (line) {
    JSON.parse(line);
    n++;
  }
}
process.stdout.write(`${n}\n`);
