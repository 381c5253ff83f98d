// Only the chosen programme's rules are shown and sent; without script every programme's are shown
// and the server reads only the chosen one's.
(function () {
  var select = document.getElementById('programme');
  function show() {
    document.querySelectorAll('#open-call fieldset.rules').forEach(function (fieldset) {
      var on = fieldset.dataset.programme === select.value;
      fieldset.hidden = !on;
      fieldset.disabled = !on;
    });
  }
  select.addEventListener('change', show);
  show();
})();
