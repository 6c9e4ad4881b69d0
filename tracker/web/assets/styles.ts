// The tracker's one stylesheet, served at /assets/app.css: accessible contrast, visible focus, phone-width, dark mode.
export const APP_CSS = `
:root {
  --bg: #f7f7f8; --panel: #ffffff; --fg: #16181d; --muted: #50565f; --border: #d5d8de;
  --accent: #0b57d0; --accent-fg: #ffffff; --ok: #136c2e; --warn: #8a4b00; --err: #b3261e;
  --you: #eef3fd; --claude: #ffffff; --tool: #f3f4f6; --code-bg: #f1f3f5; --focus: #0b57d0;
  --live: #c5221f;
  color-scheme: light dark;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111317; --panel: #1a1d23; --fg: #e8eaed; --muted: #a9afb8; --border: #343a44;
    --accent: #8ab4f8; --accent-fg: #0b1020; --ok: #6dd58c; --warn: #f6b86b; --err: #f2b8b5;
    --you: #1d2a3f; --claude: #1a1d23; --tool: #22262d; --code-bg: #0d0f12; --focus: #8ab4f8;
    --live: #ff8a80;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, textarea:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
.skip { position: absolute; left: -9999px; top: 0; }
.skip:focus { left: 8px; top: 8px; background: var(--panel); padding: 8px; z-index: 10; }
.top { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; padding: 10px 20px; background: var(--panel); border-bottom: 1px solid var(--border); }
.brand { font-weight: 700; font-size: 1.15rem; color: var(--fg); text-decoration: none; }
.top nav { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; flex: 1; }
.top nav a { text-decoration: none; padding: 4px 2px; }
.top nav a[aria-current="page"] { font-weight: 700; text-decoration: underline; }
.top form { margin: 0 0 0 auto; }
main { max-width: 1200px; margin: 0 auto; padding: 20px; }
h1 { font-size: 1.5rem; margin: 0 0 12px; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 20px 0 10px; }
.muted { color: var(--muted); }
.small { font-size: 0.875rem; }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: 10px; padding: 16px; }
.stack > * + * { margin-top: 12px; }
main > .panel + .panel, main > section + section, main > .stats + .panel, main > .panel + .stats { margin-top: 16px; }
.row { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
button, .button {
  display: inline-block; font: inherit; font-size: 0.95rem; padding: 7px 14px; border-radius: 8px; cursor: pointer;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-fg); text-decoration: none; min-height: 38px;
}
button.secondary, .button.secondary { background: transparent; color: var(--accent); }
button.danger { background: transparent; color: var(--err); border-color: var(--err); }
label { display: block; font-weight: 600; margin-bottom: 4px; }
input[type=text], input[type=search], input[type=password], select {
  font: inherit; padding: 7px 10px; border-radius: 8px; border: 1px solid var(--muted); background: var(--panel); color: var(--fg);
  min-height: 38px; width: 100%;
}
.check { display: flex; gap: 6px; align-items: center; font-weight: 400; }
.filters { display: grid; grid-template-columns: 2fr repeat(4, 1fr); gap: 12px; align-items: end; }
.filters .actions { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; grid-column: 1 / -1; }
.panel > h2:first-child, .panel > h1:first-child { margin-top: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 14px; margin-top: 16px; padding: 0; list-style: none; }
.card h2 { margin: 0 0 6px; font-size: 1.05rem; overflow-wrap: anywhere; }
.card h2 a { text-decoration: none; }
.facts li, .who, .sidebar li { overflow-wrap: anywhere; min-width: 0; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0 0; padding: 0; list-style: none; font-size: 0.9rem; color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; border: 1px solid var(--border); font-size: 0.8rem; }
.badge.active { color: var(--ok); border-color: var(--ok); }
.badge.error, .badge.interrupted { color: var(--err); border-color: var(--err); }
.live-dot { color: var(--live); font-weight: 700; }
.pager { display: flex; gap: 12px; align-items: center; justify-content: center; margin: 20px 0; }
.detail { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 20px; align-items: start; }
.sidebar dl { display: grid; grid-template-columns: auto auto; gap: 4px 12px; margin: 0; }
.sidebar dt { color: var(--muted); }
.sidebar dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.timeline { list-style: none; padding: 0; margin: 0; }
.timeline > li { margin: 0 0 10px; }
.turn-sep { border: 0; border-top: 1px dashed var(--border); margin: 18px 0; }
.msg { border: 1px solid var(--border); border-radius: 10px; padding: 10px 14px; background: var(--claude); overflow-wrap: anywhere; }
.msg.prompt { background: var(--you); }
.msg.tool, .msg.result, .msg.thinking { background: var(--tool); }
.msg.system { background: transparent; border-style: dashed; font-size: 0.9rem; color: var(--muted); }
.msg.is-error { border-color: var(--err); }
.who { font-weight: 700; font-size: 0.85rem; color: var(--muted); margin-bottom: 4px; display: flex; gap: 8px; flex-wrap: wrap; }
.msg details > summary { cursor: pointer; font-weight: 600; }
.msg .body > :first-child { margin-top: 0; }
.msg .body > :last-child { margin-bottom: 0; }
.plain-text { white-space: pre-wrap; }
pre { background: var(--code-bg); padding: 10px; border-radius: 8px; overflow-x: auto; max-width: 100%; font-size: 0.85rem; }
pre.plain { white-space: pre-wrap; overflow-wrap: anywhere; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
table.data { width: 100%; border-collapse: collapse; }
table.data th, table.data td { text-align: left; padding: 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
.table-wrap { overflow-x: auto; }
.notice { padding: 10px 14px; border-radius: 8px; border: 1px solid var(--border); background: var(--panel); }
.notice.error { border-color: var(--err); color: var(--err); }
.notice.ok { border-color: var(--ok); }
.secret { font-family: ui-monospace, monospace; font-size: 0.95rem; overflow-wrap: anywhere; background: var(--code-bg); padding: 8px; border-radius: 6px; }
.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; }
.stat .value { font-size: 1.35rem; font-weight: 700; overflow-wrap: anywhere; }
.live-bar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding: 10px 14px; margin-bottom: 14px; }
.live-badge { background: var(--live); color: #fff; font-weight: 800; padding: 2px 10px; border-radius: 6px; letter-spacing: 0.05em; }
.live-badge.off { background: var(--muted); }
.working { font-style: italic; }
.working[hidden] { display: none; }
.jump { position: fixed; right: 20px; bottom: 20px; }
.jump[hidden] { display: none; }
.end-notice { margin-top: 14px; }
.hljs-keyword, .hljs-selector-tag, .hljs-built_in { color: #8f2fb8; }
.hljs-string, .hljs-attr { color: #1a7f37; }
.hljs-number, .hljs-literal { color: #0550ae; }
.hljs-comment { color: var(--muted); font-style: italic; }
.hljs-title, .hljs-function { color: #953800; }
@media (prefers-color-scheme: dark) {
  .hljs-keyword, .hljs-selector-tag, .hljs-built_in { color: #d2a8ff; }
  .hljs-string, .hljs-attr { color: #7ee787; }
  .hljs-number, .hljs-literal { color: #79c0ff; }
  .hljs-title, .hljs-function { color: #ffa657; }
}
@media (max-width: 800px) {
  .detail { grid-template-columns: minmax(0, 1fr); }
  .filters { grid-template-columns: 1fr 1fr; }
  .filters .grow { grid-column: 1 / -1; }
  main { padding: 12px; }
  .top nav { order: 3; flex-basis: 100%; }
}
@media (max-width: 420px) {
  .filters { grid-template-columns: 1fr; }
  .cards { grid-template-columns: 1fr; }
}
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; } }
`;
