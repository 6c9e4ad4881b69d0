// Which transcripts `baton sync` considers: all projects, one project, or the current directory's; optionally since a date.
import { basename } from 'node:path';
import { BatonError } from '../../core/errors.js';
import { encodeProjectDir, listTranscripts, type TranscriptInfo } from '../../core/transcript/index.js';

export interface SelectOptions {
  all?: boolean;
  project?: string;
  since?: string;
  cwd: string;
}

export function parseSince(text: string | undefined, now = Date.now()): number | undefined {
  if (!text) return undefined;
  const rel = /^(\d+)([dhw])$/.exec(text);
  if (rel)
    return now - Number(rel[1]) * { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[rel[2] as 'h' | 'd' | 'w'];
  const ms = Date.parse(text);
  if (Number.isNaN(ms))
    throw new BatonError(
      'invalid_input',
      `--since must be a date (2026-01-31) or an age like 7d, 12h, 2w (got "${text}")`,
    );
  return ms;
}

/** Oldest first, so an interrupted sync has uploaded a contiguous history. */
export async function selectTranscripts(
  claudeConfigDir: string,
  opts: SelectOptions,
): Promise<TranscriptInfo[]> {
  const since = parseSince(opts.since);
  const wanted = opts.all ? null : projectMatcher(opts.project ?? opts.cwd, opts.project === undefined);
  return (await listTranscripts(claudeConfigDir))
    .filter((t) => (wanted ? wanted(t.projectDir) : true))
    .filter((t) => since === undefined || t.mtime.getTime() >= since)
    .reverse();
}

/** A path matches its encoded project dir exactly; a bare name matches dirs ending in that name. */
function projectMatcher(ref: string, isCwd: boolean): (projectDir: string) => boolean {
  const looksLikePath = isCwd || ref.includes('/') || ref.includes('\\');
  const encoded = encodeProjectDir(ref);
  if (looksLikePath) return (d) => d === encoded;
  const tail = `-${encodeProjectDir(basename(ref))}`;
  return (d) => d === encoded || d.endsWith(tail);
}
