// `baton live start|stop|pause|resume|note|status`: stream a Claude Code session to viewers as it happens.
import {
  addLiveNote,
  liveStatus,
  setLivePaused,
  startLive,
  stopLive,
} from '../../capture/delivery/live/control.js';
import { BatonError } from '../../core/errors.js';
import { defineCommand, printJson } from '../command.js';
import type { CliContext } from '../invocation.js';
import { describeStart, describeStop, publicState } from '../live/describe.js';
import { liveDeps, resolveSessionId } from '../live/live-deps.js';
import { qrBlock, qrWidth } from '../live/qr.js';

const HELP = `Usage: baton live <start|stop|pause|resume|note|status> [options]

Streams a Claude Code session to a shareable viewer URL: every prompt, reply and tool call as it happens.

  start [--title T] [--private] [--discard-on-end] [--no-qr]
        prints the viewer URL (and a QR code in a terminal wide enough). At session end the stream is kept as a
        post, or deleted with --discard-on-end. --private: only you (logged in to the tracker) can watch.
  stop [--discard | --keep] [--title T]      end the stream now (default: the choice made at start)
  pause | resume                             stop/restart streaming (nothing from the pause is sent later)
  note <text…> [--status]                    show a note (or a status line) to viewers
  status                                     is this session live, and where

Options for all: --session ID (default: the current Claude Code session, else the newest of this directory),
--json (machine-readable result).
`;

export const liveCommand = defineCommand({
  name: 'live',
  summary: 'stream a session live to viewers (start, stop, pause, resume, note, status)',
  help: HELP,
  options: {
    session: { type: 'string' },
    title: { type: 'string' },
    private: { type: 'boolean' },
    'discard-on-end': { type: 'boolean' },
    discard: { type: 'boolean' },
    keep: { type: 'boolean' },
    status: { type: 'boolean' },
    'no-qr': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }, ctx) {
    const [action, ...rest] = positionals;
    const sessionId = await resolveSessionId(ctx, values.session);
    const deps = liveDeps(ctx);
    const json = Boolean(values.json);
    const title = values.title;
    switch (action) {
      case 'start': {
        const r = await startLive(deps, {
          sessionId,
          cwd: ctx.io.cwd,
          ...(title ? { title } : {}),
          visibility: values.private ? 'private' : 'unlisted',
          ...(values['discard-on-end'] ? { discardOnEnd: true } : {}),
        });
        if (json)
          return printJson(ctx, { ...publicState(r.state), alreadyLive: r.alreadyLive, relay: r.relay });
        ctx.io.out(`${describeStart(r)}\n`);
        if (!values['no-qr'] && ctx.io.isTty) printQr(ctx, r.state.viewUrl);
        return 0;
      }
      case 'stop': {
        if (values.discard && values.keep)
          throw new BatonError('invalid_input', 'give --discard or --keep, not both');
        const keep = values.discard ? false : values.keep ? true : undefined;
        const r = await stopLive(deps, {
          sessionId,
          ...(keep !== undefined ? { keep } : {}),
          ...(title ? { title } : {}),
        });
        if (json) return printJson(ctx, { endedBy: r.endedBy, ...(r.state ? publicState(r.state) : {}) });
        ctx.io.out(`${describeStop(r)}\n`);
        return 0;
      }
      case 'pause':
      case 'resume': {
        const s = await setLivePaused(deps, { sessionId, paused: action === 'pause' });
        if (json) return printJson(ctx, publicState(s));
        ctx.io.out(
          action === 'pause'
            ? 'Live stream paused: nothing is streamed until `baton live resume`.\n'
            : `Live stream resumed: ${s.viewUrl}\n`,
        );
        return 0;
      }
      case 'note': {
        const text = rest.join(' ').trim();
        if (!text)
          throw new BatonError(
            'invalid_input',
            'live note: give the text to show, e.g. baton live note "running the tests"',
          );
        await addLiveNote(deps, { sessionId, kind: values.status ? 'status' : 'note', text });
        if (json) return printJson(ctx, { ok: true });
        ctx.io.out('Sent to viewers.\n');
        return 0;
      }
      case 'status': {
        const { live, ended } = liveStatus(ctx.config.dataDir, sessionId);
        if (json)
          return printJson(ctx, {
            live: live ? publicState(live) : null,
            ended: ended ? publicState(ended) : null,
          });
        if (live)
          ctx.io.out(
            `Live (${live.status}) at ${live.viewUrl}; at session end it is ${live.discardOnEnd ? 'discarded' : 'kept as a post'}.\n`,
          );
        else if (ended)
          ctx.io.out(
            `Not live. The last stream ended ${ended.endedAt ?? ''} (${ended.outcome ?? 'ended'})${ended.postUrl ? `: ${ended.postUrl}` : ''}.\n`,
          );
        else
          ctx.io.out(
            'Not live. Start with `baton live start` (or /baton:export-session --live in Claude Code).\n',
          );
        return 0;
      }
      default:
        throw new BatonError(
          'invalid_input',
          `live: expected start, stop, pause, resume, note or status${action ? ` (got "${action}")` : ''}`,
        );
    }
  },
});

function printQr(ctx: CliContext, url: string): void {
  const block = qrBlock(url);
  const columns = Number(ctx.io.env.COLUMNS) || process.stdout.columns || 80;
  if (qrWidth(block) + 2 <= columns) ctx.io.out(`\n${block}\n\n`);
}
