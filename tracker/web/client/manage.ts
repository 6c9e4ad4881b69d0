// Browser enhancements for managing sessions and posts, bundled into /assets/app.js: a <dialog> instead of the confirm
// page, and star/archive/rename/tags posted in place without a reload. Every page works without this script; text
// from the page goes in through textContent only (never innerHTML).

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; id?: string } = {},
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.id) e.id = props.id;
  if (props.text !== undefined) e.textContent = props.text;
  return e;
}

function hidden(name: string, value: string): HTMLInputElement {
  const i = el('input');
  i.type = 'hidden';
  i.name = name;
  i.value = value;
  return i;
}

function parseFields(raw: string | undefined): Record<string, string> {
  try {
    const v: unknown = JSON.parse(raw ?? '{}');
    if (!v || typeof v !== 'object') return {};
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).filter(([, x]) => typeof x === 'string'),
    ) as Record<string, string>;
  } catch {
    return {};
  }
}

/** The confirm link's question in a modal dialog whose form posts straight to the action. */
function openConfirm(a: HTMLAnchorElement): void {
  const ds = a.dataset;
  const dialog = el('dialog', { className: 'confirm-dialog' });
  dialog.setAttribute('aria-labelledby', 'confirm-dialog-title');
  const form = el('form', { className: 'stack' });
  form.method = 'post';
  form.action = ds.confirmAction ?? a.href;
  form.append(
    el('h2', { id: 'confirm-dialog-title', text: ds.confirmTitle ?? 'Are you sure?' }),
    el('p', { text: ds.confirmMessage ?? '' }),
    hidden('csrf', ds.confirmCsrf ?? ''),
  );
  for (const [k, v] of Object.entries(parseFields(ds.confirmFields))) form.append(hidden(k, v));
  const row = el('div', { className: 'row' });
  const ok = el('button', { className: 'danger', text: ds.confirmLabel ?? 'Confirm' });
  ok.type = 'submit';
  const cancel = el('button', { className: 'secondary', text: 'Cancel' });
  cancel.type = 'button';
  cancel.addEventListener('click', () => dialog.close());
  row.append(ok, cancel);
  form.append(row);
  dialog.append(form);
  dialog.addEventListener('close', () => {
    dialog.remove();
    a.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  // The safe choice has focus: Enter or Space on arrival does not destroy anything.
  cancel.focus();
}

function enhanceConfirmLinks(): void {
  document.addEventListener('click', (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a[data-confirm-action]');
    if (!(a instanceof HTMLAnchorElement) || typeof HTMLDialogElement !== 'function') return;
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    openConfirm(a);
  });
}

/** What the page shows after an in-place post succeeded; false: reload instead. */
function applyInline(form: HTMLFormElement, data: FormData): boolean {
  const kind = form.dataset.inline;
  const button = form.querySelector('button[aria-pressed]');
  if ((kind === 'star' || kind === 'archive') && button) {
    const field = form.querySelector<HTMLInputElement>(
      `input[name="${kind === 'star' ? 'starred' : 'archived'}"]`,
    );
    if (!field) return false;
    const on = field.value === 'true';
    field.value = String(!on);
    button.setAttribute('aria-pressed', String(on));
    button.textContent = kind === 'star' ? (on ? '★ Starred' : '☆ Star') : on ? 'Archived' : 'Archive';
    return true;
  }
  if (kind === 'rename' || kind === 'rename-post') {
    const title = document.getElementById(kind === 'rename' ? 'session-title' : 'post-heading');
    const text = String(data.get('title') ?? '').trim();
    if (!title || !text) return false;
    title.textContent = text;
    document.title = `${text} · Baton`;
  } else if (kind === 'tags') {
    const box = document.getElementById('session-tags');
    if (!box) return false;
    const tags = String(data.get('tags') ?? '')
      .split(/[\s,]+/)
      .filter(Boolean);
    box.replaceChildren(...tags.map((t) => el('span', { className: 'badge', text: `#${t}` })));
  } else return false;
  form.closest('details')?.removeAttribute('open');
  return true;
}

function enhanceInlineForms(): void {
  document.addEventListener('submit', (ev) => {
    const form = ev.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.inline) return;
    ev.preventDefault();
    const data = new FormData(form);
    const body = new URLSearchParams();
    data.forEach((v, k) => body.append(k, String(v)));
    form.setAttribute('aria-busy', 'true');
    // A 303 back to the page means done; anything else gets the server's own page (its error says why).
    fetch(form.action, { method: 'POST', body, redirect: 'manual', credentials: 'same-origin' })
      .then((res) => {
        if (res.type !== 'opaqueredirect' && !(res.status >= 300 && res.status < 400)) form.submit();
        else if (!applyInline(form, data)) location.reload();
      })
      .catch(() => form.submit())
      .finally(() => form.removeAttribute('aria-busy'));
  });
}

enhanceConfirmLinks();
enhanceInlineForms();
