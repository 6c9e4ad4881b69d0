// Small progressive enhancements for every page, served at /assets/app.js (copy buttons). No inline handlers anywhere.
export const APP_JS = `
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('[data-copy-target]'), function (btn) {
    btn.hidden = false;
    btn.addEventListener('click', function () {
      var target = document.getElementById(btn.getAttribute('data-copy-target'));
      if (!target || !navigator.clipboard) return;
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        btn.textContent = 'Copied';
        setTimeout(function () { btn.textContent = 'Copy'; }, 2000);
      }, function () { btn.textContent = 'Select and copy manually'; });
    });
  });
})();
`;
