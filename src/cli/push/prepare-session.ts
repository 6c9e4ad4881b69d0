// Loads a transcript into the session model ready to leave the machine: private spans cut, secrets redacted.
import type { Session } from '../../core/model/session.js';
import { createRedactor, stripPrivateValue } from '../../core/redact/index.js';
import { loadSession } from '../../core/transcript/index.js';

export interface PreparedSession {
  session: Session;
  redaction: { total: number; byRule: Record<string, number> };
}

export async function prepareSession(transcriptPath: string, opts: { redact?: boolean } = {}): Promise<PreparedSession> {
  const loaded = stripPrivateValue(await loadSession(transcriptPath));
  const redactor = createRedactor({ enabled: opts.redact !== false });
  const session = redactor.redactSession(loaded);
  const firstPrompt = session.turns.flatMap((t) => t.events).find((e) => e.kind === 'prompt');
  if (firstPrompt && firstPrompt.kind === 'prompt' && !session.meta.firstPrompt) {
    const text = firstPrompt.text.trim();
    session.meta = { ...session.meta, firstPrompt: text.length > 500 ? `${text.slice(0, 499)}…` : text };
  }
  const redaction = redactor.report();
  return { session: { ...session, redaction }, redaction };
}
