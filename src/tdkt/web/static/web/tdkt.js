// Collapse the deeper levels of the organisation tree on phones so it fits one screen.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.matchMedia("(max-width: 600px)").matches) return;
  document.querySelectorAll("ul.tree details[data-depth]").forEach(function (el) {
    if (Number(el.dataset.depth) >= 1) el.removeAttribute("open");
  });
});
