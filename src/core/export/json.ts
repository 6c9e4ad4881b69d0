// JSON exporter: the normalized Session model, streamed key by key (meta and totals trail, as they arrive last).
import { BatonError } from '../errors.js';
import { SCHEMA_VERSION } from '../model/schema-version.js';
import type { SessionEvent } from '../model/session.js';
import { clipToolResult } from '../render/event-text.js';
import type { FormatRenderer, Section } from './stream-driver.js';
import type { ExporterOptions } from './types.js';

/** One event as JSON. `input` is required by the model, so a missing one is written as null. */
function eventJson(e: SessionEvent, maxToolResultChars: number | undefined): string {
  if (e.kind === 'tool_call' && e.input === undefined) return JSON.stringify({ ...e, input: null });
  if (e.kind === 'tool_result' && maxToolResultChars !== undefined) {
    return JSON.stringify({ ...e, content: clipToolResult(e.content, maxToolResultChars) });
  }
  return JSON.stringify(e);
}

export function createJsonRenderer(write: (chunk: string) => void, opts: ExporterOptions): FormatRenderer {
  let phase: 'start' | 'turns' | 'sidechains' = 'start';
  let sectionsInPhase = 0;
  let eventsInSection = 0;
  // Derived turn times for turns started implicitly by event(): first and last event timestamps.
  let firstTs: string | undefined;
  let lastTs: string | undefined;
  // Comment threads in event order, written after the sessions parts (small next to the events).
  const threads: string[] = [];

  const enter = (want: 'turns' | 'sidechains'): void => {
    if (phase === 'start') {
      write(`{"schemaVersion":${SCHEMA_VERSION},"turns":[`);
      phase = 'turns';
      sectionsInPhase = 0;
    }
    if (want === 'sidechains' && phase === 'turns') {
      write('],"sidechains":[');
      phase = 'sidechains';
      sectionsInPhase = 0;
    }
    if (want === 'turns' && phase === 'sidechains') {
      throw new BatonError(
        'invalid_input',
        'JSON export: a main-chain event arrived after the sidechains started',
      );
    }
  };

  return {
    open(section) {
      enter(section.kind === 'turn' ? 'turns' : 'sidechains');
      const sep = sectionsInPhase++ ? ',\n' : '\n';
      eventsInSection = 0;
      firstTs = lastTs = undefined;
      if (section.kind === 'turn') write(`${sep}{"index":${section.turn.index},"events":[`);
      else {
        const { agentId, toolUseId } = section.sidechain;
        write(`${sep}{"agentId":${JSON.stringify(agentId)},`);
        if (toolUseId !== undefined) write(`"toolUseId":${JSON.stringify(toolUseId)},`);
        write('"events":[');
      }
    },
    event(e, _section: Section) {
      write(eventsInSection++ ? ',\n' : '\n');
      write(eventJson(e, opts.maxToolResultChars));
      if (e.timestamp !== undefined) {
        firstTs ??= e.timestamp;
        lastTs = e.timestamp;
      }
    },
    comments(thread) {
      threads.push(JSON.stringify(thread));
    },
    close(section) {
      let tail = ']';
      if (section.kind === 'turn') {
        const startedAt = section.explicit ? section.turn.startedAt : firstTs;
        const endedAt = section.explicit ? section.turn.endedAt : lastTs;
        if (startedAt !== undefined) tail += `,"startedAt":${JSON.stringify(startedAt)}`;
        if (endedAt !== undefined) tail += `,"endedAt":${JSON.stringify(endedAt)}`;
      }
      write(`${tail}}`);
    },
    finish(meta, totals, extra) {
      enter('sidechains');
      let out = `\n],"meta":${JSON.stringify(meta)},\n"totals":${JSON.stringify(totals)}`;
      if (extra.stats) out += `,\n"stats":${JSON.stringify(extra.stats)}`;
      const redaction = extra.redaction ?? opts.redaction;
      if (redaction) out += `,\n"redaction":${JSON.stringify(redaction)}`;
      // Only when asked for: an export without --comments has no trace of them, not even an empty list.
      if (opts.comments) out += `,\n"comments":[${threads.join(',\n')}]`;
      write(`${out}}\n`);
    },
  };
}
