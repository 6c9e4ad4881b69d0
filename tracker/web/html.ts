// Auto-escaping HTML templates: every interpolated value is escaped unless it is already SafeHtml.
import { escapeHtmlAndBackticks, safeHref } from '../../src/core/format/html.js';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for element content and quoted attribute values alike (backticks too: see core/format/html.ts). */
export const escapeHtml = escapeHtmlAndBackticks;

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** `html\`<p>${userText}</p>\`` escapes userText; nest templates (or arrays of them) freely. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Marks a string as safe. Only for output this module's own renderers produced (markdown, highlighting). */
export function trusted(s: string): SafeHtml {
  return new SafeHtml(s);
}

/** Sanitized hrefs: the rule lives in core/format/html.ts, next to the escaper. */
export { safeHref };
