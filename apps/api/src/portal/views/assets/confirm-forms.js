// A form with data-confirm asks before it is sent (the server still asks for its own confirmation
// on irreversible steps; this only spares a round trip when the person changes their mind).
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
});
