// Search highlighting on the session page: wraps matches in text nodes with <mark>, built with DOM calls only.

/** Removes earlier marks, putting their text back where it was. */
export function clearMarks(root: HTMLElement): void {
  const marks = root.querySelectorAll('mark.reader-hit');
  Array.prototype.forEach.call(marks, (m: HTMLElement) => {
    const parent = m.parentNode;
    if (!parent) return;
    parent.replaceChild(document.createTextNode(m.textContent ?? ''), m);
    parent.normalize();
  });
}

/** Marks every case-insensitive occurrence of `q` in the text under `root` (not inside the event links). */
export function markText(root: HTMLElement, q: string): number {
  const needle = q.toLowerCase();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('a.permalink, mark') || !n.nodeValue?.toLowerCase().includes(needle)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let found = 0;
  for (const node of nodes) {
    let rest = node;
    for (;;) {
      const i = (rest.nodeValue ?? '').toLowerCase().indexOf(needle);
      if (i < 0) break;
      const hit = rest.splitText(i);
      rest = hit.splitText(needle.length);
      const mark = document.createElement('mark');
      mark.className = 'reader-hit';
      hit.parentNode!.replaceChild(mark, hit);
      mark.appendChild(hit);
      found++;
    }
  }
  return found;
}
