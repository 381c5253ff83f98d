// Live total as the expert types: Σ points / maxPoints × weight, as the server computes it.
(function () {
  var inputs = document.querySelectorAll('#scoring input[data-weight]'), out = document.getElementById('total');
  function update() {
    var total = 0, complete = true;
    inputs.forEach(function (input) {
      var v = parseFloat(input.value), max = parseFloat(input.dataset.max), w = parseFloat(input.dataset.weight);
      if (isNaN(v)) { complete = false; return; }
      total += Math.min(Math.max(v, 0), max) / max * w;
    });
    out.textContent = (Math.round(total * 100) / 100).toFixed(2) + (complete ? '' : '(未完成)');
  }
  inputs.forEach(function (input) { input.addEventListener('input', update); });
  update();
})();
