// news-archiver web view: small enhancements only; every page works without this file.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var site = document.getElementById('site');
    if (site && site.form) {
      site.addEventListener('change', function () { site.form.submit(); });
    }
    var caption = document.getElementById('chart-value');
    var points = document.querySelectorAll('#read-count-chart circle.point');
    points.forEach(function (p) {
      p.setAttribute('tabindex', '0');
      var show = function () {
        if (caption) {
          caption.textContent = p.getAttribute('data-observed-at') + ': ' + p.getAttribute('data-read-count') + ' reads';
        }
      };
      p.addEventListener('mouseenter', show);
      p.addEventListener('focus', show);
    });
  });
})();
