// The search page changes its results in place (search.js): the search to save is the
// one in the address bar when the member saves it.
(function () {
  "use strict";
  var form = document.querySelector("[data-save-search]");
  if (!form) return;
  form.addEventListener("submit", function () {
    var query = form.querySelector("[data-save-search-query]");
    if (query) query.value = window.location.search.replace(/^\?/, "");
  });
})();
