// pledgewatch dashboard: a little progressive enhancement; every page works without it.
(function () {
  "use strict";
  // Filters apply as soon as a select changes.
  document.querySelectorAll("form.filters select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // On a document page, pointing at a claim in the side list lights its evidence in the text.
  document.querySelectorAll("[data-claim]").forEach(function (item) {
    var anchor = document.getElementById("claim-" + item.getAttribute("data-claim"));
    var mark = anchor && anchor.closest("mark");
    if (!mark) { return; }
    item.addEventListener("mouseenter", function () { mark.classList.add("lit"); });
    item.addEventListener("mouseleave", function () { mark.classList.remove("lit"); });
  });
  // Upload: show the chosen file's size before sending, and refuse what the server would.
  var file = document.querySelector("input[type=file][data-max-bytes]");
  if (file) {
    file.addEventListener("change", function () {
      var max = parseInt(file.getAttribute("data-max-bytes"), 10);
      var out = document.getElementById("file-note");
      if (!file.files.length || !out) { return; }
      var size = file.files[0].size;
      out.textContent = size > max
        ? "This file is " + Math.ceil(size / 1024) + " KB; the limit is " + Math.floor(max / 1024) + " KB."
        : Math.ceil(size / 1024) + " KB";
      out.className = size > max ? "notice bad" : "muted";
    });
  }
  document.documentElement.classList.add("js");
})();
