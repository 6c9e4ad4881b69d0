// The "with comments" switch beside a session's export buttons: it adds `comments=true` to their links. The switch
// is hidden until this script shows it, so without JavaScript the buttons simply export without comments.
export function enhanceExportOptions(): void {
  const box = document.getElementById('export-comments');
  const group = box?.closest('[role="group"]');
  if (!(box instanceof HTMLInputElement) || !group) return;
  const label = box.closest('label');
  if (label) label.hidden = false;
  const apply = () =>
    Array.prototype.forEach.call(group.querySelectorAll('a[href]'), (a: HTMLAnchorElement) => {
      const url = new URL(a.href);
      if (box.checked) url.searchParams.set('comments', 'true');
      else url.searchParams.delete('comments');
      a.href = url.pathname + url.search;
    });
  box.addEventListener('change', apply);
  // A reload keeps the box checked: keep the links in step with it.
  apply();
}

enhanceExportOptions();
