// As the person types, list the sources the query matches (a debounced fetch of an HTML
// fragment the server renders); the form works without this script too.
(function () {
  "use strict";
  var form = document.getElementById("ask");
  var list = document.getElementById("matches");
  if (!form || !list || !window.fetch) { return; }
  var timer = null;
  var latest = 0;
  function refresh() {
    var data = new FormData(form);
    data.delete("csrf");
    var ask = ++latest;
    fetch("/sources?" + new URLSearchParams(data).toString(), { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) { if (ask === latest) { list.innerHTML = html; } })
      .catch(function () {});
  }
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
})();
