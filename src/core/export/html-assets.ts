// The HTML export's inline assets: stylesheet (light/dark, code theme), the page script and its CSP hash.
import { createHash } from 'node:crypto';
import { HIGHLIGHTER_JS } from './generated/highlighter.js';
import { PAGE_JS } from './generated/page-script.js';

/**
 * Layout note: the metrics header is written last (totals arrive at the end of a stream) and shown first with
 * flex `order`; the search bar sticks to the top. The highlight.js theme is a compact GitHub-like palette.
 */
export const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--user:#ddf4ff;
--accent:#0969da;--err:#cf222e;--errbg:#ffebe9;--mark:#fff8c5;--cur:#ffd33d;
--k:#cf222e;--s:#0a3069;--n:#0550ae;--c:#59636e;--t:#953800;--f:#8250df;--v:#116329;--a:#116329;--d:#82071e}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;
--user:#0c2d4b;--accent:#4493f8;--err:#f85149;--errbg:#3c1618;--mark:#5c4a00;--cur:#9e6a03;
--k:#ff7b72;--s:#a5d6ff;--n:#79c0ff;--c:#9198a1;--t:#ffa657;--f:#d2a8ff;--v:#7ee787;--a:#aff5b4;--d:#ffdcd7}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.page{display:flex;flex-direction:column;max-width:60rem;margin:0 auto;padding:0 1rem 4rem}
.metrics{order:-2;padding:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
.bar{order:-1;position:sticky;top:0;z-index:2;display:none;gap:.5rem;align-items:center;padding:.5rem 0;
background:var(--bg);border-bottom:1px solid var(--line)}
.js .bar{display:flex}
.bar input[type=search]{flex:1;min-width:8rem;font:inherit;padding:.3rem .6rem;border:1px solid var(--line);
border-radius:6px;background:var(--soft);color:var(--fg)}
.bar button{font:inherit;padding:.2rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--soft);
color:var(--fg);cursor:pointer}
.bar label,#cnt{color:var(--muted);font-size:.85rem;white-space:nowrap}
h1{font-size:1.5rem;margin:0 0 .25rem}
.sub{color:var(--muted);margin:0 0 1rem;font-size:.9rem}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem;margin:0 0 1rem}
.stats div{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:.4rem .6rem}
.stats dt{color:var(--muted);font-size:.75rem;text-transform:uppercase;letter-spacing:.03em}
.stats dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.metrics details{margin:.25rem 0}.metrics table{border-collapse:collapse}
.metrics td{padding:.1rem .8rem .1rem 0}.metrics td+td{text-align:right;font-variant-numeric:tabular-nums}
.turn{margin-top:1.5rem}
.turn>h2{font-size:1rem;color:var(--muted);border-bottom:1px solid var(--line);padding-bottom:.25rem;margin:0 0 .75rem}
.turn>h2 time{font-weight:400;font-size:.85rem;margin-left:.5rem}
.sidechain{border-left:3px solid var(--line);padding-left:1rem}
.msg{margin:.6rem 0}
.role{font-size:.8rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.role small{font-weight:400;text-transform:none;letter-spacing:0;margin-left:.4rem}
.user .text{background:var(--user);border-radius:8px;padding:.5rem .75rem}
.plain{white-space:pre-wrap;overflow-wrap:anywhere}
.cmd{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:600}
details.msg{border:1px solid var(--line);border-radius:8px;background:var(--soft)}
details.msg>summary{cursor:pointer;padding:.3rem .6rem;font-size:.9rem;overflow-wrap:anywhere}
details.msg>:not(summary){margin:0 .6rem .6rem}
details.error{border-color:var(--err);background:var(--errbg)}
details.error>summary{color:var(--err);font-weight:600}
.thinking .md{font-style:italic;color:var(--muted)}
.sum{color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
.system{color:var(--muted);font-size:.85rem;border-left:3px solid var(--line);padding-left:.6rem}
.url{color:var(--accent);overflow-wrap:anywhere}
.raw{white-space:pre-wrap;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
.md h1,.md h2,.md h3,.md h4{font-size:1.05rem;margin:.8rem 0 .4rem}
.md table{border-collapse:collapse}.md th,.md td{border:1px solid var(--line);padding:.2rem .5rem}
.md blockquote{margin:0;padding-left:.8rem;border-left:3px solid var(--line);color:var(--muted)}
pre{margin:.4rem 0;padding:.6rem .75rem;background:var(--bg);border:1px solid var(--line);border-radius:6px;
overflow:auto;max-height:40rem;font-size:.82rem;line-height:1.45}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
:not(pre)>code{background:var(--soft);border-radius:4px;padding:.1rem .3rem;font-size:.85em}
mark.hit{background:var(--mark);color:inherit}mark.hit.cur{background:var(--cur)}
.filter .msg.nomatch,.filter .turn.nomatch{display:none}
.hljs-keyword,.hljs-doctag,.hljs-template-tag,.hljs-type,.hljs-variable.language_{color:var(--k)}
.hljs-title,.hljs-title.function_,.hljs-title.class_{color:var(--f)}
.hljs-attr,.hljs-attribute,.hljs-literal,.hljs-meta,.hljs-number,.hljs-operator,.hljs-selector-attr,
.hljs-selector-class,.hljs-selector-id,.hljs-variable{color:var(--n)}
.hljs-string,.hljs-regexp,.hljs-meta .hljs-string{color:var(--s)}
.hljs-built_in,.hljs-symbol,.hljs-params{color:var(--t)}
.hljs-comment,.hljs-code,.hljs-formula{color:var(--c)}
.hljs-name,.hljs-quote,.hljs-selector-tag,.hljs-selector-pseudo,.hljs-section{color:var(--v)}
.hljs-section{font-weight:700}.hljs-emphasis{font-style:italic}.hljs-strong{font-weight:700}
details.edit[open]>summary{border-bottom:1px solid var(--line)}
.diff{margin:.4rem 0;border:1px solid var(--line);border-radius:6px;background:var(--bg);overflow:auto;max-height:40rem;
font:.82rem/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.diff .hunk+.hunk{border-top:1px solid var(--line)}
.diff .dl{display:flex;min-height:1.45em;white-space:pre}
.diff .dl code{font:inherit;white-space:pre;padding:0 .5rem 0 0;background:none}
.diff .mk{flex:none;width:1.5rem;text-align:center;user-select:none;color:var(--muted)}
.diff .ln{flex:none;min-width:3rem;padding:0 .4rem;text-align:right;color:var(--muted);user-select:none;
border-right:1px solid var(--line)}
.diff .d-add{background:color-mix(in srgb,var(--a) 14%,transparent)}
.diff .d-del{background:color-mix(in srgb,var(--err) 14%,transparent)}
.diff .d-add .mk,.diffstat .d-add{color:var(--v);font-weight:700}
.diff .d-del .mk,.diffstat .d-del{color:var(--err);font-weight:700}
.diff .d-hunk,.diff .d-note{color:var(--muted);background:var(--soft);padding:0 .5rem}
.diff-note{margin:0;padding:.2rem .5rem;color:var(--muted);font:.8rem system-ui,sans-serif}
.diffstat{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;white-space:nowrap}
.hljs-addition{color:var(--a);background:color-mix(in srgb,var(--a) 15%,transparent)}
.hljs-deletion{color:var(--d);background:color-mix(in srgb,var(--err) 15%,transparent)}
.comments{margin:.25rem 0 1rem 1.5rem;padding:.4rem .75rem;border-left:3px solid var(--accent);background:var(--soft);
border-radius:0 6px 6px 0;font-size:.9rem}
.comments>h3{font-size:.8rem;color:var(--muted);margin:0 0 .3rem;text-transform:uppercase;letter-spacing:.03em}
.comment{margin:.3rem 0}.comment .by{color:var(--muted);font-size:.8rem;margin:0}
.comment .by b{color:var(--fg)}.comment .ctext{white-space:pre-wrap;overflow-wrap:anywhere;margin:.1rem 0}
.comment .replies{margin-left:1.25rem;border-left:1px solid var(--line);padding-left:.6rem}
`;

/**
 * The page's one inline script: highlight.js (declares `H`), then the page script (src/core/export/client/page.ts:
 * lazy highlighting and search), all function-local.
 */
export const SCRIPT = `(function(){
var H=null;try{
${HIGHLIGHTER_JS}
}catch(e){H=null;}
${PAGE_JS}})();`;

/** The script's CSP hash: the page allows exactly this script and nothing else. */
export const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}`;

export const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;
