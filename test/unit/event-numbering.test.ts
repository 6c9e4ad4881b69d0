// core/model/event-numbering: the one numbering rule, and proof that the CLI's chunked upload and the tracker agree.
import { expect, it } from 'vitest';
import type { TrackerClient } from '../../src/client/index.js';
import { PUSH_MAX_BYTES, uploadSession } from '../../src/export/upload-session.js';
import type { EventItem } from '../../src/core/api/index.js';
import { createEgressGate } from '../../src/core/egress/index.js';
import { numberSessionEvents } from '../../src/core/model/event-numbering.js';
import type { Session } from '../../src/core/model/session.js';
import { sessionEventItems } from '../../tracker/services/event-rows.js';
import { makeSession } from '../tracker/helpers/sessions.js';

/** Two turns, two sidechains: one spawned in turn 1, one whose spawning call is unknown. */
function session(): Session {
  const s = makeSession({ id: 'n', turns: 2 });
  s.sidechains = [
    {
      agentId: 'agent-b',
      toolUseId: 'tu-n-1',
      events: [
        { kind: 'prompt', uuid: 'b0', text: 'task b' },
        { kind: 'text', uuid: 'b1', agentId: 'agent-own', text: 'done b' },
      ],
    },
    { agentId: 'agent-c', events: [{ kind: 'prompt', uuid: 'c0', text: 'task c' }] },
  ];
  return s;
}

const key = (xs: EventItem[]) =>
  xs.map((x) => `${x.event.uuid}@${x.seq}/${x.turnIndex}/${x.event.agentId ?? ''}`);

it('numbers the main chain across turns, then each sidechain from 0 in the turn that spawned it', () => {
  expect(key(numberSessionEvents(session()))).toEqual([
    'n-p0@0/0/',
    'n-a0@1/0/',
    'n-c0@2/0/',
    'n-r0@3/0/',
    'n-p1@4/1/',
    'n-a1@5/1/',
    'n-c1@6/1/',
    'n-r1@7/1/',
    // agentId filled from the sidechain unless the event names its own.
    'b0@0/1/agent-b',
    'b1@1/1/agent-own',
    // Spawning call unknown: turn 0.
    'c0@0/0/agent-c',
  ]);
});

it('does not change the session it numbers', () => {
  const s = session();
  const before = JSON.stringify(s);
  numberSessionEvents(s);
  expect(JSON.stringify(s)).toBe(before);
});

it('a chunked CLI upload stores the same (seq, turnIndex, agentId) rows as the tracker derives from a whole push', async () => {
  const s = session();
  // Big enough that uploadSession must send events in chunks instead of one push.
  s.turns[0]!.events.push({ kind: 'text', uuid: 'big', text: 'x'.repeat(PUSH_MAX_BYTES) });
  const appended: EventItem[] = [];
  const client = {
    sessions: {
      appendEvents: async (_id: string, body: { events: EventItem[] }) => {
        appended.push(...body.events);
        return {};
      },
      push: async () => ({}),
    },
  } as unknown as TrackerClient;
  const gate = createEgressGate({ redact: false });
  await uploadSession(client, gate, gate.session(s));
  expect(appended.length).toBeGreaterThan(0);
  expect(key(appended)).toEqual(key(sessionEventItems(s)));
});
