// Turns a per-format renderer into a streaming Exporter: tracks the current turn/sidechain and guards misuse.
import { BatonError } from '../errors.js';
import type { EventComments } from '../model/export-comments.js';
import type { SessionEvent, SessionMeta, SessionTotals } from '../model/session.js';
import type { ExportEventContext, ExportExtra, Exporter, SidechainInfo, TurnInfo } from './types.js';

export type Section =
  { kind: 'turn'; turn: TurnInfo; explicit: boolean } | { kind: 'sidechain'; sidechain: SidechainInfo };

/** What a format implements; the driver calls it in a well-formed order (open, events, close, ..., finish). */
export interface FormatRenderer {
  open(section: Section): void;
  event(e: SessionEvent, section: Section): void;
  /** What readers said about the event just written (already gated); only when comments were asked for. */
  comments(thread: EventComments, section: Section): void;
  close(section: Section): void;
  finish(meta: SessionMeta, totals: SessionTotals, extra: ExportExtra): void;
}

/** An Exporter whose finish() reports nothing: the gate around it (createGatedExporter) owns the redaction count. */
export type StreamDriver = Omit<Exporter, 'finish'> & {
  finish(meta: SessionMeta, totals: SessionTotals, extra?: ExportExtra): void;
  /** The comments on the event event() was last given, written right after it. */
  comments(thread: EventComments): void;
};

export function createStreamDriver(renderer: FormatRenderer): StreamDriver {
  let current: Section | null = null;
  let finished = false;

  const guard = (what: string): void => {
    if (finished) throw new BatonError('invalid_input', `exporter: ${what} called after finish()`);
  };
  const switchTo = (next: Section): Section => {
    if (current) renderer.close(current);
    current = next;
    renderer.open(next);
    return next;
  };
  const sectionFor = (ctx: ExportEventContext): Section => {
    if (ctx.agentId !== undefined && !(ctx.inline && current?.kind === 'turn')) {
      if (current?.kind === 'sidechain' && current.sidechain.agentId === ctx.agentId) return current;
      const sidechain: SidechainInfo =
        ctx.toolUseId === undefined
          ? { agentId: ctx.agentId }
          : { agentId: ctx.agentId, toolUseId: ctx.toolUseId };
      return switchTo({ kind: 'sidechain', sidechain });
    }
    if (current?.kind === 'turn' && current.turn.index === ctx.turnIndex) return current;
    return switchTo({ kind: 'turn', turn: { index: ctx.turnIndex }, explicit: false });
  };

  return {
    event(e, ctx) {
      guard('event()');
      renderer.event(e, sectionFor(ctx));
    },
    comments(thread) {
      guard('comments()');
      if (current) renderer.comments(thread, current);
    },
    beginTurn(turn) {
      guard('beginTurn()');
      switchTo({ kind: 'turn', turn: { ...turn }, explicit: true });
    },
    beginSidechain(sidechain) {
      guard('beginSidechain()');
      switchTo({ kind: 'sidechain', sidechain: { ...sidechain } });
    },
    finish(meta, totals, extra) {
      guard('finish()');
      finished = true;
      if (current) renderer.close(current);
      current = null;
      renderer.finish(meta, totals, extra ?? {});
    },
  };
}
