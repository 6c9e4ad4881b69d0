// Builds the handoff document from gathered facts and the narrative: the deterministic sections are written here.
import type { HandoffDocument, HandoffMeta } from '../core/handoff/document.js';
import type { DocumentSectionId } from '../core/routine/schema.js';
import { formatCost } from '../core/format/cost.js';
import { code, fence, formatCount, formatDuration, resumeCommand } from './format.js';
import type { GitFacts, HandoffRunContext, HandoffState, ProjectFacts, SessionFacts } from './types.js';

export interface ComposeOptions {
  /** Rewrites absolute paths to project-relative ones; leaves out paths and the resume command. */
  stripLocalPaths: boolean;
}

function statusSummary(p: ProjectFacts): string {
  if (p.status === null) return '';
  if (p.status.length === 0) return ' — working tree clean';
  return ` — ${p.status.length} uncommitted change${p.status.length === 1 ? '' : 's'}`;
}

export function projectsSection(git: GitFacts | null, o: ComposeOptions): string {
  if (!git || git.projects.length === 0) return '_No project facts were gathered._';
  return git.projects
    .map((p) => {
      const lines = [`### ${p.name}${p.isMain ? '' : ' (also touched)'}`, ''];
      if (!o.stripLocalPaths) lines.push(`- Path: ${code(p.root)}`);
      if (!p.isRepo) {
        lines.push('- Not a git repository.');
        return lines.join('\n');
      }
      lines.push(
        `- Branch: ${p.branch ? code(p.branch) : '_unknown_'}${p.head ? ` at ${code(p.head)}` : ' (no commits yet)'}${statusSummary(p)}`,
      );
      if (p.remote) lines.push(`- Remote: ${code(p.remote)}`);
      if (p.commits.length > 0) {
        lines.push('- Recent commits:');
        for (const c of p.commits)
          lines.push(`  - ${code(c.sha)} ${c.subject}${c.inSession ? ' _(this session)_' : ''}`);
      }
      if (p.diffStat) lines.push('- Uncommitted diff (vs HEAD):', '', fence(p.diffStat));
      return lines.join('\n');
    })
    .join('\n\n');
}

function fileList(label: string, files: string[], prefix: string): string[] {
  if (files.length === 0) return [];
  return [`- ${label}:`, ...files.map((f) => `  - ${code(prefix + f)}`)];
}

export function filesSection(git: GitFacts | null, session: SessionFacts | null, o: ComposeOptions): string {
  const blocks: string[] = [];
  for (const p of git?.projects ?? []) {
    const prefix = o.stripLocalPaths ? `${p.name}/` : '';
    const lines = [
      ...fileList('New', p.files.created, prefix),
      ...fileList('Modified', p.files.modified, prefix),
      ...fileList('Deleted', p.files.deleted, prefix),
    ];
    if (p.files.omitted > 0) lines.push(`- … and ${p.files.omitted} more`);
    if (lines.length > 0) blocks.push([`### ${p.name}`, '', ...lines].join('\n'));
  }
  const outside = git?.outside ?? session?.files ?? { created: [], modified: [] };
  if (!git && session) {
    blocks.push(
      [
        '### Files',
        '',
        ...fileList('New', session.files.created, ''),
        ...fileList('Modified', session.files.modified, ''),
      ].join('\n'),
    );
  } else if (outside.created.length + outside.modified.length > 0) {
    // Outside any repository an absolute path is all there is; a transfer prompt keeps only the file name.
    const shown = (fs: string[]) => (o.stripLocalPaths ? fs.map((f) => f.split(/[\\/]/).pop() ?? f) : fs);
    blocks.push(
      [
        '### Outside any repository',
        '',
        ...fileList('New', shown(outside.created), ''),
        ...fileList('Modified', shown(outside.modified), ''),
      ].join('\n'),
    );
  }
  return blocks.length > 0 ? blocks.join('\n\n') : '_No files were created or modified._';
}

function topTools(tools: Record<string, number>, errors: number): string {
  const entries = Object.entries(tools).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return 'none';
  const shown = entries.slice(0, 12).map(([name, n]) => `${name} ×${n}`);
  if (entries.length > 12) shown.push(`+${entries.length - 12} more`);
  return `${shown.join(', ')}${errors > 0 ? ` (${errors} error${errors === 1 ? '' : 's'})` : ''}`;
}

