/* Map of a city's areas: colours and texts from the page (#karten-daten), the simplified
   boundaries from the portal's own cached URL (data-grenzen-url); no request to a third party
   unless the page names a tile server (data-kachel-url, from the MAP_TILE_URL setting). */
(function () {
  "use strict";
  var element = document.getElementById("karte");
  var quelle = document.getElementById("karten-daten");
  if (!element || !quelle || !window.L) {
    return;
  }
  var daten = JSON.parse(quelle.textContent);
  // Leaflet's own zoom control speaks English; the page is German (WCAG 3.1.2).
  var karte = L.map(element, {attributionControl: false, zoomControl: false, zoomSnap: 0.25});
  L.control.zoom({zoomInTitle: "Vergrößern", zoomOutTitle: "Verkleinern"}).addTo(karte);
  if (element.dataset.kachelUrl) {
    L.tileLayer(element.dataset.kachelUrl, {maxZoom: 19, attribution: element.dataset.kachelHinweis || ""}).addTo(karte);
    L.control.attribution({prefix: false}).addTo(karte);
  }

  function popup(properties) {
    // Built from DOM nodes, so names from the database are never parsed as HTML.
    var inhalt = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.name;
    var text = document.createElement("div");
    text.textContent = properties.text;
    inhalt.appendChild(link);
    inhalt.appendChild(text);
    return inhalt;
  }

  function zeichnen(grenzen) {
    var geometrie = {};
    grenzen.features.forEach(function (feature) { geometrie[feature.id] = feature.geometry; });
    daten.features = daten.features.filter(function (feature) {
      feature.geometry = geometrie[feature.id] || null;
      return feature.geometry !== null;
    });
    flaechen(daten);
  }

  function flaechen(daten) {
  var ebene = L.geoJSON(daten, {
    style: function (feature) {
      return {color: "#444", weight: 1, fillColor: feature.properties.farbe, fillOpacity: 0.85};
    },
    onEachFeature: function (feature, layer) {
      var hinweis = document.createElement("span");
      hinweis.textContent = feature.properties.name + ": " + feature.properties.text;
      layer.bindTooltip(hinweis, {sticky: true});
      layer.bindPopup(popup(feature.properties));
      layer.on("mouseover", function () { layer.setStyle({weight: 3}); });
      layer.on("mouseout", function () { ebene.resetStyle(layer); });
    }
  }).addTo(karte);

  if (ebene.getLayers().length) {
    karte.fitBounds(ebene.getBounds(), {padding: [12, 12]});
  } else {
    karte.setView([51.2, 10.4], 6);
  }
  }

  if (element.dataset.grenzenUrl) {
    fetch(element.dataset.grenzenUrl, {credentials: "same-origin"})
      .then(function (antwort) { return antwort.ok ? antwort.json() : {features: []}; })
      .then(zeichnen, function () { zeichnen({features: []}); });
  } else {
    karte.setView([51.2, 10.4], 6);
  }
}());
