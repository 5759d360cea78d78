// The reader's territory: a combobox over /territory/autocomplete/ (WAI-ARIA 1.2 pattern).
// Without JavaScript the form still works: the server resolves the typed name or code.
(function () {
  "use strict";

  function setUp(form) {
    var input = form.querySelector("[data-territory-input]");
    var list = form.querySelector("[data-territory-options]");
    var key = form.querySelector("[data-territory-key]");
    var url = form.getAttribute("data-autocomplete-url");
    var timer = null;
    var active = -1;
    var controller = null;

    function options() { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var all = options();
      if (!all.length) { return; }
      active = (index + all.length) % all.length;
      all.forEach(function (option, position) { option.setAttribute("aria-selected", position === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", all[active].id);
    }

    function choose(option) {
      key.value = option.getAttribute("data-key");
      input.value = option.getAttribute("data-name");
      close();
      form.submit();
    }

    function show(results) {
      list.textContent = "";
      results.forEach(function (result, index) {
        var item = document.createElement("li");
        item.id = "reader-territory-option-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-key", result.key);
        item.setAttribute("data-name", result.name);
        item.textContent = result.label;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(item); });
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      active = -1;
    }

    function lookUp() {
      var text = input.value.trim();
      key.value = "";
      if (text.length < 2) { show([]); return; }
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" }, signal: controller.signal })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { show(data.results || []); })
        .catch(function () { /* aborted or offline: the form still submits the typed text */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookUp, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(options()[active]); }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("[data-territory-picker]").forEach(setUp);
})();
