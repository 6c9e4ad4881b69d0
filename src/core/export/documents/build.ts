// Session view → document model: the renderer the PDF and Word exports share, behind the same egress gate and
// event view as every other export (createGatedExporter), so redaction and clipping cannot differ.
import { BatonError } from '../../errors.js';
import type { SessionEvent } from '../../model/session.js';
import { createEventViewer } from '../../render/event-view.js';
import { createGatedExporter } from '../create-exporter.js';
import type { FormatRenderer, Section } from '../stream-driver.js';
import { skipRows } from '../summary-rows.js';
import type { Exporter, ExporterOptions } from '../types.js';
import { commentTime, reactionsText, type EventComments, type ExportComment } from '../comments.js';
import { headerBlocks } from './header.js';
import { markdownBlocks } from './markdown-blocks.js';
import { blockChars, type Block, type DocumentModel } from './model.js';

/**
 * The most text one document may hold. A PDF or Word file is built whole in memory (the writers need every page
 * before the last), so a session past this is a `too_large` error, not an out-of-memory crash. About 2,000 pages.
 */
export const MAX_DOCUMENT_CHARS = 5_000_000;

export interface DocumentExporterOptions extends ExporterOptions {
  /** Overrides MAX_DOCUMENT_CHARS (tests). */
  maxChars?: number;
}

export interface DocumentExporter {
  exporter: Exporter;
  /** The finished model; only after exporter.finish(). */
  model(): DocumentModel;
}

export function createDocumentExporter(opts: DocumentExporterOptions = {}): DocumentExporter {
  let model: DocumentModel | null = null;
  const exporter = createGatedExporter(
    (head) =>
      createDocumentRenderer(head, opts.maxChars ?? MAX_DOCUMENT_CHARS, (m) => {
        model = m;
      }),
    opts,
  );
  return {
    exporter,
    model() {
      if (!model) throw new BatonError('internal', 'document model read before finish()');
      return model;
    },
  };
}

function createDocumentRenderer(
  opts: ExporterOptions,
  maxChars: number,
  done: (m: DocumentModel) => void,
): FormatRenderer {
  const viewer = createEventViewer({ summaryChars: 80, maxToolResultChars: opts.maxToolResultChars });
  const blocks: Block[] = [];
  let chars = 0;
  let label: 'user' | 'assistant' | null = null;

  const push = (...bs: Block[]): void => {
    for (const b of bs) {
      chars += blockChars(b);
      if (chars > maxChars) {
        throw new BatonError(
          'too_large',
          `this session is too large for a PDF or Word export (over ${maxChars.toLocaleString('en-US')} characters); export it as md, html or txt instead`,
          { details: { limitChars: maxChars } },
        );
      }
      blocks.push(b);
    }
  };
  const assistant = (): void => {
    if (label !== 'assistant') push({ kind: 'label', text: 'Assistant', tone: 'assistant' });
    label = 'assistant';
  };

  const event = (e: SessionEvent, section: Section): void => {
    const v = viewer.view(e, section.kind === 'sidechain');
    switch (v.kind) {
      case 'prompt':
        label = 'user';
        push({ kind: 'label', text: v.sidechain ? 'Prompt' : 'User', tone: 'user' });
        if (v.command !== undefined) push({ kind: 'paragraph', runs: [{ text: v.command, code: true }] });
        if (v.body) push(...markdownBlocks(v.body));
        return;
      case 'text':
        assistant();
        push(...markdownBlocks(v.text));
        return;
      case 'thinking':
        assistant();
        push({ kind: 'label', text: 'Thinking', tone: 'thinking' });
        push(...markdownBlocks(v.text).map(italic));
        return;
      case 'tool_call':
        assistant();
        push({
          kind: 'label',
          text: `Tool call: ${v.name}${v.summary ? ` — ${v.summary}` : ''}`,
          tone: 'tool',
        });
        push({ kind: 'code', text: v.input });
        return;
      case 'tool_result':
        push({
          kind: 'label',
          text: `${v.isError ? 'Error from' : 'Result from'} ${v.toolName}`,
          tone: v.isError ? 'error' : 'result',
        });
        push({ kind: 'code', text: v.content });
        return;
      case 'system':
        label = null;
        push({ kind: 'label', text: `System (${v.label})`, tone: 'system' });
        push(...markdownBlocks(v.text));
        return;
    }
  };

  return {
    open(section) {
      label = null;
      if (section.kind === 'turn') {
        push({ kind: 'heading', level: 1, text: `Turn ${section.turn.index + 1}` });
        return;
      }
      const id = section.sidechain.toolUseId;
      const call = id === undefined ? undefined : viewer.spawningCall(id)?.label;
      const by = id === undefined ? '' : ` (spawned by ${call ? `${call} ` : ''}${id})`;
      push({ kind: 'heading', level: 1, text: `Subagent ${section.sidechain.agentId}${by}` });
    },
    event,
    comments(thread) {
      push(...commentBlocks(thread));
      label = null;
    },
    close() {},
    finish(meta, totals, extra) {
      // The header goes first even when meta and totals are only known now (a streamed transcript).
      const head = opts.meta ?? meta;
      const top = headerBlocks(head, opts.totals ?? totals, extra.redaction ?? opts.redaction);
      const skips = skipRows(extra.stats);
      const tail: Block[] = skips.length
        ? [
            { kind: 'heading', level: 1, text: 'Skipped while reading the transcript' },
            { kind: 'fields', rows: skips },
          ]
        : [];
      done({
        title: top[0]!.kind === 'title' ? top[0]!.text : head.id,
        subtitle: `Baton session export · ${head.id}`,
        blocks: [...top, ...blocks, ...tail],
      });
    },
  };
}

/** One comment as a list item (a reply one level deeper); reactions in words, the fonts have no emoji. */
function commentItem(c: ExportComment, depth: number): Block {
  const r = reactionsText(c.reactions, true);
  return {
    kind: 'item',
    marker: depth === 0 ? '•' : '–',
    depth,
    runs: [
      { text: c.author, bold: true },
      { text: ` · ${commentTime(c.createdAt)}${r ? ` · ${r}` : ''}: `, italic: true },
      // Word runs drop line breaks; one paragraph per comment reads the same in both documents.
      { text: c.text.replace(/\s*\n\s*/g, ' ') },
    ],
  };
}

/** The comments on one event, right under it: a label, then each comment and its replies. */
export function commentBlocks(t: EventComments): Block[] {
  const r = reactionsText(t.reactions, true);
  const out: Block[] = [{ kind: 'label', text: `Comments${r ? ` · reactions: ${r}` : ''}`, tone: 'meta' }];
  for (const c of t.comments) out.push(commentItem(c, 0), ...c.replies.map((x) => commentItem(x, 1)));
  return out;
}

function italic(b: Block): Block {
  return b.kind === 'paragraph' || b.kind === 'item'
    ? { ...b, runs: b.runs.map((r) => ({ ...r, italic: true })) }
    : b;
}
