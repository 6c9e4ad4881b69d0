// Renders the claude.ai transfer prompt: next steps first, no machine-local paths, within a character budget.
import type { DocumentSectionId, RenderOptions } from '../core/routine/schema.js';
import type { HandoffDocument } from '../core/handoff/document.js';

const TRANSFER_HEADINGS: Record<DocumentSectionId, string> = {
  nextSteps: 'What to do next',
  summary: 'Where things stand',
  decisions: 'Key decisions',
  accomplished: 'Accomplished so far',
  projects: 'Projects',
  files: 'Files created or modified',
  facts: 'Session facts',
  resume: 'Resume',
};

const DEFAULT_PREAMBLE =
  'I am continuing work from a previous Claude Code session. Below is its handoff: what to do next first, then the context.';
const MIN_SECTION = 160;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rewrites paths that only mean something on this machine: project roots become the project name, the home
 * directory becomes `~`, and any other absolute path under a home or temp folder is cut to its file name.
 */
export function createPathStripper(
  roots: { root: string; name: string }[],
  home: string | null,
): (s: string) => string {
  const rules: [RegExp, string][] = [];
  for (const r of [...roots].sort((a, b) => b.root.length - a.root.length)) {
    if (r.root.length > 1) rules.push([new RegExp(`${escapeRe(r.root)}(?=[\\\\/]|\\b|$)`, 'g'), r.name]);
  }
  if (home && home.length > 1) rules.push([new RegExp(`${escapeRe(home)}(?=[\\\\/]|$)`, 'g'), '~']);
  rules.push([/(?:\/(?:home|Users|tmp|var|private)\/|[A-Za-z]:\\Users\\)[^\s`'")\]]+/g, '']);
  return (text) => {
    let out = text;
    for (const [re, to] of rules) {
      out =
        to === '' ? out.replace(re, (m) => m.split(/[\\/]/).filter(Boolean).pop() ?? m) : out.replace(re, to);
    }
    return out;
  };
}

function shorten(body: string, room: number): string {
  const note = '\n\n… [shortened to fit the length budget]';
  if (body.length <= room) return body;
  const cut = body.slice(0, Math.max(0, room - note.length));
  const atLine = cut.lastIndexOf('\n');
  return `${(atLine > room / 2 ? cut.slice(0, atLine) : cut).trimEnd()}${note}`;
}

export function renderTransferPrompt(
  doc: HandoffDocument,
  opts: RenderOptions,
  strip: (s: string) => string,
): string {
  const parts: { heading: string; body: string }[] = [];
  const unwritten: string[] = [];
  for (const id of opts.sections) {
    if (!(id in doc.sections) || id === 'resume') continue; // `claude --resume` means nothing on claude.ai
    const raw = doc.sections[id];
    // Unwritten narrative costs budget and says nothing: one line names them instead.
    if ((raw === null || raw === undefined) && id === 'nextSteps') {
      // The section the prompt leads with stays, so the reader knows it is missing rather than forgotten.
      parts.push({
        heading: TRANSFER_HEADINGS[id],
        body: '_Not written in the handoff: ask me what to do next._',
      });
      continue;
    }
    if (raw === null || raw === undefined) {
      unwritten.push(TRANSFER_HEADINGS[id]);
      continue;
    }
    parts.push({ heading: TRANSFER_HEADINGS[id], body: opts.stripLocalPaths ? strip(raw) : raw });
  }
  const missing = unwritten.length > 0 ? `\n(The handoff has no notes on: ${unwritten.join(', ')}.)` : '';
  const header = `${(opts.preamble ?? DEFAULT_PREAMBLE).trim()}\n\nTopic: ${strip(doc.meta.topic)}${missing}`;
  for (const e of doc.extras)
    parts.push({ heading: e.heading, body: opts.stripLocalPaths ? strip(e.body) : e.body });

  const render = (ps: { heading: string; body: string }[], dropped: string[]) => {
    const tail =
      dropped.length > 0 ? `\n\n(Left out to stay within the length budget: ${dropped.join(', ')}.)` : '';
    return `${header}\n\n${ps.map((p) => `## ${p.heading}\n\n${p.body.trim()}`).join('\n\n')}${tail}\n`;
  };
  const full = render(parts, []);
  const max = opts.maxChars;
  if (max === null || full.length <= max) return full;

  // Over budget: earlier sections matter more, so later ones are shortened, then dropped.
  const kept = parts.map((p) => ({ ...p }));
  const dropped: string[] = [];
  for (let i = kept.length - 1; i >= 0; i--) {
    const current = render(kept, dropped);
    if (current.length <= max) return current;
    const over = current.length - max;
    const part = kept[i]!;
    const room = part.body.length - over - 80;
    if (room >= MIN_SECTION) {
      part.body = shorten(part.body, room);
    } else {
      dropped.unshift(part.heading);
      kept.splice(i, 1);
    }
  }
  const last = render(kept, dropped);
  return last.length <= max ? last : `${last.slice(0, max - 2).trimEnd()}…\n`;
}