export function factsSection(state: HandoffState, o: ComposeOptions): string {
  const s = state.session;
  if (!s) {
    const id = state.sessionId ? ` Session id: ${code(state.sessionId)}.` : '';
    return `_Session facts unavailable: ${state.sessionNote ?? 'no transcript was read'}._${id}`;
  }
  const lines = [
    `- Session: ${code(s.sessionId)}${s.claudeVersion ? ` · Claude Code ${s.claudeVersion}` : ''}${s.models.length ? ` · ${s.models.join(', ')}` : ''}`,
    `- Duration: ${formatDuration(s.durationMs)}${s.startedAt && s.endedAt ? ` (${s.startedAt} → ${s.endedAt})` : ''} · ${s.turns} turn${s.turns === 1 ? '' : 's'} · ${s.promptCount} prompt${s.promptCount === 1 ? '' : 's'}`,
    `- Tokens: ${formatCount(s.tokens.input)} in · ${formatCount(s.tokens.output)} out · ${formatCount(s.tokens.cacheRead)} cache read · ${formatCount(s.tokens.cacheWrite)} cache write${s.costUsd !== null ? ` · ~${formatCost(s.costUsd, 'dollars')}` : ''}`,
    `- Tools: ${topTools(s.tools, s.toolErrors)}`,
  ];
  if (!o.stripLocalPaths && s.cwd) lines.push(`- Working directory: ${code(s.cwd)}`);
  if (s.prompts.length > 0) {
    const label =
      s.prompts.length < s.promptCount
        ? `last ${s.prompts.length} of ${s.promptCount}`
        : `${s.prompts.length}`;
    lines.push(`- Prompts (${label}):`);
    for (const p of s.prompts) lines.push(`  1. ${p.replace(/\n/g, ' ')}`);
  }
  return lines.join('\n');
}

export function resumeSection(sessionId: string | null, cwd: string | null, contextId: string): string {
  const load = `To load this handoff into a new session (here or on another machine): \`/baton:start ${contextId}\` (or \`baton handoff show ${contextId}\`).`;
  if (!sessionId) return `No session id was known, so the original session cannot be resumed.\n\n${load}`;
  return `Resume the original session (on the machine that holds its transcript):\n\n${fence(resumeCommand(sessionId, cwd), 'sh')}\n\n${load}`;
}

export function metaOf(
  state: HandoffState,
  ctx: HandoffRunContext,
  contextId: string,
  topic: string,
): HandoffMeta {
  return {
    contextId,
    topic,
    date: ctx.now.toISOString(),
    sessionId: state.sessionId,
    projects: (state.git?.projects ?? []).map((p) => ({
      name: p.name,
      path: p.root,
      branch: p.branch,
      head: p.head,
      remote: p.remote,
    })),
    cwd: ctx.cwd,
    claudeVersion: state.session?.claudeVersion ?? null,
    batonVersion: ctx.batonVersion,
    routine: ctx.routine.name,
    preset: ctx.presetName,
    narrativeMissing: state.narrativeMissing,
  };
}

export function buildDocument(
  state: HandoffState,
  ctx: HandoffRunContext,
  contextId: string,
  topic: string,
  sectionIds: readonly DocumentSectionId[],
  o: ComposeOptions,
  redact: (s: string) => string,
): HandoffDocument {
  const n = state.narrative?.sections ?? {};
  const all: Record<DocumentSectionId, string | null> = {
    projects: projectsSection(state.git, o),
    summary: n.summary ?? null,
    facts: factsSection(state, o),
    accomplished: n.accomplished ?? null,
    decisions: n.decisions ?? null,
    files: filesSection(state.git, state.session, o),
    nextSteps: n.nextSteps ?? null,
    resume: resumeSection(state.sessionId, ctx.cwd, contextId),
  };
  const sections: HandoffDocument['sections'] = {};
  for (const id of sectionIds) {
    const body = all[id];
    sections[id] = body === null ? null : redact(body);
  }
  return {
    meta: metaOf(state, ctx, contextId, redact(topic)),
    title: `Handoff: ${redact(topic)}`,
    sections,
    extras: (state.narrative?.extras ?? []).map((e) => ({
      heading: redact(e.heading),
      body: redact(e.body),
    })),
  };
}
