/* The date fields of every form (kern.formulare.DatumEingabe): typed as TT.MM.JJJJ; this file adds a
   button beside each one that shows the browser's own date picker and writes the chosen day back in
   German. Without this file the fields work as plain text inputs. No inline script (CSP). */
(function () {
  "use strict";

  function iso(text) {
    var m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text || "");
    if (!m) return "";
    return m[3] + "-" + ("0" + m[2]).slice(-2) + "-" + ("0" + m[1]).slice(-2);
  }

  function deutsch(wert) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(wert || "");
    return m ? m[3] + "." + m[2] + "." + m[1] : "";
  }

  function bezeichnung(feld) {
    var label = feld.id ? document.querySelector('label[for="' + feld.id + '"]') : null;
    return label ? label.textContent.replace(/\*/g, "").trim() : "Datum";
  }

  function einrichten(feld) {
    var knopf = document.createElement("button");
    knopf.type = "button";
    knopf.className = "btn btn-outline-secondary btn-sm datum-knopf";
    knopf.textContent = "Kalender";
    knopf.setAttribute("aria-expanded", "false");
    knopf.setAttribute("aria-label", "Kalender für „" + bezeichnung(feld) + "“");

    var wahl = document.createElement("input");
    wahl.type = "date";
    wahl.className = "form-control form-control-sm datum-wahl";
    wahl.hidden = true;
    wahl.setAttribute("aria-label", "Tag wählen für „" + bezeichnung(feld) + "“");
    if (feld.id) {
      wahl.id = feld.id + "_kalender";
      knopf.setAttribute("aria-controls", wahl.id);
    }

    function zeigen(offen) {
      wahl.hidden = !offen;
      knopf.setAttribute("aria-expanded", offen ? "true" : "false");
    }

    knopf.addEventListener("click", function () {
      if (!wahl.hidden) {
        zeigen(false);
        return;
      }
      wahl.value = iso(feld.value);
      zeigen(true);
      wahl.focus();
      if (typeof wahl.showPicker === "function") {
        try { wahl.showPicker(); } catch (e) { /* the visible input still works */ }
      }
    });
    wahl.addEventListener("change", function () {
      var text = deutsch(wahl.value);
      if (!text) return;
      feld.value = text;
      feld.dispatchEvent(new Event("change", { bubbles: true }));
    });
    wahl.addEventListener("keydown", function (ereignis) {
      if (ereignis.key === "Escape" || ereignis.key === "Enter") {
        ereignis.preventDefault();
        zeigen(false);
        feld.focus();
      }
    });

    var hinten = feld.nextSibling;
    feld.parentNode.insertBefore(knopf, hinten);
    feld.parentNode.insertBefore(wahl, hinten);
  }

  var felder = document.querySelectorAll("input[data-datum]");
  for (var i = 0; i < felder.length; i++) {
    einrichten(felder[i]);
  }
})();
