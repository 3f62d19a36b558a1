// The document list: "select all" ticks or clears every row's box (inline scripts are not allowed by the pages' CSP).
document.addEventListener('DOMContentLoaded', function () {
  var all = document.getElementById('select-all');
  if (all) {
    all.addEventListener('click', function () {
      document.querySelectorAll('input[name=ids]').forEach(function (box) { box.checked = all.checked; });
    });
  }
});
