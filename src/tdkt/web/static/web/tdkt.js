// Collapse the deeper levels of the organisation tree on phones so it fits one screen.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.matchMedia("(max-width: 600px)").matches) return;
  document.querySelectorAll("ul.tree details[data-depth]").forEach(function (el) {
    if (Number(el.dataset.depth) >= 1) el.removeAttribute("open");
  });
});

// Zones edited in place: after htmx swaps a row in, put the keyboard focus where the user
// continues: the first field with an error (else the first field) of an edit row, or the
// "Sửa" link of a saved row. Done here, once the swap has settled, rather than with the
// autofocus attribute, whose timing differs between browsers and could move the caret
// while the user is already typing.
document.addEventListener("htmx:afterSettle", function (event) {
  var row = event.detail.elt;
  if (!(row instanceof HTMLTableRowElement) || !row.isConnected) return;
  var target = null;
  if (row.classList.contains("editing")) {
    target = row.querySelector("[aria-invalid='true']") || row.querySelector("input, select");
  } else if (row.classList.contains("saved")) {
    target = row.querySelector("td.row-actions a");
  }
  if (target) target.focus();
});

// A select marked data-autosubmit sends its form when changed (the page also has a button for
// browsers without JavaScript). Bound here because the Content-Security-Policy forbids inline
// event handlers such as onchange="…".
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-autosubmit") && field.form) {
    field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
  }
});

// The main navigation folds behind a menu button (a <details>) so that it does not take a third
// of a phone's screen; on a wide screen it is opened at once (CSS then hides the button), and
// again when a narrow window is widened. Without JavaScript the button still opens it.
(function () {
  var wide = window.matchMedia("(min-width: 768px)");
  function sync() {
    document.querySelectorAll("details[data-nav-menu]").forEach(function (menu) {
      if (wide.matches) menu.open = true;
    });
  }
  document.addEventListener("DOMContentLoaded", sync);
  if (wide.addEventListener) wide.addEventListener("change", sync);
})();
