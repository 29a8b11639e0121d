// The residents' ballot (fund/templates/fund/includes/ballot.html): shows the running total
// of the ticked projects as they change. The server checks the budget whatever this shows.
(function () {
  "use strict";
  var form = document.querySelector("form[data-ballot]");
  if (!form) {
    return;
  }
  var output = form.querySelector("[data-ballot-total]");
  var boxes = form.querySelectorAll("input[type=checkbox][data-cost]");
  var money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 0 });
  var budget = parseFloat(form.getAttribute("data-budget"));
  var template = form.getAttribute("data-total-template");

  function pounds(value) {
    return money.format(Math.round(value * 100) / 100);
  }

  function update() {
    var pence = 0;
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked) {
        pence += Math.round(parseFloat(boxes[i].getAttribute("data-cost")) * 100);
      }
    }
    output.textContent = template.replace("{total}", pounds(pence / 100)).replace("{budget}", pounds(budget));
  }

  for (var i = 0; i < boxes.length; i++) {
    boxes[i].addEventListener("change", update);
  }
})();
