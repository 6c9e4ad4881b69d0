// `/settings`: API keys (create shows the raw key once, revoke) and the exact steps to connect Claude Code.
import type { ApiKeyInfo } from '../../../src/core/api/keys.js';
import { formatDate } from '../format.js';
import { html } from '../html.js';
import { layout } from '../layout.js';
import { confirmLink, type ConfirmSpec } from './confirm.js';
import { connectSection } from './settings-connect.js';

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
            ? confirmLink(
                `/settings/keys/${encodeURIComponent(k.id)}/revoke`,
                'Revoke',
                { ...revokeSpec(k), csrfToken: v.csrfToken },
                { className: 'button danger', ariaLabel: `Revoke key ${k.name}` },
              )
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
      ${connectSection(v)}`,
  });
}

/** What revoking a key asks first (the confirm page and its <dialog> say the same). */
export function revokeSpec(k: Pick<ApiKeyInfo, 'id' | 'name'>): ConfirmSpec {
  return {
    title: `Revoke key “${k.name}”?`,
    message:
      'Anything using it (a plugin, a script, a browser logged in with it) stops working at once, and so do the keys created with it. This cannot be undone.',
    action: `/settings/keys/${encodeURIComponent(k.id)}/revoke`,
    confirmLabel: 'Revoke key',
  };
}
