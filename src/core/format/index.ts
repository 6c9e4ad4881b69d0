// Display formatters shared by the plugin and the tracker: durations, costs, counts, dates and HTML escaping.
export { formatDuration, type DurationStyle } from './duration.js';
export { formatCost, type CostStyle } from './cost.js';
export { formatCount, formatInt, totalTokens, type CountStyle } from './count.js';
export { formatDate } from './date.js';
export { escapeHtml, escapeHtmlAndBackticks, escapeText, safeHref } from './html.js';
export { createMarkdownHtml, type MarkdownHtmlOptions, type MarkdownSurface } from './markdown-html.js';
export { codeSpan, fenceFor, longestRun } from './markdown-text.js';
