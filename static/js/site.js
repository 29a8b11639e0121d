// Progressive enhancement only: every page works without this file.
(function () {
  document.documentElement.classList.remove("no-js");
  document.body.classList.add("js-enabled");
  // GOV.UK Frontend's components (static/govuk/govuk-frontend.js, loaded before this file):
  // the menu on phones, character counts, the error summary taking focus, accordions.
  // isSupported() reads the govuk-frontend-supported class, so the class comes first, on
  // browsers that run ES modules (GOV.UK Frontend's own test for the browsers it supports).
  var frontend = window.GOVUKFrontend;
  if (frontend && "noModule" in HTMLScriptElement.prototype) {
    document.body.classList.add("govuk-frontend-supported");
    if (frontend.isSupported()) {
      frontend.initAll();
    }
  }
})();
