// Progressive enhancement only: every page works without this file.
(function () {
  document.documentElement.classList.remove("no-js");
  document.body.classList.add("js-enabled");
  // GOV.UK Frontend's components (static/govuk/govuk-frontend.js, loaded before this file):
  // the menu on phones, character counts, the error summary taking focus, accordions.
  var frontend = window.GOVUKFrontend;
  if (frontend && frontend.isSupported()) {
    document.body.classList.add("govuk-frontend-supported");
    frontend.initAll();
  }
})();
