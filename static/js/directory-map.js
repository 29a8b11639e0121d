// The directory's map, drawn over a page that works without it: the page's list of entries is
// the map's equivalent. Leaflet (static/leaflet/, from npm, pinned) draws the tiles from the
// tile server named in the container's data-tile-url; when that server is unreachable the
// tiles stay blank and the markers, their popups and the list still work. The markers come
// from the same filters as the list, as GeoJSON (data-geojson-url).
(function () {
  var container = document.getElementById("directory-map");
  if (!container || !window.L || !window.fetch) return;

  var data = container.dataset;
  container.hidden = false;
  container.setAttribute("role", "region");
  container.setAttribute("aria-label", data.label || "Map");
  var note = document.getElementById("directory-map-note");
  if (note) note.hidden = false;

  var centre = [parseFloat(data.latitude), parseFloat(data.longitude)];
  var map = L.map(container, { scrollWheelZoom: false }).setView(centre, parseInt(data.zoom, 10) || 10);
  L.tileLayer(data.tileUrl, { maxZoom: 19, attribution: data.attribution }).addTo(map);
  // Leaflet's own credit without its flag icon: the attribution says what the tiles are.
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');

  // The popup is built from text nodes: an entry's title is never read as HTML.
  function popup(properties) {
    var content = document.createElement("div");
    content.className = "directory-map__popup";
    var link = document.createElement("a");
    link.className = "govuk-link";
    link.href = properties.url;
    link.textContent = properties.title;
    var heading = document.createElement("p");
    heading.className = "govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1";
    heading.appendChild(link);
    content.appendChild(heading);
    var details = document.createElement("p");
    details.className = "govuk-body-s govuk-!-margin-0";
    details.textContent = properties.place ? properties.type + ", " + properties.place : properties.type;
    content.appendChild(details);
    return content;
  }

  // A group of markers: its count, and in words what choosing it does.
  function groupIcon(group) {
    var count = group.getChildCount();
    var element = document.createElement("div");
    var number = document.createElement("span");
    number.textContent = String(count);
    var words = document.createElement("span");
    words.className = "govuk-visually-hidden";
    words.textContent = " " + (data.groupLabel || "entries here: zoom in");
    element.appendChild(number);
    element.appendChild(words);
    var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    return L.divIcon({ html: element, className: "marker-cluster marker-cluster-" + size, iconSize: L.point(40, 40) });
  }

  fetch(data.geojsonUrl, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      if (!response.ok) throw new Error("The map's entries did not load: " + response.status);
      return response.json();
    })
    .then(function (collection) {
      // Markers that would overlap are grouped (each stays a target of its own size); a group
      // zooms in, or spreads its markers out at the closest zoom, when chosen.
      var groups = L.markerClusterGroup
        ? L.markerClusterGroup({ showCoverageOnHover: false, iconCreateFunction: groupIcon })
        : null;
      var layer = L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          // The title names the marker for keyboard and screen-reader users (Leaflet sets its alt).
          var marker = L.marker(latlng, { title: feature.properties.title, alt: feature.properties.title });
          marker.on("add", function () {
            var element = marker.getElement();
            if (element) element.dataset.entryId = String(feature.properties.id);
          });
          return marker;
        },
        onEachFeature: function (feature, marker) {
          marker.bindPopup(popup(feature.properties));
        },
      });
      if (groups) {
        groups.addLayer(layer);
        map.addLayer(groups);
      } else {
        layer.addTo(map);
      }
      var bounds = layer.getBounds();
      // Room for a marker's height above its point, and clear of the zoom buttons (top left) and
      // the credits (bottom right): no marker sits under a control.
      if (bounds.isValid()) map.fitBounds(bounds, { paddingTopLeft: [60, 84], paddingBottomRight: [32, 32], maxZoom: 15 });
      container.dataset.markers = String(collection.features.length);
    })
    .catch(function () {
      // The list below has every entry: the map stays at the district, without markers.
      container.dataset.markers = "0";
    });
})();
