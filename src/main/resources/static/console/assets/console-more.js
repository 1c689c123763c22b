// Deliveries, reconciliation and the admin pages: a form marked data-confirm="question" asks before it is sent
// (revoking a key, disabling a user). Kept here because the Content-Security-Policy refuses inline script.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
})();
