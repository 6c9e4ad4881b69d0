// The HTML export's page script: lazy syntax highlighting and in-page search. Bundled by scripts/build.mjs into
// src/core/export/generated/page-script.ts and inlined (with the highlighter) under the page's CSP hash.

/** What the generated highlighter (generated/highlighter.ts) declares as `H`. */
export interface Highlighter {
  highlight(code: string, language: string): string;
  has(language: string): boolean;
}

/** Longer blocks are never highlighted (html-content.ts leaves their language off too). */
const MAX = 100_000;
const SEL = 'code[class^="language-"]';

type Painted = HTMLElement & { bh?: 1 };

export function startPage(H: Highlighter | null): void {
  const d = document;
  d.documentElement.classList.add('js');
  const done = lazyHighlight(d, H);
  search(d, done);
}

/**
 * Each code block is highlighted when it comes near the viewport (IntersectionObserver) or when its <details>
 * opens, so a page with megabytes of code opens fast. `H` escapes the text it is given and returns only
 * <span class="hljs-…"> markup, and the text is the block's own textContent, so session text cannot become markup.
 * A block showing search marks waits until the search is cleared (re-rendering it would drop the marks).
 */
function lazyHighlight(d: Document, H: Highlighter | null): { done(c: Element): void; flush(): void } {
  let waiting: Element[] = [];
  const langOf = (c: Element): string => /^language-([a-z0-9+]+)/.exec(c.className)?.[1] ?? '';
  const paint = (c: Painted): boolean => {
    if (c.bh) return true;
    if (c.querySelector('mark')) {
      waiting.push(c);
      return false;
    }
    c.bh = 1;
    const l = langOf(c);
    const t = c.textContent ?? '';
    if (!H || !l || t.length > MAX || !H.has(l)) return true;
    try {
      c.innerHTML = H.highlight(t, l);
      c.classList.add('hljs');
    } catch {}
    return true;
  };
  const io = window.IntersectionObserver
    ? new IntersectionObserver(
        (es) => {
          for (const e of es) if (e.isIntersecting) done(e.target);
        },
        { rootMargin: '600px 0px' },
      )
    : null;
  function done(c: Element): void {
    if (paint(c as Painted) && io) io.unobserve(c);
  }
  for (const c of Array.from(d.querySelectorAll(SEL))) {
    if (io) io.observe(c);
    else done(c);
  }
  d.addEventListener(
    'toggle',
    (e) => {
      const t = e.target as HTMLDetailsElement;
      if (!t.open || !t.querySelectorAll) return;
      for (const c of Array.from(t.querySelectorAll(SEL))) done(c);
    },
    true,
  );
  const flush = (): void => {
    const w = waiting;
    waiting = [];
    for (const c of w) done(c);
  };
  return { done, flush };
}

/**
 * Highlights matches in every message (inside collapsed tools too), counts them, steps with Enter / Shift+Enter or
 * the arrows (opening the <details> a match is in), and can hide non-matching messages. It only ever creates text
 * nodes and <mark> elements, so it cannot turn session text into markup.
 */
function search(d: Document, highlighter: { flush(): void }): void {
  const h = d.getElementById('title');
  if (h && h.textContent) d.title = h.textContent;
  const q = d.getElementById('q') as HTMLInputElement | null;
  const cnt = d.getElementById('cnt');
  const only = d.getElementById('only') as HTMLInputElement | null;
  if (!q || !cnt || !only) return;
  let marks: HTMLElement[] = [];
  let cur = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const clear = (): void => {
    for (const m of Array.from(d.querySelectorAll('mark.hit'))) {
      const p = m.parentNode!;
      p.replaceChild(d.createTextNode(m.textContent ?? ''), m);
      p.normalize();
    }
    marks = [];
    cur = -1;
    for (const n of Array.from(d.querySelectorAll('.nomatch'))) n.classList.remove('nomatch');
    highlighter.flush();
  };
  const mark = (el: Element, s: string): boolean => {
    const w = d.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let n: Node | null;
    let found = false;
    while ((n = w.nextNode())) nodes.push(n as Text);
    for (const node of nodes) {
      const t = node.nodeValue ?? '';
      const low = t.toLowerCase();
      let i = low.indexOf(s);
      // Lower-casing that changes the length (some non-ASCII) would put the marks off: such text is skipped.
      if (i < 0 || low.length !== t.length) continue;
      found = true;
      const f = d.createDocumentFragment();
      let last = 0;
      while (i >= 0) {
        f.appendChild(d.createTextNode(t.slice(last, i)));
        const m = d.createElement('mark');
        m.className = 'hit';
        m.textContent = t.slice(i, i + s.length);
        f.appendChild(m);
        marks.push(m);
        last = i + s.length;
        i = low.indexOf(s, last);
      }
      f.appendChild(d.createTextNode(t.slice(last)));
      node.parentNode!.replaceChild(f, node);
    }
    return found;
  };
  const run = (): void => {
    clear();
    const s = q.value.toLowerCase();
    if (!s) {
      cnt.textContent = '';
      return;
    }
    for (const m of Array.from(d.querySelectorAll('.msg'))) if (!mark(m, s)) m.classList.add('nomatch');
    for (const t of Array.from(d.querySelectorAll('.turn')))
      if (!t.querySelector('.msg:not(.nomatch)')) t.classList.add('nomatch');
    cnt.textContent =
      marks.length === 1 ? '1 match' : marks.length ? `${marks.length} matches` : 'no matches';
  };
  const go = (step: number): void => {
    if (!marks.length) return;
    if (cur >= 0) marks[cur]!.classList.remove('cur');
    cur = (cur + step + marks.length) % marks.length;
    const m = marks[cur]!;
    m.classList.add('cur');
    for (let p: Node | null = m.parentNode; p; p = p.parentNode) {
      if ((p as Element).tagName === 'DETAILS') (p as HTMLDetailsElement).open = true;
    }
    m.scrollIntoView({ block: 'center' });
    cnt.textContent = `${cur + 1} / ${marks.length}`;
  };
  q.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  q.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      if (!marks.length && q.value) run();
      go(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      q.value = '';
      run();
    }
  });
  d.getElementById('next')!.addEventListener('click', () => go(1));
  d.getElementById('prev')!.addEventListener('click', () => go(-1));
  only.addEventListener('change', () => d.body.classList.toggle('filter', only.checked));
  d.addEventListener('keydown', (e) => {
    if (e.key === '/' && d.activeElement !== q) {
      e.preventDefault();
      q.focus();
    }
  });
}
