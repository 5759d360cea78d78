/* The progress page of a file the worker builds (a search's PDF dossier, a plan's note):
   ask the status endpoint ([data-build-status]) every two seconds, then start the download.
   On failure, say so ([data-build-message]'s data-failed-message), and reload the page when
   it offers to try again ([data-reload-on-failure]). Without JavaScript the page refreshes
   itself (its <noscript> meta refresh). */
(function () {
  "use strict";
  var region = document.querySelector("[data-build-status]");
  if (!region || !window.fetch) { return; }
  var message = region.querySelector("[data-build-message]");
  var statusUrl = region.getAttribute("data-build-status");

  function poll() {
    fetch(statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (status.state === "ready") {
          message.textContent = message.getAttribute("data-ready-message");
          window.location.href = status.url;
        } else if (status.state === "failed") {
          message.textContent = message.getAttribute("data-failed-message");
          if (region.hasAttribute("data-reload-on-failure")) { window.location.reload(); }
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
