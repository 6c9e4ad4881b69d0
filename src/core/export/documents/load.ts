// Loads the document writers: from dist/export-docs.js beside the running bundle, or the TypeScript module when
// running from source. A runtime-built specifier, so esbuild never inlines the writers into the calling bundle.
import type * as Writers from './writers.js';

export type WritersModule = typeof Writers;

let loaded: Promise<WritersModule> | undefined;

export function loadWriters(): Promise<WritersModule> {
  const fromSource = import.meta.url.endsWith('.ts');
  const target = fromSource ? './writers.ts' : './export-docs.js';
  loaded ??= import(new URL(target, import.meta.url).href) as Promise<WritersModule>;
  return loaded;
}
