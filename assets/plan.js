/* plan.js: the action plan's switch that adds the invite recommendations,
   kept in the address (action-plan.html?include=invite) so that the view can
   be shared. The stylesheet shows and hides the rows, with or without this script. */
(function () {
  "use strict";
  var box = document.getElementById("plan-invite");
  if (!box) return;
  function wanted() {
    return new URLSearchParams(location.search).getAll("include").join(",").split(",").indexOf("invite") >= 0;
  }
  box.checked = wanted();
  box.addEventListener("change", function () {
    var url = location.pathname + (box.checked ? "?include=invite" : "") + location.hash;
    try {
      history.replaceState(history.state, "", url);
    } catch (err) {
      /* some browsers refuse to change a file:// address; the view still shows */
    }
  });
})();
