// The territory step: suggestions from the territory reference (/territory/autocomplete/) in a
// native <datalist>, filled in as "Name (code)", which the server links to the reference.
// Without JavaScript the typed name or code is resolved by the server all the same.
(function () {
  "use strict";

  var list = document.querySelector("[data-territory-suggestions]");
  var input = list && document.querySelector("input[list='" + list.id + "']");
  if (!input) { return; }
  var url = list.getAttribute("data-url");
  var timer = null;
  var controller = null;

  function show(results) {
    list.textContent = "";
    results.forEach(function (result) {
      var option = document.createElement("option");
      option.value = result.name + " (" + result.code + ")";
      option.label = result.label;
      list.appendChild(option);
    });
  }

  function lookUp() {
    var text = input.value.trim();
    if (text.length < 2 || /\(\w+\)$/.test(text)) { return; }
    if (controller) { controller.abort(); }
    controller = new AbortController();
    fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" }, signal: controller.signal })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { show(data.results || []); })
      .catch(function () { /* aborted or offline: the typed text is resolved by the server */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookUp, 150);
  });
})();
