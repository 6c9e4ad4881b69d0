// The HTML export's inline assets: stylesheet (light/dark, code theme), the page script and its CSP hash.
import { createHash } from 'node:crypto';
import { HIGHLIGHTER_JS } from './generated/highlighter.js';

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
.hljs-addition{color:var(--a);background:color-mix(in srgb,var(--a) 15%,transparent)}
.hljs-deletion{color:var(--d);background:color-mix(in srgb,var(--err) 15%,transparent)}
`;

/**
 * Lazy syntax highlighting: code blocks carry only a `language-…` class; each is highlighted when it comes near
 * the viewport (IntersectionObserver) or when its <details> opens, so a page with megabytes of code opens fast.
 * `H` (highlight.js, generated) escapes the text it is given and returns only <span class="hljs-…"> markup, and
 * the text comes from the block's own textContent, so session text cannot become markup. A block showing search
 * marks waits until the search is cleared (re-rendering it would drop the marks).
 */
const HIGHLIGHT_JS = `var MAX=100000,waiting=[],SEL='code[class^="language-"]';
function langOf(c){var m=/^language-([a-z0-9+]+)/.exec(c.className);return m?m[1]:'';}
function paint(c){if(c.bh)return true;if(c.querySelector('mark')){waiting.push(c);return false;}c.bh=1;
var l=langOf(c),t=c.textContent;if(!H||!l||t.length>MAX||!H.has(l))return true;
try{c.innerHTML=H.highlight(t,l);c.classList.add('hljs');}catch(e){}return true;}
var io=window.IntersectionObserver?new IntersectionObserver(function(es){for(var i=0;i<es.length;i++){
if(es[i].isIntersecting)done(es[i].target);}},{rootMargin:'600px 0px'}):null;
function done(c){if(paint(c)&&io)io.unobserve(c);}
var cs=d.querySelectorAll(SEL);for(var i=0;i<cs.length;i++){if(io)io.observe(cs[i]);else done(cs[i]);}
d.addEventListener('toggle',function(e){var t=e.target;if(!t.open||!t.querySelectorAll)return;
var cs=t.querySelectorAll(SEL);for(var i=0;i<cs.length;i++)done(cs[i]);},true);
`;

/**
 * In-page search: highlights matches in every message (inside collapsed tools too), counts them, steps with
 * Enter / Shift+Enter or the arrows (opening the <details> a match is in), and can hide non-matching messages.
 * It only ever creates text nodes and <mark> elements, so it cannot turn session text into markup.
 */
const SEARCH_JS = `var h=d.getElementById('title');if(h&&h.textContent)d.title=h.textContent;
var q=d.getElementById('q'),cnt=d.getElementById('cnt'),only=d.getElementById('only'),marks=[],cur=-1,timer=0;
if(!q)return;
function clear(){var ms=d.querySelectorAll('mark.hit');for(var i=0;i<ms.length;i++){var m=ms[i],p=m.parentNode;
p.replaceChild(d.createTextNode(m.textContent),m);p.normalize();}marks=[];cur=-1;
var nm=d.querySelectorAll('.nomatch');for(var j=0;j<nm.length;j++)nm[j].classList.remove('nomatch');
var w=waiting;waiting=[];for(var k=0;k<w.length;k++)done(w[k]);}
function mark(el,s){var w=d.createTreeWalker(el,NodeFilter.SHOW_TEXT),nodes=[],n,found=false;
while((n=w.nextNode()))nodes.push(n);
for(var k=0;k<nodes.length;k++){var t=nodes[k].nodeValue,low=t.toLowerCase(),i=low.indexOf(s);
if(i<0||low.length!==t.length)continue;found=true;var f=d.createDocumentFragment(),last=0;
while(i>=0){f.appendChild(d.createTextNode(t.slice(last,i)));var m=d.createElement('mark');m.className='hit';
m.textContent=t.slice(i,i+s.length);f.appendChild(m);marks.push(m);last=i+s.length;i=low.indexOf(s,last);}
f.appendChild(d.createTextNode(t.slice(last)));nodes[k].parentNode.replaceChild(f,nodes[k]);}return found;}
function run(){clear();var s=q.value.toLowerCase();if(!s){cnt.textContent='';return;}
var msgs=d.querySelectorAll('.msg'),turns=d.querySelectorAll('.turn');
for(var i=0;i<msgs.length;i++){if(!mark(msgs[i],s))msgs[i].classList.add('nomatch');}
for(var j=0;j<turns.length;j++){if(!turns[j].querySelector('.msg:not(.nomatch)'))turns[j].classList.add('nomatch');}
cnt.textContent=marks.length===1?'1 match':marks.length?marks.length+' matches':'no matches';}
function go(step){if(!marks.length)return;if(cur>=0)marks[cur].classList.remove('cur');
cur=(cur+step+marks.length)%marks.length;var m=marks[cur];m.classList.add('cur');
for(var p=m.parentNode;p;p=p.parentNode){if(p.tagName==='DETAILS')p.open=true;}
m.scrollIntoView({block:'center'});cnt.textContent=(cur+1)+' / '+marks.length;}
q.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(run,150);});
q.addEventListener('keydown',function(e){if(e.key==='Enter'){e.preventDefault();clearTimeout(timer);
if(!marks.length&&q.value)run();go(e.shiftKey?-1:1);}else if(e.key==='Escape'){q.value='';run();}});
d.getElementById('next').addEventListener('click',function(){go(1);});
d.getElementById('prev').addEventListener('click',function(){go(-1);});
only.addEventListener('change',function(){d.body.classList.toggle('filter',only.checked);});
d.addEventListener('keydown',function(e){if(e.key==='/'&&d.activeElement!==q){e.preventDefault();q.focus();}});
`;

/** The page's one inline script: highlight.js (declares `H`), lazy highlighting, then search; all function-local. */
export const SCRIPT = `(function(){
var d=document;d.documentElement.classList.add('js');
var H=null;try{
${HIGHLIGHTER_JS}
}catch(e){H=null;}
${HIGHLIGHT_JS}${SEARCH_JS}})();`;

/** The script's CSP hash: the page allows exactly this script and nothing else. */
export const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}`;

export const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;
