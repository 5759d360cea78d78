// "Share a practice": what the member types is saved a moment after they stop typing, and when
// they leave the page, so that a closed tab loses nothing. The form still works without it.
(function () {
  "use strict";

  var form = document.querySelector("form[data-autosave-url]");
  if (!form) { return; }
  var url = form.getAttribute("data-autosave-url");
  var status = form.querySelector("[data-autosave-status]");
  var completeness = document.querySelector("[data-completeness]");
  var progress = document.querySelector(".contribution-progress progress");
  var timer = null;
  var dirty = false;

  function body() {
    var data = new FormData(form);
    data.delete("previous");
    return data;
  }

  function save() {
    timer = null;
    if (!dirty) { return; }
    dirty = false;
    fetch(url, { method: "POST", body: body(), credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (answer) {
        if (status) { status.textContent = status.getAttribute("data-saved-text") || "✓"; }
        if (completeness && typeof answer.percent === "number") {
          completeness.textContent = completeness.textContent.replace(/\d+/, String(answer.percent));
          if (progress) { progress.value = answer.percent; }
        }
      })
      .catch(function () {
        dirty = true;
        if (status) { status.textContent = status.getAttribute("data-failed-text") || ""; }
      });
  }

  function changed() {
    dirty = true;
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 800);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () { dirty = false; if (timer) { clearTimeout(timer); } });
  window.addEventListener("pagehide", function () {
    if (dirty && navigator.sendBeacon) { navigator.sendBeacon(url, body()); dirty = false; }
  });
})();
