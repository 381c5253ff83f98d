// Checks the 统一社会信用代码 as it is typed, through the server's own rule (GET /register/credit-code).
(function () {
  var input = document.getElementById('creditCode'), hint = document.getElementById('creditCode-hint');
  if (!input || !hint) return;
  var timer = null, asked = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var mine = ++asked;
      fetch('/register/credit-code?code=' + encodeURIComponent(input.value), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          if (mine !== asked) return;
          hint.textContent = result.message;
          hint.className = result.valid ? 'ok' : 'error';
          input.setAttribute('aria-invalid', result.valid ? 'false' : 'true');
        })
        .catch(function () {});
    }, 250);
  });
})();
