// The export use case under `baton export`, /baton:export-session and the MCP export_session tool: resolve the
// session, open the egress gate, render, write to a sink, and say what happened.
import { join, resolve } from 'node:path';
import { openEgressGate } from '../capture/session/egress.js';
import { describeRedaction } from '../core/egress/index.js';
import { countComments, formatExtension, isDocumentFormat, type ExportFormat } from '../core/export/index.js';
import { exportTranscriptDocument } from '../core/export/documents/index.js';
import { exportTranscript, type ExportResult } from '../core/pipeline/export-transcript.js';
import { resolveTranscript } from './resolve-transcript.js';
import { exportComments, type TrackerConfig } from './load-comments.js';
import { fileSink, stdoutSink, stringSink, type Sink } from './sink.js';

/**
 * Where the export goes. A file path is resolved against `cwd`; without one it is ./session-<first 8 of id>.<ext>.
 * `force` overwrites an existing file; without it an existing file is an `already_exists` error.
 */
export type ExportDestination =
  { kind: 'file'; path?: string; force: boolean } | { kind: 'stdout' } | { kind: 'string' };

export interface ExportSessionInput {
  /** A session id, a transcript path, or nothing for the newest session of `cwd`. */
  ref?: string;
  format: ExportFormat;
  to: ExportDestination;
  /** False writes secrets as they are (the caller has asked for it; a warning is given). */
  redact: boolean;
  /**
   * Also write each event's comments and reactions, read from the tracker (`--comments`). Without a reachable
   * tracker that knows the session, a warning is given and the export is written without them.
   */
  comments?: boolean;
}

export interface ExportSessionEnv {
  cwd: string;
  claudeConfigDir: string;
  dataDir: string;
  /** Warnings for the person asking (the CLI prints them on stderr, the MCP tool appends them to its text). */
  warn(message: string): void;
  /** The configured tracker, where `comments` are read from. */
  tracker?: TrackerConfig;
}

export interface ExportSessionResult extends ExportResult {
  format: ExportFormat;
  transcriptPath: string;
  /** The file written, or null for stdout and string destinations. */
  path: string | null;
  /** What was written, for the string destination. */
  text?: string;
  /** False when redaction was off: descriptions then warn instead of counting. */
  redacting: boolean;
  /** Comments (replies included) the tracker had for the session; null when not asked for or not available. */
  comments: number | null;
}

export const REDACTION_OFF_WARNING =
  'warning: redaction is off (--no-redact): secrets in this session are written as-is';

export async function exportSession(
  env: ExportSessionEnv,
  input: ExportSessionInput,
): Promise<ExportSessionResult> {
  const transcriptPath = await resolveTranscript(input.ref, {
    cwd: env.cwd,
    claudeConfigDir: env.claudeConfigDir,
  });
  if (!input.redact) env.warn(REDACTION_OFF_WARNING);
  // Read before the file is opened: a failure here only warns, and the session is exported either way.
  const comments = input.comments
    ? await exportComments(env.tracker, sessionIdOf(transcriptPath), env.warn)
    : undefined;
  const opts = comments ? { comments } : {};
  const to = input.to;
  const path = to.kind === 'file' ? filePath(env.cwd, transcriptPath, to.path, input.format) : null;
  const strings = to.kind === 'string' ? stringSink() : null;
  const sink: Sink = to.kind === 'file' ? fileSink(path!, { force: to.force }) : (strings ?? stdoutSink());
  try {
    const gate = openEgressGate({ dataDir: env.dataDir, redact: input.redact });
    // PDF and Word are built whole through the same gate, then written as bytes.
    const format = input.format;
    const result = isDocumentFormat(format)
      ? await exportTranscriptDocument(transcriptPath, format, gate, opts).then(({ bytes, ...r }) => {
          sink.bytes(bytes);
          return r;
        })
      : await exportTranscript(transcriptPath, format, (c) => sink.write(c), gate, opts);
    sink.commit();
    return {
      ...result,
      format: input.format,
      transcriptPath,
      path,
      ...(strings ? { text: strings.text() } : {}),
      redacting: input.redact,
      comments: comments ? countComments(comments) : null,
    };
  } catch (err) {
    sink.abort();
    throw err;
  }
}

/** The transcript's session id: its file name, the id a push gives the tracker too. */
function sessionIdOf(transcriptPath: string): string {
  return transcriptPath.replace(/^.*[/\\]/, '').replace(/\.jsonl$/, '');
}

function filePath(
  cwd: string,
  transcriptPath: string,
  given: string | undefined,
  format: ExportFormat,
): string {
  if (given !== undefined) return resolve(cwd, given);
  const id = transcriptPath
    .replace(/^.*\//, '')
    .replace(/\.jsonl$/, '')
    .slice(0, 8);
  return join(cwd, `session-${id}.${formatExtension(format)}`);
}

/** One line for people and models: what was exported, where, and what redaction did. */
export function describeExport(r: ExportSessionResult): string {
  const where = r.path ?? (r.text !== undefined ? 'a string' : 'stdout');
  const redacted = `; ${describeRedaction(r.redaction, r.redacting)}`;
  const comments = r.comments === null ? '' : `; with ${r.comments} comment(s)`;
  return `Exported session ${r.meta.id} (${r.totals.turns} turns, ${r.totals.toolCalls} tool calls) as ${r.format} to ${where}${redacted}${comments}`;
}
