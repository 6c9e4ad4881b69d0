// Collects a run's events into the in-memory Session model: turns with their time span, sidechains with their call.
import { SCHEMA_VERSION } from '../model/schema-version.js';
import type { Session, Sidechain, Turn } from '../model/session.js';
import type { OnEvent, RunSessionResult } from './session-run.js';

/** Runs `run` with a collecting callback and returns the whole session. Memory grows with the session. */
export async function collectSession(run: (onEvent: OnEvent) => Promise<RunSessionResult>): Promise<Session> {
  const turns: Turn[] = [];
  const span: Array<{ start: number; end: number }> = [];
  const sidechains = new Map<string, Sidechain>();
  const result = await run((event, ctx) => {
    if (ctx.agentId !== undefined) {
      let sc = sidechains.get(ctx.agentId);
      if (sc === undefined) sidechains.set(ctx.agentId, (sc = { agentId: ctx.agentId, events: [] }));
      sc.events.push(event);
      return;
    }
    let turn = turns[ctx.turnIndex];
    if (turn === undefined) {
      turns[ctx.turnIndex] = turn = { index: ctx.turnIndex, events: [] };
      span[ctx.turnIndex] = { start: Infinity, end: -Infinity };
    }
    turn.events.push(event);
    const ms = event.timestamp === undefined ? NaN : Date.parse(event.timestamp);
    const s = span[ctx.turnIndex]!;
    if (ms < s.start) {
      s.start = ms;
      turn.startedAt = event.timestamp;
    }
    if (ms > s.end) {
      s.end = ms;
      turn.endedAt = event.timestamp;
    }
  });
  for (const sc of sidechains.values()) {
    const toolUseId = result.agentToolUse.get(sc.agentId);
    if (toolUseId !== undefined) sc.toolUseId = toolUseId;
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: result.meta,
    // Turn indices are dense by construction (a turn opens with its first event); filter guards the type.
    turns: turns.filter((t): t is Turn => t !== undefined),
    sidechains: [...sidechains.values()],
    totals: result.totals,
    stats: result.stats,
  };
}
