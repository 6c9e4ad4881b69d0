// `/diagnostics`: version, database engine and migrations, uptime, live streams/viewers, recent errors.
import { formatDate, formatDuration } from '../format.js';
import { html } from '../html.js';
import { layout } from '../layout.js';

export interface DiagnosticsView {
  user: { name: string };
  csrfToken: string;
  version: string;
  node: string;
  engine: string;
  migrations: Array<{ version: number; name: string; appliedAt: string | null }>;
  uptimeMs: number;
  startedAt: string;
  live: {
    streamsByStatus: Record<string, number>;
    connectedStreams: number;
    connections: number;
    viewers: number;
  };
  recentErrors: Array<{ at: string; message: string }>;
}

export function diagnosticsPage(v: DiagnosticsView): string {
  const statuses = Object.entries(v.live.streamsByStatus);
  return layout({
    title: 'Diagnostics',
    nav: 'diagnostics',
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>Diagnostics</h1>
      <div class="stats">
        <div class="panel stat">
          <div class="muted small">Version</div>
          <div class="value">${v.version}</div>
        </div>
        <div class="panel stat">
          <div class="muted small">Database</div>
          <div class="value">${v.engine}</div>
        </div>
        <div class="panel stat">
          <div class="muted small">Uptime</div>
          <div class="value">${formatDuration(v.uptimeMs)}</div>
        </div>
        <div class="panel stat">
          <div class="muted small">Node.js</div>
          <div class="value">${v.node}</div>
        </div>
        <div class="panel stat">
          <div class="muted small">Live connections (this instance)</div>
          <div class="value">${v.live.connections}</div>
        </div>
        <div class="panel stat">
          <div class="muted small">Live viewers (this instance)</div>
          <div class="value">${v.live.viewers}</div>
        </div>
      </div>
      <section class="panel stack">
        <h2>Live streams</h2>
        ${
          statuses.length
            ? html`<dl class="row">
                ${statuses.map(
                  ([s, n]) =>
                    html`<div>
                      <dt class="muted small">${s}</dt>
                      <dd>${n}</dd>
                    </div>`,
                )}
              </dl>`
            : html`<p class="muted">None.</p>`
        }
        <p class="small muted">
          Streams with connected viewers here: ${v.live.connectedStreams}. Started ${formatDate(v.startedAt)}.
        </p>
      </section>
      <section class="panel stack">
        <h2>Migrations</h2>
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Name</th>
                <th scope="col">Applied</th>
              </tr>
            </thead>
            <tbody>
              ${v.migrations.map(
                (m) =>
                  html`<tr>
                    <td>${m.version}</td>
                    <td>${m.name}</td>
                    <td>${formatDate(m.appliedAt)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section class="panel stack">
        <h2>Recent errors</h2>
        ${
          v.recentErrors.length
            ? html`<ul class="small">
                ${v.recentErrors.map((e) => html`<li><time>${formatDate(e.at)}</time> ${e.message}</li>`)}
              </ul>`
            : html`<p class="muted">No errors since start.</p>`
        }
      </section>`,
  });
}
