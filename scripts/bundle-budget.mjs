// Bundle budgets: what a runtime bundle may pull in and how large it may grow, read from esbuild's metafile. The
// build fails on a breach, so "the hook stays small" is a check, not a convention (lint only sees direct imports).

/** out file → its budget. The hook runs before every prompt and tool call: its start-up time is paid thousands of
 * times a day, and it must stay close to bare `node` (see docs/benchmarks.md). */
export const budgets = {
  'hook.cjs': {
    maxBytes: 32 * 1024,
    forbid: [
      { pattern: /(^|\/)node_modules\/zod\//, why: 'full zod costs ~40 ms of start-up' },
      {
        pattern: /(^|\/)node_modules\/@modelcontextprotocol\//,
        why: 'the MCP SDK belongs to the MCP server',
      },
      { pattern: /(^|\/)node_modules\/undici\//, why: 'a hook never talks to the network' },
      { pattern: /(^|\/)mcp-server\//, why: 'the MCP server is its own process' },
      { pattern: /(^|\/)tracker\//, why: 'the tracker is its own service' },
    ],
  },
};

// The PDF and Word libraries are big (parsing them costs start-up time): only dist/export-docs.js may hold them.
const documentLibraries = [
  {
    pattern: /(^|\/)node_modules\/(pdfkit|docx|fontkit|@fontsource)\//,
    why: 'PDF/Word code belongs in export-docs.js, loaded by dynamic import',
  },
];
for (const out of ['cli.js', 'cli-main.js', 'cli-export.js', 'mcp-server.js', 'tracker.js']) {
  budgets[out] = { forbid: documentLibraries };
}
// `baton export` runs from its own small bundle: the tracker client (undici) comes from export-comments.js on demand.
budgets['cli-export.js'].forbid = [
  ...budgets['cli-export.js'].forbid,
  { pattern: /(^|\/)node_modules\/undici\//, why: 'the tracker client is loaded from export-comments.js' },
];
// Libraries and three embedded fonts (~0.9 MB as base64); a budget so a stray dependency is noticed.
budgets['export-docs.js'] = { maxBytes: 6 * 1024 * 1024, forbid: [] };

/** Every breach of `out`'s budget, as a sentence; [] when within it (or when it has none). */
export function budgetProblems(out, metafile, bytes) {
  const b = budgets[out];
  if (!b) return [];
  const problems = [];
  if (b.maxBytes !== undefined && bytes > b.maxBytes) {
    problems.push(`${out} is ${bytes} bytes, over its budget of ${b.maxBytes}`);
  }
  const inputs = Object.keys(metafile?.inputs ?? {}).map((i) => i.replaceAll('\\', '/'));
  for (const f of b.forbid) {
    const hits = inputs.filter((i) => f.pattern.test(i));
    if (hits.length)
      problems.push(
        `${out} pulls in ${hits[0]}${hits.length > 1 ? ` and ${hits.length - 1} more` : ''}: ${f.why}`,
      );
  }
  return problems;
}
