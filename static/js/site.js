// Progressive enhancement only: every page works without this file.
(function () {
  document.documentElement.classList.remove("no-js");
  document.body.classList.add("js-enabled");
  // GOV.UK Frontend's components (static/govuk/govuk-frontend.js, loaded before this file):
  // the menu on phones, character counts, the error summary taking focus, accordions.
  // GOV.UK Frontend's own support test (its inline snippet, which the Content-Security-Policy
  // forbids): the class must be on <body> before initAll, whose isSupported() only reads it.
  var frontend = window.GOVUKFrontend;
  if (frontend && "noModule" in HTMLScriptElement.prototype) {
    document.body.classList.add("govuk-frontend-supported");
    if (frontend.isSupported()) frontend.initAll();
  }
})();
