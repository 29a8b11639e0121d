// The strategy is published one chapter per page. A link made when it was one long page
// (/strategy/#knowing-our-communities) lands on that chapter's entry in the contents list
// without this file; with it, the browser goes on to the chapter itself.
(function () {
  var anchor = window.location.hash.slice(1);
  if (!anchor) return;
  var entry = document.getElementById(decodeURIComponent(anchor));
  var link = entry && entry.querySelector("a[data-chapter-link]");
  if (link) window.location.replace(link.href + "#" + encodeURIComponent(anchor));
})();
