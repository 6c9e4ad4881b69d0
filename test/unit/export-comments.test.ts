// Issue 14: comments in exports. Every format writes an event's comments (author, time, text, replies, reaction
// counts) right after that event, through the export's own egress gate: a secret in a comment is redacted and
// counted in every format; without the option there is no trace of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  commentThreads,
  EXPORT_FORMATS,
  renderSession,
  type ExportFormat,
} from '../../src/core/export/index.js';
import { renderDocument } from '../../src/core/export/documents/index.js';
import { ExportedSession } from '../../src/core/model/export-comments.js';
import type { CommentsResponse } from '../../src/core/api/index.js';
import { fake, upper } from '../helpers/fake-secrets.js';
import { sampleSession } from '../fixtures/export-sessions.js';

const AWS = `AKIA${upper(16, 11)}`;
const GITHUB = fake('ghp_', 36, 12);
const ANSWER = '667a2844-336f-47c7-9ff5-9b88d0d0a3f9'; // the first prompt, "Say hello"
const TOOL = 'cd707eb5-046d-44bf-b7dc-bbe048c66f81';

/** What GET /api/v1/sessions/{id}/comments answers: a comment with a secret and a reply with another. */
const API: Pick<CommentsResponse, 'comments' | 'eventReactions'> = {
  comments: [
    {
      id: 'cmt_reply',
      eventUuid: ANSWER,
      parentId: 'cmt_top',
      author: { name: 'Bob Reviewer', key: 'k2' },
      text: `the CI token was ${GITHUB}, rotate it`,
      createdAt: '2026-12-06T21:05:00.000Z',
      reactions: [],
      canDelete: false,
    },
    {
      id: 'cmt_top',
      eventUuid: ANSWER,
      parentId: null,
      author: { name: 'Ada Owner', key: 'k1' },
      text: `why greet? the key ${AWS} leaked here`,
      createdAt: '2026-12-06T21:04:00.000Z',
      reactions: [{ emoji: '🎉', count: 3, mine: true }],
      canDelete: true,
    },
    {
      id: 'cmt_tool',
      eventUuid: TOOL,
      parentId: null,
      author: { name: 'Carol', key: 'k3' },
      text: 'adding two and three, nice',
      createdAt: '2026-12-06T21:06:00.000Z',
      reactions: [],
      canDelete: false,
    },
  ],
  eventReactions: { [ANSWER]: [{ emoji: '👍', count: 2, mine: false }] },
};
const threads = commentThreads(API);
const WORDS = ['why greet?', 'rotate it', 'adding two and three', 'Bob Reviewer', 'Ada Owner'];

/** An export as text a person reads: PDF through pdftotext, Word through its document XML. */
async function readable(format: ExportFormat, withComments: boolean): Promise<string> {
  const opts = withComments ? { comments: threads } : {};
  if (format !== 'pdf' && format !== 'docx') return renderSession(sampleSession(), format, opts);
  const bytes = await renderDocument(sampleSession(), format, opts);
  if (format === 'docx') return strFromU8(unzipSync(bytes)['word/document.xml']!).replace(/<[^>]+>/g, '');
  const dir = mkdtempSync(join(tmpdir(), 'baton-comments-pdf-'));
  try {
    writeFileSync(join(dir, 'x.pdf'), bytes);
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'x.pdf'), '-'], { encoding: 'utf8' });
    if (r.error) throw r.error;
    return r.stdout.replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pdftotext = !spawnSync('pdftotext', ['-v']).error;
const count = (text: string, format: ExportFormat): number => {
  const m =
    format === 'json'
      ? /"redaction":\{"total":(\d+)/.exec(text)
      : /(\d+)\s+secret\(s\)\s+replaced/.exec(text.replace(/<[^>]+>/g, ''));
  return m ? Number(m[1]) : 0;
};

describe('comments in exports', () => {
  for (const format of EXPORT_FORMATS) {
    it.skipIf(format === 'pdf' && !pdftotext)(
      `${format}: comment secrets are redacted and counted; without the option no comment text at all`,
      { timeout: 60_000 },
      async () => {
        const on = await readable(format, true);
        const off = await readable(format, false);
        for (const w of WORDS) expect(on).toContain(w);
        expect(on).not.toContain(AWS);
        expect(on).not.toContain(GITHUB);
        expect(on).toMatch(/REDACTED/);
        // The two comment secrets are counted on top of what the session itself had.
        expect(count(on, format)).toBe(count(off, format) + 2);
        for (const w of WORDS) expect(off).not.toContain(w);
        expect(off).not.toContain(AWS.slice(0, 12));
      },
    );
  }

  it('md: each thread sits right after its own event, the reply nested in its quote, reactions counted', () => {
    const md = renderSession(sampleSession(), 'md', { comments: threads });
    const prompt = md.indexOf('**User**\n\nSay hello');
    const top = md.indexOf('> **Ada Owner** · 2026-12-06 21:04 UTC · 🎉 3');
    const reply = md.indexOf('> > **Bob Reviewer** (reply) · 2026-12-06 21:05 UTC');
    const thinking = md.indexOf('<summary>Thinking</summary>');
    expect(prompt).toBeGreaterThan(-1);
    expect(md).toContain('💬 **Comments** · reactions: 👍 2');
    expect(top).toBeGreaterThan(prompt);
    expect(reply).toBeGreaterThan(top);
    expect(thinking).toBeGreaterThan(reply);
    // The tool call's own block, not its row in the header's tool table.
    const tool = md.indexOf('<summary>🔧 mcp__plugin');
    expect(tool).toBeGreaterThan(thinking);
    const carol = md.indexOf('> **Carol**');
    expect(carol).toBeGreaterThan(tool);
    expect(md.indexOf('Result from', tool)).toBeGreaterThan(carol);
  });

  it('json: a `comments` list the published model parses, keyed to real events, replies nested', () => {
    const doc = ExportedSession.parse(
      JSON.parse(renderSession(sampleSession(), 'json', { comments: threads })),
    );
    const uuids = doc.turns.flatMap((t) => t.events.map((e) => e.uuid));
    expect(doc.comments!.map((c) => c.eventUuid)).toEqual([ANSWER, TOOL]);
    for (const c of doc.comments!) expect(uuids).toContain(c.eventUuid);
    const [first] = doc.comments!;
    expect(first!.reactions).toEqual([{ emoji: '👍', count: 2 }]);
    expect(first!.comments).toHaveLength(1);
    expect(first!.comments[0]).toMatchObject({ author: 'Ada Owner', reactions: [{ emoji: '🎉', count: 3 }] });
    expect(first!.comments[0]!.text).toMatch(/^why greet\? the key \[REDACTED:[^\]]+\] leaked here$/);
    expect(first!.comments[0]!.replies.map((r) => r.author)).toEqual(['Bob Reviewer']);
    // Without the option the field is not there at all.
    expect(JSON.parse(renderSession(sampleSession(), 'json'))).not.toHaveProperty('comments');
  });

  it('html: comment text and author are escaped like everything else', () => {
    const evil = commentThreads({
      comments: [
        {
          ...API.comments[1]!,
          author: { name: '<img src=x onerror=alert(1)>', key: 'k' },
          text: '<script>alert(2)</script>',
        },
      ],
      eventReactions: {},
    });
    const html = renderSession(sampleSession(), 'html', { comments: evil });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).toContain('<p class="ctext">&lt;script>alert(2)&lt;/script></p>');
    expect(html).toContain('<b>&lt;img src=x onerror=alert(1)&gt;</b>');
  });
});
