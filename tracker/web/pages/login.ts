// /login: paste an API key to open a browser session (the key itself never goes into the cookie).
import { html } from '../html.js';
import { layout } from '../layout.js';

export function loginPage(v: { csrfToken: string; error?: string | null; next?: string | null }): string {
  return layout({
    title: 'Log in',
    user: null,
    robots: 'noindex',
    body: html`<section class="panel stack" aria-labelledby="login-h">
      <h1 id="login-h">Log in to Baton</h1>
      <p class="muted">
        Paste one of your API keys (it starts with <code>bt_</code>). Run <code>baton login</code> or look in
        <code>~/.config/baton/config.json</code> if you do not have it at hand.
      </p>
      ${v.error ? html`<p class="notice error" role="alert">${v.error}</p>` : ''}
      <form method="post" action="/login" class="stack">
        <input type="hidden" name="csrf" value="${v.csrfToken}" />
        <input type="hidden" name="next" value="${v.next ?? '/'}" />
        <div>
          <label for="api-key">API key</label>
          <input
            id="api-key"
            name="apiKey"
            type="password"
            autocomplete="off"
            spellcheck="false"
            required
            autofocus
          />
        </div>
        <button type="submit">Log in</button>
      </form>
    </section>`,
  });
}
