// `/sessions/:id/files` (owner) and `/share/:slug/files` (shared): every file the session edited, with its diffs.
import { diffStat, diffTree, openIfSmall } from '../../../src/core/render/diff-tree.js';
import type { FileChange, FileChangeEdit } from '../../../src/core/render/files-changed.js';
import { renderTree } from '../components/timeline.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';

export interface FilesChangedView {
  title: string;
  files: FileChange[];
  /** The session page these edits link back to (`/sessions/{id}` or `/share/{slug}`). */
  sessionHref: string;
  user: { name: string } | null;
  csrfToken?: string;
  /** Shared sessions that are not public stay out of search engines, like their session page. */
  noindex: boolean;
}

/** Where an edit sits on the session page: `?at=` pages to it, `#e-<seq>` scrolls to it. */
export function eventHref(sessionHref: string, seq: number): string {
  return `${sessionHref}?at=${seq}#e-${seq}`;
}

function editBlock(e: FileChangeEdit, sessionHref: string): SafeHtml {
  const open = openIfSmall(e.edit) === '' ? html` open` : '';
  return html`<details class="edit" ${open}>
    <summary>
      ${e.tool} ${renderTree(diffStat(e.edit.added, e.edit.removed))} ·
      <a class="edit-link" href="${eventHref(sessionHref, e.seq)}">message ${e.seq}</a>
    </summary>
    ${renderTree(diffTree(e.edit))}
  </details>`;
}

function fileBlock(f: FileChange, sessionHref: string): SafeHtml {
  const n = f.edits.length;
  return html`<li>
    <div class="file-head">
      <h2><code>${f.path}</code></h2>
      ${renderTree(diffStat(f.added, f.removed))}
      <span class="muted small">${n} edit${n === 1 ? '' : 's'}</span>
    </div>
    ${f.edits.map((e) => editBlock(e, sessionHref))}
  </li>`;
}

export function filesChangedPage(v: FilesChangedView): string {
  const added = v.files.reduce((s, f) => s + f.added, 0);
  const removed = v.files.reduce((s, f) => s + f.removed, 0);
  const count = v.files.length;
  return layout({
    title: `Files changed · ${v.title}`,
    nav: v.user ? 'sessions' : null,
    user: v.user,
    csrfToken: v.csrfToken,
    robots: v.noindex ? 'noindex' : undefined,
    body: html`<div class="stack">
      <p><a href="${v.sessionHref}">← ${v.title}</a></p>
      <h1>Files changed</h1>
      <p class="muted" id="files-total">
        ${count} file${count === 1 ? '' : 's'} changed ${renderTree(diffStat(added, removed))}
      </p>
      ${
        count === 0
          ? html`<p class="muted">No file was edited in this session.</p>`
          : html`<ol class="files-changed">
              ${v.files.map((f) => fileBlock(f, v.sessionHref))}
            </ol>`
      }
    </div>`,
  });
}
