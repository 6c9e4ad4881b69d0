// The metrics sidebar of a session: tokens, cost, counts, tools used and files touched.
import type { SessionTotals } from '../../../src/core/model/session.js';
import { formatCost, formatCount, formatDuration } from '../format.js';
import { html, type SafeHtml } from '../html.js';

export function metricsSidebar(t: SessionTotals): SafeHtml {
  const tools = Object.entries(t.tools).sort((a, b) => b[1] - a[1]);
  return html`<aside class="sidebar stack" aria-label="Metrics">
    <section class="panel">
      <h2>Metrics</h2>
      <dl>
        <dt>Duration</dt>
        <dd>${formatDuration(t.durationMs)}</dd>
        <dt>Input tokens</dt>
        <dd>${formatCount(t.tokens.input)}</dd>
        <dt>Output tokens</dt>
        <dd>${formatCount(t.tokens.output)}</dd>
        <dt>Cache read</dt>
        <dd>${formatCount(t.tokens.cacheRead)}</dd>
        <dt>Cache write</dt>
        <dd>${formatCount(t.tokens.cacheWrite)}</dd>
        <dt>Cost (est.)</dt>
        <dd>${formatCost(t.costUsd)}</dd>
        <dt>Turns</dt>
        <dd>${t.turns}</dd>
        <dt>Prompts</dt>
        <dd>${t.prompts}</dd>
        <dt>Messages</dt>
        <dd>${t.messages}</dd>
        <dt>Tool calls</dt>
        <dd>${t.toolCalls}</dd>
        <dt>Tool errors</dt>
        <dd>${t.toolErrors}</dd>
      </dl>
    </section>
    ${
      tools.length
        ? html`<section class="panel">
            <h2>Tools</h2>
            <dl>
              ${tools.map(
                ([n, c]) =>
                  html`<dt>${n}</dt>
                    <dd>${c}</dd>`,
              )}
            </dl>
          </section>`
        : ''
    }
    ${
      t.filesTouched.length
        ? html`<section class="panel">
            <h2>Files touched</h2>
            <ul class="small">
              ${t.filesTouched.slice(0, 100).map((f) => html`<li><code>${f}</code></li>`)}
            </ul>
            ${t.filesTouched.length > 100 ? html`<p class="muted small">and ${t.filesTouched.length - 100} more</p>` : ''}
          </section>`
        : ''
    }
  </aside>`;
}
