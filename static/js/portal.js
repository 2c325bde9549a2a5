/* Loaded on every page (base.html). No inline script anywhere: the page works without this file,
   it only adds what keyboard and screen reader users need on top. */
(function () {
  "use strict";

  // A table box that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): it becomes a
  // focusable, named region while it overflows, and an ordinary box again when it fits.
  function ueberschrift(box) {
    var caption = box.querySelector("caption");
    if (caption && caption.textContent.trim()) {
      return caption.textContent.trim();
    }
    // Otherwise the nearest heading before the box, in document order.
    var knoten = box;
    while (knoten && knoten !== document.body) {
      var vorher = knoten.previousElementSibling;
      while (vorher) {
        var innen = vorher.querySelectorAll("h1, h2, h3, h4, h5, h6");
        var kopf = /^H[1-6]$/.test(vorher.tagName) ? vorher : innen[innen.length - 1];
        if (kopf && kopf.textContent.trim()) {
          return kopf.textContent.trim();
        }
        vorher = vorher.previousElementSibling;
      }
      knoten = knoten.parentElement;
    }
    return "";
  }

  function tabellenPruefen() {
    var boxen = document.querySelectorAll(".table-responsive");
    for (var i = 0; i < boxen.length; i++) {
      var box = boxen[i];
      var laeuft_ueber = box.scrollWidth > box.clientWidth + 1;
      if (laeuft_ueber && !box.hasAttribute("data-scrollbar")) {
        var name = ueberschrift(box);
        box.setAttribute("data-scrollbar", "");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", (name ? "Tabelle: " + name : "Tabelle") + " (seitlich verschiebbar)");
      } else if (!laeuft_ueber && box.hasAttribute("data-scrollbar")) {
        box.removeAttribute("data-scrollbar");
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }

  // After a failed submit the error summary (kern/_formularfehler.html) takes the focus, so the
  // user hears what went wrong and can follow its links to the fields.
  function fehlerZeigen() {
    var zusammenfassung = document.getElementById("formularfehler");
    if (zusammenfassung) {
      if (!zusammenfassung.hasAttribute("tabindex")) {
        zusammenfassung.setAttribute("tabindex", "-1");
      }
      zusammenfassung.focus();
    }
  }

  // A link of the summary puts the focus into its field (a plain fragment link only scrolls) and
  // shows the field's label or legend above it.
  document.addEventListener("click", function (ereignis) {
    var link = ereignis.target.closest ? ereignis.target.closest("#formularfehler a[href^='#']") : null;
    var feld = link ? document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1))) : null;
    if (!feld) {
      return;
    }
    ereignis.preventDefault();
    // An option of a checkbox or radio group shows the group's legend; any other field its label.
    var gruppe = /^(checkbox|radio)$/.test(feld.type) ? feld.closest("fieldset") : null;
    var beschriftung = document.querySelector("label[for='" + CSS.escape(feld.id) + "']");
    (gruppe || beschriftung || feld).scrollIntoView();
    feld.focus({preventScroll: true});
  });

  var wartet = null;
  window.addEventListener("resize", function () {
    if (wartet) {
      window.clearTimeout(wartet);
    }
    wartet = window.setTimeout(tabellenPruefen, 150);
  });
  tabellenPruefen();
  fehlerZeigen();
}());
