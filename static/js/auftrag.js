// A page of an order (publishing a report, a large export) asks every two seconds how far the order has got,
// until it is done or failed: the status box carries the URL to ask in data-stand-url.
(function () {
  "use strict";
  var feld = document.querySelector("[data-stand-url]");
  if (!feld) {
    return;
  }
  var url = feld.dataset.standUrl;
  function fragen() {
    fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (antwort) { return antwort.ok ? antwort.json() : null; })
      .then(function (stand) {
        if (!stand) {
          window.setTimeout(fragen, 5000);
          return;
        }
        feld.innerHTML = stand.html;
        if (!stand.abgeschlossen) {
          window.setTimeout(fragen, 2000);
        }
      })
      .catch(function () { window.setTimeout(fragen, 5000); });
  }
  window.setTimeout(fragen, 2000);
}());
