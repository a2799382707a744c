// Optional: nothing on the dashboard needs this file. With JavaScript on, a button
// marked data-once is disabled after the first click, so an impatient double click
// sends one request (the server refuses a second approval anyway).
document.addEventListener("submit", function (event) {
  var button = event.target.querySelector("button[data-once]");
  if (button) {
    window.setTimeout(function () { button.disabled = true; }, 0);
  }
});
