/* The note's progress page: ask the status endpoint every two seconds, then start the
   download; on failure, reload the page, which then says so and offers to try again
   (without JavaScript, the page refreshes itself: its <noscript> meta refresh). */
(function () {
  "use strict";
  var region = document.querySelector("[data-note-status]");
  if (!region || !window.fetch) { return; }
  var message = region.querySelector("[data-note-message]");
  var statusUrl = region.getAttribute("data-note-status");

  function poll() {
    fetch(statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (status.state === "ready") {
          message.textContent = message.getAttribute("data-ready-message");
          window.location.href = status.url;
        } else if (status.state === "failed") {
          message.textContent = message.getAttribute("data-failed-message");
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
