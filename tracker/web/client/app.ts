// Small progressive enhancements for every page, bundled into /assets/app.js: copy buttons. No inline handlers.
import './comments.js';
import './export-options.js';
import './manage.js';
import './presence.js';
import './reader.js';
function enhanceCopyButtons(): void {
  Array.prototype.forEach.call(document.querySelectorAll('[data-copy-target]'), (btn: HTMLElement) => {
    btn.hidden = false;
    btn.addEventListener('click', () => {
      const target = document.getElementById(btn.getAttribute('data-copy-target') ?? '');
      if (!target || !navigator.clipboard) return;
      navigator.clipboard.writeText((target.textContent ?? '').trim()).then(
        () => {
          btn.textContent = 'Copied';
          setTimeout(() => {
            btn.textContent = 'Copy';
          }, 2000);
        },
        () => {
          btn.textContent = 'Select and copy manually';
        },
      );
    });
  });
}

enhanceCopyButtons();
