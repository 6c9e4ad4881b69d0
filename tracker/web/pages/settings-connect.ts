// Settings' "Connect Claude Code": real commands only. The repository is its own plugin marketplace; the plugin's
// tracker_url / api_key options (asked when it is installed) point it here; `baton login` is for people with the CLI.
import { html, type SafeHtml } from '../html.js';

export interface ConnectView {
  trackerUrl: string;
  /** `owner/repo` or a git URL of the Baton repository when the operator named one; anything else is unknown. */
  marketplaceRepo: string;
  /** The key just created on this page, to fill in; null shows where it goes instead. */
  newKey: { raw: string } | null;
}

/** An operator-set repository we can print as is (no `<owner>`-style placeholder). */
function knownRepo(repo: string): string | null {
  const r = repo.trim();
  if (/^[\w.-]+\/[\w.-]+$/.test(r) || /^(https?:\/\/|git@)[^\s<>]+$/.test(r)) return r;
  return null;
}

export function connectSection(v: ConnectView): SafeHtml {
  const repo = knownRepo(v.marketplaceRepo);
  const key = v.newKey?.raw ?? null;
  const install = repo
    ? html`<pre class="plain" id="connect-install"><code>claude plugin marketplace add ${repo}
claude plugin install baton@baton</code></pre>`
    : html`<p class="small">
          The Baton repository is its own marketplace. In the folder that holds your clone of it (named
          <code>baton</code> here):
        </p>
        <pre class="plain" id="connect-install"><code>claude plugin marketplace add ./baton
claude plugin install baton@baton</code></pre>`;
  return html`<section class="panel stack" aria-labelledby="connect-h">
    <h2 id="connect-h">Connect Claude Code</h2>
    <ol class="stack">
      <li>Install the plugin: ${install}</li>
      <li>
        Point it at this tracker with the plugin's own options, <code>tracker_url</code> and
        <code>api_key</code> (the key is kept in the OS keychain). Claude Code asks for them when the plugin
        is enabled, or later under <code>/plugin</code> → baton → Configure. Enter:
        <dl class="row" id="connect-options">
          <div>
            <dt class="muted small">tracker_url</dt>
            <dd><code>${v.trackerUrl}</code></dd>
          </div>
          <div>
            <dt class="muted small">api_key</dt>
            <dd>
              ${key ? html`<code>${key}</code>` : 'a key created above (shown once, when you create it)'}
            </dd>
          </div>
        </dl>
        Or in one command:
        <pre
          class="plain"
        ><code>claude plugin install baton@baton --config tracker_url=${v.trackerUrl} --config api_key=${key ?? 'KEY'}</code></pre>
        ${key ? '' : html`<p class="small muted">Replace KEY with a key created above.</p>`}
      </li>
      <li>
        If you also have the <code>baton</code> command line on this machine, it can hold the settings instead
        (it writes <code>~/.config/baton/config.json</code>, mode 0600):
        <pre class="plain"><code>baton login --url ${v.trackerUrl}</code></pre>
      </li>
      <li>
        Start Claude Code as usual: sessions appear on the Sessions page as they happen. Use
        <code>/baton:export-session</code> to export, <code>/baton:end</code> and <code>/baton:start</code> to
        hand off between sessions.
      </li>
    </ol>
  </section>`;
}
