// MlPrep: small enhancements on top of server-rendered pages (everything works without them).
(function () {
  'use strict';
  var root = document.documentElement;

  function systemTheme() {
    return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function applyTheme(theme) {
    root.dataset.theme = theme;
    document.querySelectorAll('link[data-hl]').forEach(function (link) {
      link.media = link.dataset.hl === theme ? 'all' : 'not all';
    });
  }

  var saved = localStorage.getItem('mlprep-theme');
  if (saved) applyTheme(saved);

  document.addEventListener('click', function (event) {
    var toggle = event.target.closest('[data-theme-toggle]');
    if (!toggle) return;
    var next = (root.dataset.theme || systemTheme()) === 'dark' ? 'light' : 'dark';
    localStorage.setItem('mlprep-theme', next);
    applyTheme(next);
  });

  // "/" focuses the search box, as on most documentation sites.
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    var box = document.getElementById('list-q') || document.querySelector('[data-search-shortcut]');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  function renderRich(scope) {
    if (window.renderMathInElement) {
      scope.querySelectorAll('.prose').forEach(function (el) {
        window.renderMathInElement(el, {
          delimiters: [
            { left: '\\[', right: '\\]', display: true },
            { left: '\\(', right: '\\)', display: false }
          ],
          throwOnError: false
        });
      });
    }
    if (window.hljs) {
      scope.querySelectorAll('.prose pre code').forEach(function (el) {
        if (!el.dataset.highlighted) window.hljs.highlightElement(el);
      });
    }
  }

  // Leave empty filter fields out of the request, so the pushed URL holds only what is set.
  document.addEventListener('htmx:configRequest', function (event) {
    var params = event.detail.parameters;
    if (params instanceof FormData) {
      Array.from(params.keys()).forEach(function (key) {
        var kept = params.getAll(key).filter(function (v) { return v !== ''; });
        params.delete(key);
        kept.forEach(function (v) { params.append(key, v); });
      });
    } else {
      Object.keys(params).forEach(function (key) { if (params[key] === '') delete params[key]; });
    }
  });

  // Review: Space shows the answer, 1-4 rate once it is shown, U undoes the last rating.
  document.addEventListener('keydown', function (event) {
    var card = document.querySelector('[data-review]');
    if (!card || event.ctrlKey || event.metaKey || event.altKey) return;
    // Typing fields keep their keys; a ticked key-point checkbox does not stop 1-4 from rating.
    if (event.target.closest('textarea, select, [contenteditable="true"], input:not([type="checkbox"])')) {
      if (event.key === 'Escape') event.target.blur();
      return;
    }
    var reveal = card.querySelector('[data-review-reveal]');
    if (event.key === ' ' && reveal && !reveal.open) {
      event.preventDefault();
      reveal.open = true;
      reveal.querySelector('summary').focus();
    } else if (/^[1-4]$/.test(event.key) && reveal && reveal.open) {
      event.preventDefault();
      reveal.querySelector('[data-rating="' + event.key + '"]').click();
    } else if (event.key === 'u' || event.key === 'U') {
      var undo = document.querySelector('[data-review-undo]');
      if (undo) { event.preventDefault(); undo.click(); }
    }
  });

  // Mock interview clock: counts down once a second while running; past zero it shows overtime.
  document.querySelectorAll('[data-timer]').forEach(function (timer) {
    var remaining = parseInt(timer.dataset.remaining, 10);
    var running = timer.dataset.running === 'true';
    var text = timer.querySelector('[data-timer-text]');
    var label = timer.querySelector('.timer-label');
    var total = label ? label.textContent.replace(/^.* of /, ' of ') : '';
    function show() {
      var s = Math.abs(remaining);
      text.textContent = (remaining < 0 ? '+' : '') + Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
      timer.classList.toggle('overtime', remaining < 0);
      timer.classList.toggle('paused', !running);
      if (label) label.textContent = (remaining < 0 ? 'over time' : (running ? 'left' : 'paused')) + total;
    }
    show();
    if (running) setInterval(function () { remaining -= 1; show(); }, 1000);
  });

  window.addEventListener('DOMContentLoaded', function () { renderRich(document); });
  document.addEventListener('htmx:afterSwap', function (event) { renderRich(event.target); });
  // Math inside a closed "reveal" block renders when it opens (KaTeX measures visible text).
  document.addEventListener('toggle', function (event) {
    if (event.target.matches && event.target.matches('details.reveal') && event.target.open) renderRich(event.target);
  }, true);
})();
