// `/usage`: where the tokens go. Tokens, cost and sessions by day, project and model; top tools; costliest sessions.
import type { UsageGroup, UsageResponse } from '../../../src/core/api/usage.js';
import { barList, columnChart, type Bar } from '../components/charts.js';
import { formatCost, formatCount, formatDate, totalTokens } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';

export interface UsagePageView {
  user: { name: string };
  csrfToken: string;
  /** The range shown (UTC days, inclusive): the page always has one, so its day charts stay bounded. */
  from: string;
  to: string;
  project: string;
  projects: Array<{ id: string; name: string }>;
  /** groupBy=day, with the totals, tools and costliest sessions. */
  report: UsageResponse;
  byProject: UsageGroup[];
  byModel: UsageGroup[];
}

const DAY_MS = 86_400_000;

/** Every day of the range, with zeros where no session started: a gap in time must show as a gap. */
function everyDay(from: string, to: string, groups: readonly UsageGroup[]): Array<UsageGroup | string> {
  const byDay = new Map(groups.map((g) => [g.key, g]));
  const out: Array<UsageGroup | string> = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) {
    const day = new Date(ms).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? day);
  }
  return out;
}

function dayBars(
  days: Array<UsageGroup | string>,
  pick: (g: UsageGroup) => number,
  show: (v: number) => string,
) {
  return days.map((d): Bar => {
    const value = typeof d === 'string' ? 0 : pick(d);
    return { label: typeof d === 'string' ? d : d.key, value, shown: show(value) };
  });
}

const tokensOf = (g: UsageGroup) => totalTokens(g.tokens);
const cost = (v: number) => formatCost(v);

function categoryBars(groups: readonly UsageGroup[], href: (g: UsageGroup) => string | undefined): Bar[] {
  return groups.map((g) => ({
    label: g.label,
    value: g.costUsd ?? 0,
    shown: `${formatCost(g.costUsd)} · ${formatCount(tokensOf(g))} tokens · ${g.sessions} session${g.sessions === 1 ? '' : 's'}`,
    ...(href(g) ? { href: href(g)! } : {}),
  }));
}

function stat(label: string, value: string, note?: string): SafeHtml {
  return html`<div class="panel stat">
    <div class="muted small">${label}</div>
    <div class="value">${value}</div>
    ${note ? html`<div class="muted small">${note}</div>` : ''}
  </div>`;
}

function filters(v: UsagePageView): SafeHtml {
  const opt = (value: string, label: string) =>
    html`<option value="${value}" ${value === v.project ? html` selected` : ''}>${label}</option>`;
  return html`<form
    method="get"
    action="/usage"
    class="panel filters usage-filters"
    aria-label="Usage filters"
  >
    <div>
      <label for="u-project">Project</label
      ><select id="u-project" name="project">
        ${opt('', 'All projects')} ${v.projects.map((p) => opt(p.id, p.name))}
      </select>
    </div>
    <div>
      <label for="u-from">From (UTC)</label><input id="u-from" type="date" name="from" value="${v.from}" />
    </div>
    <div><label for="u-to">To (UTC)</label><input id="u-to" type="date" name="to" value="${v.to}" /></div>
    <div class="actions"><button type="submit">Apply</button></div>
  </form>`;
}

function toolsPanel(r: UsageResponse): SafeHtml {
  const tools = r.tools.map((t) => ({
    label: t.name,
    value: t.calls,
    shown: `${formatCount(t.calls)} calls`,
  }));
  return html`<section class="panel">
    ${
      tools.length
        ? barList({ title: 'Most used tools', head: ['Tool', 'Calls'], bars: tools })
        : html`<h2>Most used tools</h2>
            <p class="muted">No tool calls in this range.</p>`
    }
  </section>`;
}

function costliestPanel(r: UsageResponse): SafeHtml {
  return html`<section class="panel">
    <h2>Costliest sessions</h2>
    ${
      r.costliest.length
        ? html`<div class="table-wrap">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  <th scope="col">Project</th>
                  <th scope="col">Started</th>
                  <th scope="col">Tokens</th>
                  <th scope="col">Cost (est.)</th>
                </tr>
              </thead>
              <tbody>
                ${r.costliest.map(
                  (s) =>
                    html`<tr>
                      <th scope="row">
                        <a href="/sessions/${encodeURIComponent(s.id)}">${s.title ?? s.id}</a>
                      </th>
                      <td>${s.project ?? '—'}</td>
                      <td>${formatDate(s.startedAt)}</td>
                      <td>${formatCount(totalTokens(s.tokens))}</td>
                      <td>${formatCost(s.costUsd)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">No priced sessions in this range.</p>`
    }
  </section>`;
}

export function usagePage(v: UsagePageView): string {
  const r = v.report;
  const t = r.totals;
  const days = everyDay(v.from, v.to, r.groups);
  const projectHref = (g: UsageGroup) =>
    g.key === 'none' ? undefined : `/projects/${encodeURIComponent(g.key)}`;
  return layout({
    title: 'Usage',
    nav: 'usage',
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<div class="usage stack">
      <h1>Usage</h1>
      ${filters(v)}
      <div class="stats" role="list">
        ${stat('Sessions', String(t.sessions))} ${stat('Tokens', formatCount(totalTokens(t.tokens)))}
        ${stat(
          'Cost (est.)',
          formatCost(t.costUsd),
          t.unpricedSessions ? `${t.unpricedSessions} session(s) with an unpriced model left out` : undefined,
        )}
      </div>
      <p class="muted small">
        Each session counts once, on the UTC day it started, with its own part only: a fork's copied history
        is counted with the session it came from.
      </p>
      <section class="panel usage-days">
        ${columnChart({ title: 'Tokens by day', head: ['Day', 'Tokens'], bars: dayBars(days, tokensOf, formatCount) })}
        ${columnChart({ title: 'Cost by day', head: ['Day', 'Cost (est.)'], bars: dayBars(days, (g) => g.costUsd ?? 0, cost) })}
        ${columnChart({ title: 'Sessions by day', head: ['Day', 'Sessions'], bars: dayBars(days, (g) => g.sessions, String) })}
      </section>
      <div class="usage-grid">
        <section class="panel">
          ${barList({ title: 'By project', head: ['Project', 'Usage'], bars: categoryBars(v.byProject, projectHref) })}
        </section>
        <section class="panel">
          ${barList({ title: 'By model', head: ['Model', 'Usage'], bars: categoryBars(v.byModel, () => undefined) })}
        </section>
        ${toolsPanel(r)}
      </div>
      ${costliestPanel(r)}
    </div>`,
  });
}
