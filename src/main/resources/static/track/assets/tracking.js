// The tracking page's live updates: the order's token stream (main[data-stream], Server-Sent Events) says that the
// order changed; the page then asks the server for itself again and swaps in the new #live part, so every text
// stays server-rendered in the reader's language. No inline script: the Content-Security-Policy refuses it.
(function () {
  'use strict';

  var main = document.getElementById('main');
  var streamUrl = main && main.getAttribute('data-stream');
  if (!streamUrl || !window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var refreshing = false;
  var again = false;

  function refresh() {
    if (refreshing) {
      again = true; // changes that arrive during a refresh are covered by one more
      return;
    }
    refreshing = true;
    fetch(window.location.href, {credentials: 'same-origin', cache: 'no-store', headers: {'Accept': 'text/html'}})
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html) {
          swap(new DOMParser().parseFromString(html, 'text/html'));
        }
      })
      .catch(function () { /* offline for a moment: the next change or reconnect refreshes */ })
      .then(function () {
        main.setAttribute('data-live', 'ready'); // the page is current (tests wait for this)
        refreshing = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  function swap(next) {
    var live = document.getElementById('live');
    var fresh = next.getElementById('live');
    if (!live || !fresh || same(live, fresh)) {
      return; // nothing changed: keep the reader's focus and scroll where they are
    }
    var before = statusText(document);
    live.replaceWith(document.importNode(fresh, true));
    document.title = next.title;
    var after = statusText(document);
    var announce = document.getElementById('announce');
    if (announce && after !== before) {
      announce.textContent = after;
    }
  }

  // Equal but for the CSRF token, which the server masks afresh on every rendering.
  function same(a, b) {
    return withoutTokens(a) === withoutTokens(b);
  }

  function withoutTokens(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll('input[name="_csrf"]').forEach(function (input) { input.removeAttribute('value'); });
    return copy.innerHTML;
  }

  function statusText(doc) {
    var status = doc.getElementById('status');
    return status ? status.textContent.trim() : '';
  }

  var source = new EventSource(streamUrl);
  source.onmessage = refresh;
  // The stream starts at its connection, not at the page's rendering: a change in between, or while a dropped
  // connection was being re-opened (hops included, which send no event), is fetched once on every open.
  source.onopen = refresh;
})();
