// Progressive enhancement only: every page works without this file.
(function () {
  document.documentElement.classList.remove("no-js");
  // Move focus to a form's error summary so keyboard and screen reader users start there.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
  // Error-summary links focus the field itself, not just scroll to it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".error-summary__list a");
    if (!link) { return; }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (field) { event.preventDefault(); field.focus(); }
  });
})();
