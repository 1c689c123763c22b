// The console's behaviour, kept out of the pages: the Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // Every htmx request that changes something carries the CSRF token that the page was rendered with.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('csrf-token');
    var header = meta('csrf-header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  // Charts: <div class="chart" data-chart-src="…json"> holds an ECharts option object fetched from that URL.
  function drawCharts(root, selector) {
    if (!window.echarts) {
      return;
    }
    root.querySelectorAll(selector || '[data-chart-src]').forEach(function (element) {
      fetch(element.getAttribute('data-chart-src'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (option) {
          if (!option) {
            return;
          }
          // The canvas renderer: the SVG one writes style attributes (setAttribute('style')), which the policy's
          // style-src 'self' blocks; the canvas one styles its elements through the CSSOM, which the policy allows.
          var chart = window.echarts.getInstanceByDom(element) || window.echarts.init(element, null, {renderer: 'canvas'});
          // Tooltips as rich text: the HTML ones carry inline styles, which the policy refuses.
          option.tooltip = Object.assign({trigger: 'axis', renderMode: 'richText'}, option.tooltip || {});
          chart.setOption(option, true);
        });
    });
  }

  var LIVE_TYPES = ['order.created', 'order.paid', 'order.payment_failed', 'order.cancelled', 'order.expired',
    'order.fulfilled', 'order.completed', 'order.refunded', 'order.needs_attention', 'order.repaired'];

  // Live figures: one event stream per page; each change fires "live" on the body, which elements with
  // hx-trigger="live from:body" answer by reloading themselves. Bursts are folded into one refresh a second.
  function listen() {
    var source = document.body.getAttribute('data-live-src') || (document.querySelector('[hx-trigger*="live from:body"]') ? '/console/live' : null);
    if (!source || !window.EventSource) {
      return;
    }
    var pending = null;
    var stream = new EventSource(source);
    function changed() {
      if (pending) {
        return;
      }
      pending = setTimeout(function () {
        pending = null;
        if (window.htmx) {
          window.htmx.trigger(document.body, 'live');
        }
      }, 1000);
    }
    // Each change arrives as an SSE event named for its type (order.paid, …), which 'message' does not catch.
    stream.addEventListener('message', changed);
    LIVE_TYPES.forEach(function (type) { stream.addEventListener(type, changed); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts(document);
    listen();
    // Live charts (data-chart-live) follow the stream like the figures do, and the actions' console-changed;
    // every minute too, as the figures, so a chart's hours move on without a change.
    function redrawLive() {
      drawCharts(document, '[data-chart-src][data-chart-live]');
    }
    document.body.addEventListener('live', redrawLive);
    document.body.addEventListener('console-changed', redrawLive);
    if (document.querySelector('[data-chart-live]')) {
      setInterval(redrawLive, 60000);
    }
    window.addEventListener('resize', function () {
      if (window.echarts) {
        document.querySelectorAll('[data-chart-src]').forEach(function (element) {
          var chart = window.echarts.getInstanceByDom(element);
          if (chart) {
            chart.resize();
          }
        });
      }
    });
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    drawCharts(event.target);
  });
})();
