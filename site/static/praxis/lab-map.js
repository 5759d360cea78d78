/* The lab map on Leaflet: the labs from data-points-url (the directory's markers/), then the
   practices' territories from data-territories-url (public) and the reader's own territory
   from data-reader-url (private to the reader, so never in the cached page); tiles from
   data-tile-url (optional). data-ready, data-territories-ready and data-reader-ready say
   how many of each were drawn. */
(function () {
  "use strict";
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; });
  }
  function start() {
    var element = document.getElementById("lab-map");
    if (!element || !window.L) { return; }
    getJSON(element.getAttribute("data-points-url")).then(function (data) {
      var map = window.L.map(element, { scrollWheelZoom: false });
      var tiles = element.getAttribute("data-tile-url");
      if (tiles) {
        window.L.tileLayer(tiles, { maxZoom: 18, attribution: element.getAttribute("data-attribution") || "" }).addTo(map);
      }
      var bounds = drawLabs(map, data.points || []);
      fit(map, bounds);
      element.setAttribute("data-ready", String(bounds.length));
      Promise.all([
        getJSON(element.getAttribute("data-territories-url")),
        getJSON(element.getAttribute("data-reader-url"))
      ]).then(function (answers) {
        var territories = (answers[0].territories || []).filter(placed);
        var reader = answers[1].territory && placed(answers[1].territory) ? answers[1].territory : null;
        territories.forEach(function (territory) {
          drawTerritory(map, element, territory);
          bounds.push([territory.lat, territory.lng]);
        });
        if (reader) {
          drawReader(map, element, reader);
          bounds.push([reader.lat, reader.lng]);
        }
        fit(map, bounds);
        element.setAttribute("data-territories-ready", String(territories.length));
        element.setAttribute("data-reader-ready", reader ? "1" : "0");
      });
    });
  }
  function placed(point) {
    return typeof point.lat === "number" && typeof point.lng === "number";
  }
  function fit(map, bounds) {
    if (bounds.length === 1) { map.setView(bounds[0], 8); }
    else if (bounds.length) { map.fitBounds(bounds, { padding: [24, 24] }); }
    else { map.setView([46.6, 2.4], 5); }
  }
  function paragraph(text) {
    var line = document.createElement("p");
    line.textContent = text;
    return line;
  }
  function drawLabs(map, points) {
    var bounds = [];
    points.forEach(function (point) {
      var marker = window.L.circleMarker([point.lat, point.lng], {
        radius: 8, color: "#073f49", weight: 2, fillColor: "#0b5d6b", fillOpacity: 0.85, className: "lab-map__lab"
      }).addTo(map);
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      var box = document.createElement("div");
      box.appendChild(link);
      box.appendChild(paragraph(point.place + (point.status ? " · " + point.status : "")));
      marker.bindPopup(box);
      bounds.push([point.lat, point.lng]);
    });
    return bounds;
  }
  function drawTerritory(map, element, territory) {
    var marker = window.L.circleMarker([territory.lat, territory.lng], {
      radius: 6, color: "#7a3d00", weight: 2, fillColor: "#d9822b", fillOpacity: 0.8, className: "lab-map__territory"
    }).addTo(map);
    var count = territory.count === 1 ? element.getAttribute("data-practices-one")
      : element.getAttribute("data-practices-many").replace("__count__", String(territory.count));
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = territory.name;
    box.appendChild(title);
    box.appendChild(paragraph(territory.kind + " · " + count));
    var list = document.createElement("ul");
    (territory.practices || []).forEach(function (practice) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = practice.url;
      link.textContent = practice.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(list);
    marker.bindPopup(box);
  }
  function drawReader(map, element, territory) {
    var marker = window.L.circleMarker([territory.lat, territory.lng], {
      radius: 11, color: "#5a1846", weight: 3, fillColor: "#a8327f", fillOpacity: 0.35, className: "lab-map__reader",
      interactive: false  /* the markers under it stay clickable */
    }).addTo(map);
    var text = element.getAttribute("data-reader-label").replace("__name__", territory.name);
    marker.bindTooltip(text, { permanent: true, direction: "top", className: "lab-map__reader-label" });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
