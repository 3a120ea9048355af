// The console's only script of its own (the pages work without it; htmx adds partial updates).
// Copy buttons: <button data-copy="input-id">. Confirmations: <form data-confirm="question">.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  var input = document.getElementById(button.getAttribute('data-copy'));
  navigator.clipboard.writeText(input.value).then(function () {
    button.textContent = 'Copied';
  }, function () {
    input.select();
  });
});
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
