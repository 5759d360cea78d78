/* Praxis search: live results and suggestions. The page works without this file
   (a GET form and links); with it, results update in place and the URL follows. */
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  if (!form || !window.fetch || !window.history.pushState) return;
  var region = form.querySelector("[data-search-region]");
  var input = form.querySelector("[data-search-input]");
  var timer = null;
  var controller = null;
  form.classList.add("search-form--live");

  function formUrl() {
    var data = new FormData(form);
    var query = new URLSearchParams();
    data.forEach(function (value, key) { if (String(value).trim() !== "") query.append(key, value); });
    var text = query.toString();
    return form.getAttribute("action") + (text ? "?" + text : "");
  }

  function load(url, push, focusTarget) {
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var focusedId = document.activeElement && region.contains(document.activeElement) ? document.activeElement.id : null;
    region.setAttribute("aria-busy", "true");
    fetch(url, { headers: { "X-Praxis-Partial": "1" }, signal: controller ? controller.signal : undefined })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
      .then(function (html) {
        region.innerHTML = html;
        region.removeAttribute("aria-busy");
        if (push) window.history.pushState({ search: true }, "", url);
        var target = focusTarget === "results" ? region.querySelector("#search-results-title") : (focusedId && document.getElementById(focusedId));
        if (target) {
          if (focusTarget === "results") target.setAttribute("tabindex", "-1");
          target.focus();
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") window.location.assign(url); /* fall back to a full page load */
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    closeSuggestions();
    load(formUrl(), true, "results");
  });
  region.addEventListener("change", function (event) {
    if (!event.target.name) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { load(formUrl(), true); }, event.target.type === "number" ? 600 : 150);
  });
  region.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || !region.contains(link) || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var href = link.getAttribute("href");
    if (!href || href.charAt(0) !== "?") return; /* only links to this search */
    event.preventDefault();
    load(form.getAttribute("action") + href, true, "results");
  });
  window.addEventListener("popstate", function () { window.location.reload(); });

  /* Suggestions: an ARIA combobox over the query input. */
  if (!input) return;
  var list = document.createElement("ul");
  list.id = "search-suggestions";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  var active = -1;
  var suggestTimer = null;

  function closeSuggestions() {
    list.hidden = true;
    list.innerHTML = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function highlightOption(index) {
    var options = list.querySelectorAll("[role=option]");
    options.forEach(function (option, position) { option.setAttribute("aria-selected", position === index ? "true" : "false"); });
    active = index;
    if (options[index]) input.setAttribute("aria-activedescendant", options[index].id);
  }
  function showSuggestions(items) {
    list.innerHTML = "";
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = "search-suggestion-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = item.url;
      var label = document.createElement("span");
      label.textContent = item.label;
      if (item.lang) label.lang = item.lang;
      var kind = document.createElement("span");
      kind.className = "search-suggestions__kind";
      kind.textContent = item.kind_label;
      option.appendChild(label);
      option.appendChild(document.createTextNode(" "));
      option.appendChild(kind);
      option.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.assign(item.url); });
      list.appendChild(option);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    active = -1;
  }
  input.addEventListener("input", function () {
    window.clearTimeout(suggestTimer);
    var text = input.value.trim();
    if (text.length < 2) { closeSuggestions(); return; }
    suggestTimer = window.setTimeout(function () {
      fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(text))
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === text) showSuggestions(data.suggestions || []); })
        .catch(closeSuggestions);
    }, 200);
  });
  input.addEventListener("keydown", function (event) {
    var count = list.querySelectorAll("[role=option]").length;
    if (list.hidden || !count) return;
    if (event.key === "ArrowDown") { event.preventDefault(); highlightOption((active + 1) % count); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlightOption((active - 1 + count) % count); }
    else if (event.key === "Escape") { closeSuggestions(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(list.querySelectorAll("[role=option]")[active].dataset.url);
    }
  });
  input.addEventListener("blur", function () { window.setTimeout(closeSuggestions, 150); });
})();
