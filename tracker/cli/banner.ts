// What `baton tracker serve` prints on stdout once it listens: where it is, where its data and the plugin's config
// went, and a new key set apart so it cannot scroll by unseen. Plain text (no colour): it is also read by scripts.

export interface BannerInput {
  /** The address the socket listens on. */
  listenUrl: string;
  /** The URL clients are told to use (the public URL when set). */
  url: string;
  db: string;
  /** A key created by this start, shown once: the owner's on a first start, or a fresh one for the plugin. */
  newKey: { raw: string; why: 'owner' | 'plugin' } | null;
  /** What --write-config did, one sentence; null without the flag. */
  config: string | null;
  /** Shown when neither a key nor a config line tells the user how to get in. */
  hint: string | null;
  logs: string;
}

const RULE = `  ${'='.repeat(72)}`;

export function serveBanner(b: BannerInput): string {
  const lines = [`Baton tracker listening on ${b.listenUrl}`, `  web:      ${b.url}/`, `  data:     ${b.db}`];
  if (b.config) lines.push(`  config:   ${b.config}`);
  if (b.hint) lines.push(`  ${b.hint}`);
  if (b.newKey) {
    const what =
      b.newKey.why === 'owner'
        ? 'First start: created the owner account. Its API key is shown ONCE; copy it now.'
        : 'Created a new API key for the local plugin (the saved one was missing or stale). Shown ONCE:';
    // The key sits alone on its line (indented, nothing after it): scripts and tests pick it up with /^\s+(bt_\S+)$/.
    lines.push(
      '',
      RULE,
      `  ${what}`,
      '',
      `      ${b.newKey.raw}`,
      '',
      '  Log in to the web pages with it.',
      RULE,
    );
  }
  lines.push(
    '',
    `  API docs: ${b.url}/docs   health: ${b.url}/healthz`,
    `  logs:     ${b.logs}`,
    'Press Ctrl+C to stop.',
    '',
  );
  return `${lines.join('\n')}\n`;
}
