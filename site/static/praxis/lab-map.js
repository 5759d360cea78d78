/* The lab map: markers fetched from data-points-url (the directory's markers/) on Leaflet,
   tiles from data-tile-url (optional). */
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("lab-map");
    if (!element || !window.L) { return; }
    fetch(element.getAttribute("data-points-url"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { points: [] }; })
      .then(function (data) { draw(element, data.points || []); })
      .catch(function () { element.setAttribute("data-ready", "0"); });
  }
  function draw(element, points) {
    var map = window.L.map(element, { scrollWheelZoom: false });
    var tiles = element.getAttribute("data-tile-url");
    if (tiles) {
      window.L.tileLayer(tiles, { maxZoom: 18, attribution: element.getAttribute("data-attribution") || "" }).addTo(map);
    }
    var bounds = [];
    points.forEach(function (point) {
      var marker = window.L.circleMarker([point.lat, point.lng], {
        radius: 8, color: "#073f49", weight: 2, fillColor: "#0b5d6b", fillOpacity: 0.85
      }).addTo(map);
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      var box = document.createElement("div");
      box.appendChild(link);
      var place = document.createElement("p");
      place.textContent = point.place + (point.status ? " · " + point.status : "");
      box.appendChild(place);
      marker.bindPopup(box);
      bounds.push([point.lat, point.lng]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 8); }
    else if (bounds.length) { map.fitBounds(bounds, { padding: [24, 24] }); }
    element.setAttribute("data-ready", String(points.length));
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
