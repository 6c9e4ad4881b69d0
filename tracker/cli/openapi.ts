// `baton tracker openapi [--markdown]`: prints the API document (JSON) or its Markdown reference (docs/api.md).
import { parseArgs } from 'node:util';
import { buildOpenApi, renderApiMarkdown } from '../openapi.js';
import type { CliIo } from './io.js';

export async function runOpenApi(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { markdown: { type: 'boolean' } } });
  io.stdout(values.markdown ? renderApiMarkdown() : `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
  return 0;
}
