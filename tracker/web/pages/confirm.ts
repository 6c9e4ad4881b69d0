// Confirming a destructive action: a server-rendered page reached without JavaScript, and the link that opens it
// (which /assets/app.js turns into a <dialog> over the current page). Generic: any form POST can sit behind it.
import { html, type SafeHtml } from '../html.js';
import { layout, type LayoutOptions } from '../layout.js';

export interface ConfirmSpec {
  /** The question, e.g. "Delete this session?". */
  title: string;
  /** What happens, and whether it can be undone. */
  message: string;
  /** The form's POST target. */
  action: string;
  /** The confirming button, e.g. "Delete". */
  confirmLabel: string;
  /** Hidden fields posted with the confirmation (besides the CSRF token). */
  fields?: Record<string, string>;
}

export interface ConfirmPageView extends ConfirmSpec {
  user: { name: string };
  csrfToken: string;
  nav?: LayoutOptions['nav'];
  /** Where "Cancel" goes (a local path). */
  cancelHref: string;
}

function hiddenFields(csrf: string, fields: Record<string, string> = {}): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${csrf}" />${Object.entries(fields).map(
      ([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`,
    )}`;
}

export function confirmPage(v: ConfirmPageView): string {
  return layout({
    title: v.title,
    nav: v.nav ?? null,
    user: v.user,
    csrfToken: v.csrfToken,
    robots: 'noindex',
    body: html`<section class="panel stack confirm" aria-labelledby="confirm-title">
      <h1 id="confirm-title">${v.title}</h1>
      <p>${v.message}</p>
      <form method="post" action="${v.action}" class="row">
        ${hiddenFields(v.csrfToken, v.fields)}
        <button type="submit" class="danger">${v.confirmLabel}</button>
        <a class="button secondary" href="${v.cancelHref}">Cancel</a>
      </form>
    </section>`,
  });
}

/**
 * The link to a confirm page (`href`, works without JavaScript). Its data attributes carry the same question, target
 * and fields, so the page script can ask in a <dialog> and post directly instead of leaving the page.
 */
export function confirmLink(
  href: string,
  label: string,
  spec: ConfirmSpec & { csrfToken: string },
  opts: { className?: string; ariaLabel?: string } = {},
): SafeHtml {
  return html`<a
    class="${opts.className ?? 'button danger'}"
    href="${href}"
    ${opts.ariaLabel ? html`aria-label="${opts.ariaLabel}"` : ''}
    data-confirm-title="${spec.title}"
    data-confirm-message="${spec.message}"
    data-confirm-action="${spec.action}"
    data-confirm-label="${spec.confirmLabel}"
    data-confirm-csrf="${spec.csrfToken}"
    data-confirm-fields="${JSON.stringify(spec.fields ?? {})}"
    >${label}</a
  >`;
}
