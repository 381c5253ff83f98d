// Narrows the list of experts as the applicant types a name or an organisation; without script the
// whole list shows. Checked experts always stay visible.
(function () {
  var search = document.getElementById('expert-search');
  if (!search) return;
  var items = document.querySelectorAll('#expert-choices li[data-search]');
  search.addEventListener('input', function () {
    var words = search.value.trim().toLowerCase();
    items.forEach(function (item) {
      var checked = item.querySelector('input:checked');
      item.hidden = words !== '' && !checked && item.dataset.search.toLowerCase().indexOf(words) < 0;
    });
  });
})();
