// Progressive enhancement only: every page works without this file.
// Forms with data-confirm ask before submitting (delete, merge, release).
document.addEventListener("submit", function (e) {
  var f = e.target;
  if (f && f.dataset && f.dataset.confirm && !window.confirm(f.dataset.confirm)) {
    e.preventDefault();
  }
});
// Buttons with data-copy copy the text of the element they name.
document.addEventListener("click", function (e) {
  var b = e.target.closest ? e.target.closest("[data-copy]") : null;
  if (!b) return;
  var el = document.getElementById(b.dataset.copy);
  if (el && navigator.clipboard) {
    navigator.clipboard.writeText(el.innerText).then(function () {
      b.classList.add("copied");
      setTimeout(function () { b.classList.remove("copied"); }, 1500);
    });
  }
});
