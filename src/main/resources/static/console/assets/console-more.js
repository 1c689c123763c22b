// The deliveries and admin pages' behaviour, kept here because the Content-Security-Policy refuses inline script.
// A form marked data-confirm="question" asks before it is sent (revoking a key, disabling a user).
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // A checkbox marked data-select-all="NAME" ticks or clears every checkbox named NAME (bulk replay).
  document.addEventListener('change', function (event) {
    var all = event.target;
    var name = all.getAttribute && all.getAttribute('data-select-all');
    if (name) {
      document.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
        box.checked = all.checked;
      });
    }
  });
})();
