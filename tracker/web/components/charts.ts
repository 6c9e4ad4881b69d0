// Server-rendered SVG bar charts: no script, no style attribute (strict CSP), colours from CSS classes so light and
// dark mode both read; each chart is an image with a <title> and a table of the same figures for screen readers.
import { html, type SafeHtml } from '../html.js';

export interface Bar {
  label: string;
  value: number;
  /** The value as people read it (`1.2M`, `$3.40`). */
  shown: string;
  href?: string;
}

let seq = 0;
/** Ids for aria-labelledby: unique within a page render (a counter is enough; pages are rendered one at a time). */
const nextId = () => `chart-${(seq = (seq + 1) % 1_000_000)}`;

const W = 720;
const H = 150;
const AXIS = 22;

/** A table of the chart's figures, folded away under the chart: the accessible and copyable form. */
function figuresTable(caption: string, head: [string, string], bars: readonly Bar[]): SafeHtml {
  return html`<details class="chart-table">
    <summary>Table: ${caption}</summary>
    <div class="table-wrap">
      <table class="data">
        <caption class="chart-caption">
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${head[0]}</th>
            <th scope="col">${head[1]}</th>
          </tr>
        </thead>
        <tbody>
          ${bars.map(
            (b) =>
              html`<tr>
                <th scope="row">${b.href ? html`<a href="${b.href}">${b.label}</a>` : b.label}</th>
                <td>${b.shown}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}

/** Vertical bars over time (one per day): the first, middle and last labels under the axis. */
export function columnChart(o: { title: string; head: [string, string]; bars: readonly Bar[] }): SafeHtml {
  const id = nextId();
  const max = Math.max(0, ...o.bars.map((b) => b.value));
  const n = Math.max(1, o.bars.length);
  const slot = W / n;
  const gap = slot > 6 ? Math.min(4, slot * 0.2) : 0;
  const plot = H - AXIS;
  const labelled = new Set([0, Math.floor((n - 1) / 2), n - 1]);
  const rects = o.bars.map((b, i) => {
    const h = max > 0 ? Math.max(b.value > 0 ? 1 : 0, (b.value / max) * (plot - 4)) : 0;
    return html`<rect
      class="bar"
      x="${(i * slot + gap / 2).toFixed(2)}"
      y="${(plot - h).toFixed(2)}"
      width="${Math.max(0.5, slot - gap).toFixed(2)}"
      height="${h.toFixed(2)}"
      ><title>${b.label}: ${b.shown}</title></rect
    >`;
  });
  const labels = o.bars.map((b, i) =>
    labelled.has(i)
      ? html`<text
          class="axis-label"
          x="${(i * slot + slot / 2).toFixed(2)}"
          y="${H - 6}"
          text-anchor="${i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'}"
          >${b.label}</text
        >`
      : '',
  );
  return html`<figure class="chart">
    <figcaption id="${id}">${o.title}</figcaption>
    <svg class="chart-svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}">
      <title>${o.title}</title>
      <line class="axis" x1="0" y1="${plot}" x2="${W}" y2="${plot}" />
      ${rects} ${labels}
    </svg>
    ${figuresTable(o.title, o.head, o.bars)}
  </figure>`;
}

/** Horizontal bars for categories (projects, models, tools): the label and figure beside each bar. */
export function barList(o: { title: string; head: [string, string]; bars: readonly Bar[] }): SafeHtml {
  const id = nextId();
  const max = Math.max(0, ...o.bars.map((b) => b.value));
  const row = 44;
  const height = Math.max(row, o.bars.length * row);
  const rows = o.bars.map((b, i) => {
    const w = max > 0 ? Math.max(b.value > 0 ? 2 : 0, (b.value / max) * 100) : 0;
    return html`<rect class="bar" x="0" y="${i * row + 4}" width="${w.toFixed(2)}" height="${row - 8}"
      ><title>${b.label}: ${b.shown}</title></rect
    >`;
  });
  return html`<figure class="chart">
    <figcaption id="${id}">${o.title}</figcaption>
    <div class="bar-list">
      <ol class="bar-labels">
        ${o.bars.map(
          (b) =>
            html`<li>
              ${b.href ? html`<a href="${b.href}">${b.label}</a>` : b.label}
              <span class="muted">${b.shown}</span>
            </li>`,
        )}
      </ol>
      <svg
        class="bars-svg"
        viewBox="0 0 100 ${height}"
        height="${height}"
        role="img"
        aria-labelledby="${id}"
        preserveAspectRatio="none"
      >
        <title>${o.title}</title>
        ${rows}
      </svg>
    </div>
    ${figuresTable(o.title, o.head, o.bars)}
  </figure>`;
}
