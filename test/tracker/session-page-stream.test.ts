// A session page goes out as it is rendered: the header and the first screen of events first, the rest after, and
// the streamed page is the same page the one-shot renderer builds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionDetailResponse } from '../../src/core/api/index.js';
import { eventAnchor } from '../../tracker/services/session-find.js';
import {
  sessionDetailPage,
  sessionDetailStream,
  type SessionDetailView,
} from '../../tracker/web/pages/session-detail.js';
import { client, type Client } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';
import { startWebTracker, type WebTracker } from './web-harness.js';

let t: WebTracker;
let api: Client;

beforeAll(async () => {
  t = await startWebTracker();
  api = client(t.url, t.ownerKey);
  const pushed = await api.post('/api/v1/sessions', {
    session: makeSession({ id: 'stream-1', turns: 20 }),
    visibility: 'unlisted',
  });
  expect(pushed.status).toBe(200);
});
afterAll(async () => t?.close());

async function view(): Promise<SessionDetailView> {
  const res = await api.get('/api/v1/sessions/stream-1?limit=100');
  const d = SessionDetailResponse.parse(res.body);
  return {
    user: null,
    session: d.session,
    meta: d.meta,
    events: d.events,
    eventsPage: d.eventsPage,
    nextHref: null,
    reader: { base: '/share/x', owner: { shareSlug: 'x' }, at: null, q: '' },
    parent: null,
    children: [],
    exportBase: null,
    live: null,
  };
}

async function chunks(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const decoder = new TextDecoder();
  const out: string[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(decoder.decode(value));
  }
}

const anchorOf = (e: SessionDetailView['events'][number]) => `id="e-${eventAnchor(e.event.agentId, e.seq)}"`;

describe('session page stream', () => {
  it('sends the header and the first events before rendering the last, and adds up to the whole page', async () => {
    const v = await view();
    expect(v.events.length).toBeGreaterThan(40);
    const parts = await chunks(sessionDetailStream(v));
    expect(parts.length).toBeGreaterThan(2);
    expect(parts[0]).toContain('id="session-title"');
    expect(parts[0]).toContain(anchorOf(v.events[0]!));
    expect(parts[0]).not.toContain(anchorOf(v.events.at(-1)!));
    expect(parts[0]).not.toContain('</html>');
    expect(parts.join('')).toBe(sessionDetailPage(v));
  });

  it('a streamed share page holds every event of its page and the page end', async () => {
    const v = await view();
    const slug = v.session.shareSlug!;
    const res = await fetch(`${t.url}/share/${slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const text = await res.text();
    for (const e of v.events) expect(text).toContain(anchorOf(e));
    expect(text.trimEnd().endsWith('</html>')).toBe(true);
  });
});
