// `/settings`: API keys (create shows the raw key once, revoke) and the exact steps to connect Claude Code.
import type { ApiKeyInfo } from '../../../src/core/api/keys.js';
import { formatDate } from '../format.js';
import { html } from '../html.js';
import { layout } from '../layout.js';

export interface SettingsView {
  user: { name: string };
  csrfToken: string;
  keys: ApiKeyInfo[];
  /** The key just created: shown once, never stored in a recoverable form. */
  newKey: { name: string; raw: string } | null;
  /** The key this browser session logged in with (revoking it logs the browser out). */
  currentKeyId: string | null;
  trackerUrl: string;
  marketplaceRepo: string;
  message: string | null;
  error: string | null;
}

function keyStatus(k: ApiKeyInfo, now: number): string {
  if (k.revokedAt) return 'revoked';
  if (k.expiresAt && Date.parse(k.expiresAt) <= now) return 'expired';
  return 'active';
}

export function settingsPage(v: SettingsView): string {
  const now = Date.now();
  const rows = v.keys.map((k) => {
    const st = keyStatus(k, now);
    return html`<tr>
      <td>${k.name}${k.id === v.currentKeyId ? html` <span class="badge">this browser</span>` : ''}</td>
      <td><code>bt_${k.prefix}…</code></td>
      <td>${formatDate(k.lastUsedAt)}</td>
      <td>${formatDate(k.createdAt)}</td>
      <td>${k.expiresAt ? formatDate(k.expiresAt) : 'never'}</td>
      <td><span class="badge${st === 'active' ? ' active' : ' error'}">${st}</span></td>
      <td>
        ${
          st === 'active'
            ? html`<form method="post" action="/settings/keys/${encodeURIComponent(k.id)}/revoke">
                <input type="hidden" name="csrf" value="${v.csrfToken}" />
                <button type="submit" class="danger" aria-label="Revoke key ${k.name}">Revoke</button>
              </form>`
            : ''
        }
      </td>
    </tr>`;
  });
  const created = v.newKey
    ? html`<div class="notice ok stack" role="status" aria-live="polite">
        <p><strong>Key “${v.newKey.name}” created.</strong> Copy it now: it will not be shown again.</p>
        <p class="secret" id="new-key">${v.newKey.raw}</p>
        <button type="button" class="secondary" data-copy-target="new-key" hidden>Copy</button>
      </div>`
    : '';
  const url = v.trackerUrl;
  return layout({
    title: 'Settings',
    nav: 'settings',
    user: v.user,
    csrfToken: v.csrfToken,
    scripts: ['/assets/app.js'],
    body: html`<h1>Settings</h1>
      ${v.message ? html`<p class="notice ok" role="status">${v.message}</p>` : ''}
      ${v.error ? html`<p class="notice error" role="alert">${v.error}</p>` : ''}
      <section class="panel stack" aria-labelledby="keys-h">
        <h2 id="keys-h">API keys</h2>
        ${created}
        <div class="table-wrap">
          <table class="data">
            <caption class="muted small">
              Keys of ${v.user.name}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Last used</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col"><span class="skip">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>
        </div>
        <form method="post" action="/settings/keys" class="row">
          <input type="hidden" name="csrf" value="${v.csrfToken}" />
          <div>
            <label for="key-name">New key name</label
            ><input id="key-name" type="text" name="name" required maxlength="100" placeholder="laptop" />
          </div>
          <div>
            <label for="key-exp">Expires in</label
            ><select id="key-exp" name="expiresIn">
              <option value="">Never</option>
              <option value="30d">30 days</option>
              <option value="90d">90 days</option>
              <option value="365d">1 year</option>
            </select>
          </div>
          <button type="submit">Create key</button>
        </form>
      </section>
      <section class="panel stack" aria-labelledby="connect-h">
        <h2 id="connect-h">Connect Claude Code</h2>
        <ol class="stack">
          <li>
            Add the Baton marketplace and install the plugin:
            <pre class="plain"><code>claude plugin marketplace add ${v.marketplaceRepo}
claude plugin install baton@baton</code></pre>
          </li>
          <li>
            Point the plugin at this tracker, either with environment variables:
            <pre class="plain"><code>export BATON_URL=${url}
export BATON_API_KEY=bt_…   # a key created above</code></pre>
            or once with the CLI, which writes <code>~/.config/baton/config.json</code> (mode 0600):
            <pre class="plain"><code>baton login --url ${url}</code></pre>
          </li>
          <li>
            Start Claude Code as usual: sessions appear on the Sessions page as they happen. Use
            <code>/baton:export-session</code> to export, <code>/baton:end</code> and
            <code>/baton:start</code> to hand off between sessions.
          </li>
        </ol>
      </section>`,
  });
}
